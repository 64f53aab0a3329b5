package org.thyra.clinical.refractory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.thyra.clinical.course.LesionUptake;
import org.thyra.clinical.course.RaiCourse;
import org.thyra.clinical.units.Activity;
import org.thyra.clinical.units.ActivityUnit;

/**
 * Radioiodine-refractory (RAIR) classification from the RAI courses and progression dates.
 *
 * <p>ATA 2015 (Haugen 2016, Recommendation 90; seed 003 §2.2), each reported separately:
 *
 * <ol>
 *   <li><b>never avid</b>: on the first post-therapy scan that shows lesions, none concentrates
 *       RAI;
 *   <li><b>lost avidity</b>: a lesion avid on an earlier scan is not avid on a later one;
 *   <li><b>mixed avidity</b>: on some scan, some lesions are avid and others are not;
 *   <li><b>progression despite uptake</b>: a progression whose most recent preceding scan (strictly
 *       before it) showed every lesion avid.
 * </ol>
 *
 * Switchable options ({@link RairOptions}):
 *
 * <ul>
 *   <li><b>progression within 12 months</b> (seed 000 criterion 2): a progression no later than 12
 *       calendar months after a course whose scan showed every lesion avid. <em>Exactly 12 months
 *       (same day of month a year later) is within</em>; one day later is not.
 *   <li><b>cumulative activity &gt; 600 mCi</b> (seed 000 criterion 3, seed 002): the running total
 *       of administered activity strictly exceeds the threshold — <em>exactly 600 mCi (22.2 GBq)
 *       does not</em> — and a progression follows the course that crossed it. Compared exactly in
 *       MBq (1 mCi = 37 MBq). A course without a recorded activity makes the total a lower bound
 *       (warning). Seed 000 adds "within 13-month surveillance"; decided: any later progression
 *       counts, because the 13-month window is that study's follow-up schedule, not a RAIR
 *       criterion in ATA 2015 or seed 002.
 * </ul>
 *
 * Scans without any lesion recorded (e.g. remnant ablation with no known metastasis) are skipped.
 * Lesion identity is by {@link LesionUptake#lesionId()}.
 */
public final class RairClassifier {

  private RairClassifier() {}

