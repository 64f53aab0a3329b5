package org.thyra.clinical.rules;

import static org.thyra.clinical.rules.Role.optional;
import static org.thyra.clinical.rules.Role.required;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.thyra.clinical.AtaEdition;
import org.thyra.clinical.Derived;
import org.thyra.clinical.ablation.Complication;
import org.thyra.clinical.ablation.ComplicationClassification;
import org.thyra.clinical.ablation.ComplicationGrading;
import org.thyra.clinical.ablation.ComplicationTherapy;
import org.thyra.clinical.ablation.ComplicationType;
import org.thyra.clinical.ablation.Sequelae;
import org.thyra.clinical.ablation.TechnicalSuccess;
import org.thyra.clinical.comorbidity.AgeAdjustedCharlson;
import org.thyra.clinical.comorbidity.CharlsonCondition;
import org.thyra.clinical.comorbidity.EcogPerformanceStatus;
import org.thyra.clinical.course.ExtrathyroidalExtension;
import org.thyra.clinical.course.LesionUptake;
import org.thyra.clinical.course.LocalDiseaseStatus;
import org.thyra.clinical.course.MetastasisTiming;
import org.thyra.clinical.course.NodeRegion;
import org.thyra.clinical.course.RaiCourse;
import org.thyra.clinical.lesion.EllipsoidVolume;
import org.thyra.clinical.lesion.VolumeReductionRate;
import org.thyra.clinical.refractory.CriterionFinding;
import org.thyra.clinical.refractory.RairClassifier;
import org.thyra.clinical.refractory.RairOptions;
import org.thyra.clinical.refractory.RairResult;
import org.thyra.clinical.refractory.UptakePattern;
import org.thyra.clinical.response.InitialTherapy;
import org.thyra.clinical.response.RecistNonTarget;
import org.thyra.clinical.response.RecistOverall;
import org.thyra.clinical.response.RecistResponse;
import org.thyra.clinical.response.RecistTarget;
import org.thyra.clinical.response.RelativeChange;
import org.thyra.clinical.response.TgResponse;
import org.thyra.clinical.staging.Ajcc7Staging;
import org.thyra.clinical.staging.Ajcc8Staging;
import org.thyra.clinical.staging.MCategory;
import org.thyra.clinical.staging.NCategory;
import org.thyra.clinical.staging.TCategory;
import org.thyra.clinical.units.Activity;
import org.thyra.clinical.units.ActivityUnit;
import org.thyra.clinical.units.TgUnit;

/**
 * Every clinical rule {@code thyra derive} can apply to a table, with its input roles, parameters
 * and output columns. Each entry only reads cells and calls the concept class that holds the
 * guideline logic (and its documented boundaries).
 *
 * <p>Coded outputs are lower case ({@code low}, {@code synchronous}, {@code no_avidity}); staging
 * and RECIST keep their conventional labels ({@code T1a}, {@code IVB}, {@code PR}, {@code
 * non-CR/non-PD}). An empty output cell means the rule could not decide; the reason says why.
 */
public final class RuleRegistry {

  /** Built on first use, after every constant the rules refer to (initialisation order). */
  private static final class All {
    static final List<Rule> RULES = build();
  }

  private RuleRegistry() {}

  /** Every rule, in a stable order. */
  public static List<Rule> all() {
    return All.RULES;
  }

