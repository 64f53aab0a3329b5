package org.thyra.analysis.regression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.thyra.analysis.DataFile;
import org.thyra.frame.InputException;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.frame.formula.Term;
import org.thyra.frame.formula.Variable;
import org.thyra.stats.regression.ConfidenceIntervalType;
import org.thyra.stats.regression.CoxModelFitter;
import org.thyra.stats.regression.FirthModelFitter;
import org.thyra.stats.regression.LogisticModelFitter;
import org.thyra.stats.regression.LogisticResult;
import org.thyra.stats.regression.ModelFit;
import org.thyra.stats.regression.ModelFitter;
import org.thyra.stats.regression.ScreenResult;
import org.thyra.stats.regression.StepDirection;
import org.thyra.stats.regression.StepwiseResult;
import org.thyra.stats.regression.StepwiseSelection;
import org.thyra.stats.regression.UnivariableScreen;
import org.thyra.stats.survival.CoxFit;
import org.thyra.stats.survival.CoxOptions;
import org.thyra.stats.survival.Ties;

/**
 * Variable screening as the source studies do it: the workflow behind {@code thyra screen} (SPEC
 * §5) and a study's {@code screen} analysis. Each candidate variable alone (likelihood-ratio p, one
 * per variable, {@link UnivariableScreen}), the variables with p below the entry threshold in a
 * multivariable Cox or logistic model, optionally selected by AIC ({@link StepwiseSelection}, as
 * {@code MASS::stepAIC} within the entered variables). Every model is fitted on the complete cases
 * of every candidate variable, so the rows are the same throughout.
 */
public final class ScreenAnalysis {
  /** Cox tie methods, as {@code --ties} names them (any case). */
  public static final List<String> TIES = Arrays.stream(Ties.values()).map(Enum::name).toList();

  private ScreenAnalysis() {}

  /**
   * What to screen, with the options of {@code thyra screen}.
   *
   * @param formula all candidate variables, {@code Surv(time, status) ~ ...} (cox) or {@code y ~
   *     ...} (logistic)
   * @param model {@code cox} or {@code logistic} (any case)
   * @param entryP entry threshold: univariable p below it
   * @param select {@code none}, {@code backward}, {@code forward} or {@code both}
   * @param ties Cox tie method, one of {@link #TIES}
   * @param ci logistic CIs, {@code wald} or {@code profile}
   * @param confLevel confidence level
   * @param firth logistic model only: Firth's penalised likelihood
   */
  public record Request(
      String formula,
      String model,
      double entryP,
      String select,
      String ties,
      String ci,
      double confLevel,
      boolean firth) {}

  /**
   * One row of the side-by-side table: a design term of a candidate variable.
   *
   * @param variable the candidate variable
   * @param uni the term in the variable's univariable model
   * @param variableP the variable's univariable likelihood-ratio p
   * @param multi the term in the multivariable model, or null when not in it
   */
  public record TableRow(String variable, FittedTerm uni, double variableP, FittedTerm multi) {}

