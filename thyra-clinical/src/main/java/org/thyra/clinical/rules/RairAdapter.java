package org.thyra.clinical.rules;

import static org.thyra.clinical.rules.Role.optional;
import static org.thyra.clinical.rules.Role.required;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.thyra.clinical.Finding;
import org.thyra.clinical.course.LesionUptake;
import org.thyra.clinical.course.PatientCourse;
import org.thyra.clinical.course.ProgressionEvent;
import org.thyra.clinical.course.ProgressionType;
import org.thyra.clinical.course.RaiCourse;
import org.thyra.clinical.refractory.CriterionFinding;
import org.thyra.clinical.refractory.RairClassifier;
import org.thyra.clinical.refractory.RairOptions;
import org.thyra.clinical.refractory.RairResult;
import org.thyra.clinical.refractory.UptakePattern;
import org.thyra.clinical.units.Activity;
import org.thyra.clinical.units.ActivityUnit;

/**
 * The refractory rules' one adapter ({@code rair}, {@code uptake-pattern}): a table row ({@code
 * thyra derive}, read into synthetic RAI courses with two lesions) and a patient course's RAI
 * courses and structural progressions ({@code thyra classify}) both go through the one {@link
 * #derive}. The logic is in {@link RairClassifier} and {@link UptakePattern}.
 */
public final class RairAdapter {

  private RairAdapter() {}

  /** The RAIR classification both entry points share. */
  static RairResult derive(
      List<RaiCourse> courses, List<LocalDate> progressions, RairOptions options) {
    return RairClassifier.classify(courses, progressions, options);
  }

  /** The row rules of {@code thyra derive}: RAIR, then the uptake pattern. */
  static List<Rule> tableRules() {
    return List.of(
        new TableRule(
            "rair",
            "Radioiodine-refractory status: each criterion, and seed 003's subtype",
            RuleRegistry.ATA + ", Recommendation 90; seeds 000, 002, 003",
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
                  derive(
                      rairCourses(row, p),
                      rairProgressions(row),
                      new RairOptions(
                          RuleRegistry.parameterBoolean(p, "progression_within_12_months"),
                          RuleRegistry.parameterBoolean(p, "cumulative_activity"),
                          RuleRegistry.param(
                              p, "threshold_mci", v -> Activity.of(v, ActivityUnit.MCI))));
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
            }),
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
                RuleRegistry.lower(
                    "uptake_pattern", UptakePattern.classify(rairCourses(row, Map.of())))));
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
      ActivityUnit unit = RuleRegistry.param(p, "activity_unit", ActivityUnit::parse);
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

  /**
   * The course's RAIR status (structural progressions only), each criterion, the subtype, and the
   * uptake pattern.
   */
  public static List<Finding> findings(PatientCourse c, RairOptions options) {
    List<Finding> out = new ArrayList<>();
    List<LocalDate> progressions =
        c.progressions().stream()
            .filter(p -> p.type() != ProgressionType.BIOCHEMICAL_PROGRESSION)
            .map(ProgressionEvent::date)
            .toList();
    RairResult r = derive(c.raiCourses(), progressions, options);
    String fired =
        r.fired().stream()
            .map(x -> x.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(";"));
    out.add(
        new Finding(
            "rair",
            "patient",
            r.refractory() ? "yes" : "no",
            r.reason(),
            r.warnings(),
            r.method()));
    for (CriterionFinding f : r.criteria()) {
      out.add(
          new Finding(
              "rair",
              "criterion " + f.criterion().name().toLowerCase(Locale.ROOT),
              f.fired() ? "fired" : "not fired",
              f.detail(),
              List.of(),
              r.method()));
    }
    if (r.subtype() != null) {
      out.add(
          new Finding(
              "rair",
              "subtype",
              r.subtype().name().toLowerCase(Locale.ROOT),
              "criteria fired: " + fired,
              List.of(),
              r.method()));
    }
    out.add(
        Finding.of(
            "uptake-pattern", "patient", UptakePattern.classify(c.raiCourses()).lowerCase()));
    return out;
  }
}
