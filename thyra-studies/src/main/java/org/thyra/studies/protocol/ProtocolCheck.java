package org.thyra.studies.protocol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.thyra.clinical.rules.Role;
import org.thyra.clinical.rules.Rule;
import org.thyra.clinical.rules.RuleRegistry;
import org.thyra.frame.CategoricalColumn;
import org.thyra.frame.Column;
import org.thyra.frame.DataTable;
import org.thyra.frame.NumericColumn;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.SurvivalResponse;
import org.thyra.studies.cohort.DerivationException;
import org.thyra.studies.cohort.Derivations;

/**
 * {@code thyra study check}: every problem of a protocol, each with its YAML line and column —
 * binding problems ({@link ProtocolReader}), then what the records say (required options, option
 * values, formulas, references between entries) and, given the data, every unknown column or level.
 */
public final class ProtocolCheck {

  private final String file;
  private final YamlLocations locations;
  private final List<ProtocolProblem> problems = new ArrayList<>();

  private ProtocolCheck(String file, YamlLocations locations) {
    this.file = file;
    this.locations = locations;
  }

  /** Checks what was read, without data. */
  public static List<ProtocolProblem> check(ProtocolReader.Read read, String file) {
    return check(read, file, null);
  }

  /**
   * Checks what was read and, when {@code data} is given, its columns and levels (after the
   * protocol's derivations).
   */
  public static List<ProtocolProblem> check(ProtocolReader.Read read, String file, DataTable data) {
    ProtocolCheck c = new ProtocolCheck(file, read.locations());
    c.problems.addAll(read.problems());
    if (read.protocol() != null) {
      c.records(read.protocol());
      if (data != null) {
        c.data(read.protocol(), data);
      }
    }
    List<ProtocolProblem> all = new ArrayList<>(new java.util.LinkedHashSet<>(c.problems));
    all.sort(ProtocolReader.ORDER);
    return all;
  }

  /** Reads and checks; throws {@link ProtocolException} listing every problem. */
  public static Protocol require(ProtocolReader.Read read, String file, DataTable data) {
    List<ProtocolProblem> p = check(read, file, data);
    if (!p.isEmpty()) {
      throw new ProtocolException(p);
    }
    return read.protocol();
  }

  private void at(String path, String message) {
    YamlLocations.Location l = locations.find(path);
    problems.add(new ProtocolProblem(file, l.line(), l.column(), path, message));
  }

  private void records(Protocol p) {
    if (p.protocol() == null) {
      at("protocol", "protocol: 1 (the format version) is required");
    } else if (p.protocol() != 1) {
      at("protocol", "this Thyra reads protocol format 1, not " + p.protocol());
    }
    if (blank(p.id())) {
      at("id", "id is required (a short name such as seed000-ablation)");
    }
    if (blank(p.title())) {
      at("title", "title is required");
    }
    for (int i = 0; i < p.cohort().size(); i++) {
      step(p.cohort().get(i), "cohort[" + i + "]");
    }
    for (int i = 0; i < p.derive().size(); i++) {
      derivation(p.derive().get(i), "derive[" + i + "]");
    }
    Map<String, Analysis> seen = new HashMap<>();
    List<Analysis> list = p.analyses();
    for (int i = 0; i < list.size(); i++) {
      Analysis a = list.get(i);
      String path = "analyses[" + i + "]";
      if (a instanceof Analysis.Invalid) {
        continue;
      }
      if (blank(a.id())) {
        at(path, "id is required (the report's tables and figures refer to it)");
      } else if (seen.containsKey(a.id())) {
        at(path + ".id", "id '" + a.id() + "' is used twice");
      }
      if (a.in() != null) {
        Analysis m = seen.get(a.in());
        if (!(m instanceof Analysis.Match) && !(m instanceof Analysis.Weight)) {
          at(
              path + ".in",
              "in: '"
                  + a.in()
                  + "' is not the id of a match or weight analysis listed before this one");
        }
      }
      for (int w = 0; w < a.where().size(); w++) {
        condition(a.where().get(w), path + ".where[" + w + "]");
      }
      analysis(a, path);
      if (!blank(a.id())) {
        seen.putIfAbsent(a.id(), a);
      }
    }
    report(p, seen);
  }

