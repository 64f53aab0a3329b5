package org.thyra.app.clinical;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.thyra.app.output.OutputOptions;
import org.thyra.clinical.rules.Parameter;
import org.thyra.clinical.rules.Role;
import org.thyra.clinical.rules.Rule;
import org.thyra.clinical.rules.RuleInputException;
import org.thyra.clinical.rules.RuleOutput;
import org.thyra.clinical.rules.RuleParameterException;
import org.thyra.clinical.rules.RuleRegistry;
import org.thyra.frame.Column;
import org.thyra.frame.DataTable;
import org.thyra.frame.InputException;
import org.thyra.frame.NumericColumn;
import org.thyra.frame.TableReader;
import org.thyra.report.output.Json;
import org.thyra.report.output.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code thyra derive}: applies a clinical rule to every row of a table and appends its result
 * columns (SPEC §5). All or nothing: any unreadable cell stops the command with a message naming
 * the file, row and column, and nothing is written.
 */
@Command(
    name = "derive",
    mixinStandardHelpOptions = true,
    description = {
      "Apply a clinical rule (AJCC stage, ATA risk, RAIR, RECIST, ...) to every row and append its columns.",
      "thyra derive --list names every rule with its roles, parameters and output columns."
    })
public final class DeriveCommand implements Callable<Integer> {

  @Option(
      names = "--data",
      paramLabel = "FILE",
      description = "CSV or XLSX file with a header row.")
  Path data;

  @Option(
      names = "--na",
      split = ",",
      paramLabel = "WORD",
      description =
          "Further words that mark a missing value in the rule's columns (e.g. \"N/A,?\").")
  List<String> missingWords = new ArrayList<>();

  @Option(
      names = "--decimal-comma",
      description = "Numbers in the rule's columns are written with a decimal comma (61,5).")
  boolean decimalComma;

  @Option(names = "--rule", paramLabel = "RULE", description = "Rule name (see --list).")
  String rule;

  @Option(
      names = "--column",
      paramLabel = "ROLE=COLUMN",
      description = "Bind a rule role to a column, e.g. --column age=Age.")
  Map<String, String> columns = new LinkedHashMap<>();

  @Option(
      names = "--param",
      paramLabel = "NAME=VALUE",
      description = "Set a rule parameter, e.g. --param threshold=25.")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--list", description = "List every rule with its roles, parameters and outputs.")
  boolean list;

  @Option(
      names = "--with-reason",
      description =
          "CSV: also append <rule>_reason and <rule>_method columns (text and JSON always give both).")
  boolean withReason;

