package org.thyra.clinical.rules;

import static org.thyra.clinical.rules.Role.optional;
import static org.thyra.clinical.rules.Role.required;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.thyra.clinical.Derived;
import org.thyra.clinical.Finding;
import org.thyra.clinical.course.CourseException;
import org.thyra.clinical.course.LesionMeasurement;
import org.thyra.clinical.course.Metastasis;
import org.thyra.clinical.course.PatientCourse;
import org.thyra.clinical.course.ResponseAssessment;
import org.thyra.clinical.response.RecistNonTarget;
import org.thyra.clinical.response.RecistOverall;
import org.thyra.clinical.response.RecistResponse;
import org.thyra.clinical.response.RecistTarget;
import org.thyra.clinical.response.RecistTimeline;
import org.thyra.clinical.response.RecistTimepoint;
import org.thyra.clinical.response.RelativeChange;
import org.thyra.clinical.response.TargetAssessment;
import org.thyra.clinical.response.TargetLesionDiameter;

/**
 * The RECIST 1.1 rules' one adapter ({@code recist-target}, {@code recist-nontarget}, {@code
 * recist-overall}): a table row ({@code thyra derive}) and a patient course's measurements and
 * assessments ({@code thyra classify}) are read here; both judge non-target disease by the one
 * {@link #nonTarget}. A row gives one time point (sums of diameters, {@link RecistTarget}, {@link
 * RecistOverall}); a course gives a series, judged over time by {@link RecistTimeline}, which
 * applies the same target and overall tables.
 */
public final class RecistAdapter {

  private RecistAdapter() {}

  /** Non-target response both entry points share. */
  static Derived<RecistResponse> nonTarget(
      boolean allGone, Boolean markerNormal, boolean unequivocalProgression) {
    return RecistNonTarget.classify(allGone, markerNormal, unequivocalProgression);
  }

  /** The row rules of {@code thyra derive}: target, non-target, overall. */
  static List<Rule> tableRules() {
    return List.of(
        new TableRule(
            "recist-target",
            "RECIST 1.1 target response from sums of diameters (PD vs nadir, PR vs baseline)",
            RuleRegistry.RECIST,
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
                  "change_from_baseline_percent",
                  RuleRegistry.number(new RelativeChange(base, cur).percent()));
              v.put(
                  "change_from_nadir_percent",
                  nadir.signum() == 0
                      ? ""
                      : RuleRegistry.number(new RelativeChange(nadir, cur).percent()));
              return new RuleOutput(v, TableRule.reason(d), d.method());
            }),
        new TableRule(
            "recist-nontarget",
            "RECIST 1.1 non-target response (CR / non-CR/non-PD / PD)",
            RuleRegistry.RECIST,
            List.of(
                required("all_gone", "all non-target lesions gone and nodes < 10 mm, yes/no"),
                optional("marker_normal", "tumour marker (Tg) normal/undetectable, yes/no"),
                optional(
                    "unequivocal_progression",
                    "unequivocal progression of non-target lesions, yes/no")),
            List.of(),
            List.of("recist_nontarget"),
            (row, p) ->
                RuleRegistry.recist(
                    "recist_nontarget",
                    nonTarget(
                        row.flag("all_gone"),
                        row.flag("marker_normal"),
                        row.flag("unequivocal_progression", false)))),
        new TableRule(
            "recist-overall",
            "RECIST 1.1 overall response from target, non-target and new lesions",
            RuleRegistry.RECIST + ", Tables 1–2",
            List.of(
                optional(
                    "target", "target response CR, PR, SD, PD, NE (missing: no target lesions)"),
                optional(
                    "nontarget", "non-target response CR, non-CR/non-PD, PD, NE (missing: none)"),
                required("new_lesions", "new lesions, yes/no")),
            List.of(),
            List.of("recist_overall"),
            (row, p) ->
                RuleRegistry.recist(
                    "recist_overall",
                    RecistOverall.combine(
                        row.parsed("target", RuleRegistry::recistCategory),
                        row.parsed("nontarget", RuleRegistry::recistCategory),
                        row.flag("new_lesions")))));
  }

  /**
   * The course's RECIST timeline: target lesions' measurements by date (node short axis, otherwise
   * the maximum diameter a; disappeared = 0), non-target and new lesions from the assessment of the
   * same date; nothing with fewer than two time points.
   */
  public static List<Finding> findings(PatientCourse c) {
    List<Finding> out = new ArrayList<>();
    Set<String> targets =
        c.lesions().stream()
            .filter(Metastasis::recistTarget)
            .map(Metastasis::lesionId)
            .collect(Collectors.toSet());
    Map<LocalDate, ResponseAssessment> byDate = new LinkedHashMap<>();
    c.assessments().forEach(a -> byDate.put(a.date(), a));
    Map<LocalDate, List<TargetLesionDiameter>> diameters = new java.util.TreeMap<>();
    for (LesionMeasurement m : c.measurements()) {
      if (!targets.contains(m.lesionId())) {
        continue;
      }
      boolean nodal = c.lesion(m.lesionId()).site().isNodal();
      Double d = m.disappeared() ? Double.valueOf(0) : nodal ? m.shortAxisMm() : m.aMm();
      if (d == null) {
        continue;
      }
      diameters
          .computeIfAbsent(m.date(), k -> new ArrayList<>())
          .add(TargetLesionDiameter.of(m.lesionId(), nodal, d));
    }
    List<TargetAssessment> series = new ArrayList<>();
    if (!targets.isEmpty()) {
      diameters.forEach(
          (date, list) ->
              series.add(
                  new TargetAssessment(
                      date,
                      list,
                      nonTarget(byDate.get(date)),
                      byDate.containsKey(date) && byDate.get(date).newLesions())));
    } else {
      for (ResponseAssessment a : c.assessments()) {
        if (a.nonTargetGone() != null) {
          series.add(new TargetAssessment(a.date(), List.of(), nonTarget(a), a.newLesions()));
        }
      }
    }
    if (series.size() < 2) {
      return out;
    }
    List<RecistTimepoint> timeline;
    try {
      timeline = RecistTimeline.assess(series);
    } catch (IllegalArgumentException e) {
      throw new CourseException(c.patientId(), "RECIST target measurements", e.getMessage());
    }
    for (RecistTimepoint t : timeline) {
      if (t.target() != null) {
        out.add(
            new Finding(
                "recist-target",
                t.date().toString(),
                t.target().value().label(),
                t.target().reason(),
                t.target().warnings(),
                t.target().method()));
      }
      ResponseAssessment visit = byDate.get(t.date());
      if (visit != null && visit.nonTargetGone() != null) {
        Derived<RecistResponse> nt =
            nonTarget(visit.nonTargetGone(), null, visit.nonTargetProgression());
        out.add(
            new Finding(
                "recist-nontarget",
                t.date().toString(),
                nt.value().label(),
                nt.reason(),
                nt.warnings(),
                nt.method()));
      }
      Derived<RecistResponse> ov = t.overall();
      out.add(
          new Finding(
              "recist-overall",
              t.date().toString(),
              ov.value() == null ? "" : ov.value().label(),
              ov.reason(),
              ov.warnings(),
              ov.method()));
    }
    return out;
  }

  private static RecistResponse nonTarget(ResponseAssessment a) {
    if (a == null || a.nonTargetGone() == null) {
      return null;
    }
    return nonTarget(a.nonTargetGone(), null, a.nonTargetProgression()).value();
  }
}