  private void step(CohortStep s, String path) {
    if ((s.include() == null) == (s.exclude() == null)) {
      at(path, "a step is either include: LABEL or exclude: LABEL");
    }
    if (blank(s.column())) {
      at(path, "column is required");
    }
    int kinds = (s.is().isEmpty() ? 0 : 1) + (Boolean.TRUE.equals(s.missing()) ? 1 : 0);
    boolean bounds =
        s.atLeast() != null || s.above() != null || s.atMost() != null || s.below() != null;
    if (kinds + (bounds ? 1 : 0) != 1) {
      at(
          path,
          "give exactly one condition: is (levels), at-least/above/at-most/below, or missing: true");
    }
  }

  private void condition(Condition c, String path) {
    if (blank(c.column())) {
      at(path, "column is required");
    }
    boolean bounds =
        c.atLeast() != null || c.above() != null || c.atMost() != null || c.below() != null;
    if (c.is().isEmpty() == !bounds) {
      at(path, "give is (levels) or at-least/above/at-most/below");
    }
  }

  private void derivation(Derivation d, String path) {
    String kind = d.kind();
    if (kind == null) {
      at(path, "give exactly one of rule, cut, split: true, composite: true, competing: true");
      return;
    }
    switch (kind) {
      case "rule" -> {
        Rule r = RuleRegistry.find(d.rule()).orElse(null);
        if (r == null) {
          at(
              path + ".rule",
              "no rule '"
                  + d.rule()
                  + "'; rules: "
                  + String.join(", ", RuleRegistry.all().stream().map(Rule::name).toList()));
          return;
        }
        for (String role : d.columns().keySet()) {
          if (r.roles().stream().noneMatch(x -> x.name().equals(role))) {
            at(path + ".columns." + role, "rule " + r.name() + " has no role '" + role + "'");
          }
        }
        for (Role role : r.roles()) {
          if (role.required() && !d.columns().containsKey(role.name())) {
            at(
                path + ".columns",
                "rule "
                    + r.name()
                    + " needs role "
                    + role.name()
                    + " ("
                    + role.description()
                    + ")");
          }
        }
        for (String param : d.params().keySet()) {
          if (r.parameters().stream().noneMatch(x -> x.name().equals(param))) {
            at(path + ".params." + param, "rule " + r.name() + " has no parameter '" + param + "'");
          }
        }
      }
      case "cut" -> {
        if (blank(d.name())) {
          at(path, "name (the new column) is required");
        }
        if (d.at().isEmpty()) {
          at(path, "at (the cut-points) is required");
        }
        for (int i = 1; i < d.at().size(); i++) {
          if (!(d.at().get(i) > d.at().get(i - 1))) {
            at(path + ".at[" + i + "]", "cut-points must increase");
          }
        }
        if (d.labels().size() != d.at().size() + 1) {
          at(path + ".labels", "give one more label than cut-points");
        }
        if (d.closed() != null && !Set.of("left", "right").contains(d.closed())) {
          at(path + ".closed", "closed is right (≤ cut-point is low) or left (≥ is high)");
        }
      }
      case "split" -> {
        if (blank(d.name())) {
          at(path, "name (the new column) is required");
        }
        if (d.seed() == null) {
          at(path, "seed is required (so the split can be rerun)");
        }
        if (d.proportions().size() < 2 || d.proportions().size() != d.labels().size()) {
          at(path, "give one proportion per label, two or more");
        } else {
          double sum = d.proportions().stream().mapToDouble(Double::doubleValue).sum();
          if (Math.abs(sum - 1) > 1e-9) {
            at(path + ".proportions", "proportions must sum to 1, not " + sum);
          }
        }
      }
      case "competing" -> {
        if (blank(d.name())) {
          at(path, "name (the new status column) is required");
        }
        if (d.events().isEmpty()) {
          at(path, "events (one 0/1 column per cause) is required");
        }
        if (d.times().size() != d.events().size()) {
          at(path + ".times", "give one time column per event column");
        }
      }
      default -> {
        if (blank(d.name())) {
          at(path, "name (the new column) is required");
        }
        if (d.events().isEmpty()) {
          at(path, "events (the 0/1 columns any of which is an event) is required");
        }
        if (blank(d.time())) {
          at(path, "time is required");
        }
      }
    }
  }