  /**
   * Classifies the course.
   *
   * @param courses RAI courses with per-lesion scan uptake (any order)
   * @param progressionDates dates of documented (structural) progression
   * @param options which optional criteria to evaluate
   */
  public static RairResult classify(
      List<RaiCourse> courses, List<LocalDate> progressionDates, RairOptions options) {
    List<RaiCourse> sorted = new ArrayList<>(courses);
    sorted.sort(Comparator.comparing(RaiCourse::date));
    List<RaiCourse> scans = sorted.stream().filter(c -> !c.scanUptake().isEmpty()).toList();
    List<LocalDate> progressions = progressionDates.stream().sorted().toList();
    List<CriterionFinding> findings = new ArrayList<>();
    List<String> warnings = new ArrayList<>();

    // (i) never avid
    if (scans.isEmpty()) {
      findings.add(
          new CriterionFinding(
              RairCriterion.NEVER_AVID, false, "no post-therapy scan with lesions recorded"));
    } else {
      RaiCourse first = scans.get(0);
      boolean none = first.scanUptake().stream().noneMatch(LesionUptake::avid);
      findings.add(
          new CriterionFinding(
              RairCriterion.NEVER_AVID,
              none,
              "first scan "
                  + first.date()
                  + ": "
                  + describe(first)
                  + (none ? " — no lesion avid" : " — avid lesion present")));
    }

    // (ii) lost avidity
    Map<String, LocalDate> avidSince = new LinkedHashMap<>();
    String lost = null;
    for (RaiCourse s : scans) {
      for (LesionUptake u : s.scanUptake()) {
        if (!u.avid() && avidSince.containsKey(u.lesionId()) && lost == null) {
          lost =
              "lesion "
                  + u.lesionId()
                  + " avid on "
                  + avidSince.get(u.lesionId())
                  + ", not avid on "
                  + s.date();
        }
      }
      for (LesionUptake u : s.scanUptake()) {
        if (u.avid()) {
          avidSince.putIfAbsent(u.lesionId(), s.date());
        }
      }
    }
    findings.add(
        CriterionFinding.of(RairCriterion.LOST_AVIDITY, lost, "no avid lesion became non-avid"));

    // (iii) mixed avidity
    String mixed = null;
    for (RaiCourse s : scans) {
      boolean anyAvid = s.scanUptake().stream().anyMatch(LesionUptake::avid);
      boolean anyNot = s.scanUptake().stream().anyMatch(u -> !u.avid());
      if (anyAvid && anyNot) {
        mixed = "scan " + s.date() + ": " + describe(s);
        break;
      }
    }
    findings.add(
        CriterionFinding.of(
            RairCriterion.MIXED_AVIDITY, mixed, "no scan with both avid and non-avid lesions"));

    // (iv) progression despite uptake
    String despite = null;
    for (LocalDate p : progressions) {
      RaiCourse before = lastScanBefore(scans, p);
      if (before != null && allAvid(before)) {
        despite =
            "progression "
                + p
                + " after scan "
                + before.date()
                + " with every lesion avid ("
                + describe(before)
                + ")";
        break;
      }
    }
    findings.add(
        CriterionFinding.of(
            RairCriterion.PROGRESSION_DESPITE_UPTAKE,
            despite,
            progressions.isEmpty()
                ? "no progression recorded"
                : "no progression after an all-avid scan"));

    if (options.progressionWithin12Months()) {
      String within = null;
      for (LocalDate p : progressions) {
        for (RaiCourse s : scans) {
          if (allAvid(s) && p.isAfter(s.date()) && !p.isAfter(s.date().plusMonths(12))) {
            within =
                "progression "
                    + p
                    + " within 12 months of course "
                    + s.date()
                    + " (until "
                    + s.date().plusMonths(12)
                    + ") with uptake";
            break;
          }
        }
        if (within != null) {
          break;
        }
      }
      findings.add(
          CriterionFinding.of(
              RairCriterion.PROGRESSION_WITHIN_12_MONTHS,
              within,
              "no progression within 12 months after an avid course"));
    }

    if (options.cumulativeActivity()) {
      Activity total = Activity.of("0", ActivityUnit.MCI);
      LocalDate crossed = null;
      for (RaiCourse c : sorted) {
        if (c.activity() == null) {
          warnings.add(
              "course "
                  + c.date()
                  + " has no activity recorded: cumulative activity is a lower bound");
          continue;
        }
        total = total.plus(c.activity());
        if (crossed == null && total.exceeds(options.cumulativeThreshold())) {
          crossed = c.date();
        }
      }
      String totalText =
          total
                  .in(ActivityUnit.MCI)
                  .round(new java.math.MathContext(8))
                  .stripTrailingZeros()
                  .toPlainString()
              + " mCi";
      boolean fired = false;
      String detail;
      if (crossed == null) {
        detail = "cumulative " + totalText + " does not exceed " + options.cumulativeThreshold();
      } else {
        LocalDate c = crossed;
        LocalDate after = progressions.stream().filter(p -> p.isAfter(c)).findFirst().orElse(null);
        fired = after != null;
        detail =
            "cumulative "
                + totalText
                + " > "
                + options.cumulativeThreshold()
                + " from course "
                + crossed
                + (fired
                    ? ", progression " + after + " after it"
                    : ", but no progression after it");
      }
      findings.add(
          new CriterionFinding(RairCriterion.CUMULATIVE_ACTIVITY_ABOVE_600_MCI, fired, detail));
    }

    Set<RairCriterion> fired =
        findings.stream()
            .filter(CriterionFinding::fired)
            .map(CriterionFinding::criterion)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    RairSubtype subtype = null;
    if (fired.contains(RairCriterion.NEVER_AVID)) {
      subtype = RairSubtype.NO_AVIDITY;
    } else if (fired.contains(RairCriterion.MIXED_AVIDITY)
        || fired.contains(RairCriterion.LOST_AVIDITY)) {
      subtype = RairSubtype.PARTIAL_OR_LOST_AVIDITY;
    } else if (fired.contains(RairCriterion.PROGRESSION_DESPITE_UPTAKE)
        || fired.contains(RairCriterion.PROGRESSION_WITHIN_12_MONTHS)) {
      subtype = RairSubtype.PROGRESSION_DESPITE_UPTAKE;
    } else if (fired.contains(RairCriterion.CUMULATIVE_ACTIVITY_ABOVE_600_MCI)) {
      subtype = RairSubtype.CUMULATIVE_ACTIVITY;
    }
    String reason =
        fired.isEmpty()
            ? "RAI-avid: no RAIR criterion fired (" + findings.size() + " evaluated)"
            : "RAIR: "
                + fired.stream().map(RairCriterion::label).collect(Collectors.joining(", "))
                + " → subtype "
                + subtype;
    String method =
        "ATA 2015 four patterns"
            + (options.progressionWithin12Months()
                ? " + progression within 12 months (seed 000)"
                : "")
            + (options.cumulativeActivity()
                ? " + cumulative activity > " + options.cumulativeThreshold() + " with progression"
                : "")
            + "; subtype priority never avid > mixed/lost > progression (seed 003)";
    return new RairResult(!fired.isEmpty(), subtype, findings, reason, warnings, method);
  }

  private static RaiCourse lastScanBefore(List<RaiCourse> scans, LocalDate date) {
    RaiCourse last = null;
    for (RaiCourse s : scans) {
      if (s.date().isBefore(date)) {
        last = s;
      }
    }
    return last;
  }

  private static boolean allAvid(RaiCourse s) {
    return !s.scanUptake().isEmpty() && s.scanUptake().stream().allMatch(LesionUptake::avid);
  }

  private static String describe(RaiCourse s) {
    return s.scanUptake().stream()
        .map(u -> u.lesionId() + (u.avid() ? " avid" : " non-avid"))
        .collect(Collectors.joining(", "));
  }
}
