package org.thyra.clinical.course;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
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
 * <p>A file holds exactly one course or a JSON array of courses; anything after it (a second,
 * concatenated course) is refused. A UTF-8 byte-order mark is accepted. Whole-number fields (ECOG,
 * counts of foci and nodes, months) refuse fractions ({@code 1.7}; {@code 2.0} is 2), numbers and
 * booleans must be JSON numbers and booleans (not text), and non-finite numbers are refused.
 *
 * <p>Every problem is a {@link CourseException} in the course format's words: a format error names
 * the file, the JSON path (e.g. {@code raiCourses[0].activity.unit}), line and column, and what the
 * field allows; never a Java type or the JSON library's wording. An impossible course names the
 * patient and entry.
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
          .addModule(
              new SimpleModule("thyra-whole-numbers")
                  .addDeserializer(Integer.class, WholeNumber.INSTANCE)
                  .addDeserializer(int.class, WholeNumber.PRIMITIVE))
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          // "1" for a number or "true" for a boolean would otherwise be silently converted
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          // a second course after the first would otherwise be silently dropped
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
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

  /**
   * Reads one course from JSON text ({@code source} names it in messages): one course object, or an
   * array holding exactly one.
   */
  public static PatientCourse read(String json, String source) {
    List<PatientCourse> all = readAll(json, source);
    if (all.size() != 1) {
      throw CourseException.format(
          source,
          "(document)",
          "holds an array of "
              + all.size()
              + " courses; one course is expected here (one JSON object, or an array of exactly one)");
    }
    return all.get(0);
  }

  /** Reads one course from a file (one course object, or an array holding exactly one). */
  public static PatientCourse read(Path file) throws IOException {
    return read(Files.readString(file), file.toString());
  }

  /**
   * Reads every course of JSON text: one course object, or a JSON array of courses. Nothing may
   * follow (two concatenated courses are refused, never half read).
   */
  public static List<PatientCourse> readAll(String json, String source) {
    String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
    String start = text.stripLeading();
    try {
      if (start.isEmpty()) {
        throw CourseException.format(source, "(document)", "the file is empty; expected a course");
      }
      if (start.charAt(0) == '[') {
        List<PatientCourse> list = MAPPER.readValue(text, COURSES);
        if (list.contains(null)) {
          throw CourseException.format(
              source, "[" + list.indexOf(null) + "]", "null is not a course (expected an object)");
        }
        return List.copyOf(list);
      }
      PatientCourse one = MAPPER.readValue(text, PatientCourse.class);
      if (one == null) {
        throw CourseException.format(source, "(document)", "null is not a course");
      }
      return List.of(one);
    } catch (JsonProcessingException e) {
      throw translate(e, source);
    }
  }

  /** Reads every course of a file (one course object, or a JSON array of courses). */
  public static List<PatientCourse> readAll(Path file) throws IOException {
    return readAll(Files.readString(file), file.toString());
  }

  private static final com.fasterxml.jackson.core.type.TypeReference<List<PatientCourse>> COURSES =
      new com.fasterxml.jackson.core.type.TypeReference<>() {};

  /** Writes one course as indented JSON. */
  public static String write(PatientCourse course) {
    try {
      return MAPPER.writeValueAsString(course);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot write course " + course.patientId() + ": " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Whole numbers: a JSON integer, or a decimal with nothing after the point ({@code 2.0}); a
   * fraction ({@code 1.7}) is refused, never truncated.
   */
  private static final class WholeNumber extends JsonDeserializer<Integer> {
    static final WholeNumber INSTANCE = new WholeNumber(null);

    /**
     * For {@code int} components: an absent (or null) count is 0, as documented. Without it the
     * custom deserializer reports null for a missing count and the record constructor fails.
     */
    static final WholeNumber PRIMITIVE = new WholeNumber(0);

    private final Integer whenAbsent;

    private WholeNumber(Integer whenAbsent) {
      this.whenAbsent = whenAbsent;
    }

    @Override
    public Integer getNullValue(DeserializationContext ctx) {
      return whenAbsent;
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctx) {
      return whenAbsent;
    }

    @Override
    public Integer deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
        java.math.BigDecimal d = p.getDecimalValue();
        try {
          return d.stripTrailingZeros().intValueExact();
        } catch (ArithmeticException e) {
          throw new CourseFieldException(
              p,
              d.stripTrailingZeros().scale() > 0
                  ? "must be a whole number, got " + p.getText()
                  : "whole number " + p.getText() + " is out of range");
        }
      }
      String f = found(p);
      throw new CourseFieldException(
          p, "must be a whole number, got " + (f == null ? "another kind of value" : f));
    }
  }

  /** A field-level problem already in the course format's words. */
  private static final class CourseFieldException extends JsonMappingException {
    CourseFieldException(JsonParser p, String why) {
      super(p, why);
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
    if (String.valueOf(e.getOriginalMessage()).startsWith("Non-standard token")
        && e.getProcessor() instanceof JsonParser p) {
      // a non-number (NaN, Infinity) as a field's value: name the field it belongs to
      String name = p.getParsingContext() == null ? null : p.getParsingContext().getCurrentName();
      if (name != null) {
        path = path.isEmpty() ? name : path.endsWith("." + name) ? path : path + "." + name;
      }
    }
    String where =
        e.getLocation() == null
            ? ""
            : " (line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr()
                + ")";
    return CourseException.format(
        source, (path.isEmpty() ? "(document)" : path) + where, why(e, path));
  }

  /** What went wrong, in the course format's words. */
  private static String why(JsonProcessingException e, String path) {
    if (e instanceof CourseFieldException f) {
      return f.getOriginalMessage();
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof IllegalArgumentException
        && !(root instanceof NumberFormatException)
        && root.getMessage() != null
        && root != e) {
      // a record's own check (negative activity, unknown unit ...), already in the format's words
      return root.getMessage();
    }
    String field = path.isEmpty() ? "the document" : "'" + lastField(path) + "'";
    if (e instanceof UnrecognizedPropertyException u) {
      List<String> known =
          u.getKnownPropertyIds() == null
              ? List.of()
              : u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
      return "unknown field '"
          + u.getPropertyName()
          + "'"
          + (known.isEmpty() ? "" : " (fields here: " + String.join(", ", known) + ")");
    }
    if (e instanceof InvalidFormatException f) {
      return "'" + f.getValue() + "' is not " + expected(f.getTargetType());
    }
    if (e instanceof MismatchedInputException m) {
      String msg = String.valueOf(m.getOriginalMessage());
      if (msg.startsWith("Trailing token")) {
        return "only one course per file: more JSON follows the course (to hold several courses,"
            + " write a JSON array [ {...}, {...} ])";
      }
      if (msg.startsWith("No content to map")) {
        return "the file is empty; expected a course";
      }
      if (m.getTargetType() == PatientCourse.class && path.isEmpty()) {
        return "expected a course (a JSON object { ... }) or an array of courses, found "
            + found(m);
      }
      return field + " must be " + expected(m.getTargetType()) + ", found " + found(m);
    }
    String msg = String.valueOf(e.getOriginalMessage());
    if (msg.startsWith("Duplicate field")) {
      String name = msg.replaceAll("(?s)^Duplicate field '([^']*)'.*$", "$1");
      return "field '" + name + "' is given twice in this object (the second would silently win)";
    }
    if (msg.contains("Non-standard token") || msg.contains("NaN") || msg.contains("Infinity")) {
      return "not a number the course format accepts (numbers are finite decimals such as 1.5;"
          + " NaN and Infinity are not allowed)";
    }
    if (msg.startsWith("Unexpected end-of-input")) {
      return "the JSON ends too early (an object or array is not closed)";
    }
    if (e instanceof com.fasterxml.jackson.core.JsonParseException) {
      // the parser's own description of malformed JSON, without its internal codes and hints
      String first = msg.lines().findFirst().orElse(msg);
      first = first.replaceAll(" \\(code \\d+\\)", "").replaceAll(":? *(was )?expecting.*$", "");
      return "malformed JSON: " + first.replace("Unexpected character", "unexpected character");
    }
    return "unreadable value for " + field;
  }

  private static String lastField(String path) {
    String p = path.replaceAll("\\[\\d+\\]$", "");
    int dot = p.lastIndexOf('.');
    return dot < 0 ? p : p.substring(dot + 1);
  }

  /** What a field allows, in the course format's words. */
  private static String expected(Class<?> t) {
    if (t == null) {
      return "a value of the course format";
    }
    if (t.isEnum()) {
      if (t == ActivityUnit.class) {
        return "mCi, GBq or MBq";
      }
      return "one of "
          + java.util.Arrays.stream(t.getEnumConstants())
              .map(String::valueOf)
              .collect(Collectors.joining(", "));
    }
    if (t == Integer.class || t == int.class || t == Long.class || t == long.class) {
      return "a whole number";
    }
    if (Number.class.isAssignableFrom(t) || t == double.class) {
      return "a number";
    }
    if (t == Boolean.class || t == boolean.class) {
      return "true or false";
    }
    if (t == String.class) {
      return "text in quotes";
    }
    if (t == java.time.LocalDate.class) {
      return "a date (yyyy-MM-dd)";
    }
    if (java.util.Collection.class.isAssignableFrom(t)) {
      return "a list [ ... ]";
    }
    return "an object { ... }";
  }

  /**
   * The JSON value the parser stands on, as a user wrote it; when the parser has moved on, read
   * from the library's message (which names the kind of value found).
   */
  private static String found(JsonProcessingException e) {
    String f = found(e.getProcessor());
    if (f != null) {
      return f;
    }
    String msg = String.valueOf(e.getOriginalMessage());
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("String (?:value \\()?\"((?:[^\"\\\\]|\\\\.)*)\"")
            .matcher(msg);
    if (m.find()) {
      return "text '" + m.group(1) + "'";
    }
    m =
        java.util.regex.Pattern.compile("(?:Floating-point|Integer) value \\(([^)]*)\\)")
            .matcher(msg);
    if (m.find()) {
      return "the number " + m.group(1);
    }
    if (msg.contains("from Object value") || msg.contains("START_OBJECT")) {
      return "an object";
    }
    if (msg.contains("from Array value") || msg.contains("START_ARRAY")) {
      return "a list";
    }
    m = java.util.regex.Pattern.compile("Boolean value \\(([^)]*)\\)").matcher(msg);
    if (m.find()) {
      return m.group(1);
    }
    if (msg.contains("from Null value")) {
      return "null";
    }
    return "another kind of value";
  }

  /** The JSON value the parser stands on, or {@code null} when it is no longer known. */
  private static String found(Object processor) {
    if (!(processor instanceof JsonParser p)) {
      return null;
    }
    JsonToken t = p.currentToken();
    if (t == null || p.isClosed()) {
      return null;
    }
    try {
      return switch (t) {
        case START_OBJECT, END_OBJECT, FIELD_NAME -> "an object";
        case START_ARRAY, END_ARRAY -> "a list";
        case VALUE_STRING -> "text '" + p.getText() + "'";
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + p.getText();
        case VALUE_TRUE, VALUE_FALSE -> p.getText();
        case VALUE_NULL -> "null";
        default -> null;
      };
    } catch (IOException e) {
      return null;
    }
  }

  private static String pathOf(List<JsonMappingException.Reference> refs) {
    return refs.stream()
        .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining())
        .replaceFirst("^\\.", "");
  }
}