  private void analysis(Analysis a, String path) {
    if (a instanceof Analysis.Km k) {
      required(path, "time", k.time());
      required(path, "event", k.event());
      oneOf(path, "conf-type", k.confType(), "log", "log-log", "plain", "logit", "arcsin");
      level(path, k.confLevel());
    } else if (a instanceof Analysis.Logrank k) {
      required(path, "time", k.time());
      required(path, "event", k.event());
      required(path, "group", k.group());
      // the names R's p.adjust takes that thyra logrank --pairwise implements (fdr: BH's alias)
      oneOf(path, "pairwise", k.pairwise(), "none", "holm", "bonferroni", "BH", "fdr");
      level(path, k.confLevel());
      if (k.weights() != null && k.rho() != null && k.rho() != 0) {
        // R's survdiff, its only G-rho test, takes no weights (as thyra logrank --weights)
        at(
            path + ".weights",
            "weights cannot be combined with rho: R has no weighted G-rho test to agree with;"
                + " leave out rho (the weighted log-rank) or the weights (the unweighted G-rho"
                + " test)");
      }
    } else if (a instanceof Analysis.Cox k) {
      formula(path, k.formula(), true);
      oneOf(path, "ties", k.ties(), "efron", "breslow");
      level(path, k.confLevel());
      if (k.impute() != null && k.seed() == null) {
        at(path + ".impute", "impute needs a seed (so the imputations can be rerun)");
      }
      if (k.landmark() != null && !(k.landmark() >= 0)) {
        at(path + ".landmark", "landmark must be a time >= 0");
      }
      boolean firth = Boolean.TRUE.equals(k.firth());
      String other =
          k.impute() != null
              ? "impute"
              : k.weights() != null ? "weights" : k.landmark() != null ? "landmark" : null;
      if (firth && other != null) {
        at(path + ".firth", "firth cannot be combined with " + other + " (as thyra cox --firth)");
      } else if (firth && k.ties() != null && !"breslow".equals(k.ties())) {
        at(path + ".ties", "firth uses Breslow ties, as coxphf");
      } else if (k.impute() != null && (k.weights() != null || k.landmark() != null)) {
        at(
            path + ".impute",
            "impute cannot be combined with "
                + (k.weights() != null ? "weights" : "landmark")
                + " (as thyra cox --impute)");
      }
    } else if (a instanceof Analysis.Logistic k) {
      formula(path, k.formula(), false);
      oneOf(path, "ci", k.ci(), "wald", "profile");
      level(path, k.confLevel());
      if (k.impute() != null && k.seed() == null) {
        at(path + ".impute", "impute needs a seed (so the imputations can be rerun)");
      }
      if (k.impute() != null && (Boolean.TRUE.equals(k.firth()) || "profile".equals(k.ci()))) {
        at(
            path + ".impute",
            "pooled results have t-based Wald limits of glm fits: impute cannot be combined with"
                + " firth or ci: profile");
      }
      if (k.impute() != null && k.impute() < 2) {
        at(path + ".impute", "impute needs at least 2 imputations");
      }
    } else if (a instanceof Analysis.Weight k) {
      required(path, "treatment", k.treatment());
      if (k.covariates().isEmpty()) {
        at(path, "covariates is required (the propensity model's covariates)");
      }
      oneOf(path, "estimand", k.estimand(), "ate", "att");
      if (Boolean.TRUE.equals(k.stabilize()) && "att".equals(k.estimand())) {
        at(path + ".stabilize", "stabilize applies to estimand ate only");
      }
    } else if (a instanceof Analysis.Screen k) {
      required(path, "model", k.model());
      oneOf(path, "model", k.model(), "cox", "logistic");
      formula(path, k.formula(), "cox".equals(k.model()));
      oneOf(path, "select", k.select(), "none", "backward", "forward", "both");
      oneOf(path, "ties", k.ties(), "efron", "breslow");
      oneOf(path, "ci", k.ci(), "wald", "profile");
      probability(path, "entry-p", k.entryP());
      level(path, k.confLevel());
      if (Boolean.TRUE.equals(k.firth())
          && ("cox".equals(k.model())
              || "profile".equals(k.ci())
              || (k.select() != null && !"none".equals(k.select())))) {
        at(
            path + ".firth",
            "firth applies to model: logistic with Wald intervals and select: none (as thyra"
                + " screen --firth)");
      }
    } else if (a instanceof Analysis.Roc k) {
      required(path, "outcome", k.outcome());
      required(path, "marker", k.marker());
      oneOf(path, "direction", k.direction(), "auto", "<", ">");
      level(path, k.confLevel());
    } else if (a instanceof Analysis.Concordance k) {
      required(path, "time", k.time());
      required(path, "event", k.event());
      required(path, "predictor", k.predictor());
    } else if (a instanceof Analysis.Cuminc k) {
      required(path, "time", k.time());
      required(path, "event", k.event());
      if (k.strata() != null && k.group() == null) {
        at(path + ".strata", "strata stratifies Gray's test and needs group");
      }
      level(path, k.confLevel());
    } else if (a instanceof Analysis.Crr k) {
      formula(path, k.formula(), true);
      level(path, k.confLevel());
    } else if (a instanceof Analysis.Rmst k) {
      required(path, "time", k.time());
      required(path, "event", k.event());
      if (k.tau() == null) {
        at(path, "tau (the truncation time) is required");
      } else if (!(k.tau() > 0) || k.tau().isInfinite()) {
        at(path + ".tau", "tau is a positive time, not " + k.tau());
      }
      level(path, k.confLevel());
    } else if (a instanceof Analysis.Cutpoint k) {
      required(path, "time", k.time());
      required(path, "event", k.event());
      required(path, "variable", k.variable());
      probability(path, "minprop", k.minprop());
      probability(path, "maxprop", k.maxprop());
    } else if (a instanceof Analysis.Tdroc k) {
      // as thyra tdroc: a marker column with time and event, or a formula (its Cox linear
      // predictor), not both
      if (k.formula() == null) {
        required(path, "time", k.time());
        required(path, "event", k.event());
        required(path, "marker", k.marker());
      } else if (k.marker() != null || k.time() != null || k.event() != null) {
        at(path, "give either formula or time, event and marker, not both");
      }
      if (k.at().isEmpty()) {
        at(path, "at (the horizons) is required");
      }
      level(path, k.confLevel());
    } else if (a instanceof Analysis.Table1 k) {
      if (k.vars().isEmpty()) {
        at(path, "vars is required");
      }
      oneOf(path, "preset", k.preset(), "gtsummary", "tableone");
    } else if (a instanceof Analysis.Paired k) {
      required(path, "before", k.before());
      required(path, "after", k.after());
    } else if (a instanceof Analysis.Match k) {
      required(path, "treatment", k.treatment());
      if (k.covariates().isEmpty()) {
        at(path, "covariates is required");
      }
      oneOf(path, "distance", k.distance(), "probability", "logit");
      oneOf(path, "order", k.order(), "largest", "smallest", "random", "data");
      oneOf(path, "compat", k.compat(), "none", "matchit-4.5.1");
      if (k.caliper() != null && !(k.caliper() > 0)) {
        at(path + ".caliper", "caliper must be positive");
      }
      if ("random".equals(k.order()) && k.seed() == null) {
        at(path + ".order", "order: random needs a seed");
      }
    } else if (a instanceof Analysis.Impute k) {
      if (k.seed() == null) {
        at(path, "seed is required (so the imputations can be rerun)");
      }
    } else if (a instanceof Analysis.Nomogram k) {
      formula(path, k.formula(), true);
      oneOf(path, "ties", k.ties(), "efron", "breslow");
      if (k.horizons().isEmpty()) {
        at(path, "horizons is required");
      }
    } else if (a instanceof Analysis.Validate k) {
      required(path, "model", k.model());
      oneOf(path, "model", k.model(), "cox", "logistic");
      formula(path, k.formula(), "cox".equals(k.model()));
      oneOf(path, "ties", k.ties(), "efron", "breslow");
      if (k.bootstrap() != null && k.seed() == null) {
        at(path + ".bootstrap", "bootstrap needs a seed (so the resamples can be rerun)");
      }
      oneOf(path, "risk-groups", k.riskGroups(), "lp", "points");
      if (k.split() != null && !(k.split() > 0 && k.split() < 1)) {
        at(path + ".split", "split must be a fraction in (0, 1), got " + k.split());
      }
      if (k.split() != null && !k.validateOn().isEmpty()) {
        at(path, "split and validate-on exclude each other");
      }
      level(path, k.confLevel());
    }
  }