  /** The rule with this name. */
  public static Optional<Rule> find(String name) {
    return All.RULES.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /** The rule with this name, or an exception listing the names. */
  public static Rule get(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown rule '"
                        + name
                        + "'; rules: "
                        + All.RULES.stream().map(Rule::name).collect(Collectors.joining(", "))));
  }

  private static final String AJCC8 =
      "AJCC Cancer Staging Manual 8th ed. (2017), thyroid — differentiated carcinoma";
  private static final String AJCC7 =
      "AJCC Cancer Staging Manual 7th ed. (2010), thyroid — papillary/follicular";
  static final String ATA = "Haugen BR et al., 2015 ATA guidelines, Thyroid 2016;26:1–133";
  static final String ATA_2025 =
      "Ringel MD et al., 2025 ATA guidelines, Thyroid 2025;35(8):841–985";
  static final Parameter EDITION =
      new Parameter(
          "edition",
          "2015",
          "ATA edition: 2015 (Haugen 2016) or 2025 (Ringel 2025; only the parts a readable source"
              + " states)");
  private static final String RECIST =
      "Eisenhauer EA et al., RECIST 1.1, Eur J Cancer 2009;45:228–247";
  static final String EXT =
      "extension: none, microscopic, gross_strap_muscles, gross_major_structures, gross_prevertebral_or_vessels";

  private static List<Rule> build() {
    List<Rule> r = new ArrayList<>();
    // --- staging
    r.add(
        new TableRule(
            "ajcc8-t",
            "AJCC 8th edition T category from size and extrathyroidal extension",
            AJCC8,
            List.of(
                optional("size_cm", "largest tumour dimension, cm"), optional("extension", EXT)),
            List.of(),
            List.of("ajcc8_t"),
            (row, p) ->
                TableRule.single("ajcc8_t", Ajcc8Staging.tCategory(size(row), extension(row)))));
    r.add(
        new TableRule(
            "ajcc8-n",
            "AJCC 8th edition N category from involved node regions",
            AJCC8,
            List.of(
                required(
                    "regions",
                    "involved regions separated by ; (VI, VII, lateral or I–V, retropharyngeal), 'none', or 'NX'")),
            List.of(),
            List.of("ajcc8_n"),
            (row, p) -> TableRule.single("ajcc8_n", Ajcc8Staging.nCategory(regions(row)))));
    r.add(
        new TableRule(
            "ajcc8-stage",
            "AJCC 8th edition stage group (age cut-off ≥ 55 years)",
            AJCC8,
            stageRoles(),
            List.of(),
            List.of("ajcc8_stage"),
            (row, p) ->
                TableRule.single(
                    "ajcc8_stage", Ajcc8Staging.stage(age(row), t(row), n(row), m(row)))));
    r.add(
        new TableRule(
            "ajcc7-t",
            "AJCC 7th edition T category (minimal extension → T3)",
            AJCC7,
            List.of(
                optional("size_cm", "largest tumour dimension, cm"), optional("extension", EXT)),
            List.of(),
            List.of("ajcc7_t"),
            (row, p) ->
                TableRule.single("ajcc7_t", Ajcc7Staging.tCategory(size(row), extension(row)))));
    r.add(
        new TableRule(
            "ajcc7-n",
            "AJCC 7th edition N category (level VII → N1b)",
            AJCC7,
            List.of(
                required(
                    "regions",
                    "involved regions separated by ; (VI, VII, lateral or I–V, retropharyngeal), 'none', or 'NX'")),
            List.of(),
            List.of("ajcc7_n"),
            (row, p) -> TableRule.single("ajcc7_n", Ajcc7Staging.nCategory(regions(row)))));
    r.add(
        new TableRule(
            "ajcc7-stage",
            "AJCC 7th edition stage group (age cut-off ≥ 45 years)",
            AJCC7,
            stageRoles(),
            List.of(),
            List.of("ajcc7_stage"),
            (row, p) ->
                TableRule.single(
                    "ajcc7_stage", Ajcc7Staging.stage(age(row), t(row), n(row), m(row)))));
    // --- risk and response
    r.add(AtaRiskAdapter.tableRule());
    r.add(AtaResponseAdapter.tableRule());
    r.add(
        new TableRule(
            "tg-response",
            "Tg response by ΔTg = (after − before) / before: PR / SD / PD",
            "Seeds 001 (≥ 25 %) and 004 (> 25 %)",
            List.of(
                required("tg_before", "Tg before the course (same unit and TSH state as after)"),
                required("tg_after", "Tg after the course")),
            List.of(
                new Parameter("threshold", "25", "threshold in percent"),
                new Parameter(
                    "boundary",
                    "inclusive",
                    "inclusive: exactly ±threshold is PR/PD (seed 001); exclusive: it is SD (seed 004)")),
            List.of("tg_change_percent", "tg_response"),
            (row, p) -> {
              BigDecimal before = nonNegativeDecimal(row, "tg_before");
              BigDecimal after = nonNegativeDecimal(row, "tg_after");
              BigDecimal threshold = parameterDecimal(p, "threshold");
              if (threshold.signum() <= 0) {
                throw new RuleParameterException(
                    "threshold", p.get("threshold"), "must be a positive percentage");
              }
              TgResponse.Boundary b = parameterEnum(p, "boundary", TgResponse.Boundary.class);
              Derived<?> d = TgResponse.classify(before, after, threshold, b);
              Map<String, String> v = new LinkedHashMap<>();
              v.put(
                  "tg_change_percent",
                  before.signum() == 0 ? "" : number(new RelativeChange(before, after).percent()));
              v.put("tg_response", d.value() == null ? "" : d.value().toString());
              return new RuleOutput(v, TableRule.reason(d), d.method());
            }));
    r.add(
        new TableRule(
            "recist-target",
            "RECIST 1.1 target response from sums of diameters (PD vs nadir, PR vs baseline)",
            RECIST,
            List.of(
                required("baseline_sum", "sum of diameters at baseline, mm"),
                required("current_sum", "current sum of diameters, mm"),
                optional(
                    "nadir_sum",
                    "smallest sum on study including baseline, mm (missing: baseline)"),
                optional(
                    "complete",
                    "all non-nodal targets gone and all nodal targets < 10 mm, yes/no (a sum of 0 is complete)")),
            List.of(),
            List.of("recist_target", "change_from_baseline_percent", "change_from_nadir_percent"),
            (row, p) -> {
              BigDecimal base = row.decimal("baseline_sum");
              BigDecimal cur = row.decimal("current_sum");
              BigDecimal nadir = row.has("nadir_sum") ? row.decimal("nadir_sum") : base;
              Derived<RecistResponse> d;
              try {
                d = RecistTarget.classify(base, nadir, cur, row.flag("complete", false));
              } catch (IllegalArgumentException e) {
                throw new RuleInputException(
                    "baseline_sum/nadir_sum/current_sum",
                    base + "/" + nadir + "/" + cur,
                    "are inconsistent: " + e.getMessage());
              }
              Map<String, String> v = new LinkedHashMap<>();
              v.put("recist_target", d.value().label());
              v.put(
                  "change_from_baseline_percent", number(new RelativeChange(base, cur).percent()));
              v.put(
                  "change_from_nadir_percent",
                  nadir.signum() == 0 ? "" : number(new RelativeChange(nadir, cur).percent()));
              return new RuleOutput(v, TableRule.reason(d), d.method());
            }));
    r.add(
        new TableRule(
            "recist-nontarget",
            "RECIST 1.1 non-target response (CR / non-CR/non-PD / PD)",
            RECIST,
            List.of(
                required("all_gone", "all non-target lesions gone and nodes < 10 mm, yes/no"),
                optional("marker_normal", "tumour marker (Tg) normal/undetectable, yes/no"),
                optional(
                    "unequivocal_progression",
                    "unequivocal progression of non-target lesions, yes/no")),
            List.of(),
            List.of("recist_nontarget"),
            (row, p) ->
                recist(
                    "recist_nontarget",
                    RecistNonTarget.classify(
                        row.flag("all_gone"),
                        row.flag("marker_normal"),
                        row.flag("unequivocal_progression", false)))));
    r.add(
        new TableRule(
            "recist-overall",
            "RECIST 1.1 overall response from target, non-target and new lesions",
            RECIST + ", Tables 1–2",
            List.of(
                optional(
                    "target", "target response CR, PR, SD, PD, NE (missing: no target lesions)"),
                optional(
                    "nontarget", "non-target response CR, non-CR/non-PD, PD, NE (missing: none)"),
                required("new_lesions", "new lesions, yes/no")),
            List.of(),
            List.of("recist_overall"),
            (row, p) ->
                recist(
                    "recist_overall",
                    RecistOverall.combine(
                        row.parsed("target", RuleRegistry::recistCategory),
                        row.parsed("nontarget", RuleRegistry::recistCategory),
                        row.flag("new_lesions")))));
    // --- refractory
    r.add(
        new TableRule(
            "rair",
            "Radioiodine-refractory status: each criterion, and seed 003's subtype",
            ATA + ", Recommendation 90; seeds 000, 002, 003",
            List.of(
                required(
                    "first_scan",
                    "uptake on the first post-therapy scan with lesions: all, partial, none"),
                optional("last_scan", "uptake on the latest scan: all, partial, none"),
                optional(
                    "progression_months",
                    "months from the latest RAI course to documented progression (missing: no progression)"),
                optional(
                    "cumulative_activity",
                    "cumulative administered activity, in the unit of the parameter activity_unit")),
            List.of(
                new Parameter(
                    "progression_within_12_months",
                    "false",
                    "also evaluate seed 000's progression-within-12-months criterion"),
                new Parameter(
                    "cumulative_activity",
                    "false",
                    "also evaluate the cumulative-activity criterion"),
                new Parameter(
                    "threshold_mci",
                    "600",
                    "cumulative activity that must be exceeded, mCi (exactly the threshold does not)"),
                new Parameter(
                    "activity_unit",
                    "mCi",
                    "unit of the cumulative_activity cells: mCi, GBq, MBq")),
            List.of("rair", "rair_criteria", "rair_subtype"),
            (row, p) -> {
              RairResult res =
                  RairClassifier.classify(
                      rairCourses(row, p),
                      rairProgressions(row),
                      new RairOptions(
                          parameterBoolean(p, "progression_within_12_months"),
                          parameterBoolean(p, "cumulative_activity"),
                          param(p, "threshold_mci", v -> Activity.of(v, ActivityUnit.MCI))));
              Map<String, String> v = new LinkedHashMap<>();
              v.put("rair", res.refractory() ? "yes" : "no");
              v.put(
                  "rair_criteria",
                  res.fired().stream()
                      .map(c -> c.name().toLowerCase(Locale.ROOT))
                      .collect(Collectors.joining(";")));
              v.put(
                  "rair_subtype",
                  res.subtype() == null ? "" : res.subtype().name().toLowerCase(Locale.ROOT));
              String detail =
                  res.criteria().stream()
                      .filter(CriterionFinding::fired)
                      .map(f -> f.criterion().label() + ": " + f.detail())
                      .collect(Collectors.joining("; "));
              return new RuleOutput(
                  v,
                  rowWording(
                      res.reason()
                          + (detail.isEmpty() ? "" : " — " + detail)
                          + (res.warnings().isEmpty()
                              ? ""
                              : " [warning: " + String.join("; ", res.warnings()) + "]"),
                      row),
                  res.method());
            }));
    r.add(
        new TableRule(
            "uptake-pattern",
            "Seed 004's 131I uptake pattern: primary non-uptake, secondary non-uptake, uptake",
            "Seed 004",
            List.of(
                required("first_scan", "uptake on the first scan: all, partial, none"),
                optional("last_scan", "uptake on a later scan: all, partial, none")),
            List.of(),
            List.of("uptake_pattern"),
            (row, p) ->
                lower("uptake_pattern", UptakePattern.classify(rairCourses(row, Map.of())))));
    // --- course timing
    r.add(
        new TableRule(
            "metastasis-timing",
            "Synchronous (≤ 12 months from diagnosis) vs metachronous metastasis",
            "Seed 001",
            List.of(
                optional("diagnosis_date", "primary diagnosis, yyyy-MM-dd"),
                optional("metastasis_date", "metastasis detection, yyyy-MM-dd"),
                optional(
                    "interval_months", "interval in months (used when the dates are not given)")),
            List.of(),
            List.of("metastasis_timing"),
            (row, p) -> {
              LocalDate dx = row.date("diagnosis_date");
              LocalDate mx = row.date("metastasis_date");
              if (dx != null && mx != null) {
                return lower(
                    "metastasis_timing",
                    guarded("metastasis_date", row, () -> MetastasisTiming.classify(dx, mx)));
              }
              if (row.has("interval_months")) {
                return lower(
                    "metastasis_timing",
                    guarded(
                        "interval_months",
                        row,
                        () -> MetastasisTiming.classify(row.number("interval_months"))));
              }
              return RuleOutput.missing(
                  List.of("metastasis_timing"),
                  "diagnosis_date and metastasis_date, or interval_months, missing");
            }));
    r.add(
        new TableRule(
            "local-disease",
            "Local recurrence (> 12 months disease-free) vs persistent disease",
            "Seed 001",
            List.of(
                optional("disease_free_from", "date made disease-free (surgery), yyyy-MM-dd"),
                optional("local_disease_date", "detection of local disease, yyyy-MM-dd"),
                optional(
                    "disease_free_months",
                    "disease-free interval in months (used when the dates are not given)"),
                optional(
                    "ever_disease_free", "documented disease-free status, yes/no (missing: yes)")),
            List.of(),
            List.of("local_disease"),
            (row, p) -> {
              LocalDate from = row.date("disease_free_from");
              LocalDate at = row.date("local_disease_date");
              boolean free = row.flag("ever_disease_free", true);
              if (from != null && at != null) {
                return lower(
                    "local_disease",
                    guarded(
                        "local_disease_date",
                        row,
                        () -> LocalDiseaseStatus.classify(from, at, free)));
              }
              if (row.has("disease_free_months")) {
                return lower(
                    "local_disease",
                    guarded(
                        "disease_free_months",
                        row,
                        () ->
                            LocalDiseaseStatus.classify(row.number("disease_free_months"), free)));
              }
              return RuleOutput.missing(
                  List.of("local_disease"),
                  "disease_free_from and local_disease_date, or disease_free_months, missing");
            }));
    // --- lesions and ablation
    r.add(
        new TableRule(
            "ellipsoid-volume",
            "Ellipsoid volume V = π/6 · a · b · c (unit³ of the diameters)",
            "Seed 000; SPEC §7",
            List.of(
                required("a", "maximum diameter"),
                required("b", "second diameter"),
                required("c", "third diameter")),
            List.of(new Parameter("coefficient", "pi/6", "pi/6, or 0.524 as printed in seed 000")),
            List.of("volume"),
            (row, p) -> {
              EllipsoidVolume.Coefficient k =
                  switch (p.get("coefficient")) {
                    case "pi/6" -> EllipsoidVolume.Coefficient.PI_OVER_6;
                    case "0.524" -> EllipsoidVolume.Coefficient.ROUNDED_0_524;
                    default ->
                        throw new RuleParameterException(
                            "coefficient", p.get("coefficient"), "must be pi/6 or 0.524");
                  };
              double v =
                  EllipsoidVolume.of(
                      row.nonNegative("a"), row.nonNegative("b"), row.nonNegative("c"), k);
              return new RuleOutput(
                  Map.of("volume", number(v)),
                  "V = "
                      + (k == EllipsoidVolume.Coefficient.PI_OVER_6 ? "π/6" : "0.524")
                      + " × "
                      + row.text("a")
                      + " × "
                      + row.text("b")
                      + " × "
                      + row.text("c"),
                  "ellipsoid V = "
                      + (k == EllipsoidVolume.Coefficient.PI_OVER_6
                          ? "π/6"
                          : "0.524 (seed 000's rounded π/6)")
                      + " · a · b · c, in the cube of the diameters' unit");
            }));
    r.add(
        new TableRule(
            "vrr",
            "Volume reduction rate (V0 − V) / V0 × 100 %",
            "Seed 000",
            List.of(
                required("initial_volume", "volume before treatment (> 0)"),
                required("current_volume", "volume at follow-up")),
            List.of(),
            List.of("vrr_percent"),
            (row, p) -> {
              Double v0 = row.nonNegative("initial_volume");
              if (v0 == 0) {
                throw new RuleInputException(
                    "initial_volume", row.text("initial_volume"), "must be positive for a VRR");
              }
              Derived<Double> d = VolumeReductionRate.of(v0, row.nonNegative("current_volume"));
              return new RuleOutput(
                  Map.of("vrr_percent", number(d.value())), d.reason(), d.method());
            }));
    r.add(
        new TableRule(
            "technical-success",
            "Ablation technical success: no enhancement on CEUS within 3 days",
            "Seed 000",
            List.of(
                required("days_to_ceus", "days from ablation to CEUS (0–3 judged)"),
                required("residual_enhancement", "yes/no")),
            List.of(),
            List.of("technical_success"),
            (row, p) -> {
              Integer days = row.integer("days_to_ceus");
              if (days < 0) {
                throw new RuleInputException(
                    "days_to_ceus", row.text("days_to_ceus"), "must not be negative");
              }
              Derived<Boolean> d = TechnicalSuccess.assess(days, row.flag("residual_enhancement"));
              return new RuleOutput(
                  Map.of("technical_success", d.value() == null ? "" : d.value() ? "yes" : "no"),
                  d.reason(),
                  d.method());
            }));
    r.add(
        new TableRule(
            "complication-grade",
            "Complication SIR class, CIRSE grade and major/minor",
            "Sacks 2003 (SIR); Filippiadis 2017 (CIRSE); seed 000",
            List.of(
                optional(
                    "type",
                    "voice_change, horner_syndrome, vagal_reflex, brachial_plexus_injury, nodule_rupture, haematoma, skin_burn, pain, infection, other"),
                required("therapy", "none, nominal, additional, major"),
                optional("extra_hours", "hospital stay added, hours (missing: 0)"),
                optional("unplanned_increase_in_care", "yes/no"),
                optional("sequelae", "none, mild_permanent, severe_permanent"),
                optional("death", "yes/no")),
            List.of(
                new Parameter(
                    "convention",
                    "thyroid_ablation",
                    "thyroid_ablation (seed 000: by type, else SIR) or sir (C–F major)")),
            List.of("sir_grade", "cirse_grade", "complication_class"),
            (row, p) -> {
              Integer hours = row.integer("extra_hours");
              if (hours != null && hours < 0) {
                throw new RuleInputException(
                    "extra_hours", row.text("extra_hours"), "must not be negative");
              }
              Complication c =
                  new Complication(
                      row.choice("type", ComplicationType.class),
                      null,
                      row.choice("therapy", ComplicationTherapy.class),
                      hours == null ? 0 : hours,
                      row.flag("unplanned_increase_in_care", false),
                      row.choice("sequelae", Sequelae.class),
                      row.flag("death", false));
              ComplicationGrading g =
                  ComplicationClassification.grade(
                      c,
                      parameterEnum(p, "convention", ComplicationClassification.Convention.class));
              Map<String, String> v = new LinkedHashMap<>();
              v.put("sir_grade", g.sir().name());
              v.put("cirse_grade", Integer.toString(g.cirse()));
              v.put("complication_class", g.major() ? "major" : "minor");
              return new RuleOutput(v, g.reason(), g.method());
            }));
    // --- distant metastases
    r.add(LocalTreatmentAdapter.tableRule());
    // --- comorbidity, performance, units
    r.add(
        new TableRule(
            "charlson-age-adjusted",
            "Age-adjusted Charlson comorbidity index",
            "Charlson 1987; Charlson 1994",
            List.of(
                required("age", "age in years"),
                optional(
                    "conditions",
                    "condition codes separated by ; (e.g. diabetes_uncomplicated;chronic_pulmonary_disease), or none")),
            List.of(),
            List.of("acci"),
            (row, p) -> {
              Set<CharlsonCondition> set = EnumSet.noneOf(CharlsonCondition.class);
              String text = row.text("conditions");
              if (text != null && !text.equalsIgnoreCase("none")) {
                for (String code : text.split("[;,]")) {
                  if (!code.isBlank()) {
                    set.add(row.parsed("conditions", x -> CharlsonCondition.parse(code)));
                  }
                }
              }
              return TableRule.single("acci", AgeAdjustedCharlson.score(age(row), set));
            }));
    r.add(
        new TableRule(
            "ecog",
            "ECOG performance status (from ECOG 0–5 or Karnofsky 0–100)",
            "Oken 1982",
            List.of(
                optional("ecog", "ECOG grade 0–5"),
                optional(
                    "karnofsky", "Karnofsky 0–100 in steps of 10 (used when ecog is missing)")),
            List.of(),
            List.of("ecog_grade", "ecog_description"),
            (row, p) -> {
              Derived<EcogPerformanceStatus> d;
              if (row.has("ecog")) {
                EcogPerformanceStatus s =
                    row.parsed("ecog", x -> EcogPerformanceStatus.of(row.integer("ecog")));
                d =
                    Derived.of(s, "ECOG " + s.grade())
                        .withMethod("ECOG performance status as recorded (Oken 1982), 0–5");
              } else if (row.has("karnofsky")) {
                d =
                    row.parsed(
                        "karnofsky",
                        x -> EcogPerformanceStatus.fromKarnofsky(row.integer("karnofsky")));
              } else {
                return RuleOutput.missing(
                    List.of("ecog_grade", "ecog_description"), "ecog and karnofsky missing");
              }
              Map<String, String> v = new LinkedHashMap<>();
              v.put("ecog_grade", Integer.toString(d.value().grade()));
              v.put("ecog_description", d.value().description());
              return new RuleOutput(v, d.reason(), d.method());
            }));
    r.add(
        new TableRule(
            "activity-units",
            "Administered activity in MBq, GBq and mCi (1 mCi = 37 MBq exactly)",
            "SI / definition of the curie",
            List.of(
                required("activity", "administered activity"),
                optional("unit", "unit of this row: mCi, GBq, MBq (missing: the parameter)")),
            List.of(
                new Parameter(
                    "unit", "mCi", "unit when the unit role is not bound or the cell is missing")),
            List.of("activity_mbq", "activity_gbq", "activity_mci"),
            (row, p) -> {
              ActivityUnit unit =
                  row.has("unit")
                      ? row.parsed("unit", ActivityUnit::parse)
                      : param(p, "unit", ActivityUnit::parse);
              Activity a = row.parsed("activity", x -> Activity.of(x, unit));
              Map<String, String> v = new LinkedHashMap<>();
              v.put("activity_mbq", plain(a.in(ActivityUnit.MBQ)));
              v.put("activity_gbq", plain(a.in(ActivityUnit.GBQ)));
              v.put("activity_mci", plain(a.in(ActivityUnit.MCI)));
              return new RuleOutput(
                  v,
                  a + " = " + v.get("activity_mbq") + " MBq (1 mCi = 37 MBq)",
                  "1 mCi = 37 MBq exactly, 1 GBq = 1000 MBq; exact decimal conversion");
            }));
    r.add(
        new TableRule(
            "tg-units",
            "Thyroglobulin in ng/mL (= µg/L; 1000 ng/L)",
            "unit definitions",
            List.of(
                required("tg", "thyroglobulin value"),
                optional("unit", "unit of this row: ng/mL, µg/L, ng/L (missing: the parameter)")),
            List.of(
                new Parameter(
                    "unit",
                    "ng/mL",
                    "unit when the unit role is not bound or the cell is missing")),
            List.of("tg_ng_ml"),
            (row, p) -> {
              TgUnit unit =
                  row.has("unit")
                      ? row.parsed("unit", TgUnit::parse)
                      : param(p, "unit", TgUnit::parse);
              BigDecimal value = nonNegativeDecimal(row, "tg");
              BigDecimal ng = unit.toNgPerMl(value);
              return new RuleOutput(
                  Map.of("tg_ng_ml", plain(ng)),
                  value.toPlainString() + " " + unit.symbol() + " = " + plain(ng) + " ng/mL",
                  "1 ng/mL = 1 µg/L = 1000 ng/L; exact decimal conversion");
            }));
    return List.copyOf(r);
  }

  // ---------------------------------------------------------------- cell readers

  private static List<Role> stageRoles() {
    return List.of(
        required("age", "age at diagnosis, years"),
        required("t", "T category (T1a, pT3b, ...)"),
        required("n", "N category (N0, N1a, NX, ...)"),
        required("m", "M category (M0, M1)"));
  }

  private static double age(Row row) {
    Double a = row.nonNegative("age");
    return a;
  }

  private static Double size(Row row) {
    return row.nonNegative("size_cm");
  }

  private static TCategory t(Row row) {
    return row.parsed("t", TCategory::parse);
  }

  private static NCategory n(Row row) {
    return row.parsed("n", NCategory::parse);
  }

  private static MCategory m(Row row) {
    return row.parsed("m", MCategory::parse);
  }

  static ExtrathyroidalExtension extension(Row row) {
    String t = row.text("extension");
    if (t == null) {
      return null;
    }
    switch (t.toLowerCase(Locale.ROOT)) {
      case "minimal":
        return ExtrathyroidalExtension.MICROSCOPIC;
      case "strap":
        return ExtrathyroidalExtension.GROSS_STRAP_MUSCLES;
      case "no":
        return ExtrathyroidalExtension.NONE;
      default:
        return row.choice("extension", ExtrathyroidalExtension.class);
    }
  }

  private static Set<NodeRegion> regions(Row row) {
    String t = row.text("regions");
    String lower = t.toLowerCase(Locale.ROOT);
    if (lower.equals("nx") || lower.equals("not assessed")) {
      return null;
    }
    Set<NodeRegion> set = EnumSet.noneOf(NodeRegion.class);
    if (lower.equals("none")) {
      return set;
    }
    for (String part : lower.split("[;,+ ]+")) {
      switch (part) {
        case "vi", "6" -> set.add(NodeRegion.LEVEL_VI);
        case "vii", "7" -> set.add(NodeRegion.LEVEL_VII);
        case "lateral", "i", "ii", "iii", "iv", "v", "1", "2", "3", "4", "5", "retropharyngeal" ->
            set.add(NodeRegion.LATERAL);
        default ->
            throw new RuleInputException(
                "regions",
                t,
                "has an unknown region '"
                    + part
                    + "' (VI, VII, I–V, lateral, retropharyngeal, none, NX)");
      }
    }
    return set;
  }

  static int checkedCount(String role, int value, Row row) {
    if (value < 0) {
      throw new RuleInputException(role, row.text(role), "must not be negative");
    }
    return value;
  }

  static Integer positiveCount(Row row, String role) {
    Integer n = row.integer(role);
    if (n != null && n < 1) {
      throw new RuleInputException(role, row.text(role), "must be 1 or more");
    }
    return n;
  }

  static Integer nonNegativeCount(Row row, String role) {
    Integer n = row.integer(role);
    if (n != null && n < 0) {
      throw new RuleInputException(role, row.text(role), "must not be negative");
    }
    return n;
  }

  static int parameterCount(Map<String, String> p, String name, int min) {
    try {
      int v = Integer.parseInt(p.get(name).trim());
      if (v < min) {
        throw new RuleParameterException(name, p.get(name), "must be a whole number ≥ " + min);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new RuleParameterException(name, p.get(name), "must be a whole number ≥ " + min);
    }
  }

  private static BigDecimal nonNegativeDecimal(Row row, String role) {
    BigDecimal d = row.decimal(role);
    if (d.signum() < 0) {
      throw new RuleInputException(role, row.text(role), "must not be negative");
    }
    return d;
  }

  private static RecistResponse recistCategory(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT).replace(" ", "");
    if (t.equals("NON-CR/NON-PD") || t.equals("NON_CR_NON_PD") || t.equals("NONCR/NONPD")) {
      return RecistResponse.NON_CR_NON_PD;
    }
    return RecistResponse.valueOf(t);
  }

  /**
   * Two synthetic lesions reproduce the uptake patterns: all = A, B avid; partial = A avid; none =
   * neither.
   */
  private static List<RaiCourse> rairCourses(Row row, Map<String, String> p) {
    LocalDate d0 = LocalDate.of(2000, 1, 1);
    List<RaiCourse> courses = new ArrayList<>();
    courses.add(new RaiCourse(d0, null, null, null, uptake(row, "first_scan")));
    Activity cumulative = null;
    if (p.containsKey("activity_unit") && row.has("cumulative_activity")) {
      ActivityUnit unit = param(p, "activity_unit", ActivityUnit::parse);
      cumulative = row.parsed("cumulative_activity", x -> Activity.of(x, unit));
    }
    if (row.has("last_scan")) {
      if (cumulative != null) {
        // the cumulative total is carried by the latest course; the first then counts 0
        courses.set(
            0,
            new RaiCourse(
                d0, Activity.of("0", ActivityUnit.MCI), null, null, courses.get(0).scanUptake()));
      }
      courses.add(
          new RaiCourse(d0.plusMonths(6), cumulative, null, null, uptake(row, "last_scan")));
    } else if (cumulative != null) {
      courses.set(0, new RaiCourse(d0, cumulative, null, null, courses.get(0).scanUptake()));
    }
    return courses;
  }

  private static List<LocalDate> rairProgressions(Row row) {
    if (!row.has("progression_months")) {
      return List.of();
    }
    double months = row.nonNegative("progression_months");
    if (months == 0) {
      throw new RuleInputException(
          "progression_months",
          row.text("progression_months"),
          "must be positive (progression after the course)");
    }
    LocalDate last = row.has("last_scan") ? LocalDate.of(2000, 7, 1) : LocalDate.of(2000, 1, 1);
    // Whole months by the calendar (so exactly 12 is the same day a year on); fractions by
    // 30.4375-day months.
    long whole = (long) Math.floor(months);
    long extraDays = Math.round((months - whole) * 30.4375);
    return List.of(last.plusMonths(whole).plusDays(extraDays));
  }

  /**
   * The classifier's detail speaks of the synthetic scans and lesions; say it in the row's terms.
   */
  private static String rowWording(String reason, Row row) {
    List<LocalDate> progression = rairProgressions(row);
    String r = reason;
    if (!progression.isEmpty()) {
      r =
          r.replace(
              progression.get(0).toString(), "at +" + row.text("progression_months") + " months");
    }
    return r.replace("first scan 2000-01-01", "the first scan")
        .replace("course 2000-07-01", "the latest course")
        .replace("course 2000-01-01", "the first course")
        .replace("scan 2000-07-01", "the latest scan")
        .replace("scan 2000-01-01", "the first scan")
        .replace("on 2000-01-01", "on the first scan")
        .replace("on 2000-07-01", "on the latest scan")
        .replace("lesion A", "a lesion")
        .replace("lesion B", "a lesion")
        .replace("A avid, B avid", "all avid")
        .replace("A avid, B non-avid", "some avid, some not")
        .replace("A non-avid, B non-avid", "none avid")
        .replace(" (until 2001-07-01)", "")
        .replace(" (until 2001-01-01)", "");
  }

  private static List<LesionUptake> uptake(Row row, String role) {
    String t = row.text(role).toLowerCase(Locale.ROOT);
    return switch (t) {
      case "all", "avid", "yes" ->
          List.of(new LesionUptake("A", true), new LesionUptake("B", true));
      case "partial", "mixed", "some" ->
          List.of(new LesionUptake("A", true), new LesionUptake("B", false));
      case "none", "non-avid", "no" ->
          List.of(new LesionUptake("A", false), new LesionUptake("B", false));
      default -> throw new RuleInputException(role, row.text(role), "is not all, partial or none");
    };
  }

  private static Derived<?> guarded(
      String role, Row row, java.util.function.Supplier<Derived<?>> f) {
    try {
      return f.get();
    } catch (IllegalArgumentException e) {
      throw new RuleInputException(role, row.text(role), "is not valid: " + e.getMessage());
    }
  }

  // ---------------------------------------------------------------- parameters and output

  private static BigDecimal parameterDecimal(Map<String, String> p, String name) {
    try {
      return new BigDecimal(p.get(name).trim());
    } catch (NumberFormatException e) {
      throw new RuleParameterException(name, p.get(name), "must be a number");
    }
  }

  private static boolean parameterBoolean(Map<String, String> p, String name) {
    String v = p.get(name).trim().toLowerCase(Locale.ROOT);
    if (v.equals("true") || v.equals("yes")) {
      return true;
    }
    if (v.equals("false") || v.equals("no")) {
      return false;
    }
    throw new RuleParameterException(name, p.get(name), "must be true or false");
  }

  private static <E extends Enum<E>> E parameterEnum(
      Map<String, String> p, String name, Class<E> type) {
    String v = p.get(name).trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(v)) {
        return e;
      }
    }
    throw new RuleParameterException(
        name,
        p.get(name),
        "must be one of "
            + java.util.Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ")));
  }

  static AtaEdition edition(Map<String, String> p) {
    return param(p, "edition", AtaEdition::parse);
  }

  static InitialTherapy parameterTherapy(Map<String, String> p) {
    return param(p, "treatment", InitialTherapy::parse);
  }

  /**
   * A parameter read by a parser; its IllegalArgumentException becomes a {@link
   * RuleParameterException}.
   */
  static <T> T param(
      Map<String, String> p, String name, java.util.function.Function<String, T> parser) {
    try {
      return parser.apply(p.get(name));
    } catch (RuleParameterException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      String msg = String.valueOf(e.getMessage());
      String prefix = "'" + p.get(name) + "' ";
      throw new RuleParameterException(
          name, p.get(name), msg.startsWith(prefix) ? msg.substring(prefix.length()) : msg);
    }
  }

  static RuleOutput lower(String column, Derived<?> d) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put(column, d.value() == null ? "" : d.value().toString().toLowerCase(Locale.ROOT));
    return new RuleOutput(v, TableRule.reason(d), d.method());
  }

  private static RuleOutput recist(String column, Derived<RecistResponse> d) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put(column, d.value() == null ? "" : d.value().label());
    return new RuleOutput(v, TableRule.reason(d), d.method());
  }

  /** A double with up to 10 significant digits, no exponent for ordinary magnitudes. */
  static String number(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    return plain(new BigDecimal(v).round(new MathContext(10)));
  }

  private static String plain(BigDecimal v) {
    String s = v.round(new MathContext(12)).stripTrailingZeros().toPlainString();
    return s.equals("-0") ? "0" : s;
  }
}
