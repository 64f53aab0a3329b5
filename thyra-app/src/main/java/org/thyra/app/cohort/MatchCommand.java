package org.thyra.app.cohort;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.thyra.analysis.matching.MatchAnalysis;
import org.thyra.app.InputOptions;
import org.thyra.app.output.OutputOptions;
import org.thyra.frame.Column;
import org.thyra.frame.DataTable;
import org.thyra.frame.TableReader;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.report.output.AtomicFile;
import org.thyra.report.output.CsvTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.Numbers;
import org.thyra.report.output.TextTable;
import org.thyra.stats.matching.BalanceRow;
import org.thyra.stats.matching.BalanceTable;
import org.thyra.stats.matching.DistanceComparison;
import org.thyra.stats.matching.DistanceScale;
import org.thyra.stats.matching.MatchOrder;
import org.thyra.stats.matching.MatchResult;
import org.thyra.stats.regression.LogisticResult;
import org.thyra.stats.regression.LogisticTerm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code thyra match}: propensity-score matching as MatchIt's {@code matchit(method = "nearest",
 * distance = "glm")} for the ATT (SPEC §4–§5): a logistic propensity model, greedy
 * nearest-neighbour matching, balance before and after, and optionally the matched data set with
 * pair ids.
 */
@Command(
    name = "match",
    mixinStandardHelpOptions = true,
    description =
        "Propensity-score matching as MatchIt's nearest-neighbour method: logistic propensity score, greedy"
            + " 1:k matching with caliper, order, replacement and exact-matching variables; balance table"
            + " (means, SMDs, variance ratios) before and after; the matched data with a pair id.")