  /** Runs the screen on the formula's complete cases in {@code file}. */
  public static ScreenReport run(DataFile file, Request request) {
    String source = file.source();
    boolean cox =
        switch (request.model().toLowerCase(Locale.ROOT)) {
          case "cox" -> true;
          case "logistic" -> false;
          default ->
              throw new IllegalArgumentException(
                  "--model must be cox or logistic, got \"" + request.model() + "\"");
        };
    String select = request.select();
    StepDirection direction =
        switch (select.toLowerCase(Locale.ROOT)) {
          case "none" -> null;
          case "backward" -> StepDirection.BACKWARD;
          case "forward" -> StepDirection.FORWARD;
          case "both" -> StepDirection.BOTH;
          default ->
              throw new IllegalArgumentException(
                  "--select must be none, backward, forward or both, got \"" + select + "\"");
        };
    boolean firth = request.firth();
    if (firth && (cox || direction != null || !request.ci().equalsIgnoreCase("wald"))) {
      throw new InputException(
          source,
          null,
          null,
          "--firth applies to --model logistic with Wald intervals and --select none (a stepwise"
              + " search over Firth fits is not offered)");
    }
    double entryP = request.entryP();
    if (!(entryP > 0 && entryP <= 1)) {
      throw new IllegalArgumentException("--entry-p must be in (0, 1], got " + entryP);
    }
    Formula formula =
        cox
            ? RegressionInput.survivalFormula(source, request.formula())
            : RegressionInput.binaryFormula(source, request.formula(), "screen --model logistic");
    ModelFrame frame = RegressionInput.modelFrame(file, formula);
    List<String> names = frame.variables().stream().map(Variable::name).toList();
    if (names.isEmpty()) {
      throw new InputException(
          source,
          null,
          null,
          "the formula names no candidate variables: \"" + request.formula() + "\"");
    }
    double[][] x = frame.design().columns();
    List<String> columnNames = frame.design().columnNames();
    int[] assign = frame.design().assign();
    double confLevel = request.confLevel();
    ModelFitter<?> reported;
    ModelFitter<?> stepping;
    ConfidenceIntervalType ciType = ConfidenceIntervalType.WALD;
    if (cox) {
      double[] time = frame.time();
      int[] status = frame.status();
      int[] strata = frame.strata();
      CoxOptions options =
          CoxOptions.of(Ties.valueOf(request.ties().toUpperCase(Locale.ROOT)))
              .withConfLevel(confLevel);
      reported =
          file.analyse(
              null,
              () -> new CoxModelFitter(time, status, x, columnNames, assign, strata, options));
      stepping = reported;
    } else {
      double[] y = RegressionInput.binaryOutcome(frame);
      ConfidenceIntervalType type = LogisticAnalysis.ciType(request.ci());
      ciType = type;
      reported =
          firth
              ? file.analyse(null, () -> new FirthModelFitter(y, x, columnNames, assign, confLevel))
              : file.analyse(
                  null, () -> new LogisticModelFitter(y, x, columnNames, assign, type, confLevel));
      // candidate models during the search need no profile intervals
      stepping =
          type == ConfidenceIntervalType.WALD
              ? reported
              : file.analyse(
                  null,
                  () ->
                      new LogisticModelFitter(
                          y, x, columnNames, assign, ConfidenceIntervalType.WALD, confLevel));
    }
    List<Set<String>> ownColumns = new ArrayList<>();
    for (Variable v : frame.variables()) {
      ownColumns.add(
          Set.copyOf(columnNames.subList(v.firstColumn(), v.firstColumn() + v.columnCount())));
    }
    int[][] margins = margins(frame.formula().covariates());
    if (margins != null && direction != null) {
      throw new InputException(
          source,
          null,
          null,
          "--select "
              + select
              + " with an interaction in the formula is not supported (a stepwise search would"
              + " drop main effects an interaction needs); use --select none");
    }
    Fitted r = file.analyse(null, () -> fit(reported, stepping, names, direction, margins, entryP));
    List<String> warnings = new ArrayList<>(frame.warnings());
    warnings.addAll(r.warnings());
    return new ScreenReport(
        source,
        request,
        cox,
        ciType,
        frame,
        events(frame, cox),
        r.screen(),
        r.stepwise(),
        r.selectedNames(),
        r.multivariable(),
        table(r.screen(), r.multivariable(), ownColumns),
        warnings);
  }

