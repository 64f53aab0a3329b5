package org.thyra.analysis.weighting;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.thyra.analysis.DataFile;
import org.thyra.analysis.matching.PropensityScore;
import org.thyra.frame.DataTable;
import org.thyra.frame.InputException;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.frame.formula.Term;
import org.thyra.frame.formula.TermKind;
import org.thyra.frame.formula.VariableResponse;
import org.thyra.stats.regression.LogisticRegression;
import org.thyra.stats.regression.LogisticResult;
import org.thyra.stats.weighting.Estimand;
import org.thyra.stats.weighting.PropensityWeights;
import org.thyra.stats.weighting.WeightedBalance;

/**
 * Inverse probability of treatment weighting, the workflow behind {@code thyra weight}: a logistic
 * propensity model of the treatment on the covariates ({@code glm(T ~ x, binomial)}), IPTW weights
 * for the ATE or the ATT ({@link PropensityWeights}) and the covariate balance before and after
 * weighting ({@link WeightedBalance}, the propensity score first).
 */
public final class IptwAnalysis {
  private IptwAnalysis() {}

  /**
   * What to compute.
   *
   * @param treatment treatment column (two levels; the non-reference one is treated)
   * @param covariates propensity-model covariates
   * @param factors numeric covariates entered as categories
   * @param estimand "ate" or "att" (any case)
   * @param stabilized stabilised ATE weights
   */
  public record Request(
      String treatment,
      List<String> covariates,
      List<String> factors,
      String estimand,
      boolean stabilized) {
    public Request {
      covariates = List.copyOf(covariates);
      factors = List.copyOf(factors);
    }
  }

  /**
   * Fits the propensity model and computes weights and balance.
   *
   * @param file the data
   * @param request the options
   * @return the report
   * @throws InputException for a covariate named twice, a --factor that is not a covariate, a
   *     treatment without two levels, or a propensity of 0 or 1 (separation)
   */
  public static IptwReport run(DataFile file, Request request) {
    return run(file.source(), request, formula -> file.modelFrame(formula));
  }

  /**
   * As {@link #run(DataFile, Request)} on a table already read (a study's cohort): the treatment is
   * read as a factor, {@code references} give the reference levels.
   */
  public static IptwReport run(
      DataTable table, String source, Map<String, String> references, Request request) {
    return run(source, request, formula -> ModelFrame.build(table, formula, references));
  }

  private static IptwReport run(
      String source, Request request, java.util.function.Function<Formula, ModelFrame> frames) {
    Estimand estimand =
        switch (request.estimand().toLowerCase(java.util.Locale.ROOT)) {
          case "ate" -> Estimand.ATE;
          case "att" -> Estimand.ATT;
          default ->
              throw new InputException(
                  source,
                  null,
                  null,
                  "--estimand must be ate or att, got \"" + request.estimand() + "\"");
        };
    if (request.stabilized() && estimand != Estimand.ATE) {
      throw new InputException(source, null, null, "--stabilize applies to --estimand ate only");
    }
    Set<String> covSet = new LinkedHashSet<>(request.covariates());
    if (covSet.size() < request.covariates().size()) {
      throw new InputException(
          source, null, null, "--covariates names a column twice: " + request.covariates());
    }
    for (String f : request.factors()) {
      if (!covSet.contains(f)) {
        throw new InputException(source, null, f, "--factor must name a covariate");
      }
    }
    List<Term> terms = new ArrayList<>();
    for (String c : request.covariates()) {
      terms.add(new Term(c, request.factors().contains(c) ? TermKind.FACTOR : TermKind.AUTO));
    }
    Formula formula = new Formula(new VariableResponse(request.treatment(), true), terms);
    ModelFrame frame = frames.apply(formula);
    int n = frame.n();
    int[] y = frame.binaryResponse();
    boolean[] treated = new boolean[n];
    double[] y01 = new double[n];
    for (int i = 0; i < n; i++) {
      treated[i] = y[i] == 1;
      y01[i] = y[i];
    }
    double[][] x = frame.design().columns();
    List<String> names = frame.design().columnNames();
    LogisticResult ps =
        DataFile.analyse(
            source,
            request.treatment(),
            () -> LogisticRegression.fit(y01, x, names, frame.design().assign()));
    double[] propensity = PropensityScore.fitted(ps, x);
    PropensityWeights weights =
        DataFile.analyse(
            source,
            request.treatment(),
            () -> PropensityWeights.of(propensity, treated, estimand, request.stabilized()));
    // balance: the propensity score, then each covariate (a categorical one per level)
    PropensityScore.BalanceColumns bal =
        PropensityScore.BalanceColumns.of(
            propensity, "propensity", frame.variables(), x, name -> true);
    WeightedBalance balance =
        WeightedBalance.of(bal.columns(), bal.names(), treated, weights.weights(), estimand);
    List<String> warnings = new ArrayList<>(frame.warnings());
    ps.warnings().forEach(w -> warnings.add("propensity model: " + w));
    warnings.addAll(weights.warnings());
    return new IptwReport(
        source, request, frame, treated, ps, propensity, weights, balance, warnings);
  }
}
