package org.thyra.clinical.refractory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.thyra.clinical.Derived;
import org.thyra.clinical.course.LesionUptake;
import org.thyra.clinical.course.RaiCourse;

/**
 * Seed 004's <sup>131</sup>I uptake pattern of distant metastases over successive courses.
 *
 * <ul>
 *   <li><b>primary non-uptake</b>: no lesion concentrates RAI on the first scan that shows lesions
 *       (seed 004: "no uptake during the first and subsequent treatment"; a later uptake after
 *       primary non-uptake is not distinguished — decided: the first scan decides);
 *   <li><b>secondary non-uptake</b>: uptake on the first scan, no uptake in any lesion on a later
 *       scan;
 *   <li><b>uptake</b>: some uptake on every scan.
 * </ul>
 */
public final class UptakePattern {

  /** The convention this rule applies, as its results state it in {@code method}. */
  public static final String METHOD =
      "Seed 004 uptake pattern: first scan with lesions decides primary non-uptake; later scan with no avid lesion → secondary non-uptake";

  /** The three patterns. */
  public enum Pattern {
    PRIMARY_NON_UPTAKE,
    SECONDARY_NON_UPTAKE,
    UPTAKE
  }

  private UptakePattern() {}

  /** The pattern over the courses' scans (scans with no lesion recorded are skipped). */
  public static Derived<Pattern> classify(List<RaiCourse> courses) {
    return classifyDecided(courses).withMethod(METHOD);
  }

  private static Derived<Pattern> classifyDecided(List<RaiCourse> courses) {
    List<RaiCourse> scans =
        new ArrayList<>(courses.stream().filter(c -> !c.scanUptake().isEmpty()).toList());
    scans.sort(Comparator.comparing(RaiCourse::date));
    if (scans.isEmpty()) {
      return Derived.undetermined("no post-therapy scan with lesions recorded");
    }
    if (scans.get(0).scanUptake().stream().noneMatch(LesionUptake::avid)) {
      return Derived.of(
          Pattern.PRIMARY_NON_UPTAKE,
          "no uptake on the first scan " + scans.get(0).date() + " → primary non-uptake");
    }
    for (int i = 1; i < scans.size(); i++) {
      if (scans.get(i).scanUptake().stream().noneMatch(LesionUptake::avid)) {
        return Derived.of(
            Pattern.SECONDARY_NON_UPTAKE,
            "uptake on the first scan "
                + scans.get(0).date()
                + ", none on scan "
                + scans.get(i).date()
                + " → secondary non-uptake");
      }
    }
    return Derived.of(Pattern.UPTAKE, "uptake on all " + scans.size() + " scan(s) → uptake");
  }
}
