package org.thyra.clinical.course;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.thyra.clinical.units.ActivityUnit;

/**
 * Reads and writes the course JSON format (docs/COURSE_FORMAT.md): one {@link PatientCourse} per
 * JSON object, field names as the record components, dates as ISO {@code yyyy-MM-dd}, enum values
 * by name (case-insensitive on reading), activity units by symbol ({@code "mCi"}, {@code "GBq"},
 * {@code "MBq"}). Absent booleans are false and absent counts 0; an absent laboratory value is an
 * error. Unknown and duplicated fields are rejected so that a misspelt or repeated field is not
 * silently dropped or overridden.
 *
 * <p>Every problem is a {@link CourseException}: a format error names the file and the JSON path
 * (e.g. {@code raiCourses[0].activity.unit}); an impossible course names the patient and entry.
 */
public final class CourseJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .addModule(
              new SimpleModule("thyra-units")
                  .addSerializer(
                      ActivityUnit.class,
                      new JsonSerializer<ActivityUnit>() {
                        @Override
                        public void serialize(ActivityUnit v, JsonGenerator g, SerializerProvider p)
                            throws IOException {
                          g.writeString(v.symbol());
                        }
                      })
                  .addDeserializer(
                      ActivityUnit.class,
                      new JsonDeserializer<ActivityUnit>() {
                        @Override
                        public ActivityUnit deserialize(JsonParser p, DeserializationContext ctx)
                            throws IOException {
                          try {
                            return ActivityUnit.parse(p.getValueAsString());
                          } catch (IllegalArgumentException e) {
                            throw JsonMappingException.from(p, e.getMessage(), e);
                          }
                        }
                      }))
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          // a field given twice would otherwise silently keep the last value
          .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .defaultPropertyInclusion(
              JsonInclude.Value.construct(
                  JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_EMPTY))
          .build();

  private CourseJson() {}

  /** The configured mapper (shared, thread-safe). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Reads one course from JSON text; {@code source} names it in messages. */
  public static PatientCourse read(String json, String source) {
    try {
      return MAPPER.readValue(json, PatientCourse.class);
    } catch (JsonProcessingException e) {
      throw translate(e, source);
    }
  }

  /** Reads one course from a file. */
  public static PatientCourse read(Path file) throws IOException {
    return read(Files.readString(file), file.toString());
  }

  /** Writes one course as indented JSON. */
  public static String write(PatientCourse course) {
    try {
      return MAPPER.writeValueAsString(course);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot write course " + course.patientId() + ": " + e.getOriginalMessage(), e);
    }
  }

  private static CourseException translate(JsonProcessingException e, String source) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CourseException ce) {
        return ce;
      }
    }
    String path = "";
    if (e instanceof JsonMappingException m) {
      path = pathOf(m.getPath());
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String why =
        root instanceof IllegalArgumentException && root != e
            ? root.getMessage()
            : e.getOriginalMessage();
    String where =
        e.getLocation() == null
            ? ""
            : " (line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr()
                + ")";
    return CourseException.format(source, (path.isEmpty() ? "(document)" : path) + where, why);
  }

  private static String pathOf(List<JsonMappingException.Reference> refs) {
    return refs.stream()
        .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining())
        .replaceFirst("^\\.", "");
  }
}
