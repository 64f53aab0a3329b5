package org.thyra.registry.imports;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * <p>A source that codes its values (REDCap choices, "F"/"M", "T1a") gives {@code values}: for a
 * field, source value → course value; a source value not listed is a problem naming the row and
 * column, and an empty course value means "not recorded". {@code where} keeps only the rows whose
 * column holds one of the listed values (e.g. a lesion only for the rows with "M1"). A source
 * without patient ids gives {@code patientIdFromRow}, a prefix: the id is the prefix and the
 * 1-based data row number. A mapping file may hold one mapping or a JSON array of mappings, each
 * applied to every row of the table (one spreadsheet row can fill demographics, the primary tumour
 * and a lesion). The {@code patients} field {@code age} (completed years at diagnosis) is for a
 * source that gives no birth date: it is stored as the birth date exactly that many years before
 * the diagnosis date, which the age-dependent rules read back as that age.
 *
 * @param kind the kind of entry a row holds
 * @param patientId the column holding the pseudonymous patient id
 * @param patientIdFromRow instead of {@code patientId}: the id is this prefix and the row number
 * @param columns course field → column
 * @param constants course field → a value given to every row
 * @param values course field → (source value → course value)
 * @param where column → the values a row must hold in it to be imported
 */
public record Mapping(
    String kind,
    String patientId,
    String patientIdFromRow,
    Map<String, String> columns,
    Map<String, String> constants,
    Map<String, Map<String, String>> values,
    Map<String, List<String>> where) {

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

  /** The kinds with any number of entries per patient: all but patients and primaryTumour. */
  static final Set<String> LIST_KINDS = Set.copyOf(ALL_KINDS.subList(2, ALL_KINDS.size()));

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // a key given twice would otherwise silently keep the last value (issue 11)
          .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  public Mapping {
    columns = columns == null ? Map.of() : new LinkedHashMap<>(columns);
    constants = constants == null ? Map.of() : new LinkedHashMap<>(constants);
    values = values == null ? Map.of() : new LinkedHashMap<>(values);
    where = where == null ? Map.of() : new LinkedHashMap<>(where);
  }

  /** Reads a mapping file holding one mapping or a JSON array of mappings, and checks each. */
  public static List<Mapping> readAll(Path file) {
    List<Mapping> out = new ArrayList<>();
    try {
      JsonNode root = MAPPER.readTree(Files.readString(file));
      if (root != null && root.isArray()) {
        for (JsonNode n : root) {
          out.add(check(file, MAPPER.treeToValue(n, Mapping.class)));
        }
      } else {
        out.add(check(file, MAPPER.treeToValue(root, Mapping.class)));
      }
    } catch (IOException e) {
      throw new RegistryException("mapping " + file + ": " + e.getMessage().split("\n")[0], e);
    }
    if (out.isEmpty()) {
      throw new RegistryException("mapping " + file + ": the array holds no mapping");
    }
    return out;
  }

  /** Reads and checks a mapping file. */
  public static Mapping read(Path file) {
    Mapping m;
    try {
      m = MAPPER.readValue(Files.readString(file), Mapping.class);
    } catch (IOException e) {
      throw new RegistryException("mapping " + file + ": " + e.getMessage().split("\n")[0], e);
    }
    return check(file, m);
  }

  private static Mapping check(Path file, Mapping m) {
    if (m.kind == null || !ALL_KINDS.contains(m.kind)) {
      throw new RegistryException(
          "mapping " + file + ": kind '" + m.kind + "' is not one of " + ALL_KINDS);
    }
    boolean byColumn = m.patientId != null && !m.patientId.isBlank();
    boolean byRow = m.patientIdFromRow != null && !m.patientIdFromRow.isBlank();
    if (byColumn == byRow) {
      throw new RegistryException(
          "mapping "
              + file
              + ": give exactly one of patientId (the column holding the patient id) and"
              + " patientIdFromRow (a prefix: the id is the prefix and the row number)");
    }
    for (String f : m.values.keySet()) {
      if (!m.columns.containsKey(f)) {
        throw new RegistryException(
            "mapping " + file + ": values." + f + " names a field that columns does not map");
      }
    }
    if (m.columns.containsKey("age") && !m.kind.equals("patients")) {
      throw new RegistryException("mapping " + file + ": age is a field of kind patients only");
    }
    return m;
  }
}