  @Mixin OutputOptions output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    try {
      if (list) {
        output.write(this::renderList);
        return 0;
      }
      Derivation d = derive();
      output.write(out -> render(d, out));
      return 0;
    } catch (InputException | IllegalArgumentException e) {
      spec.commandLine().getErr().println("thyra derive: " + e.getMessage());
      return 2;
    }
  }

  /**
   * The table with the rule applied to every row.
   *
   * @param table every column as the exact text of its cells ({@link TableReader#readText})
   */
  record Derivation(
      Rule rule,
      DataTable table,
      List<String> outputs,
      List<Map<String, String>> values,
      List<String> reasons,
      List<String> methods,
      Map<String, String> parameters) {}

  Derivation derive() {
    if (rule == null) {
      throw new IllegalArgumentException("--rule is required (or --list to see the rules)");
    }
    if (data == null) {
      throw new IllegalArgumentException("--data is required");
    }
    Rule r = RuleRegistry.get(rule);
    for (String role : columns.keySet()) {
      if (r.roles().stream().noneMatch(x -> x.name().equals(role))) {
        throw new IllegalArgumentException(
            "rule " + r.name() + " has no role '" + role + "'; roles: " + roleList(r));
      }
    }
    for (Role role : r.roles()) {
      if (role.required() && !columns.containsKey(role.name())) {
        throw new IllegalArgumentException(
            "rule "
                + r.name()
                + " needs --column "
                + role.name()
                + "=COLUMN ("
                + role.description()
                + "); roles: "
                + roleList(r));
      }
    }
    if (columns.isEmpty()) {
      throw new IllegalArgumentException(
          "rule " + r.name() + " needs at least one --column ROLE=COLUMN; roles: " + roleList(r));
    }
    for (String p : params.keySet()) {
      if (r.parameters().stream().noneMatch(x -> x.name().equals(p))) {
        throw new IllegalArgumentException(
            "rule "
                + r.name()
                + " has no parameter '"
                + p
                + "'"
                + (r.parameters().isEmpty()
                    ? " (it takes none)"
                    : "; parameters: "
                        + r.parameters().stream()
                            .map(Parameter::name)
                            .collect(Collectors.joining(", "))));
      }
    }
    // the rule reads its role columns, typed; every column is copied from its exact text
    DataTable text = TableReader.readText(data);
    String file = text.source();
    for (String col : columns.values()) {
      text.column(col); // throws InputException naming the file and suggesting a close name
    }
    DataTable table =
        TableReader.read(
            data,
            List.copyOf(new LinkedHashSet<>(columns.values())),
            new org.thyra.frame.ReadOptions(
                java.util.Set.copyOf(missingWords.stream().map(String::strip).toList()),
                decimalComma,
                java.util.Set.of()));
    List<String> outputs = new ArrayList<>(r.outputs());
    if (withReason || output.format() == OutputFormat.JSON) {
      outputs.add(reasonColumn(r));
      outputs.add(methodColumn(r));
    }
    if (output.format() == OutputFormat.JSON) {
      outputs.add("row");
    }
    for (String o : outputs) {
      if (text.hasColumn(o)) {
        throw new InputException(
            file,
            null,
            o,
            "the file already has a column named "
                + o
                + ", which rule "
                + r.name()
                + " would append");
      }
    }
    List<Map<String, String>> values = new ArrayList<>(table.rowCount());
    List<String> reasons = new ArrayList<>(table.rowCount());
    List<String> methods = new ArrayList<>(table.rowCount());
    for (int i = 0; i < table.rowCount(); i++) {
      Map<String, String> cells = new LinkedHashMap<>();
      for (Map.Entry<String, String> e : columns.entrySet()) {
        cells.put(e.getKey(), cellText(table.column(e.getValue()), i));
      }
      RuleOutput out;
      try {
        out = r.apply(cells, params);
      } catch (RuleParameterException e) {
        // a parameter concerns the whole table, not the row where it was first used
        throw new IllegalArgumentException(
            "--param "
                + e.parameter()
                + "="
                + e.value()
                + ": "
                + e.why()
                + " (rule "
                + r.name()
                + ")");
      } catch (RuleInputException e) {
        // a combination of cells is reported on every column it names ("a/b" roles → "A, B"
        // columns)
        String col =
            java.util.Arrays.stream(e.role().split("/"))
                .map(x -> columns.getOrDefault(x, x))
                .collect(Collectors.joining(", "));
        throw new InputException(
            file,
            i + 1,
            col,
            "'" + e.value() + "' " + e.why() + " (rule " + r.name() + ", role " + e.role() + ")");
      } catch (IllegalArgumentException e) {
        throw new InputException(file, i + 1, null, e.getMessage() + " (rule " + r.name() + ")");
      }
      values.add(out.values());
      reasons.add(out.reason());
      methods.add(out.method());
    }
    Map<String, String> effective = new LinkedHashMap<>();
    r.parameters()
        .forEach(p -> effective.put(p.name(), params.getOrDefault(p.name(), p.defaultValue())));
    return new Derivation(r, text, List.copyOf(r.outputs()), values, reasons, methods, effective);
  }

  /**
   * A cell as the rule reads it: numbers in their shortest exact decimal form, labels as written.
   */
  static String cellText(Column c, int row0) {
    if (c.isMissing(row0)) {
      return null;
    }
    if (c instanceof NumericColumn n) {
      double v = n.value(row0);
      String s = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
      return s.equals("-0") ? "0" : s;
    }
    return c.text(row0);
  }

  private void render(Derivation d, PrintStream out) throws java.io.IOException {
    DataTable t = d.table();
    if (output.format() == OutputFormat.JSON) {
      ObjectNode root = Json.object();
      root.put("rule", d.rule().name());
      root.put(
          "method",
          d.rule().description()
              + "; source: "
              + d.rule().source()
              + (d.parameters().isEmpty()
                  ? ""
                  : "; parameters: "
                      + d.parameters().entrySet().stream()
                          .map(e -> e.getKey() + "=" + e.getValue())
                          .collect(Collectors.joining(", "))));
      root.set("warnings", Json.array());
      ObjectNode roles = root.putObject("columns");
      columns.forEach(roles::put);
      ArrayNode rows = root.putArray("rows");
      for (int i = 0; i < t.rowCount(); i++) {
        ObjectNode row = rows.addObject();
        row.put("row", i + 1);
        for (String name : t.columnNames()) {
          putCopied(row, name, TableReader.cellText(t.column(name), i));
        }
        for (String o : d.outputs()) {
          String v = d.values().get(i).get(o);
          if (v == null || v.isEmpty()) {
            row.putNull(o);
          } else {
            row.put(o, v);
          }
        }
        row.put(reasonColumn(d.rule()), d.reasons().get(i));
        putOrNull(row, methodColumn(d.rule()), d.methods().get(i));
      }
      Json.write(root, out);
      return;
    }
    if (output.format() == OutputFormat.CSV) {
      List<String> header = new ArrayList<>(t.columnNames());
      header.addAll(d.outputs());
      if (withReason) {
        header.add(reasonColumn(d.rule()));
        header.add(methodColumn(d.rule()));
      }
      out.println(header.stream().map(DeriveCommand::csv).collect(Collectors.joining(",")));
      for (int i = 0; i < t.rowCount(); i++) {
        List<String> cells = new ArrayList<>();
        for (String name : t.columnNames()) {
          cells.add(TableReader.cellText(t.column(name), i)); // as written in the file
        }
        for (String o : d.outputs()) {
          cells.add(d.values().get(i).get(o));
        }
        if (withReason) {
          cells.add(d.reasons().get(i));
          cells.add(d.methods().get(i));
        }
        out.println(cells.stream().map(DeriveCommand::csv).collect(Collectors.joining(",")));
      }
      return;
    }
    out.println("Rule " + d.rule().name() + ": " + d.rule().description());
    out.println("Source: " + d.rule().source());
    List<String> distinctMethods =
        d.methods().stream().filter(m -> !m.isEmpty()).distinct().toList();
    boolean oneMethod = distinctMethods.size() <= 1;
    if (distinctMethods.size() == 1) {
      out.println("Method: " + distinctMethods.get(0));
    }
    if (!d.parameters().isEmpty()) {
      out.println(
          "Parameters: "
              + d.parameters().entrySet().stream()
                  .map(e -> e.getKey() + "=" + e.getValue())
                  .collect(Collectors.joining(", ")));
    }
    out.println();
    // outputs left-aligned in columns, then the reason (text output always says why)
    List<String> header = new ArrayList<>();
    header.add("row");
    header.addAll(d.outputs());
    int[] width = new int[header.size()];
    for (int j = 0; j < width.length; j++) {
      width[j] = header.get(j).length();
    }
    List<List<String>> lines = new ArrayList<>();
    for (int i = 0; i < t.rowCount(); i++) {
      List<String> cells = new ArrayList<>();
      cells.add(Integer.toString(i + 1));
      for (String o : d.outputs()) {
        String v = d.values().get(i).get(o);
        cells.add(v.isEmpty() ? "NA" : v);
      }
      for (int j = 0; j < width.length; j++) {
        width[j] = Math.max(width[j], cells.get(j).length());
      }
      lines.add(cells);
    }
    StringBuilder h = new StringBuilder();
    for (int j = 0; j < width.length; j++) {
      h.append(pad(header.get(j), width[j])).append("  ");
    }
    out.println(h.append("reason").toString());
    for (int i = 0; i < lines.size(); i++) {
      StringBuilder sb = new StringBuilder();
      for (int j = 0; j < width.length; j++) {
        sb.append(pad(lines.get(i).get(j), width[j])).append("  ");
      }
      sb.append(d.reasons().get(i));
      if (!oneMethod && !d.methods().get(i).isEmpty()) {
        sb.append(" [method: ").append(d.methods().get(i)).append(']');
      }
      out.println(sb.toString());
    }
  }

  private static final java.util.regex.Pattern PLAIN_NUMBER =
      java.util.regex.Pattern.compile("-?(0|[1-9][0-9]{0,14})(\\.[0-9]{1,15})?");

  /**
   * A copied cell in JSON: null when missing, a number when its text is a plain decimal that a JSON
   * number keeps exactly ({@code 55}, {@code 1.5}), otherwise its text as written ({@code "007"},
   * {@code "1e5"}, a 20-digit id), so nothing is rewritten.
   */
  private static void putCopied(ObjectNode row, String name, String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty() || trimmed.equals("NA") || trimmed.equals(".")) {
      row.putNull(name);
    } else if (PLAIN_NUMBER.matcher(trimmed).matches()) {
      row.put(name, new BigDecimal(trimmed));
    } else {
      row.put(name, text);
    }
  }

  /** The reason column: {@code <rule>_reason}, e.g. {@code ajcc8_stage_reason}. */
  static String reasonColumn(Rule r) {
    return r.name().replace('-', '_') + "_reason";
  }

  /**
   * The method column: {@code <rule>_method} (convention, edition, thresholds applied to the row).
   */
  static String methodColumn(Rule r) {
    return r.name().replace('-', '_') + "_method";
  }

  private static void putOrNull(ObjectNode o, String name, String value) {
    if (value == null || value.isEmpty()) {
      o.putNull(name);
    } else {
      o.put(name, value);
    }
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }

  private void renderList(PrintStream out) throws java.io.IOException {
    if (output.format() == OutputFormat.JSON) {
      ObjectNode root = Json.object();
      root.put("method", "thyra-clinical rule registry");
      root.set("warnings", Json.array());
      ArrayNode rules = root.putArray("rules");
      for (Rule r : RuleRegistry.all()) {
        ObjectNode o = rules.addObject();
        o.put("name", r.name());
        o.put("description", r.description());
        o.put("source", r.source());
        ArrayNode roles = o.putArray("roles");
        for (Role role : r.roles()) {
          roles
              .addObject()
              .put("name", role.name())
              .put("required", role.required())
              .put("description", role.description());
        }
        ArrayNode ps = o.putArray("parameters");
        for (Parameter p : r.parameters()) {
          ps.addObject()
              .put("name", p.name())
              .put("default", p.defaultValue())
              .put("description", p.description());
        }
        o.set("outputs", Json.strings(r.outputs()));
      }
      Json.write(root, out);
      return;
    }
    if (output.format() == OutputFormat.CSV) {
      out.println("rule,role,required,description");
      for (Rule r : RuleRegistry.all()) {
        for (Role role : r.roles()) {
          out.println(
              csv(r.name())
                  + ","
                  + csv(role.name())
                  + ","
                  + role.required()
                  + ","
                  + csv(role.description()));
        }
      }
      return;
    }
    for (Rule r : RuleRegistry.all()) {
      out.println(r.name() + " — " + r.description());
      out.println(
          "  roles:   "
              + r.roles().stream()
                  .map(x -> x.name() + (x.required() ? "" : "?"))
                  .collect(Collectors.joining(" ")));
      for (Role role : r.roles()) {
        out.println(
            "    "
                + role.name()
                + (role.required() ? " (required)" : " (optional)")
                + ": "
                + role.description());
      }
      for (Parameter p : r.parameters()) {
        out.println(
            "  --param " + p.name() + "=" + p.defaultValue() + " (default): " + p.description());
      }
      out.println("  outputs: " + String.join(", ", r.outputs()));
      out.println("  source:  " + r.source());
      out.println();
    }
  }

  private static String roleList(Rule r) {
    return r.roles().stream()
        .map(x -> x.name() + (x.required() ? "" : " (optional)"))
        .collect(Collectors.joining(", "));
  }

  static String csv(String s) {
    if (s == null) {
      return "";
    }
    if (s.indexOf(',') >= 0
        || s.indexOf('"') >= 0
        || s.indexOf('\n') >= 0
        || s.indexOf('\r') >= 0
        || s.indexOf(';') >= 0) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