public final class MatchCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin OutputOptions output;

  @Option(
      names = "--treatment",
      required = true,
      description =
          "Treatment column: 0/1, TRUE/FALSE, yes/no or two categories (the second is treated).")
  String treatment;

  @Option(
      names = "--covariates",
      required = true,
      split = ",",
      paramLabel = "VAR",
      description = "Covariates of the propensity model (and of the balance table).")
  List<String> covariates;

  @Option(
      names = "--factor",
      split = ",",
      paramLabel = "VAR",
      description = "Numeric covariates to enter as categories.")
  List<String> factors = new ArrayList<>();

  @Option(
      names = "--distance",
      defaultValue = "probability",
      description = "Distance: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  DistanceScale distance;

  @Option(names = "--caliper", paramLabel = "WIDTH", description = "Caliper width (default: none).")
  Double caliper;

  @Option(
      names = "--std-caliper",
      defaultValue = "true",
      arity = "1",
      description =
          "Caliper in SDs of the distance (true, MatchIt's default) or on its raw scale (false).")
  boolean stdCaliper;

  @Option(
      names = "--ratio",
      defaultValue = "1",
      description = "Controls per treated unit (default: ${DEFAULT-VALUE}).")
  int ratio;

  @Option(
      names = "--order",
      defaultValue = "largest",
      description =
          "Order in which treated units choose: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  MatchOrder order;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of --order random (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--replace",
      description = "Match with replacement (a control may serve several treated units).")
  boolean replace;

  @Option(
      names = "--exact",
      split = ",",
      paramLabel = "VAR",
      description = "Match only within equal values of these columns.")
  List<String> exact = new ArrayList<>();

  @Option(
      names = "--compat",
      defaultValue = "none",
      paramLabel = "RULE",
      description =
          "none (exact distance comparison, default) or matchit-4.5.1 (reproduce MatchIt 4.5.1's"
              + " integer-truncated comparison, for re-running analyses made with that version).")
  String compat;

  @Option(
      names = "--out-matched",
      paramLabel = "FILE",
      description =
          "Write the matched rows (all columns, plus row, pair_id, treated, distance, weights) as CSV.")
  Path outMatched;

  @Override
  public Integer call() throws Exception {
    DistanceComparison comparison =
        switch (compat.toLowerCase(Locale.ROOT)) {
          case "none" -> DistanceComparison.EXACT;
          case "matchit-4.5.1" -> DistanceComparison.MATCHIT_4_5_1_TRUNCATED;
          default ->
              throw new IllegalArgumentException(
                  "--compat must be none or matchit-4.5.1, got " + compat);
        };
    // The workflow is MatchAnalysis's (the study runner's match runs the same code). The treatment
    // is read as categories (any two-level coding: 0/1, 1/2, yes/no, text); the non-reference level
    // is treated. --out-matched copies every column as written (readText).
    DataTable table =
        TableReader.read(input.data(), columns(), input.readOptions(List.of(treatment)));
    MatchAnalysis.Report report =
        MatchAnalysis.run(
            table,
            input.source(),
            input.referenceLevels(),
            new MatchAnalysis.Request(
                treatment,
                covariates,
                factors,
                distance,
                caliper,
                stdCaliper,
                ratio,
                order,
                seed,
                replace,
                exact,
                comparison));
    ModelFrame frame = report.frame();
    LogisticResult ps = report.propensityModel();
    MatchResult m = report.match();
    BalanceTable balance = report.balance();
    boolean[] treated = report.treated();
    double[] dist = report.distance();
    List<String> warnings = report.warnings();
    int[] rows = frame.rows();
    if (outMatched != null) {
      writeMatched(table, rows, m, treated, dist);
    }
    output.write(
        out -> {
          switch (output.format()) {
            case JSON -> Json.write(json(frame, ps, m, balance, rows, warnings), out);
            case CSV -> balanceCsv(balance).print(out);
            default -> text(frame, ps, m, balance, warnings, out);
          }
        });
    return 0;
  }

  private List<String> columns() {
    List<String> c = new ArrayList<>();
    c.add(treatment);
    c.addAll(covariates);
    exact.stream().filter(e -> !c.contains(e)).forEach(c::add);
    return c;
  }

  private void writeMatched(
      DataTable table, int[] rows, MatchResult m, boolean[] treated, double[] dist)
      throws java.io.IOException {
    // kept-row index of each frame row: MatchResult rows are 0-based indices into the kept rows
    table = TableReader.readText(input.data()); // every column as written, byte for byte
    List<String> names = table.columnNames();
    Column[] columns = names.stream().map(table::column).toArray(Column[]::new);
    AtomicFile.write(
        outMatched,
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

  private ObjectNode json(
      ModelFrame frame,
      LogisticResult ps,
      MatchResult m,
      BalanceTable b,
      int[] rows,
      List<String> warnings) {
    ObjectNode root = Json.object();
    root.put("analysis", "match");
    root.put("data", input.source());
    root.put("treatment", treatment);
    root.set("covariates", Json.strings(covariates));
    root.put("n", frame.n());
    root.put("dropped_missing", frame.droppedMissing());
    ObjectNode method = root.putObject("method");
    method.put("propensity", "logistic regression (glm binomial) on the covariates");
    method.put("distance", distance.name().toLowerCase(Locale.ROOT));
    method.put("estimand", "ATT");
    method.put("treated", treatment + " " + frame.binaryResponseCoding());
    method.put("ratio", ratio);
    method.put("order", (replace ? MatchOrder.DATA : order).name().toLowerCase(Locale.ROOT));
    method.put("replace", replace);
    if (caliper == null) {
      method.putNull("caliper");
    } else {
      method.put("caliper", caliper);
    }
    method.put("caliper_scale", stdCaliper ? "sd of the distance" : "raw");
    method.set("exact", Json.strings(exact));
    method.put("seed", seed);
    method.put(
        "comparison",
        compat.equalsIgnoreCase("none")
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

  private static CsvTable balanceCsv(BalanceTable b) {
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

  private void text(
      ModelFrame frame,
      LogisticResult ps,
      MatchResult m,
      BalanceTable b,
      List<String> warnings,
      PrintStream out) {
    out.println(
        "Propensity-score matching: "
            + treatment
            + " ~ "
            + String.join(" + ", covariates)
            + "   data: "
            + input.source());
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
    if (outMatched != null) {
      out.println("Matched data written to " + outMatched);
    }
    for (String w : warnings) {
      out.println("Warning: " + w);
    }
  }
}
