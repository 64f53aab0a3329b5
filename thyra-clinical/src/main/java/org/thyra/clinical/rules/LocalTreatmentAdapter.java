package org.thyra.clinical.rules;

import static org.thyra.clinical.rules.Role.optional;
import static org.thyra.clinical.rules.Role.required;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.thyra.clinical.Derived;
import org.thyra.clinical.Finding;
import org.thyra.clinical.course.LesionMeasurement;
import org.thyra.clinical.course.LesionSite;
import org.thyra.clinical.course.Metastasis;
import org.thyra.clinical.course.PatientCourse;
import org.thyra.clinical.course.ProgressionRate;
import org.thyra.clinical.course.RaiCourse;
import org.thyra.clinical.distant.LocalTreatmentCriterion;
import org.thyra.clinical.distant.LocalTreatmentEligibility;
import org.thyra.clinical.distant.LocalTreatmentInput;
import org.thyra.clinical.distant.LocalTreatmentIntent;
import org.thyra.clinical.distant.LocalTreatmentResult;
import org.thyra.clinical.units.Activity;
import org.thyra.clinical.units.ActivityUnit;

/**
 * The {@code local-treatment} rule's one adapter: a table row ({@code thyra derive}) and each
 * distant lesion of a patient course ({@code thyra classify}) are read into a {@link
 * LocalTreatmentInput} here and judged by the one {@link LocalTreatmentEligibility#assess}. The
 * rule supports a tumour board and decides nothing (see {@link LocalTreatmentEligibility}).
 */
public final class LocalTreatmentAdapter {

  private static final List<String> OUTPUTS =
      List.of(
          "local_treatment",
          "lt_oligometastatic",
          "lt_slow_progression",
          "lt_size_below_3cm",
          "lt_life_expectancy",
          "lt_not_miliary",
          "lt_symptomatic",
          "lt_solitary_bone",
          "lt_rai_exhausted",
          "lt_fdg_negative",
          "lt_local_expertise");

  private LocalTreatmentAdapter() {}

  /** The row rule of {@code thyra derive}: the intent and one column per criterion. */
  static Rule tableRule() {
    return new TableRule(
        "local-treatment",
        "Local treatment of a distant metastasis: curative candidate / palliative / not a"
            + " candidate, every criterion of seed 002 reported (supports a tumour board,"
            + " decides nothing)",
        "Seed 002 (criteria I–VII; lung and liver ablation < 3 cm; miliary disease a"
            + " contraindication); oligometastatic ≤ 5 after ESTRO-ASTRO (Lievens 2020)",
        List.of(
            required("site", "lung, bone, liver, brain, other"),
            optional("size_cm", "largest diameter of the lesion, cm"),
            optional("distant_lesions", "number of distant lesions of the patient"),
            optional("symptomatic", "the lesion causes symptoms, yes/no"),
            optional("rai_avid", "RAI uptake on the latest post-therapy scan, yes/no"),
            optional(
                "cumulative_activity",
                "cumulative administered activity, in the unit of the parameter"),
            optional("fdg_avid", "18F-FDG uptake on PET, yes/no"),
            optional("miliary", "miliary pattern, yes/no"),
            optional("life_expectancy_months", "estimated life expectancy, whole months"),
            optional("progression_rate", "slow, rapid")),
        List.of(
            new Parameter(
                "oligometastatic_max",
                "5",
                "at most this many distant lesions is oligometastatic (not in seed 002)"),
            new Parameter(
                "min_life_expectancy_months",
                "12",
                "life expectancy a curative candidate needs, months (not in seed 002)"),
            new Parameter("activity_unit", "mCi", "unit of cumulative_activity")),
        OUTPUTS,
        (row, p) -> {
          LesionSite site = row.choice("site", LesionSite.class);
          ActivityUnit unit = RuleRegistry.param(p, "activity_unit", ActivityUnit::parse);
          Activity cumulative = row.parsed("cumulative_activity", x -> Activity.of(x, unit));
          BigDecimal mci = cumulative == null ? null : cumulative.in(ActivityUnit.MCI);
          LocalTreatmentInput in =
              row.parsed(
                  "site",
                  x ->
                      new LocalTreatmentInput(
                          site,
                          row.nonNegative("size_cm"),
                          RuleRegistry.positiveCount(row, "distant_lesions"),
                          row.flag("symptomatic"),
                          row.flag("rai_avid"),
                          mci,
                          row.flag("fdg_avid"),
                          row.flag("miliary"),
                          RuleRegistry.nonNegativeCount(row, "life_expectancy_months"),
                          row.choice("progression_rate", ProgressionRate.class)));
          LocalTreatmentEligibility.Thresholds t =
              new LocalTreatmentEligibility.Thresholds(
                  RuleRegistry.parameterCount(p, "oligometastatic_max", 1),
                  RuleRegistry.parameterCount(p, "min_life_expectancy_months", 0),
                  BigDecimal.valueOf(600));
          return output(LocalTreatmentEligibility.assess(in, t));
        });
  }

