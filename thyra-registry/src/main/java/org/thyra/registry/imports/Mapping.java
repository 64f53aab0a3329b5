package org.thyra.registry.imports;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.thyra.registry.RegistryException;

/**
 * How a flat table (CSV or XLSX, one row per entry) maps onto course entries: which kind of entry
 * its rows are, which column holds the patient id, and which column (or constant) fills which field
 * of the course JSON format (docs/COURSE_FORMAT.md; nested fields with dots, e.g. {@code
 * activity.value}). Example, for a Tg spreadsheet:
 *
 * <pre>{@code
 * { "kind": "labs", "patientId": "Study ID",
 *   "columns": { "date": "Sample date", "value": "Tg", "unit": "Unit" },
 *   "constants": { "analyte": "TG", "tshState": "STIMULATED" } }
 * }</pre>
 *
 * <p>Kinds: {@code patients} (demographics: {@code sex}, {@code birthDate}, {@code diagnosisDate};
 * {@code lastFollowUp}, {@code ecog}, {@code death.date}, {@code death.cause}, and {@code
 * recorded.NAME} for values the source recorded, e.g. {@code recorded.ajcc8-stage}, kept to be
 * compared by {@code check}), {@code primaryTumour}, and every list of the course: {@code
 * surgeries}, {@code raiCourses}, {@code labs}, {@code lesions}, {@code measurements}, {@code
 * treatments} ({@code lesionIds} separated by {@code ;}), {@code assessments}, {@code
 * progressions}. A row whose entry has the natural key of a stored one (e.g. same date, analyte and
 * TSH state for a lab) replaces it; an identical row changes nothing.
 *
 * @param kind the kind of entry a row holds
 * @param patientId the column holding the pseudonymous patient id
 * @param columns course field → column
 * @param constants course field → a value given to every row
 */
public record Mapping(
    String kind, String patientId, Map<String, String> columns, Map<String, String> constants) {

  static final Set<String> LIST_KINDS =
      Set.of(
          "surgeries",
          "raiCourses",
          "labs",
          "lesions",
          "measurements",
          "treatments",
          "assessments",
          "progressions");

  static final List<String> ALL_KINDS =
      List.of(
          "patients",
          "primaryTumour",
          "surgeries",
          "raiCourses",
          "labs",
          "lesions",
          "measurements",
          "treatments",
          "assessments",
          "progressions");

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // a key given twice would otherwise silently keep the last value (issue 11)
          .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  public Mapping {
    columns = columns == null ? Map.of() : new LinkedHashMap<>(columns);
    constants = constants == null ? Map.of() : new LinkedHashMap<>(constants);
  }

  /** Reads and checks a mapping file. */
  public static Mapping read(Path file) {
    Mapping m;
    try {
      m = MAPPER.readValue(Files.readString(file), Mapping.class);
    } catch (IOException e) {
      throw new RegistryException("mapping " + file + ": " + e.getMessage().split("\n")[0], e);
    }
    if (m.kind == null || !ALL_KINDS.contains(m.kind)) {
      throw new RegistryException(
          "mapping " + file + ": kind '" + m.kind + "' is not one of " + ALL_KINDS);
    }
    if (m.patientId == null || m.patientId.isBlank()) {
      throw new RegistryException(
          "mapping " + file + ": patientId (the column holding the patient id) is required");
    }
    return m;
  }
}