  /** Everything the screen fitted. */
  private record Fitted(
      ScreenResult<?> screen,
      StepwiseResult<?> stepwise,
      List<String> selectedNames,
      ModelFit<?> multivariable,
      List<String> warnings) {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Fitted fit(
      ModelFitter reported,
      ModelFitter stepping,
      List<String> names,
      StepDirection direction,
      int[][] margins,
      double entryP) {
    ScreenResult<?> screen = UnivariableScreen.screen(reported, names, entryP, margins);
    List<String> warnings = new ArrayList<>(screen.warnings());
    int[] entered = withMargins(screen.enteredVariables(), margins, names, warnings);
    StepwiseResult<?> stepwise = null;
    int[] selected = entered;
    if (direction != null && entered.length > 0) {
      int[] start = direction == StepDirection.FORWARD ? new int[0] : entered;
      stepwise = StepwiseSelection.select(stepping, names, direction, start, new int[0], entered);
      warnings.addAll(stepwise.warnings());
      selected = stepwise.selectedVariables();
    }
    if (entered.length == 0) {
      warnings.add(
          "no variable has univariable p < " + entryP + ": the multivariable model is empty");
    }
    List<String> selectedNames = new ArrayList<>();
    for (int v : selected) {
      selectedNames.add(names.get(v));
    }
    ModelFit<?> multi = selected.length == 0 ? null : reported.fit(selected);
    if (multi != null) {
      warnings.addAll(fitWarnings(multi.fit()));
    }
    return new Fitted(screen, stepwise, selectedNames, multi, warnings);
  }

  /**
   * Per candidate term the terms an interaction's test is adjusted for: every other term made of
   * some of its main effects (a and b for a:b); {@code null} when the formula has no interaction.
   */
  private static int[][] margins(List<Term> terms) {
    int[][] m = new int[terms.size()][];
    boolean any = false;
    for (int v = 0; v < terms.size(); v++) {
      List<Term> parts = terms.get(v).mainEffects();
      List<Integer> base = new ArrayList<>();
      for (int u = 0; u < terms.size(); u++) {
        List<Term> other = terms.get(u).mainEffects();
        if (u != v && other.size() < parts.size() && parts.containsAll(other)) {
          base.add(u);
        }
      }
      m[v] = base.stream().mapToInt(Integer::intValue).toArray();
      any |= m[v].length > 0;
    }
    return any ? m : null;
  }

  /** An entered interaction brings its main effects into the multivariable model (hierarchy). */
  private static int[] withMargins(
      int[] entered, int[][] margins, List<String> names, List<String> warnings) {
    if (margins == null) {
      return entered;
    }
    TreeSet<Integer> set = new TreeSet<>();
    for (int v : entered) {
      set.add(v);
    }
    for (int v : entered) {
      for (int u : margins[v]) {
        if (set.add(u)) {
          warnings.add(
              names.get(u)
                  + " enters the multivariable model with the interaction "
                  + names.get(v)
                  + " although its own p is not below --entry-p (hierarchy)");
        }
      }
    }
    return set.stream().mapToInt(Integer::intValue).toArray();
  }

  private static List<String> fitWarnings(Object fit) {
    List<String> w = new ArrayList<>();
    if (fit instanceof CoxFit c) {
      c.warnings().forEach(s -> w.add("multivariable model: " + s));
    } else if (fit instanceof LogisticResult l) {
      l.warnings().forEach(s -> w.add("multivariable model: " + s));
    }
    return w;
  }

  /** The coefficients of a Cox or logistic fit. */
  public static List<FittedTerm> terms(Object fit) {
    return fit instanceof CoxFit c ? FittedTerm.of(c) : FittedTerm.of((LogisticResult) fit);
  }

  private static List<TableRow> table(
      ScreenResult<?> screen, ModelFit<?> multivariable, List<Set<String>> ownColumns) {
    Map<String, FittedTerm> multi = new LinkedHashMap<>();
    if (multivariable != null) {
      for (FittedTerm t : terms(multivariable.fit())) {
        multi.put(t.term(), t);
      }
    }
    List<TableRow> rows = new ArrayList<>();
    for (ScreenResult.Row<?> row : screen.rows()) {
      for (FittedTerm t : terms(row.fit().fit())) {
        if (!ownColumns.get(row.index()).contains(t.term())) {
          continue; // an interaction's fit also holds its main effects: they have their own rows
        }
        rows.add(new TableRow(row.variable(), t, row.p(), multi.get(t.term())));
      }
    }
    return rows;
  }

  private static int events(ModelFrame frame, boolean cox) {
    int e = 0;
    for (int s : cox ? frame.status() : frame.binaryResponse()) {
      e += s;
    }
    return e;
  }
}
