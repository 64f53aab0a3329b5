package org.thyra.studies.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.thyra.frame.formula.Formula;

/**
 * One analysis of a protocol: {@code analysis: NAME} is the {@code thyra} subcommand and every
 * other key is that command's option without the dashes ({@code conf-type}, {@code entry-p}, {@code
 * std-caliper}); a list option is a YAML list. Common keys: {@code id} (what the report refers to),
 * {@code title}, {@code in} (the id of a {@code match} analysis: analyse its matched cohort),
 * {@code where} (row conditions, e.g. the training set), {@code ref} (reference levels, as {@code
 * --ref VAR=LEVEL}) and {@code source} (the seed section the analysis comes from). They are the
 * first six components of every record, in that order.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "analysis")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Analysis.Invalid.class, name = "invalid"),
  @JsonSubTypes.Type(value = Analysis.Km.class, name = "km"),
  @JsonSubTypes.Type(value = Analysis.Logrank.class, name = "logrank"),
  @JsonSubTypes.Type(value = Analysis.Cox.class, name = "cox"),
  @JsonSubTypes.Type(value = Analysis.Logistic.class, name = "logistic"),
  @JsonSubTypes.Type(value = Analysis.Screen.class, name = "screen"),
  @JsonSubTypes.Type(value = Analysis.Roc.class, name = "roc"),
  @JsonSubTypes.Type(value = Analysis.Concordance.class, name = "concordance"),
  @JsonSubTypes.Type(value = Analysis.Cutpoint.class, name = "cutpoint"),
  @JsonSubTypes.Type(value = Analysis.Tdroc.class, name = "tdroc"),
  @JsonSubTypes.Type(value = Analysis.Table1.class, name = "table1"),
  @JsonSubTypes.Type(value = Analysis.Paired.class, name = "paired"),
  @JsonSubTypes.Type(value = Analysis.Match.class, name = "match"),
  @JsonSubTypes.Type(value = Analysis.Weight.class, name = "weight"),
  @JsonSubTypes.Type(value = Analysis.Impute.class, name = "impute"),
  @JsonSubTypes.Type(value = Analysis.Nomogram.class, name = "nomogram"),
  @JsonSubTypes.Type(value = Analysis.Validate.class, name = "validate"),
  @JsonSubTypes.Type(value = Analysis.Cuminc.class, name = "cuminc"),
  @JsonSubTypes.Type(value = Analysis.Crr.class, name = "crr"),
  @JsonSubTypes.Type(value = Analysis.Rmst.class, name = "rmst")
})
public sealed interface Analysis {

  /** The id the report's items and other analyses refer to. */
  String id();

  /** A title for the analysis (table caption default). */
  String title();

  /**
   * The id of the match (or weight) analysis whose matched (weighted) cohort is analysed, or null.
   */
  String in();

  /** Row conditions: only rows meeting all of them are analysed. */
  List<Condition> where();

  /** Reference levels: column → level. */
  Map<String, String> ref();

  /** The seed section this analysis comes from. */
  String source();

  /** The {@code thyra} subcommand name. */
  default String command() {
    return AnalysisKind.of(this).command();
  }

  /** One line saying what the analysis computes. */
  default String describe() {
    return AnalysisKind.of(this).description();
  }

  /** The columns the analysis names: its row conditions, reference levels and formula variables. */
  default List<ColumnRef> columns() {
    List<ColumnRef> refs = common(where(), ref());
    addFormula(refs, formula());
    return refs;
  }

  /** The formula, or null. */
  default String formula() {
    return null;
  }

  /** Adds a column reference unless the name is null. */
  private static void add(List<ColumnRef> refs, String key, String column, boolean levels) {
    if (column != null) {
      refs.add(new ColumnRef(key, -1, column, levels));
    }
  }

  private static void addAll(
      List<ColumnRef> refs, String key, List<String> columns, boolean levels) {
    if (columns != null) {
      for (int i = 0; i < columns.size(); i++) {
        if (columns.get(i) != null) {
          refs.add(new ColumnRef(key, i, columns.get(i), levels));
        }
      }
    }
  }

  /** The columns of a formula; an unparsable formula contributes none (the check reports it). */
  private static void addFormula(List<ColumnRef> refs, String formula) {
    if (formula == null) {
      return;
    }
    try {
      for (String v : Formula.parse(formula).variables()) {
        refs.add(new ColumnRef("formula", -1, v, false));
      }
    } catch (RuntimeException e) {
      // reported by the check
    }
  }

  private static List<ColumnRef> common(List<Condition> where, Map<String, String> ref) {
    List<ColumnRef> refs = new ArrayList<>();
    if (where != null) {
      for (int i = 0; i < where.size(); i++) {
        Condition c = where.get(i);
        if (c != null && c.column() != null) {
          refs.add(new ColumnRef("where", i, c.column(), !c.is().isEmpty()));
        }
      }
    }
    if (ref != null) {
      ref.keySet().forEach(k -> refs.add(new ColumnRef("ref", -1, k, true)));
    }
    return refs;
  }

  /**
   * Kaplan–Meier estimates (thyra km).
   *
   * <p>The first six components are the common keys of {@link Analysis}.
   *
   * @param time {@code --time}
   * @param event {@code --event}
   * @param group {@code --group}
   * @param confType {@code --conf-type}
   * @param confLevel {@code --conf-level}
   * @param at {@code --at}
   * @param weights {@code --weights}: case weights (weighted survival as survfit(weights = ))
   * @param yTitle {@code --y-title}: the figure's probability axis, e.g. "Progression-free
   *     survival"
   */
  record Km(
      String id,
      String title,
      String in,
      List<Condition> where,
      Map<String, String> ref,
      String source,
      String time,
      String event,
      String group,
      String confType,
      Double confLevel,
      List<Double> at,
      String weights,
      String yTitle)
      implements Analysis {
    public Km {
      where = Lists.copy(where);
      ref = ref == null ? Map.of() : Map.copyOf(ref);
      at = Lists.copy(at);
    }

    @Override
    public List<ColumnRef> columns() {
      List<ColumnRef> refs = common(where, ref);
      add(refs, "time", time, false);
      add(refs, "event", event, false);
      add(refs, "group", group, false);
      add(refs, "weights", weights, false);
      return refs;
    }
  }

  /**
   * Log-rank / G-rho test (thyra logrank).
   *
   * <p>The first six components are the common keys of {@link Analysis}.
   *
   * @param time {@code --time}
   * @param event {@code --event}
   * @param group {@code --group}
   * @param strata {@code --strata}
   * @param rho {@code --rho}
   * @param pairwise {@code --pairwise}
   * @param confLevel {@code --conf-level}
   * @param weights {@code --weights}: the weighted log-rank (robust score) test
   */
  record Logrank(
      String id,
      String title,
      String in,
      List<Condition> where,
      Map<String, String> ref,
      String source,
      String time,
      String event,
      String group,
      String strata,
      Double rho,
      String pairwise,
      Double confLevel,
      String weights)
      implements Analysis {
    public Logrank {
      where = Lists.copy(where);
      ref = ref == null ? Map.of() : Map.copyOf(ref);
    }

    @Override
    public List<ColumnRef> columns() {
      List<ColumnRef> refs = common(where, ref);
      add(refs, "time", time, false);
      add(refs, "event", event, false);
      add(refs, "group", group, true);
      add(refs, "strata", strata, true);
      add(refs, "weights", weights, false);
      return refs;
    }
  }

  /**
   * Cox proportional hazards model (thyra cox).
   *
   * <p>The first six components are the common keys of {@link Analysis}.
   *
   * @param formula {@code --formula}
   * @param ties {@code --ties}
   * @param confLevel {@code --conf-level}
   * @param impute {@code --impute}
   * @param seed {@code --seed}
   * @param maxit {@code --maxit}
   * @param landmark {@code --landmark}
   * @param weights {@code --weights}
   * @param firth {@code --firth}
   */
  record Cox(
      String id,
      String title,
      String in,
      List<Condition> where,
      Map<String, String> ref,
      String source,
      String formula,
      String ties,
      Double confLevel,
      Integer impute,
      Long seed,
      Integer maxit,
      Double landmark,
      String weights,
      Boolean firth)
      implements Analysis {
    public Cox {
      where = Lists.copy(where);
      ref = ref == null ? Map.of() : Map.copyOf(ref);
    }

    @Override
    public List<ColumnRef> columns() {
      List<ColumnRef> refs = common(where, ref);
      addFormula(refs, formula);
      add(refs, "weights", weights, false);
      return refs;
    }
  }

  /**
   * Logistic regression (thyra logistic).
   *
   * <p>The first six components are the common keys of {@link Analysis}.
   *
   * @param formula {@code --formula}
   * @param ci {@code --ci}
   * @param confLevel {@code --conf-level}
   * @param firth {@code --firth}
   * @param impute {@code --impute}
   * @param seed {@code --seed}
   * @param maxit {@code --maxit}
   */
  record Logistic(
      String id,
      String title,
      String in,
      List<Condition> where,
      Map<String, String> ref,
      String source,
      String formula,
      String ci,
      Double confLevel,
      Boolean firth,
      Integer impute,
      Long seed,
      Integer maxit)
      implements Analysis {
    public Logistic {
      where = Lists.copy(where);
      ref = ref == null ? Map.of() : Map.copyOf(ref);
    }
  }

  /**
   * Univariable screen then multivariable model (thyra screen).
   *
   * <p>The first six components are the common keys of {@link Analysis}.
   *
   * @param formula {@code --formula}
   * @param model {@code --model}
   * @param entryP {@code --entry-p}
   * @param select {@code --select}
   * @param ties {@code --ties}
   * @param ci {@code --ci}
   * @param confLevel {@code --conf-level}
   * @param firth {@code --firth}: logistic models by Firth's penalised likelihood (Wald intervals,
   *     no stepwise selection)
   */
  record Screen(
      String id,
      String title,
      String in,
      List<Condition> where,
      Map<String, String> ref,
      String source,
      String formula,
      String model,
      Double entryP,
      String select,
      String ties,
      String ci,
      Double confLevel,
      Boolean firth)
      implements Analysis {
    public Screen {
      where = Lists.copy(where);
      ref = ref == null ? Map.of() : Map.copyOf(ref);
    }
  }

  /**
   * ROC curve, AUC with DeLong CI, Youden threshold (thyra roc).
   *
   * <p>The first six components are the common keys of {@link Analysis}.
   *
   * @param outcome {@code --outcome}
   * @param marker {@code --marker}
   * @param direction {@code --direction}
   * @param at {@code --at}
   * @param compare {@code --compare}
   * @param confLevel {@code --conf-level}
   */
  record Roc(
      String id,
      String title,
      String in,
      List<Condition> where,
      Map<String, String> ref,
      String source,
      String outcome,
      String marker,
      String direction,
      List<Double> at,
      String compare,
      Double confLevel)
      implements Analysis {
    public Roc {
      where = Lists.copy(where);
      ref = ref == null ? Map.of() : Map.copyOf(ref);
      at = Lists.copy(at);
    }

    @Override
    public List<ColumnRef> columns() {
      List<ColumnRef> refs = common(where, ref);
      add(refs, "outcome", outcome, true);
      add(refs, "marker", marker, false);
      add(refs, "compare", compare, false);
      return refs;
    }
  }

  /**
   * Harrell's C (thyra concordance).
   *
   * <p>The first six components are the common keys of {@link Analysis}.
   *
   * @param time {@code --time}
   * @param event {@code --event}
   * @param predictor {@code --predictor}
   * @param reverse {@code --reverse}
   */
  record Concordance(
      String id,
      String title,
      String in,
      List<Condition> where,
      Map<String, String> ref,
      String source,
      String time,
      String event,
      String predictor,
      Boolean reverse)
      implements Analysis {
    public Concordance {
      where = Lists.copy(where);
      ref = ref == null ? Map.of() : Map.copyOf(ref);
    }

    @Override
    public List<ColumnRef> columns() {
      List<ColumnRef> refs = common(where, ref);
      add(refs, "time", time, false);
      add(refs, "event", event, false);
      add(refs, "predictor", predictor, false);
      return refs;
    }
  }

  /**
   * Maximally selected log-rank cut-point (thyra cutpoint).
   *
   * <p>The first six components are the common keys of {@link Analysis}.
   *
   * @param time {@code --time}
   * @param event {@code --event}
   * @param variable {@code --variable}
   * @param minprop {@code --minprop}
   * @param maxprop {@code --maxprop}
   * @param groups {@code --groups}
   * @param maxCandidates {@code --max-candidates}
   * @param yTitle {@code --y-title}: the figure's probability axis
   */
  record Cutpoint(
      String id,
      String title,
      String in,
      List<Condition> where,
      Map<String, String> ref,
      String source,
      String time,
      String event,
      String variable,
      Double minprop,
      Double maxprop,
      Integer groups,
      Integer maxCandidates,
      String yTitle)
      implements Analysis {
    public Cutpoint {
      where = Lists.copy(where);
      ref = ref == null ? Map.of() : Map.copyOf(ref);
    }

    @Override
    public List<ColumnRef> columns() {
      List<ColumnRef> refs = common(where, ref);
      add(refs, "time", time, false);
      add(refs, "event", event, false);
      add(refs, "variable", variable, false);
      return refs;
    }
  }

  /**
   * Time-dependent ROC (thyra tdroc).
   *
   * <p>The first six components are the common keys of {@link Analysis}.
   *
   * @param time {@code --time}
   * @param event {@code --event}
   * @param marker {@code --marker}
   * @param formula {@code --formula}
   * @param at {@code --at}
   * @param confLevel {@code --conf-level}
   */
  record Tdroc(
      String id,
      String title,
      String in,
      List<Condition> where,
      Map<String, String> ref,
      String source,
      String time,
      String event,
      String marker,
      String formula,
      List<Double> at,
      Double confLevel)
      implements Analysis {
    public Tdroc {
      where = Lists.copy(where);
      ref = ref == null ? Map.of() : Map.copyOf(ref);
      at = Lists.copy(at);
    }

    @Override
    public List<ColumnRef> columns() {
      List<ColumnRef> refs = common(where, ref);
      add(refs, "time", time, false);
      add(refs, "event", event, false);
      add(refs, "marker", marker, false);
      addFormula(refs, formula);
      return refs;
    }
  }

  /**
   * Descriptive table with tests (thyra table1).
   *
   * <p>The first six components are the common keys of {@link Analysis}.
   *
   * @param by {@code --by}
   * @param vars {@code --vars}
   * @param factor {@code --factor}
   * @param nonnormal {@code --nonnormal}
   * @param exact {@code --exact}
   * @param preset {@code --preset}
   */
  record Table1(
      String id,
      String title,
      String in,
      List<Condition> where,
      Map<String, String> ref,
      String source,
      String by,
      List<String> vars,
      List<String> factor,
      List<String> nonnormal,
      List<String> exact,
      String preset)
      implements Analysis {
    public Table1 {
      where = Lists.copy(where);
      ref = ref == null ? Map.of() : Map.copyOf(ref);
      vars = Lists.copy(vars);
      factor = Lists.copy(factor);
      nonnormal = Lists.copy(nonnormal);
      exact = Lists.copy(exact);
    }

    @Override
    public List<ColumnRef> columns() {
      List<ColumnRef> refs = common(where, ref);
      add(refs, "by", by, true);
      addAll(refs, "vars", vars, false);
      addAll(refs, "factor", factor, true);
      addAll(refs, "nonnormal", nonnormal, false);
      addAll(refs, "exact", exact, false);
      return refs;
    }
  }

  /**
   * Paired comparison of two columns (thyra paired).
   *
   * <p>The first six components are the common keys of {@link Analysis}.
   *
   * @param before {@code --before}
   * @param after {@code --after}
   * @param test {@code --test}
   * @param factor {@code --factor}
   * @param correct {@code --correct}
   * @param levels {@code --levels}: the categories' order (default: the response scale's clinical
   *     order, else sorted)
   */
  record Paired(
      String id,
      String title,
      String in,
      List<Condition> where,
      Map<String, String> ref,
      String source,
      String before,
      String after,
      String test,
      Boolean factor,
      Boolean correct,
      List<String> levels)
      implements Analysis {
    public Paired {
      where = Lists.copy(where);
      ref = ref == null ? Map.of() : Map.copyOf(ref);
      levels = levels == null ? null : List.copyOf(levels);
    }

    @Override
    public List<ColumnRef> columns() {
      List<ColumnRef> refs = common(where, ref);
      add(refs, "before", before, false);
      add(refs, "after", after, false);
      return refs;
    }
  }

  /**
   * Propensity-score matching (thyra match).
   *
   * <p>The first six components are the common keys of {@link Analysis}.
   *
   * @param treatment {@code --treatment}
   * @param covariates {@code --covariates}
   * @param factor {@code --factor}
   * @param distance {@code --distance}
   * @param caliper {@code --caliper}
   * @param stdCaliper {@code --std-caliper}
   * @param ratio {@code --ratio}
   * @param order {@code --order}
   * @param seed {@code --seed}
   * @param replace {@code --replace}
   * @param exact {@code --exact}
   * @param compat {@code --compat}: {@code none} or {@code matchit-4.5.1} (MatchIt's truncated
   *     distance comparison)
   */
  record Match(
      String id,
      String title,
      String in,
      List<Condition> where,
      Map<String, String> ref,
      String source,
      String treatment,
      List<String> covariates,
      List<String> factor,
      String distance,
      Double caliper,
      Boolean stdCaliper,
      Integer ratio,
      String order,
      Long seed,
      Boolean replace,
      List<String> exact,
      String compat)
      implements Analysis {
    public Match {
      where = Lists.copy(where);
      ref = ref == null ? Map.of() : Map.copyOf(ref);
      covariates = Lists.copy(covariates);
      factor = Lists.copy(factor);
      exact = Lists.copy(exact);
    }

    @Override
    public List<ColumnRef> columns() {
      List<ColumnRef> refs = common(where, ref);
      add(refs, "treatment", treatment, true);
      addAll(refs, "covariates", covariates, false);
      addAll(refs, "factor", factor, true);
      addAll(refs, "exact", exact, true);
      return refs;
    }
  }

  /**
   * Inverse probability of treatment weighting (thyra weight): the propensity model, the weights
   * and the balance before and after. The analysed rows, with the weights in a column {@code iptw},
   * form a cohort that a later analysis reads with {@code in: ID}.
   *
   * <p>The first six components are the common keys of {@link Analysis}.
   *
   * @param treatment {@code --treatment}
   * @param covariates {@code --covariates}
   * @param factor {@code --factor}
   * @param estimand {@code --estimand}
   * @param stabilize {@code --stabilize}
   */
  record Weight(
      String id,
      String title,
      String in,
      List<Condition> where,
      Map<String, String> ref,
      String source,
      String treatment,
      List<String> covariates,
      List<String> factor,
      String estimand,
      Boolean stabilize)
      implements Analysis {
    public Weight {
      where = Lists.copy(where);
      ref = ref == null ? Map.of() : Map.copyOf(ref);
      covariates = Lists.copy(covariates);
      factor = Lists.copy(factor);
    }

    @Override
    public List<ColumnRef> columns() {
      List<ColumnRef> refs = common(where, ref);
      add(refs, "treatment", treatment, true);
      addAll(refs, "covariates", covariates, false);
      addAll(refs, "factor", factor, true);
      return refs;
    }
  }

  /**
   * Multiple imputation by chained equations (thyra impute).
   *
   * <p>The first six components are the common keys of {@link Analysis}.
   *
   * @param m {@code --m}
   * @param maxit {@code --maxit}
   * @param seed {@code --seed}
   * @param vars {@code --vars}
   * @param factor {@code --factor}
   */
  record Impute(
      String id,
      String title,
      String in,
      List<Condition> where,
      Map<String, String> ref,
      String source,
      Integer m,
      Integer maxit,
      Long seed,
      List<String> vars,
      List<String> factor)
      implements Analysis {
    public Impute {
      where = Lists.copy(where);
      ref = ref == null ? Map.of() : Map.copyOf(ref);
      vars = Lists.copy(vars);
      factor = Lists.copy(factor);
    }

    @Override
    public List<ColumnRef> columns() {
      List<ColumnRef> refs = common(where, ref);
      addAll(refs, "vars", vars, false);
      addAll(refs, "factor", factor, true);
      return refs;
    }
  }

  /**
   * Nomogram points and predictions (thyra nomogram).
   *
   * <p>The first six components are the common keys of {@link Analysis}.
   *
   * @param formula {@code --formula}
   * @param ties {@code --ties}
   * @param horizons {@code --horizons}
   */
  record Nomogram(
      String id,
      String title,
      String in,
      List<Condition> where,
      Map<String, String> ref,
      String source,
      String formula,
      String ties,
      List<Double> horizons)
      implements Analysis {
    public Nomogram {
      where = Lists.copy(where);
      ref = ref == null ? Map.of() : Map.copyOf(ref);
      horizons = Lists.copy(horizons);
    }
  }

  /**
   * Bootstrap validation and calibration (thyra validate).
   *
   * <p>The first six components are the common keys of {@link Analysis}.
   *
   * @param formula {@code --formula}
   * @param model {@code --model}
   * @param bootstrap {@code --bootstrap}
   * @param seed {@code --seed}
   * @param horizon {@code --horizon}
   * @param groupSize {@code --group-size}
   * @param ties {@code --ties}
   * @param split {@code --split}: development fraction of a seeded random split
   * @param validateOn the study's form of {@code --validate-on}: row conditions (as {@code where})
   *     that pick the validation rows among the analysed ones; the model is fitted on the others
   * @param riskGroups {@code --risk-groups} ({@code lp} or {@code points})
   * @param confLevel {@code --conf-level}
   */
  record Validate(
      String id,
      String title,
      String in,
      List<Condition> where,
      Map<String, String> ref,
      String source,
      String formula,
      String model,
      Integer bootstrap,
      Long seed,
      List<Double> horizon,
      Integer groupSize,
      String ties,
      Double split,
      List<Condition> validateOn,
      String riskGroups,
      Double confLevel)
      implements Analysis {
    public Validate {
      where = Lists.copy(where);
      ref = ref == null ? Map.of() : Map.copyOf(ref);
      horizon = Lists.copy(horizon);
      validateOn = Lists.copy(validateOn);
    }

    @Override
    public List<ColumnRef> columns() {
      List<ColumnRef> refs = common(where, ref);
      addFormula(refs, formula);
      for (int i = 0; i < validateOn.size(); i++) {
        Condition c = validateOn.get(i);
        if (c != null && c.column() != null) {
          refs.add(new ColumnRef("validate-on", i, c.column(), !c.is().isEmpty()));
        }
      }
      return refs;
    }
  }

  /**
   * Stands in for an entry whose {@code analysis} is missing or names no analysis, so that reading
   * goes on and every problem is reported; {@link ProtocolReader} reports it and {@link Protocol}
   * drops it.
   *
   * @param id the entry's id
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Invalid(String id) implements Analysis {
    @Override
    public String title() {
      return null;
    }

    @Override
    public String in() {
      return null;
    }

    @Override
    public List<Condition> where() {
      return List.of();
    }

    @Override
    public Map<String, String> ref() {
      return Map.of();
    }

    @Override
    public String source() {
      return null;
    }

    @Override
    public List<ColumnRef> columns() {
      return List.of();
    }
  }

  /**
   * Cumulative incidence of competing risks with Gray's test (thyra cuminc).
   *
   * <p>The first six components are the common keys of {@link Analysis}.
   *
   * @param time {@code --time}
   * @param event {@code --event}: the censoring code or the code of the cause of failure
   * @param censorCode {@code --censor-code}
   * @param group {@code --group}
   * @param strata {@code --strata}
   * @param rho {@code --rho}
   * @param at {@code --at}
   * @param confLevel {@code --conf-level}
   */
  record Cuminc(
      String id,
      String title,
      String in,
      List<Condition> where,
      Map<String, String> ref,
      String source,
      String time,
      String event,
      String censorCode,
      String group,
      String strata,
      Double rho,
      List<Double> at,
      Double confLevel)
      implements Analysis {
    public Cuminc {
      where = Lists.copy(where);
      ref = ref == null ? Map.of() : Map.copyOf(ref);
      at = Lists.copy(at);
    }

    @Override
    public List<ColumnRef> columns() {
      List<ColumnRef> refs = common(where, ref);
      add(refs, "time", time, false);
      add(refs, "event", event, false);
      add(refs, "group", group, true);
      add(refs, "strata", strata, true);
      return refs;
    }
  }

  /**
   * Fine–Gray competing-risks regression (thyra crr).
   *
   * <p>The first six components are the common keys of {@link Analysis}.
   *
   * @param formula {@code --formula}, {@code Surv(time, status) ~ terms}
   * @param cause {@code --cause}
   * @param censorCode {@code --censor-code}
   * @param confLevel {@code --conf-level}
   */
  record Crr(
      String id,
      String title,
      String in,
      List<Condition> where,
      Map<String, String> ref,
      String source,
      String formula,
      String cause,
      String censorCode,
      Double confLevel)
      implements Analysis {
    public Crr {
      where = Lists.copy(where);
      ref = ref == null ? Map.of() : Map.copyOf(ref);
    }
  }

  /**
   * Restricted mean survival time per group and between groups (thyra rmst).
   *
   * <p>The first six components are the common keys of {@link Analysis}.
   *
   * @param time {@code --time}
   * @param event {@code --event}
   * @param group {@code --group}
   * @param tau {@code --tau}
   * @param confLevel {@code --conf-level}
   */
  record Rmst(
      String id,
      String title,
      String in,
      List<Condition> where,
      Map<String, String> ref,
      String source,
      String time,
      String event,
      String group,
      Double tau,
      Double confLevel)
      implements Analysis {
    public Rmst {
      where = Lists.copy(where);
      ref = ref == null ? Map.of() : Map.copyOf(ref);
    }

    @Override
    public List<ColumnRef> columns() {
      List<ColumnRef> refs = common(where, ref);
      add(refs, "time", time, false);
      add(refs, "event", event, false);
      add(refs, "group", group, true);
      return refs;
    }
  }
}