  private void required(String path, String key, String value) {
    if (blank(value)) {
      at(path, key + " is required");
    }
  }

  private void oneOf(String path, String key, String value, String... allowed) {
    if (value != null && !List.of(allowed).contains(value)) {
      at(
          path + "." + key,
          key + " is one of " + String.join(", ", allowed) + ", not '" + value + "'");
    }
  }

  private void level(String path, Double level) {
    if (level != null && !(level > 0 && level < 1)) {
      at(path + ".conf-level", "conf-level is between 0 and 1 (e.g. 0.95), not " + level);
    }
  }

  private void probability(String path, String key, Double p) {
    if (p != null && !(p > 0 && p < 1)) {
      at(path + "." + key, key + " is between 0 and 1, not " + p);
    }
  }

  private void formula(String path, String formula, boolean survival) {
    if (blank(formula)) {
      at(path, "formula is required");
      return;
    }
    try {
      Formula f = Formula.parse(formula);
      if (f.response() instanceof SurvivalResponse s && s.counting()) {
        // the study runner's models read Surv(time, event) only (issue 16: thyra cox reads them)
        at(
            path + ".formula",
            "counting-process data Surv(start, stop, event) are analysed by thyra cox only, not in"
                + " a study protocol yet");
      }
      if (survival && !(f.response() instanceof SurvivalResponse)) {
        at(path + ".formula", "a survival model needs Surv(time, event) on the left of ~");
      }
      if (!survival && f.response() instanceof SurvivalResponse) {
        at(path + ".formula", "a logistic model needs a 0/1 outcome on the left of ~, not Surv()");
      }
    } catch (RuntimeException e) {
      at(path + ".formula", e.getMessage());
    }
  }

