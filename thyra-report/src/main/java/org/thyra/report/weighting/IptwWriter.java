package org.thyra.report.weighting;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.thyra.analysis.weighting.IptwReport;
import org.thyra.frame.Column;
import org.thyra.frame.DataTable;
import org.thyra.frame.InputException;
import org.thyra.frame.TableReader;
import org.thyra.report.output.AtomicFile;
import org.thyra.report.output.CsvTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.Numbers;
import org.thyra.report.output.OutputFormat;
import org.thyra.report.output.TextTable;
import org.thyra.stats.regression.LogisticTerm;
import org.thyra.stats.weighting.WeightedBalance;

/** {@code thyra weight}'s report (text, JSON, CSV balance table) and its weighted data file. */
public final class IptwWriter {
  private IptwWriter() {}

  /** The columns the weighted data file adds in front of the input's columns. */
  public static final List<String> ADDED = List.of("row", "treated", "propensity", "iptw");

  /** Writes the report in one format. */
  public static void write(IptwReport report, OutputFormat format, PrintStream out)
      throws IOException {
    switch (format) {
      case JSON -> Json.write(json(report), out);
      case CSV -> csv(report).print(out);
      default -> text(report, out);
    }
  }

  /** The JSON of {@code thyra weight} (docs/CLI.md). */
  public static ObjectNode json(IptwReport r) {
    ObjectNode root = Json.object();
    root.put("analysis", "weight");
    root.put("data", r.source());
    root.put("treatment", r.request().treatment());
    root.set("covariates", Json.strings(r.request().covariates()));
    root.put("n", r.frame().n());
    root.put("dropped_missing", r.frame().droppedMissing());
    ObjectNode m = root.putObject("method");
    m.put("propensity", "logistic regression (glm binomial) of the treatment on the covariates");
    m.put("estimand", r.balance().estimand().name());
    m.put("stabilized", r.request().stabilized());
    m.put("treated", r.request().treatment() + " " + r.treatedCoding());
    m.put("weights", r.weights().method());
    m.put("balance", r.balance().method());
    root.set("warnings", Json.strings(r.warnings()));
    ObjectNode model = root.putObject("propensity_model");
    model.set("intercept", Json.number(r.model().intercept().coef()));
    ArrayNode terms = model.putArray("terms");
    for (LogisticTerm t : r.model().terms()) {
      ObjectNode o = terms.addObject();
      o.put("term", t.name());
      o.set("coef", Json.number(t.coef()));
      o.set("se", Json.number(t.se()));
    }
    model.put("converged", r.model().converged());
    root.put("n_treated", r.nTreated());
    root.put("n_control", r.frame().n() - r.nTreated());
    root.set("ess_treated", Json.number(r.weights().essTreated()));
    root.set("ess_control", Json.number(r.weights().essControl()));
    root.set("max_weight", Json.number(r.weights().maxWeight()));
    ArrayNode bal = root.putArray("balance");
    for (WeightedBalance.Row b : r.balance().rows()) {
      ObjectNode o = bal.addObject();
      o.put("covariate", b.covariate());
      o.put("binary", b.binary());
      o.set("mean_treated_before", Json.number(b.meanTreatedBefore()));
      o.set("mean_control_before", Json.number(b.meanControlBefore()));
      o.set("smd_before", Json.number(b.smdBefore()));
      o.set("mean_treated_after", Json.number(b.meanTreatedAfter()));
      o.set("mean_control_after", Json.number(b.meanControlAfter()));
      o.set("smd_after", Json.number(b.smdAfter()));
    }
    ArrayNode rows = root.putArray("weights");
    int[] dataRows = r.frame().rows();
    double[] w = r.weights().weights();
    for (int i = 0; i < dataRows.length; i++) {
      ObjectNode o = rows.addObject();
      o.put("row", dataRows[i]);
      o.put("treated", r.treated()[i] ? 1 : 0);
      o.set("propensity", Json.number(r.propensity()[i]));
      o.set("weight", Json.number(w[i]));
    }
    return root;
  }

