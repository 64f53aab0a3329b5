package org.thyra.analysis.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.thyra.analysis.DataFile;
import org.thyra.frame.DataTable;
import org.thyra.frame.InputException;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.frame.formula.Term;
import org.thyra.frame.formula.TermKind;
import org.thyra.frame.formula.Variable;
import org.thyra.frame.formula.VariableResponse;
import org.thyra.stats.Result;
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

/**
 * Propensity-score matching of a data table: the workflow behind {@code thyra match} and a study's
 * {@code match} analysis, as MatchIt's {@code matchit(method = "nearest", distance = "glm")} for
 * the ATT (SPEC §4–§5). A logistic propensity model of the treatment on the covariates, the
 * distance from its fitted probabilities, greedy nearest-neighbour matching, and the balance of the
 * distance and of every covariate (a categorical one as one indicator per level) before and after.
 */
public final class MatchAnalysis {
  private MatchAnalysis() {}

  /** The distance scales, as {@code --distance} names them (any case). */
  public static final List<String> DISTANCES =
      Arrays.stream(DistanceScale.values()).map(Enum::name).toList();

  /** The orders in which treated units choose, as {@code --order} names them (any case). */
  public static final List<String> ORDERS =
      Arrays.stream(MatchOrder.values()).map(Enum::name).toList();

  /**
   * What to match, with the options of {@code thyra match}.
   *
   * @param treatment two-level treatment column; the non-reference level is treated
   * @param covariates covariates of the propensity model and of the balance table
   * @param factors numeric covariates entered as categories
   * @param distance the distance scale
   * @param caliper caliper width, or null for none
   * @param stdCaliper caliper in SDs of the distance (MatchIt's default) rather than raw
   * @param ratio controls per treated unit
   * @param order order in which treated units choose
   * @param seed seed of the random order
   * @param replace match with replacement
   * @param exact match only within equal values of these columns
   * @param comparison how distances are compared (exact, or MatchIt 4.5.1's truncation)
   */
  public record Request(
      String treatment,
      List<String> covariates,
      List<String> factors,
      DistanceScale distance,
      Double caliper,
      boolean stdCaliper,
      int ratio,
      MatchOrder order,
      long seed,
      boolean replace,
      List<String> exact,
      DistanceComparison comparison) {
    public Request {
      covariates = List.copyOf(covariates);
      factors = List.copyOf(factors);
      exact = List.copyOf(exact);
    }

    /**
     * The options as a command line or a protocol spells them: {@code distance} one of {@link
     * #DISTANCES}, {@code order} one of {@link #ORDERS} (any case), {@code compat} {@code none} or
     * {@code matchit-4.5.1}.
     *
     * @throws IllegalArgumentException naming the option and the value given
     */
    public Request(
        String treatment,
        List<String> covariates,
        List<String> factors,
        String distance,
        Double caliper,
        boolean stdCaliper,
        int ratio,
        String order,
        long seed,
        boolean replace,
        List<String> exact,
        String compat) {
      this(
          treatment,
          covariates,
          factors,
          DistanceScale.valueOf(choice("--distance", distance, DISTANCES)),
          caliper,
          stdCaliper,
          ratio,
          MatchOrder.valueOf(choice("--order", order, ORDERS)),
          seed,
          replace,
          exact,
          comparison(compat));
    }

    /**
     * @param compat {@code none} or {@code matchit-4.5.1} (any case), as {@code --compat}
     * @return the distance comparison it names
     */
    public static DistanceComparison comparison(String compat) {
      return switch (compat.toLowerCase(Locale.ROOT)) {
        case "none" -> DistanceComparison.EXACT;
        case "matchit-4.5.1" -> DistanceComparison.MATCHIT_4_5_1_TRUNCATED;
        default ->
            throw new IllegalArgumentException(
                "--compat must be none or matchit-4.5.1, got " + compat);
      };
    }

    private static String choice(String option, String value, List<String> names) {
      String upper = value.toUpperCase(Locale.ROOT);
      if (!names.contains(upper)) {
        throw new IllegalArgumentException(option + " must be one of " + names + ", got " + value);
      }
      return upper;
    }

    /** The columns the match reads: treatment, covariates, exact-matching columns. */
    public List<String> columns() {
      List<String> c = new ArrayList<>();
      c.add(treatment);
      c.addAll(covariates);
      exact.stream().filter(e -> !c.contains(e)).forEach(c::add);
      return c;
    }
  }