  private static final Set<String> FIGURES =
      Set.of(
          "km",
          "logrank",
          "cox",
          "logistic",
          "screen",
          "roc",
          "tdroc",
          "cutpoint",
          "validate",
          "nomogram",
          "paired",
          "match",
          "cuminc");

  private void report(Protocol p, Map<String, Analysis> analyses) {
    if (p.report() == null) {
      at("report", "report (the layout: sections with tables and figures) is required");
      return;
    }
    List<ReportLayout.Section> sections = p.report().sections();
    for (int s = 0; s < sections.size(); s++) {
      ReportLayout.Section sec = sections.get(s);
      String sp = "report.sections[" + s + "]";
      if (blank(sec.title())) {
        at(sp, "title is required");
      }
      for (int i = 0; i < sec.items().size(); i++) {
        ReportLayout.Item it = sec.items().get(i);
        String ip = sp + ".items[" + i + "]";
        if ((it.table() == null) == (it.figure() == null)) {
          at(ip, "an item is either table: ANALYSIS-ID or figure: ANALYSIS-ID");
          continue;
        }
        String ref = it.table() != null ? it.table() : it.figure();
        String key = it.table() != null ? "table" : "figure";
        Analysis a = analyses.get(ref);
        if (a == null && !(key.equals("figure") && "flow".equals(ref))) {
          at(ip + "." + key, "no analysis with id '" + ref + "'");
        } else if (a != null && key.equals("figure") && !FIGURES.contains(a.command())) {
          at(ip + ".figure", "a " + a.command() + " analysis has no figure");
        }
        if (blank(it.caption())) {
          at(ip, "caption is required");
        }
      }
    }
  }

  /** {@code data} with the column {@code iptw} a weight analysis adds to its cohort. */
  private static DataTable withWeights(DataTable data) {
    if (data.hasColumn("iptw")) {
      return data;
    }
    List<Column> cols = new ArrayList<>();
    for (String name : data.columnNames()) {
      cols.add(data.column(name));
    }
    double[] ones = new double[data.rowCount()];
    java.util.Arrays.fill(ones, 1.0);
    cols.add(NumericColumn.of("iptw", ones));
    return DataTable.of(data.source(), cols);
  }

