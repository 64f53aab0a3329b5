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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.thyra.app.InputOptions;
import org.thyra.app.output.OutputOptions;
import org.thyra.frame.Column;
import org.thyra.frame.DataTable;
import org.thyra.frame.InputException;
import org.thyra.frame.TableReader;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.frame.formula.Term;
import org.thyra.frame.formula.TermKind;
import org.thyra.frame.formula.Variable;
import org.thyra.frame.formula.VariableResponse;
import org.thyra.report.output.AtomicFile;
import org.thyra.report.output.CsvTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.Numbers;
import org.thyra.report.output.TextTable;
import org.thyra.stats.matching.BalanceRow;
import org.thyra.stats.matching.BalanceTable;
import org.thyra.stats.matching.CaliperScale;
import org.thyra.stats.matching.DistanceComparison;
import org.thyra.stats.matching.DistanceScale;
import org.thyra.stats.matching.MatchOrder;
import org.thyra.stats.matching.MatchResult;
import org.thyra.stats.matching.MatchingOptions;
import org.thyra.stats.matching.NearestNeighbourMatching;
import org.thyra.stats.regression.LogisticRegression;
import org.thyra.stats.regression.LogisticResult;
import org.thyra.stats.regression.LogisticTerm;
import org.thyra.stats.regression.Logit;
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
    Set<String> covSet = new LinkedHashSet<>(covariates);
    if (covSet.size() < covariates.size()) {
      throw new InputException(
          input.source(), null, null, "--covariates names a column twice: " + covariates);
    }
    for (String f : factors) {
      if (!covSet.contains(f)) {
        throw new InputException(input.source(), null, f, "--factor must name a covariate");
      }
    }
    // The whole file: --out-matched copies every column of the matched rows.
    DataTable table = outMatched == null ? input.read(columns()) : TableReader.read(input.data());
    List<Term> terms = new ArrayList<>();
    for (String c : covariates) {
      terms.add(new Term(c, factors.contains(c) ? TermKind.FACTOR : TermKind.AUTO));
    }
    for (String e : exact) {
      if (!covSet.contains(e)) {
        terms.add(
            new Term(
                e,
                TermKind.FACTOR)); // in the frame for its codes and missing rows, not in the model
      }
    }
    ModelFrame frame =
        ModelFrame.build(
            table, new Formula(new VariableResponse(treatment), terms), input.referenceLevels());
    int n = frame.n();
    int[] y = frame.binaryResponse();
    boolean[] treated = new boolean[n];
    double[] y01 = new double[n];
    for (int i = 0; i < n; i++) {
      treated[i] = y[i] == 1;
      y01[i] = y[i];
    }
    // Propensity model on the covariates' design columns only.
    List<Variable> vars = frame.variables();
    double[][] all = frame.design().columns();
    List<String> allNames = frame.design().columnNames();
    int[] assign = frame.design().assign();
    List<double[]> psCols = new ArrayList<>();
    List<String> psNames = new ArrayList<>();
    List<Integer> psAssign = new ArrayList<>();
    for (int j = 0; j < all.length; j++) {
      if (covSet.contains(vars.get(assign[j]).name())) {
        psCols.add(all[j]);
        psNames.add(allNames.get(j));
        psAssign.add(assign[j]);
      }
    }
    double[][] x = psCols.toArray(double[][]::new);
    LogisticResult ps =
        input.analyse(
            treatment,
            () ->
                LogisticRegression.fit(
                    y01, x, psNames, psAssign.stream().mapToInt(Integer::intValue).toArray()));
    double[] propensity = new double[n];
    for (int i = 0; i < n; i++) {
      double eta = ps.intercept().coef();
      for (int j = 0; j < x.length; j++) {
        double b = ps.terms().get(j).coef();
        if (!Double.isNaN(b)) {
          eta += b * x[j][i];
        }
      }
      propensity[i] = Logit.inverse(eta);
    }
    double[] dist = distance.fromPropensity(propensity);
    int[] strata = exact.isEmpty() ? null : strata(frame, all);
    MatchingOptions options =
        MatchingOptions.defaults()
            .withRatio(ratio)
            .withOrder(order)
            .withReplacement(replace)
            .withSeed(seed)
            .withDistanceScale(distance)
            .withComparison(comparison);
    if (caliper != null) {
      options =
          options.withCaliper(
              caliper, stdCaliper ? CaliperScale.STANDARD_DEVIATIONS : CaliperScale.RAW);
    }
    MatchingOptions opts = options;
    MatchResult m =
        input.analyse(null, () -> NearestNeighbourMatching.match(dist, treated, strata, opts));
    // Balance: the distance, then every covariate (a categorical one as one indicator per level).
    List<double[]> balCols = new ArrayList<>();
    List<String> balNames = new ArrayList<>();
    balCols.add(dist);
    balNames.add("distance");
    for (Variable v : vars) {
      if (!covSet.contains(v.name())) {
        continue;
      }
      if (v.categorical()) {
        int[] codes = v.codes();
        for (int l = 0; l < v.levels().size(); l++) {
          double[] ind = new double[n];
          for (int i = 0; i < n; i++) {
            ind[i] = codes[i] == l ? 1 : 0;
          }
          balCols.add(ind);
          balNames.add(v.name() + "=" + v.levels().get(l));
        }
      } else {
        balCols.add(all[v.firstColumn()]);
        balNames.add(v.name());
      }
    }
    BalanceTable balance =
        input.analyse(
            null,
            () ->
                BalanceTable.of(
                    balCols.toArray(double[][]::new),
                    balNames.toArray(String[]::new),
                    treated,
                    m.weights()));
    List<String> warnings = new ArrayList<>(frame.warnings());
    ps.warnings().forEach(w -> warnings.add("propensity model: " + w));
    warnings.addAll(m.warnings());
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

  /** Exact-matching stratum per kept row: the combination of the exact variables' values. */
  private int[] strata(ModelFrame frame, double[][] all) {
    int n = frame.n();
    // each exact variable as level codes 0..L-1, combined in mixed radix, then renumbered densely
    long[] key = new long[n];
    for (String e : exact) {
      Variable v =
          frame.variables().stream().filter(x -> x.name().equals(e)).findFirst().orElseThrow();
      int[] codes;
      int levels;
      if (v.categorical()) {
        codes = v.codes();
        levels = v.levels().size();
      } else {
        double[] x = all[v.firstColumn()];
        double[] distinct = java.util.Arrays.stream(x).sorted().distinct().toArray();
        codes = new int[n];
        for (int i = 0; i < n; i++) {
          codes[i] = java.util.Arrays.binarySearch(distinct, x[i]);
        }
        levels = distinct.length;
      }
      for (int i = 0; i < n; i++) {
        key[i] = Math.addExact(Math.multiplyExact(key[i], levels), codes[i]);
      }
    }
    long[] distinct = java.util.Arrays.stream(key).sorted().distinct().toArray();
    int[] stratum = new int[n];
    for (int i = 0; i < n; i++) {
      stratum[i] = java.util.Arrays.binarySearch(distinct, key[i]);
    }
    return stratum;
  }

  private void writeMatched(
      DataTable table, int[] rows, MatchResult m, boolean[] treated, double[] dist)
      throws java.io.IOException {
    // kept-row index of each frame row: MatchResult rows are 0-based indices into the kept rows
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
            for (int[] pair : groupedPairs(m)) {
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
                  rec.add(col.isMissing(r0) ? "" : col.text(r0));
                }
                csv.writeRecord(rec);
              }
            }
          }
        });
  }

  /** Per matched treated unit: {pair id, treated row, its controls...} (0-based kept rows). */
  private static List<int[]> groupedPairs(MatchResult m) {
    List<int[]> out = new ArrayList<>();
    int id = 0;
    for (int t = 0; t < m.matches().length; t++) {
      int[] c = java.util.Arrays.stream(m.matches()[t]).filter(v -> v >= 0).toArray();
      if (c.length == 0) {
        continue;
      }
      int[] g = new int[c.length + 2];
      g[0] = ++id;
      g[1] = m.treatedRows()[t];
      System.arraycopy(c, 0, g, 2, c.length);
      out.add(g);
    }
    return out;
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