  /**
   * A matching, ready to present.
   *
   * @param source the data's name, as messages cite it
   * @param request what was asked
   * @param frame the model frame (rows with a missing treatment or covariate dropped)
   * @param propensityModel the logistic propensity model
   * @param distance each kept row's distance
   * @param treated whether each kept row is treated
   * @param match the matching (rows are 0-based indices into the kept rows)
   * @param balance balance before and after
   * @param warnings the frame's, the propensity model's and the matching's
   */
  public record Report(
      String source,
      Request request,
      ModelFrame frame,
      LogisticResult propensityModel,
      double[] distance,
      boolean[] treated,
      MatchResult match,
      BalanceTable balance,
      List<String> warnings)
      implements Result {
    public Report {
      warnings = List.copyOf(warnings);
    }

    @Override
    public String method() {
      return match.method();
    }

    /**
     * The 0-based rows of the analysed table that are in the matched cohort (weight &gt; 0), in
     * table order.
     */
    public int[] matchedTableRows() {
      int[] rows = frame.rows();
      List<Integer> out = new ArrayList<>();
      for (int i = 0; i < rows.length; i++) {
        if (match.weights()[i] > 0) {
          out.add(rows[i] - 1);
        }
      }
      return out.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
  }

  /** Reads the request's columns from a data file (the treatment as categories) and matches. */
  public static Report run(DataFile input, Request request) {
    DataTable table =
        org.thyra.frame.TableReader.read(
            input.path(),
            request.columns(),
            input.options().withCategorical(List.of(request.treatment())));
    return run(table, input.source(), input.referenceLevels(), request);
  }

  /**
   * Matches the rows of a table already read.
   *
   * @param table the data
   * @param source its name, as messages cite it
   * @param references reference levels (variable → level); the treatment's reference is control
   * @param request what to match
   */
  public static Report run(
      DataTable table, String source, Map<String, String> references, Request request) {
    String treatment = request.treatment();
    List<String> covariates = request.covariates();
    Set<String> covSet = new LinkedHashSet<>(covariates);
    if (covSet.size() < covariates.size()) {
      throw new InputException(
          source, null, null, "--covariates names a column twice: " + covariates);
    }
    for (String f : request.factors()) {
      if (!covSet.contains(f)) {
        throw new InputException(source, null, f, "--factor must name a covariate");
      }
    }
    List<Term> terms = new ArrayList<>();
    for (String c : covariates) {
      terms.add(new Term(c, request.factors().contains(c) ? TermKind.FACTOR : TermKind.AUTO));
    }
    for (String e : request.exact()) {
      if (!covSet.contains(e)) {
        // in the frame for its codes and missing rows, not in the model
        terms.add(new Term(e, TermKind.FACTOR));
      }
    }
    ModelFrame frame =
        ModelFrame.build(
            table, new Formula(new VariableResponse(treatment, true), terms), references);
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
        DataFile.analyse(
            source,
            treatment,
            () ->
                LogisticRegression.fit(
                    y01, x, psNames, psAssign.stream().mapToInt(Integer::intValue).toArray()));
    double[] propensity = PropensityScore.fitted(ps, x);
    double[] dist = request.distance().fromPropensity(propensity);
    int[] strata = request.exact().isEmpty() ? null : strata(frame, all, request.exact());
    MatchingOptions options =
        MatchingOptions.defaults()
            .withRatio(request.ratio())
            .withOrder(request.order())
            .withReplacement(request.replace())
            .withSeed(request.seed())
            .withDistanceScale(request.distance())
            .withComparison(request.comparison());
    if (request.caliper() != null) {
      options =
          options.withCaliper(
              request.caliper(),
              request.stdCaliper() ? CaliperScale.STANDARD_DEVIATIONS : CaliperScale.RAW);
    }
    MatchingOptions opts = options;
    MatchResult m =
        DataFile.analyse(
            source, null, () -> NearestNeighbourMatching.match(dist, treated, strata, opts));
    // Balance: the distance, then every covariate (a categorical one as one indicator per level).
    PropensityScore.BalanceColumns bal =
        PropensityScore.BalanceColumns.of(dist, "distance", vars, all, covSet::contains);
    BalanceTable balance =
        DataFile.analyse(
            source,
            null,
            () ->
                BalanceTable.of(
                    bal.columns(), bal.names().toArray(String[]::new), treated, m.weights()));
    List<String> warnings = new ArrayList<>(frame.warnings());
    ps.warnings().forEach(w -> warnings.add("propensity model: " + w));
    warnings.addAll(m.warnings());
    return new Report(source, request, frame, ps, dist, treated, m, balance, warnings);
  }

  /** Per matched treated unit: {pair id, treated row, its controls...} (0-based kept rows). */
  public static List<int[]> groupedPairs(MatchResult m) {
    List<int[]> out = new ArrayList<>();
    int id = 0;
    for (int t = 0; t < m.matches().length; t++) {
      int[] c = Arrays.stream(m.matches()[t]).filter(v -> v >= 0).toArray();
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

  /** Exact-matching stratum per kept row: the combination of the exact variables' values. */
  private static int[] strata(ModelFrame frame, double[][] all, List<String> exact) {
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
        double[] distinct = Arrays.stream(x).sorted().distinct().toArray();
        codes = new int[n];
        for (int i = 0; i < n; i++) {
          codes[i] = Arrays.binarySearch(distinct, x[i]);
        }
        levels = distinct.length;
      }
      for (int i = 0; i < n; i++) {
        key[i] = Math.addExact(Math.multiplyExact(key[i], levels), codes[i]);
      }
    }
    long[] distinct = Arrays.stream(key).sorted().distinct().toArray();
    int[] stratum = new int[n];
    for (int i = 0; i < n; i++) {
      stratum[i] = Arrays.binarySearch(distinct, key[i]);
    }
    return stratum;
  }
}