  /** Column and level checks against the data, after the derivations. */
  private void data(Protocol p, DataTable data) {
    DataTable derived = data;
    for (int i = 0; i < p.derive().size(); i++) {
      Derivation d = p.derive().get(i);
      String path = "derive[" + i + "]";
      for (Map.Entry<String, String> e : d.columns().entrySet()) {
        column(derived, path + ".columns." + e.getKey(), e.getValue());
      }
      if (d.cut() != null) {
        column(derived, path + ".cut", d.cut());
      }
      for (int k = 0; k < d.events().size(); k++) {
        column(derived, path + ".events[" + k + "]", d.events().get(k));
      }
      if (d.time() != null) {
        column(derived, path + ".time", d.time());
      }
      for (int k = 0; k < d.times().size(); k++) {
        column(derived, path + ".times[" + k + "]", d.times().get(k));
      }
      try {
        derived = Derivations.apply(derived, List.of(d));
      } catch (DerivationException e) {
        if (!e.getMessage().contains("no column")) {
          at(path, e.getMessage());
        }
        // go on with empty stand-ins for its outputs, so every later problem is still found
        derived = standIns(derived, d);
      }
    }
    for (int i = 0; i < p.cohort().size(); i++) {
      CohortStep s = p.cohort().get(i);
      String path = "cohort[" + i + "]";
      if (column(derived, path + ".column", s.column())) {
        levels(derived, path + ".is", s.column(), s.is());
        bounds(derived, path, s.column(), s.atLeast(), s.above(), s.atMost(), s.below());
      }
    }
    for (int i = 0; i < p.variables().size(); i++) {
      VariableLabel v = p.variables().get(i);
      String path = "variables[" + i + "]";
      if (column(derived, path + ".column", v.column())) {
        levels(derived, path + ".levels", v.column(), v.levels());
        if (v.ref() != null) {
          levels(derived, path + ".ref", v.column(), List.of(v.ref()));
        }
      }
    }
    Set<String> matchIds = new HashSet<>();
    Set<String> weightIds = new HashSet<>();
    for (int i = 0; i < p.analyses().size(); i++) {
      Analysis a = p.analyses().get(i);
      String path = "analyses[" + i + "]";
      if (a instanceof Analysis.Match) {
        matchIds.add(a.id());
      }
      if (a instanceof Analysis.Weight) {
        weightIds.add(a.id());
      }
      // a weight analysis's cohort adds its weights as column iptw
      DataTable cohort = weightIds.contains(a.in()) ? withWeights(derived) : derived;
      for (ColumnRef r : a.columns()) {
        String rp = path + "." + r.key() + (r.index() >= 0 ? "[" + r.index() + "]" : "");
        if (!column(cohort, rp, r.column())) {
          continue;
        }
        if (r.key().equals("ref")) {
          levels(cohort, path + ".ref." + r.column(), r.column(), List.of(a.ref().get(r.column())));
        }
      }
      for (int w = 0; w < a.where().size(); w++) {
        Condition c = a.where().get(w);
        if (c.column() != null && derived.hasColumn(c.column())) {
          levels(derived, path + ".where[" + w + "].is", c.column(), c.is());
        }
      }
    }
  }

  private final Set<String> standIns = new HashSet<>();

  private DataTable standIns(DataTable t, Derivation d) {
    List<String> names = new ArrayList<>();
    if (d.rule() != null) {
      RuleRegistry.find(d.rule()).ifPresent(r -> names.addAll(r.outputs()));
    } else if (d.name() != null) {
      names.add(d.name());
      if (Boolean.TRUE.equals(d.competing())) {
        names.add(d.name() + "_time");
      }
    }
    List<Column> cols = new ArrayList<>();
    t.columnNames().forEach(n -> cols.add(t.column(n)));
    for (String n : names) {
      if (!t.hasColumn(n)) {
        cols.add(CategoricalColumn.of(n, new String[t.rowCount()]));
        standIns.add(n);
      }
    }
    return DataTable.of(t.source(), cols);
  }

  private boolean column(DataTable t, String path, String column) {
    if (column == null) {
      return false;
    }
    if (!t.hasColumn(column)) {
      at(
          path,
          "no column '"
              + column
              + "' in "
              + t.source()
              + " (columns: "
              + String.join(", ", t.columnNames())
              + ")");
      return false;
    }
    return true;
  }

  private void levels(DataTable t, String path, String column, List<String> levels) {
    if (standIns.contains(column)) {
      return; // a derivation that could not be applied: its problem is reported already
    }
    Column c = t.column(column);
    List<String> known = new ArrayList<>();
    if (c instanceof CategoricalColumn cat) {
      known.addAll(cat.levels());
    } else if (c instanceof NumericColumn x) {
      Set<String> seen = new java.util.TreeSet<>();
      for (int r = 0; r < x.size(); r++) {
        if (!x.isMissing(r)) {
          seen.add(x.text(r));
        }
      }
      known.addAll(seen);
    }
    for (int i = 0; i < levels.size(); i++) {
      String l = levels.get(i);
      if (!known.contains(l)) {
        at(
            levels.size() > 1 || path.endsWith(".levels") || path.endsWith(".is")
                ? path + "[" + i + "]"
                : path,
            "column '"
                + column
                + "' has no level '"
                + l
                + "' (levels: "
                + (known.size() > 20
                    ? String.join(", ", known.subList(0, 20)) + ", ..."
                    : String.join(", ", known))
                + ")");
      }
    }
  }

  private void bounds(
      DataTable t, String path, String column, Double a, Double b, Double c, Double d) {
    if ((a != null || b != null || c != null || d != null)
        && !(t.column(column) instanceof NumericColumn)) {
      at(path, "column '" + column + "' is not numeric, so it has no bounds");
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