  private static RuleOutput output(LocalTreatmentResult res) {
    Map<String, String> v = new LinkedHashMap<>();
    Derived<LocalTreatmentIntent> d = res.intent();
    v.put("local_treatment", d.value() == null ? "" : d.value().code());
    for (LocalTreatmentCriterion c : res.criteria()) {
      v.put("lt_" + c.name(), c.status().label());
    }
    String criteria =
        res.criteria().stream()
            .map(LocalTreatmentCriterion::describe)
            .collect(Collectors.joining(" | "));
    return new RuleOutput(v, TableRule.reason(d) + " || " + criteria, d.method());
  }

  /**
   * The findings of a course: for every distant lesion still present (its latest measurement does
   * not say it disappeared), the intent and each criterion, judged on the whole course — size from
   * the latest measurement's largest diameter (mm / 10 = cm), the number of such distant lesions,
   * RAI avidity on the latest post-therapy scan that lists the lesion, the cumulative activity of
   * every course (unknown when a course without activity leaves the total below the ceiling).
   */
  public static List<Finding> findings(PatientCourse c, LocalTreatmentEligibility.Thresholds t) {
    List<Metastasis> present =
        c.lesions().stream()
            .filter(m -> m.site().isDistant())
            .filter(m -> latestMeasurement(c, m.lesionId()).map(x -> !x.disappeared()).orElse(true))
            .toList();
    List<Finding> out = new ArrayList<>();
    if (present.isEmpty()) {
      return out;
    }
    BigDecimal total = BigDecimal.ZERO;
    boolean complete = true;
    for (RaiCourse r : c.raiCourses()) {
      if (r.activity() == null) {
        complete = false;
      } else {
        total = total.add(r.activity().in(ActivityUnit.MCI));
      }
    }
    BigDecimal cumulative = complete || total.compareTo(t.raiCeilingMci()) >= 0 ? total : null;
    List<RaiCourse> byDate =
        c.raiCourses().stream().sorted(Comparator.comparing(RaiCourse::date)).toList();
    for (Metastasis m : present) {
      Double sizeCm =
          latestMeasurement(c, m.lesionId())
              .map(LocalTreatmentAdapter::largestMm)
              .map(mm -> mm / 10.0)
              .orElse(null);
      Boolean avid = null;
      for (RaiCourse r : byDate) {
        for (var u : r.scanUptake()) {
          if (u.lesionId().equals(m.lesionId())) {
            avid = u.avid();
          }
        }
      }
      LocalTreatmentInput in =
          new LocalTreatmentInput(
              m.site(),
              sizeCm,
              present.size(),
              m.symptomatic(),
              avid,
              cumulative,
              m.fdgAvid(),
              m.miliary(),
              c.lifeExpectancyMonths(),
              c.progressionRate());
      LocalTreatmentResult r = LocalTreatmentEligibility.assess(in, t);
      String subject = "lesion " + m.lesionId();
      Derived<LocalTreatmentIntent> d = r.intent();
      out.add(
          new Finding(
              "local-treatment",
              subject,
              d.value() == null ? "" : d.value().code(),
              d.reason(),
              d.warnings(),
              d.method()));
      for (LocalTreatmentCriterion x : r.criteria()) {
        out.add(
            new Finding(
                "local-treatment",
                subject + " criterion " + x.name(),
                x.status().label(),
                x.value() + " — " + x.source(),
                List.of(),
                d.method()));
      }
    }
    return out;
  }

  private static Optional<LesionMeasurement> latestMeasurement(PatientCourse c, String lesionId) {
    return c.measurements().stream()
        .filter(x -> x.lesionId().equals(lesionId))
        .max(Comparator.comparing(LesionMeasurement::date));
  }

  private static Double largestMm(LesionMeasurement x) {
    Double max = null;
    for (Double v : new Double[] {x.aMm(), x.bMm(), x.cMm(), x.shortAxisMm()}) {
      if (v != null && (max == null || v > max)) {
        max = v;
      }
    }
    return max;
  }
}
