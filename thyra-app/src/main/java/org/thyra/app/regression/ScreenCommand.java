package org.thyra.app.regression;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.thyra.app.InputOptions;
import org.thyra.app.output.FigureOptions;
import org.thyra.app.output.OutputOptions;
import org.thyra.frame.InputException;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.frame.formula.Term;
import org.thyra.frame.formula.Variable;
import org.thyra.report.figure.ForestFigure;
import org.thyra.report.output.CsvTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.Numbers;
import org.thyra.report.output.TextTable;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code thyra screen}: univariable screen, entry into a multivariable model, optional stepwise AIC
 * selection (SPEC §5), with univariable and multivariable results side by side.
 */
@Command(
    name = "screen",
    mixinStandardHelpOptions = true,
    description =
        "Variable screening as the source studies do it: each variable alone (likelihood-ratio p, one per variable),"
            + " the variables with p < --entry-p in a multivariable Cox or logistic model, optionally selected by AIC"
            + " (--select backward|forward|both, as MASS::stepAIC within the entered variables); univariable and"
            + " multivariable HR/OR side by side.")
public final class ScreenCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin OutputOptions output;
  @Mixin FigureOptions figure;

  @Option(
      names = "--formula",
      required = true,
      description =
          "All candidate variables: \"Surv(time, status) ~ a + factor(b) + strata(s)\" (cox) or \"y ~ a + factor(b)\" (logistic).")
  String formulaText;

  @Option(names = "--model", required = true, description = "cox or logistic.")
  String model;

  @Option(
      names = "--entry-p",
      defaultValue = "0.1",
      description = "Entry threshold: univariable p < this (default: ${DEFAULT-VALUE}).")
  double entryP;

  @Option(
      names = "--select",
      defaultValue = "none",
      description =
          "none, backward, forward or both: stepwise AIC selection among the entered variables (default: ${DEFAULT-VALUE}).")
  String select;

  @Option(
      names = "--ties",
      defaultValue = "efron",
      description = "Cox tie method: efron or breslow (default: ${DEFAULT-VALUE}).")
  Ties ties;

  @Option(
      names = "--ci",
      defaultValue = "wald",
      description = "Logistic CIs: wald or profile (default: ${DEFAULT-VALUE}).")
  String ci;

  @Option(
      names = "--conf-level",
      defaultValue = "0.95",
      description = "Confidence level (default: ${DEFAULT-VALUE}).")
  double confLevel;

  @Option(
      names = "--firth",
      description =
          "Logistic model only: Firth's penalised likelihood (as logistic --firth, brglm2 AS_mean);"
              + " the univariable test is the penalised likelihood-ratio test (logistf's).")
  boolean firth;

  private boolean cox;

  @Override
  public Integer call() throws Exception {
    cox =
        switch (model.toLowerCase(Locale.ROOT)) {
          case "cox" -> true;
          case "logistic" -> false;
          default ->
              throw new IllegalArgumentException(
                  "--model must be cox or logistic, got \"" + model + "\"");
        };
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
    if (firth && (cox || direction != null || !ci.equalsIgnoreCase("wald"))) {
      throw new InputException(
          input.source(),
          null,
          null,
          "--firth applies to --model logistic with Wald intervals and --select none (a stepwise"
              + " search over Firth fits is not offered)");
    }
    if (!(entryP > 0 && entryP <= 1)) {
      throw new IllegalArgumentException("--entry-p must be in (0, 1], got " + entryP);
    }
    Formula formula =
        cox
            ? RegressionInput.survivalFormula(input, formulaText)
            : RegressionInput.binaryFormula(input, formulaText, "screen --model logistic");
    ModelFrame frame = input.modelFrame(formula);
    List<String> names = frame.variables().stream().map(Variable::name).toList();
    if (names.isEmpty()) {
      throw new InputException(
          input.source(),
          null,
          null,
          "the formula names no candidate variables: \"" + formulaText + "\"");
    }
    double[][] x = frame.design().columns();
    List<String> columnNames = frame.design().columnNames();
    int[] assign = frame.design().assign();
    ModelFitter<?> reported;
    ModelFitter<?> stepping;
    if (cox) {
      double[] time = frame.time();
      int[] status = frame.status();
      int[] strata = frame.strata();
      CoxOptions options = CoxOptions.of(ties).withConfLevel(confLevel);
      reported =
          input.analyse(
              null,
              () -> new CoxModelFitter(time, status, x, columnNames, assign, strata, options));
      stepping = reported;
    } else {
      double[] y = RegressionInput.binaryOutcome(input, frame);
      ConfidenceIntervalType ciType = LogisticCommand.ciType(input, ci);
      reported =
          firth
              ? input.analyse(
                  null, () -> new FirthModelFitter(y, x, columnNames, assign, confLevel))
              : input.analyse(
                  null,
                  () -> new LogisticModelFitter(y, x, columnNames, assign, ciType, confLevel));
      // candidate models during the search need no profile intervals
      stepping =
          ciType == ConfidenceIntervalType.WALD
              ? reported
              : input.analyse(
                  null,
                  () ->
                      new LogisticModelFitter(
                          y, x, columnNames, assign, ConfidenceIntervalType.WALD, confLevel));
    }
    ownColumns = new ArrayList<>();
    for (org.thyra.frame.formula.Variable v : frame.variables()) {
      ownColumns.add(
          java.util.Set.copyOf(
              columnNames.subList(v.firstColumn(), v.firstColumn() + v.columnCount())));
    }
    int[][] margins = margins(frame.formula().covariates());
    if (margins != null && direction != null) {
      throw new InputException(
          input.source(),
          null,
          null,
          "--select "
              + select
              + " with an interaction in the formula is not supported (a stepwise search would"
              + " drop main effects an interaction needs); use --select none");
    }
    Result r = input.analyse(null, () -> run(reported, stepping, names, direction, margins));
    List<String> warnings = new ArrayList<>(frame.warnings());
    warnings.addAll(r.warnings);
    output.write(
        out -> {
          switch (output.format()) {
            case JSON -> Json.write(json(frame, r, warnings), out);
            case CSV -> csv(r).print(out);
            default -> text(frame, r, warnings, out);
          }
        });
    figure.write(
        spec ->
            ForestFigure.screen(
                frame,
                r.screen().rows().stream().map(row -> row.fit().fit()).toList(),
                r.multivariable() == null ? null : r.multivariable().fit(),
                cox,
                spec));
    return 0;
  }

  /** Everything the screen computed. */
  private record Result(
      ScreenResult<?> screen,
      StepwiseResult<?> stepwise,
      int[] selected,
      List<String> selectedNames,
      ModelFit<?> multivariable,
      List<String> warnings) {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Result run(
      ModelFitter reported,
      ModelFitter stepping,
      List<String> names,
      StepDirection direction,
      int[][] margins) {
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
    return new Result(screen, stepwise, selected, selectedNames, multi, warnings);
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
    java.util.TreeSet<Integer> set = new java.util.TreeSet<>();
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

  private String ratio() {
    return cox ? "hr" : "or";
  }

  private static List<FittedTerm> terms(Object fit) {
    return fit instanceof CoxFit c ? FittedTerm.of(c) : FittedTerm.of((LogisticResult) fit);
  }

  private ObjectNode method(Result r) {
    ObjectNode m = Json.object();
    m.put(
        "model",
        cox
            ? "Cox proportional hazards (coxph), " + ties.name().toLowerCase(Locale.ROOT) + " ties"
            : firth
                ? "binomial, logit link, Firth's penalised likelihood (brglm2 AS_mean)"
                : "logistic regression (glm binomial)");
    m.put(
        "ci",
        cox || LogisticCommand.ciType(input, ci) == ConfidenceIntervalType.WALD
            ? "Wald"
            : "profile likelihood");
    m.put("conf_level", confLevel);
    m.put(
        "univariable_test",
        firth
            ? "penalised likelihood ratio 2 (l*_1 - l*_0), l* = l + 1/2 log det I, vs the"
                + " intercept-only Firth fit (as logistf), one p per variable (df = its"
                + " coefficients)"
            : "likelihood ratio vs the null model, one p per variable (df = its coefficients)");
    m.put("term_test", "Wald z per coefficient");
    m.put("entry", "univariable p < " + entryP);
    m.put("rows", "complete cases on every candidate variable, the same rows for every model");
    m.put(
        "selection",
        r.stepwise == null
            ? "none: the multivariable model holds every entered variable"
            : "stepwise AIC (k = 2) as MASS::stepAIC, direction "
                + select.toLowerCase(Locale.ROOT)
                + ", scope: the entered variables"
                + (cox ? "; AIC = -2 loglik + 2 edf as extractAIC.coxph" : ""));
    m.put(
        "description",
        firth
            ? "Firth's penalised likelihood (brglm2 AS_mean); univariable penalised likelihood-ratio"
                + " test as logistf; entry at p < "
                + entryP
            : r.screen.method() + (r.stepwise == null ? "" : "; " + r.stepwise.method()));
    return m;
  }

  private ObjectNode json(ModelFrame frame, Result r, List<String> warnings) {
    ObjectNode root = Json.object();
    root.put("analysis", "screen");
    root.put("data", input.source());
    root.put("formula", frame.formula().toString());
    root.put("model", cox ? "cox" : "logistic");
    if (cox) {
      root.put("event_coding", frame.eventCoding().description());
    } else {
      root.put("outcome_coding", frame.binaryResponseCoding());
    }
    root.put("n", frame.n());
    root.put("events", events(frame));
    root.put("dropped_missing", frame.droppedMissing());
    root.set("method", method(r));
    root.set("warnings", Json.strings(warnings));
    root.put("entry_p", entryP);
    ArrayNode uni = root.putArray("univariable");
    for (ScreenResult.Row<?> row : r.screen.rows()) {
      ObjectNode o = uni.addObject();
      o.put("variable", row.variable());
      ArrayNode ts = o.putArray("terms");
      for (FittedTerm t : terms(row.fit().fit())) {
        ts.add(t.json(ratio()));
      }
      o.set("statistic", Json.number(row.statistic()));
      o.put("df", row.df());
      o.set("p", Json.number(row.p()));
      o.put("entered", row.entered());
    }
    root.set("entered", Json.strings(r.screen.entered()));
    root.set("selected", Json.strings(r.selectedNames));
    ArrayNode steps = root.putArray("steps");
    if (r.stepwise != null) {
      for (StepwiseResult.Step s : r.stepwise.steps()) {
        ObjectNode o = steps.addObject();
        o.put("change", s.change());
        o.set("aic", Json.number(s.aic()));
        o.put("df", s.df());
      }
    }
    if (r.multivariable == null) {
      root.putNull("multivariable");
    } else {
      ObjectNode m = root.putObject("multivariable");
      ArrayNode ts = m.putArray("terms");
      for (FittedTerm t : terms(r.multivariable.fit())) {
        ts.add(t.json(ratio()));
      }
      ObjectNode ll = m.putObject("loglik");
      Object fit = r.multivariable.fit();
      ll.set(
          "null",
          Json.number(
              fit instanceof CoxFit c ? c.loglikNull() : ((LogisticResult) fit).logLikNull()));
      if (firth) {
        // the unpenalised log-likelihood and AIC at the Firth estimate, as brglm2 reports them
        LogisticResult lr = (LogisticResult) fit;
        ll.set("model", Json.number(lr.logLikModel()));
        m.put("df", r.multivariable.df());
        m.set("aic", Json.number(lr.aic()));
      } else {
        ll.set("model", Json.number(r.multivariable.logLik()));
        m.put("df", r.multivariable.df());
        m.set("aic", Json.number(r.multivariable.aic()));
      }
    }
    ArrayNode table = root.putArray("table");
    for (TableRow row : table(r)) {
      ObjectNode o = table.addObject();
      o.put("variable", row.variable);
      o.put("term", row.uni.term());
      o.set("univariable", cell(row.uni, row.variableP));
      o.set("multivariable", row.multi == null ? null : cell(row.multi, Double.NaN));
    }
    return root;
  }

  private ObjectNode cell(FittedTerm t, double variableP) {
    ObjectNode o = Json.object();
    o.set(ratio(), Json.number(t.ratio()));
    o.set("lower", Json.number(t.lower()));
    o.set("upper", Json.number(t.upper()));
    o.set("p", Json.number(t.p()));
    if (!Double.isNaN(variableP)) {
      o.set("p_variable", Json.number(variableP));
    }
    return o;
  }

  /** Per candidate variable the names of its own design columns. */
  private List<java.util.Set<String>> ownColumns;

  /** A row of the side-by-side table: one design term. */
  private record TableRow(String variable, FittedTerm uni, double variableP, FittedTerm multi) {}

  private List<TableRow> table(Result r) {
    Map<String, FittedTerm> multi = new LinkedHashMap<>();
    if (r.multivariable != null) {
      for (FittedTerm t : terms(r.multivariable.fit())) {
        multi.put(t.term(), t);
      }
    }
    List<TableRow> rows = new ArrayList<>();
    for (ScreenResult.Row<?> row : r.screen.rows()) {
      for (FittedTerm t : terms(row.fit().fit())) {
        if (!ownColumns.get(row.index()).contains(t.term())) {
          continue; // an interaction's fit also holds its main effects: they have their own rows
        }
        rows.add(new TableRow(row.variable(), t, row.p(), multi.get(t.term())));
      }
    }
    return rows;
  }

  private CsvTable csv(Result r) {
    String R = ratio();
    CsvTable t =
        new CsvTable(
            List.of(
                "variable",
                "term",
                "uni_" + R,
                "uni_lower",
                "uni_upper",
                "uni_p",
                "uni_p_variable",
                "entered",
                "multi_" + R,
                "multi_lower",
                "multi_upper",
                "multi_p"));
    for (TableRow row : table(r)) {
      boolean entered = r.screen.entered().contains(row.variable);
      t.row(
          List.of(
              row.variable,
              row.uni.term(),
              Numbers.full(row.uni.ratio()),
              Numbers.full(row.uni.lower()),
              Numbers.full(row.uni.upper()),
              Numbers.full(row.uni.p()),
              Numbers.full(row.variableP),
              Boolean.toString(entered),
              row.multi == null ? "" : Numbers.full(row.multi.ratio()),
              row.multi == null ? "" : Numbers.full(row.multi.lower()),
              row.multi == null ? "" : Numbers.full(row.multi.upper()),
              row.multi == null ? "" : Numbers.full(row.multi.p())));
    }
    return t;
  }

  private static String ratioCi(FittedTerm t) {
    return Numbers.signif(t.ratio(), 3)
        + " ("
        + Numbers.signif(t.lower(), 3)
        + "-"
        + Numbers.signif(t.upper(), 3)
        + ")";
  }

  /** The seeds' table: univariable HR/OR (CI) p | multivariable HR/OR (CI) p. */
  private void text(ModelFrame frame, Result r, List<String> warnings, PrintStream out) {
    String R = cox ? "HR" : "OR";
    String lvl = Numbers.signif(confLevel * 100, 4) + "% CI";
    out.printf(
        "Univariable screen and multivariable %s model: %s   data: %s%n",
        cox ? "Cox" : "logistic", frame.formula(), input.source());
    out.printf(
        "n = %d, events = %d%s; entry at univariable p < %s; selection: %s%n%n",
        frame.n(),
        events(frame),
        frame.droppedMissing() > 0
            ? " (" + frame.droppedMissing() + " rows dropped for missing values)"
            : "",
        Numbers.signif(entryP, 4),
        r.stepwise == null ? "none" : select.toLowerCase(Locale.ROOT) + " (AIC, as MASS::stepAIC)");
    TextTable t =
        new TextTable(
            List.of(
                "",
                "univariable " + R + " (" + lvl + ")",
                "p",
                "p (variable)",
                "",
                "multivariable " + R + " (" + lvl + ")",
                "p"));
    String last = null;
    for (TableRow row : table(r)) {
      boolean first = !row.variable.equals(last);
      last = row.variable;
      boolean entered = r.screen.entered().contains(row.variable);
      t.row(
          List.of(
              row.uni.term(),
              ratioCi(row.uni),
              Numbers.pValue(row.uni.p()),
              first ? Numbers.pValue(row.variableP) : "",
              first && entered ? "*" : "",
              row.multi == null ? (entered ? "(removed)" : "") : ratioCi(row.multi),
              row.multi == null ? "" : Numbers.pValue(row.multi.p())));
    }
    t.print(out);
    out.println();
    out.println(
        "*: entered the multivariable model (univariable "
            + (firth ? "penalised " : "")
            + "likelihood-ratio p < "
            + Numbers.signif(entryP, 4)
            + ")");
    if (r.stepwise != null) {
      out.println();
      out.println("Stepwise selection by AIC (" + select.toLowerCase(Locale.ROOT) + "):");
      TextTable s = new TextTable(List.of("step", "df", "AIC"));
      for (StepwiseResult.Step step : r.stepwise.steps()) {
        s.row(
            List.of(
                step.change().isEmpty() ? "start" : step.change(),
                Integer.toString(step.df()),
                Numbers.signif(step.aic(), 7)));
      }
      s.print(out);
    }
    if (r.multivariable != null) {
      out.println();
      out.printf(
          "Multivariable model: %s; log-likelihood %s, AIC %s%n",
          String.join(" + ", r.selectedNames),
          Numbers.signif(
              firth
                  ? ((LogisticResult) r.multivariable.fit()).logLikModel()
                  : r.multivariable.logLik(),
              8),
          Numbers.signif(
              firth ? ((LogisticResult) r.multivariable.fit()).aic() : r.multivariable.aic(), 7));
    }
    out.println();
    out.println(
        "Method: "
            + (firth
                ? "Firth's penalised likelihood (brglm2 AS_mean); univariable penalised"
                    + " likelihood-ratio test as logistf (null maximised with the variable at 0,"
                    + " same design); entry at p < "
                    + Numbers.signif(entryP, 4)
                : r.screen.method() + (r.stepwise == null ? "" : "; " + r.stepwise.method())));
    for (String w : warnings) {
      out.println("Warning: " + w);
    }
  }

  private int events(ModelFrame frame) {
    int e = 0;
    if (cox) {
      for (int s : frame.status()) {
        e += s;
      }
    } else {
      for (int s : frame.binaryResponse()) {
        e += s;
      }
    }
    return e;
  }
}