  private static CsvTable csv(IptwReport r) {
    CsvTable t =
        new CsvTable(
            List.of(
                "covariate",
                "mean_treated_before",
                "mean_control_before",
                "smd_before",
                "mean_treated_after",
                "mean_control_after",
                "smd_after"));
    for (WeightedBalance.Row b : r.balance().rows()) {
      t.row(
          List.of(
              b.covariate(),
              Numbers.full(b.meanTreatedBefore()),
              Numbers.full(b.meanControlBefore()),
              Numbers.full(b.smdBefore()),
              Numbers.full(b.meanTreatedAfter()),
              Numbers.full(b.meanControlAfter()),
              Numbers.full(b.smdAfter())));
    }
    return t;
  }

  private static void text(IptwReport r, PrintStream out) {
    out.println(
        "Inverse probability of treatment weighting ("
            + r.balance().estimand()
            + (r.request().stabilized() ? ", stabilised" : "")
            + "): treatment "
            + r.request().treatment()
            + " ("
            + r.treatedCoding()
            + ")   data: "
            + r.source());
    out.printf(
        "%n  n = %d (%d treated, %d control)%s%n",
        r.frame().n(),
        r.nTreated(),
        r.frame().n() - r.nTreated(),
        r.frame().droppedMissing() > 0
            ? ", " + r.frame().droppedMissing() + " rows dropped for missing values"
            : "");
    out.printf(
        "  effective sample size: treated %s, control %s; largest weight %s%n%n",
        Numbers.signif(r.weights().essTreated(), 5),
        Numbers.signif(r.weights().essControl(), 5),
        Numbers.signif(r.weights().maxWeight(), 5));
    TextTable t =
        new TextTable(
            List.of(
                "",
                "M.treated",
                "M.control",
                "SMD before",
                "M.treated.w",
                "M.control.w",
                "SMD after"));
    for (WeightedBalance.Row b : r.balance().rows()) {
      t.row(
          List.of(
              b.covariate(),
              Numbers.signif(b.meanTreatedBefore(), 4),
              Numbers.signif(b.meanControlBefore(), 4),
              Numbers.signif(b.smdBefore(), 4),
              Numbers.signif(b.meanTreatedAfter(), 4),
              Numbers.signif(b.meanControlAfter(), 4),
              Numbers.signif(b.smdAfter(), 4)));
    }
    t.print(out);
    out.println();
    out.println("Weights: " + r.weights().method());
    out.println("Balance: " + r.balance().method());
    for (String w : r.warnings()) {
      out.println("Warning: " + w);
    }
  }

  /**
   * Writes the analysed rows with their weight: {@code row, treated, propensity, iptw}, then every
   * column of the input as written (byte for byte), atomically.
   *
   * @param r the report
   * @param data the input file the report was computed from
   * @param target the output file
   * @throws InputException when the input already has a column named like an added one
   */
  public static void writeWeighted(IptwReport r, Path data, Path target) throws IOException {
    DataTable table = TableReader.readText(data);
    List<String> names = table.columnNames();
    for (String a : ADDED) {
      if (names.contains(a)) {
        throw new InputException(
            r.source(),
            null,
            a,
            "the data already have a column \""
                + a
                + "\", which the weighted file adds; rename it first");
      }
    }
    Column[] columns = names.stream().map(table::column).toArray(Column[]::new);
    int[] rows = r.frame().rows();
    double[] w = r.weights().weights();
    AtomicFile.write(
        target,
        os -> {
          Writer writer = new OutputStreamWriter(os, StandardCharsets.UTF_8);
          try (CsvWriter csv = CsvWriter.builder().build(writer)) {
            List<String> header = new ArrayList<>(ADDED);
            header.addAll(names);
            csv.writeRecord(header);
            for (int i = 0; i < rows.length; i++) {
              List<String> rec =
                  new ArrayList<>(
                      List.of(
                          Integer.toString(rows[i]),
                          r.treated()[i] ? "1" : "0",
                          Double.toString(r.propensity()[i]),
                          Double.toString(w[i])));
              for (Column col : columns) {
                rec.add(TableReader.cellText(col, rows[i] - 1));
              }
              csv.writeRecord(rec);
            }
          }
        });
  }

  static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
