package org.thyra.studies.protocol;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.jsontype.TypeIdResolver;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a protocol file into {@link Protocol} records, collecting every problem it can instead of
 * stopping at the first: a key the protocol does not have, a value of the wrong type, an {@code
 * analysis} that names no command. Each problem carries the YAML line and column.
 *
 * <p>Every text value is bound as written in the file: YAML 1.1 reads a plain {@code no}, {@code
 * yes}, {@code off} as booleans, and a level named {@code no} must stay {@code no}, never {@code
 * false} (SPEC §6).
 */
public final class ProtocolReader {

  /** What reading gave: the protocol (null when the file could not be parsed) and its problems. */
  public record Read(Protocol protocol, List<ProtocolProblem> problems, YamlLocations locations) {}

  private ProtocolReader() {}

  /** The mapper protocols are read with: kebab-case keys, text read as written. */
  static YAMLMapper mapper() {
    SimpleModule verbatim = new SimpleModule("protocol-text");
    verbatim.addDeserializer(String.class, new VerbatimText());
    return YAMLMapper.builder(new YAMLFactory())
        .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
        .addModule(verbatim)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_INVALID_SUBTYPE)
        // a key given twice (two formulas) would otherwise silently keep the last
        .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
  }

  /** Reads a protocol file; {@code shownAs} is the name messages use. */
  public static Read read(Path file, String shownAs) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return failed(shownAs, "no such file");
    } catch (IOException e) {
      return failed(shownAs, "cannot read: " + e.getMessage());
    }
    return read(text, shownAs);
  }

  /** Reads protocol text; {@code shownAs} is the file name messages use. */
  public static Read read(String text, String shownAs) {
    Node root;
    try {
      root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String msg = "not valid YAML: " + e.getProblem();
      return new Read(
          null,
          List.of(
              new ProtocolProblem(
                  shownAs,
                  m == null ? 0 : m.getLine() + 1,
                  m == null ? 0 : m.getColumn() + 1,
                  "",
                  msg)),
          new YamlLocations(null));
    }
    YamlLocations locations = new YamlLocations(root);
    if (root == null) {
      return new Read(
          null, List.of(new ProtocolProblem(shownAs, 1, 1, "", "the file is empty")), locations);
    }
    List<ProtocolProblem> problems = new ArrayList<>();
    Collector collector = new Collector(shownAs, problems, locations);
    Protocol protocol = null;
    try {
      protocol = mapper().addHandler(collector).readValue(text, Protocol.class);
    } catch (JsonMappingException e) {
      String path = path(e.getPath());
      JsonLocation l = e.getLocation();
      YamlLocations.Location at = locations.find(path);
      problems.add(
          new ProtocolProblem(
              shownAs,
              l != null && l.getLineNr() > 0 ? l.getLineNr() : at.line(),
              l != null && l.getColumnNr() > 0 ? l.getColumnNr() : at.column(),
              path,
              e.getOriginalMessage()));
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      problems.add(
          new ProtocolProblem(
              shownAs,
              l == null ? 0 : l.getLineNr(),
              l == null ? 0 : l.getColumnNr(),
              "",
              e.getOriginalMessage()));
    }
    problems.sort(ORDER);
    return new Read(protocol, List.copyOf(problems), locations);
  }

  static final Comparator<ProtocolProblem> ORDER =
      Comparator.comparingInt(ProtocolProblem::line).thenComparingInt(ProtocolProblem::column);

  private static Read failed(String shownAs, String message) {
    return new Read(
        null, List.of(new ProtocolProblem(shownAs, 0, 0, "", message)), new YamlLocations(null));
  }

  private static String path(List<JsonMappingException.Reference> refs) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : refs) {
      if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      } else if (r.getFieldName() != null) {
        if (!b.isEmpty()) {
          b.append('.');
        }
        b.append(r.getFieldName());
      }
    }
    return b.toString();
  }

  /** The key path of the parser's position, e.g. {@code analyses[2].time}. */
  static String path(JsonStreamContext context) {
    List<String> parts = new ArrayList<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.add(0, "[" + Math.max(c.getCurrentIndex(), 0) + "]");
      } else if (c.getCurrentName() != null) {
        parts.add(0, "." + c.getCurrentName());
      }
    }
    String p = String.join("", parts);
    return p.startsWith(".") ? p.substring(1) : p;
  }

  /** Reads a scalar's text exactly as written (YAML 1.1's {@code no} stays {@code no}). */
  static final class VerbatimText extends JsonDeserializer<String> {
    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken t = p.currentToken();
      if (t != null && t.isScalarValue()) {
        return t == JsonToken.VALUE_NULL ? null : p.getText();
      }
      return (String) ctxt.handleUnexpectedToken(String.class, p);
    }
  }

  /** Records each binding problem with its location and lets binding go on. */
  private static final class Collector extends DeserializationProblemHandler {
    private final String file;
    private final List<ProtocolProblem> problems;
    private final YamlLocations locations;

    Collector(String file, List<ProtocolProblem> problems, YamlLocations locations) {
      this.file = file;
      this.problems = problems;
      this.locations = locations;
    }

    /**
     * Locates by key path in the YAML: a polymorphic entry is read from a buffer (its type key may
     * come after other keys), whose parser no longer knows the file position.
     */
    private void add(JsonParser p, String path, String message) {
      add(path, locations.find(path), message);
    }

    private void add(String path, YamlLocations.Location l, String message) {
      problems.add(new ProtocolProblem(file, l.line(), l.column(), path, message));
    }

    @Override
    public boolean handleUnknownProperty(
        DeserializationContext ctxt,
        JsonParser p,
        JsonDeserializer<?> deserializer,
        Object beanOrClass,
        String propertyName)
        throws IOException {
      String path = path(p.getParsingContext());
      List<String> known = new ArrayList<>();
      deserializer.getKnownPropertyNames().forEach(o -> known.add(String.valueOf(o)));
      known.sort(null);
      String keyPath = path.endsWith(propertyName) ? path : path + "." + propertyName;
      add(
          keyPath,
          locations.key(keyPath),
          "unknown key '" + propertyName + "'" + (known.isEmpty() ? "" : "; keys here: " + known));
      p.skipChildren();
      return true;
    }

    @Override
    public JavaType handleUnknownTypeId(
        DeserializationContext ctxt,
        JavaType baseType,
        String subTypeId,
        TypeIdResolver idResolver,
        String failureMsg) {
      JsonParser p = ctxt.getParser();
      add(
          p,
          path(p.getParsingContext()),
          "unknown analysis '"
              + subTypeId
              + "'; analyses: "
              + idResolver.getDescForKnownTypeIds().replace("invalid, ", ""));
      return ctxt.constructType(Analysis.Invalid.class);
    }

    @Override
    public JavaType handleMissingTypeId(
        DeserializationContext ctxt,
        JavaType baseType,
        TypeIdResolver idResolver,
        String failureMsg) {
      JsonParser p = ctxt.getParser();
      String path = path(p.getParsingContext());
      add(
          p,
          path.endsWith("]") ? path : path.replaceAll("\\.[^.\\[]*$", ""),
          "no 'analysis' key: name the thyra command, e.g. cox");
      return ctxt.constructType(Analysis.Invalid.class);
    }

    @Override
    public Object handleWeirdStringValue(
        DeserializationContext ctxt,
        Class<?> targetType,
        String valueToConvert,
        String failureMsg) {
      JsonParser p = ctxt.getParser();
      add(
          p,
          path(p.getParsingContext()),
          "'" + valueToConvert + "' is not " + expected(targetType));
      return null;
    }

    @Override
    public Object handleWeirdNumberValue(
        DeserializationContext ctxt,
        Class<?> targetType,
        Number valueToConvert,
        String failureMsg) {
      JsonParser p = ctxt.getParser();
      add(p, path(p.getParsingContext()), valueToConvert + " is not " + expected(targetType));
      return null;
    }

    @Override
    public Object handleUnexpectedToken(
        DeserializationContext ctxt,
        JavaType targetType,
        JsonToken t,
        JsonParser p,
        String failureMsg)
        throws IOException {
      String what =
          t == JsonToken.START_ARRAY
              ? "a list"
              : t == JsonToken.START_OBJECT ? "a mapping" : "'" + p.getText() + "'";
      add(
          p,
          path(p.getParsingContext()),
          what + " where " + expected(targetType.getRawClass()) + " is expected");
      p.skipChildren();
      return null;
    }

    private static String expected(Class<?> type) {
      if (type == Double.class || type == double.class) {
        return "a number";
      }
      if (type == Integer.class || type == int.class || type == Long.class) {
        return "a whole number";
      }
      if (type == Boolean.class || type == boolean.class) {
        return "true or false";
      }
      if (type == String.class) {
        return "a text value";
      }
      if (List.class.isAssignableFrom(type)) {
        return "a list";
      }
      return "a " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT) + " entry";
    }
  }
}
