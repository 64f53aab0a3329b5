package org.thyra.app.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --format text|json} of the registry commands (SPEC §5: text or JSON reports). The JSON is
 * one object with {@code method} (what was done, by which convention) and {@code warnings} (a
 * list), as every Thyra JSON result, then the command's own fields; snake_case keys, absent values
 * as {@code null}.
 */
public final class RegistryFormat {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  String format;

  /** Checks the value against the formats a command offers; true for JSON. */
  boolean json(List<String> allowed) {
    if (!allowed.contains(format)) {
      throw new IllegalArgumentException(
          "--format: '" + format + "' is not one of " + String.join(", ", allowed));
    }
    return format.equals("json");
  }

  boolean json() {
    return json(List.of("text", "json"));
  }

  String value() {
    return format;
  }

  /** A JSON report with its method and warnings. */
  static ObjectNode report(String method, List<String> warnings) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("method", method);
    o.putArray("warnings")
        .addAll(warnings.stream().map(JsonNodeFactory.instance::textNode).toList());
    return o;
  }

  static void print(PrintStream out, ObjectNode o) {
    try {
      out.println(JSON.writeValueAsString(o));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    out.flush();
  }
}
