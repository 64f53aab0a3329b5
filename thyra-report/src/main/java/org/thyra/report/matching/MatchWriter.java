package org.thyra.report.matching;

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
import org.thyra.analysis.matching.MatchAnalysis;
import org.thyra.frame.Column;
import org.thyra.frame.DataTable;
import org.thyra.frame.TableReader;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.report.output.AtomicFile;
import org.thyra.report.output.CsvTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.Numbers;
import org.thyra.report.output.OutputFormat;
import org.thyra.report.output.TextTable;
import org.thyra.stats.matching.BalanceRow;
import org.thyra.stats.matching.BalanceTable;
import org.thyra.stats.matching.DistanceComparison;
import org.thyra.stats.matching.MatchOrder;
import org.thyra.stats.matching.MatchResult;
import org.thyra.stats.regression.LogisticResult;
import org.thyra.stats.regression.LogisticTerm;

/**
 * {@code thyra match}'s report: text (counts and the balance table as MatchIt's {@code summary}),
 * JSON, the balance table as CSV, and the matched data set with pair ids.
 */
public final class MatchWriter {
  private MatchWriter() {}

  /**
   * Writes the report in one format; {@code matchedFile} (or null) is where {@link #writeMatched}
   * put the matched rows, named in the text.
   */
  public static void write(
      MatchAnalysis.Report report, OutputFormat format, Path matchedFile, PrintStream out)
      throws IOException {
    switch (format) {
      case JSON -> Json.write(json(report), out);
      case CSV -> balanceCsv(report.balance()).print(out);
      default -> text(report, matchedFile, out);
    }
  }

  /**
   * Writes the matched rows of {@code data} to {@code target} (atomically): {@code pair_id, row,
   * treated, distance, weights}, then every column of the data as written.
   */
  public static void writeMatched(MatchAnalysis.Report report, Path data, Path target)
      throws IOException {
    // MatchResult rows are 0-based indices into the kept rows; rows[i] is the file's 1-based row
    int[] rows = report.frame().rows();
    MatchResult m = report.match();
    boolean[] treated = report.treated();
    double[] dist = report.distance();
    DataTable table = TableReader.readText(data); // every column as written, byte for byte
    List<String> names = table.columnNames();
    Column[] columns = names.stream().map(table::column).toArray(Column[]::new);
    AtomicFile.write(
        target,
        os -> {
          Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
          try (CsvWriter csv = CsvWriter.builder().build(w)) {
            List<String> header =
                new ArrayList<>(List.of("pair_id", "row", "treated", "distance", "weights"));
            header.addAll(names);
            csv.writeRecord(header);
            for (int[] pair : MatchAnalysis.groupedPairs(m)) {
              for (int k = 1; k < pair.length; k++) {
                int i = pair[k];
                List<String> rec =
                    new ArrayList<>(
                        List.of(
                            Integer.toString(pair[0]),
                            Integer.toString(rows[i]),
                            treated[i] ? "1" : "0",
                            Double.toString(dist[i]),
                            Double.toString(m.weights()[i])));
                int r0 = rows[i] - 1;
                for (Column col : columns) {
                  rec.add(TableReader.cellText(col, r0));
                }
                csv.writeRecord(rec);
              }
            }
          }
        });
  }

  /** The JSON of {@code thyra match} (docs/CLI.md). */
  public static ObjectNode json(MatchAnalysis.Report report) {
    MatchAnalysis.Request q = report.request();
    ModelFrame frame = report.frame();
    LogisticResult ps = report.propensityModel();
    MatchResult m = report.match();
    BalanceTable b = report.balance();
    int[] rows = frame.rows();
    List<String> warnings = report.warnings();
    String treatment = q.treatment();
    Double caliper = q.caliper();
    ObjectNode root = Json.object();
    root.put("analysis", "match");
    root.put("data", report.source());
    root.put("treatment", treatment);
    root.set("covariates", Json.strings(q.covariates()));
    root.put("n", frame.n());
    root.put("dropped_missing", frame.droppedMissing());
    ObjectNode method = root.putObject("method");
    method.put("propensity", "logistic regression (glm binomial) on the covariates");
    method.put("distance", q.distance().name().toLowerCase(Locale.ROOT));
    method.put("estimand", "ATT");
    method.put("treated", treatment + " " + frame.binaryResponseCoding());
    method.put("ratio", q.ratio());
    method.put(
        "order", (q.replace() ? MatchOrder.DATA : q.order()).name().toLowerCase(Locale.ROOT));
    method.put("replace", q.replace());
    if (caliper == null) {
      method.putNull("caliper");
    } else {
      method.put("caliper", caliper);
    }
    method.put("caliper_scale", q.stdCaliper() ? "sd of the distance" : "raw");
    method.set("exact", Json.strings(q.exact()));
    method.put("seed", q.seed());
    method.put(
        "comparison",
        q.comparison() == DistanceComparison.EXACT
            ? "exact |difference|, ties to the lowest row"
            : "MatchIt 4.5.1 integer-truncated (compatibility)");
    method.put("balance", b.method());
    method.put("description", m.method());
    root.set("warnings", Json.strings(warnings));
    ObjectNode model = root.putObject("propensity_model");
    model.set("intercept", Json.number(ps.intercept().coef()));
    ArrayNode terms = model.putArray("terms");
    for (LogisticTerm t : ps.terms()) {
      ObjectNode o = terms.addObject();
      o.put("term", t.name());
      o.set("coef", Json.number(t.coef()));
      o.set("se", Json.number(t.se()));
    }
    model.put("converged", ps.converged());
    root.set("caliper_abs", Json.number(m.caliperAbsolute()));
    root.put("n_treated", m.nTreated());
    root.put("n_control", m.nControl());
    root.put("matched_treated", m.matchedTreated());
    root.put("matched_control", m.matchedControl());
    ArrayNode pairs = root.putArray("pairs");
    for (int[] p : m.pairs()) {
      ObjectNode o = pairs.addObject();
      o.put("pair_id", p[2]);
      o.put("treated_row", rows[p[0]]);
      o.put("control_row", rows[p[1]]);
    }
    ArrayNode bal = root.putArray("balance");
    for (int j = 0; j < b.before().size(); j++) {
      BalanceRow x = b.before().get(j);
      BalanceRow a = b.after().get(j);
      ObjectNode o = bal.addObject();
      o.put("covariate", x.covariate());
      o.set("mean_treated_before", Json.number(x.meanTreated()));
      o.set("mean_control_before", Json.number(x.meanControl()));
      o.set("smd_before", Json.number(x.smd()));
      o.set("var_ratio_before", Json.number(x.varianceRatio()));
      o.set("mean_treated_after", Json.number(a.meanTreated()));
      o.set("mean_control_after", Json.number(a.meanControl()));
      o.set("smd_after", Json.number(a.smd()));
      o.set("var_ratio_after", Json.number(a.varianceRatio()));
    }
    return root;
  }

  /** The balance table as CSV, full precision. */
  public static CsvTable balanceCsv(BalanceTable b) {
    CsvTable t =
        new CsvTable(
            List.of(
                "covariate",
                "mean_treated_before",
                "mean_control_before",
                "smd_before",
                "var_ratio_before",
                "mean_treated_after",
                "mean_control_after",
                "smd_after",
                "var_ratio_after"));
    for (int j = 0; j < b.before().size(); j++) {
      BalanceRow x = b.before().get(j);
      BalanceRow a = b.after().get(j);
      t.row(
          List.of(
              x.covariate(),
              Numbers.full(x.meanTreated()),
              Numbers.full(x.meanControl()),
              Numbers.full(x.smd()),
              Numbers.full(x.varianceRatio()),
              Numbers.full(a.meanTreated()),
              Numbers.full(a.meanControl()),
              Numbers.full(a.smd()),
              Numbers.full(a.varianceRatio())));
    }
    return t;
  }

  /**
   * The text of {@code thyra match}: counts, the caliper, the balance table as MatchIt's summary;
   * {@code matchedFile}, when not null, is named as where the matched data went.
   */
  public static void text(MatchAnalysis.Report report, Path matchedFile, PrintStream out) {
    ModelFrame frame = report.frame();
    MatchResult m = report.match();
    BalanceTable b = report.balance();
    String treatment = report.request().treatment();
    out.println(
        "Propensity-score matching: "
            + treatment
            + " ~ "
            + String.join(" + ", report.request().covariates())
            + "   data: "
            + report.source());
    out.printf("n = %d, %d rows dropped for missing values%n", frame.n(), frame.droppedMissing());
    out.println("Treated: " + treatment + " " + frame.binaryResponseCoding());
    out.println(m.method());
    out.println();
    TextTable nn = new TextTable(List.of("", "Control", "Treated"));
    nn.row(List.of("All", Integer.toString(m.nControl()), Integer.toString(m.nTreated())));
    nn.row(
        List.of(
            "Matched", Integer.toString(m.matchedControl()), Integer.toString(m.matchedTreated())));
    nn.row(
        List.of(
            "Unmatched",
            Integer.toString(m.nControl() - m.matchedControl()),
            Integer.toString(m.nTreated() - m.matchedTreated())));
    nn.print(out);
    if (!Double.isNaN(m.caliperAbsolute())) {
      out.println("Caliper on the distance scale: " + Numbers.signif(m.caliperAbsolute(), 6));
    }
    out.println();
    TextTable t =
        new TextTable(
            List.of(
                "",
                "Means Treated",
                "Means Control",
                "SMD before",
                "Var. Ratio",
                "Means Treated (m)",
                "Means Control (m)",
                "SMD after",
                "Var. Ratio (m)"));
    for (int j = 0; j < b.before().size(); j++) {
      BalanceRow x = b.before().get(j);
      BalanceRow a = b.after().get(j);
      t.row(
          List.of(
              x.covariate(),
              Numbers.signif(x.meanTreated(), 4),
              Numbers.signif(x.meanControl(), 4),
              Numbers.signif(x.smd(), 4),
              Numbers.signif(x.varianceRatio(), 4),
              Numbers.signif(a.meanTreated(), 4),
              Numbers.signif(a.meanControl(), 4),
              Numbers.signif(a.smd(), 4),
              Numbers.signif(a.varianceRatio(), 4)));
    }
    t.print(out);
    out.println();
    out.println("Balance: " + b.method());
    if (matchedFile != null) {
      out.println("Matched data written to " + matchedFile);
    }
    for (String w : report.warnings()) {
      out.println("Warning: " + w);
    }
  }
}
