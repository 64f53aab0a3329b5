package org.thyra.clinical.response;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.thyra.clinical.Derived;

/**
 * RECIST 1.1 responses over a series of assessments, with nadir tracking (Eisenhauer 2009, §4.3).
 *
 * <p>The earliest assessment is the baseline. For each later assessment the nadir is the smallest
 * sum of diameters among all <em>earlier</em> assessments, baseline included; PR is judged against
 * the baseline sum, PD against that nadir. A follow-up that lacks a baseline target lesion is not
 * evaluable (NE) for the target response. At baseline, a non-nodal target should measure ≥ 10 mm
 * and a nodal target ≥ 15 mm short axis (<em>exactly 10 / 15 mm is measurable</em>); smaller
 * targets give a warning, not an error.
 */
public final class RecistTimeline {

  private RecistTimeline() {}

  /** Assesses every follow-up; returns one time point per assessment after the baseline. */
  public static List<RecistTimepoint> assess(List<TargetAssessment> assessments) {
    if (assessments.isEmpty()) {
      throw new IllegalArgumentException("RECIST needs at least a baseline assessment");
    }
    List<TargetAssessment> sorted = new ArrayList<>(assessments);
    sorted.sort(Comparator.comparing(TargetAssessment::date));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).date().equals(sorted.get(i - 1).date())) {
        throw new IllegalArgumentException("two RECIST assessments on " + sorted.get(i).date());
      }
    }
    TargetAssessment baseline = sorted.get(0);
    List<String> baselineWarnings = new ArrayList<>();
    Set<String> ids = new TreeSet<>();
    BigDecimal baselineSum = BigDecimal.ZERO;
    for (TargetLesionDiameter d : baseline.targets()) {
      if (!ids.add(d.lesionId())) {
        throw new IllegalArgumentException(
            "target lesion " + d.lesionId() + " measured twice at baseline " + baseline.date());
      }
      baselineSum = baselineSum.add(d.diameterMm());
      BigDecimal min = d.nodal() ? BigDecimal.valueOf(15) : BigDecimal.TEN;
      if (d.diameterMm().compareTo(min) < 0) {
        baselineWarnings.add(
            "baseline target "
                + d.lesionId()
                + " measures "
                + RecistTarget.plain(d.diameterMm())
                + " mm < "
                + min
                + " mm (not measurable by RECIST 1.1)");
      }
    }
    boolean hasTargets = !ids.isEmpty();
    BigDecimal nadir = baselineSum;
    List<RecistTimepoint> out = new ArrayList<>();
    for (int i = 1; i < sorted.size(); i++) {
      TargetAssessment a = sorted.get(i);
      BigDecimal sum = BigDecimal.ZERO;
      Set<String> seen = new TreeSet<>();
      for (TargetLesionDiameter d : a.targets()) {
        if (!ids.contains(d.lesionId())) {
          throw new IllegalArgumentException(
              "assessment "
                  + a.date()
                  + ": lesion "
                  + d.lesionId()
                  + " is not a baseline target lesion");
        }
        seen.add(d.lesionId());
        sum = sum.add(d.diameterMm());
      }
      Derived<RecistResponse> target;
      if (!hasTargets) {
        target = null;
      } else if (!seen.equals(ids)) {
        Set<String> missing = new TreeSet<>(ids);
        missing.removeAll(seen);
        target =
            Derived.<RecistResponse>of(
                    RecistResponse.NE, "target lesion(s) " + missing + " not measured → NE")
                .withMethod(RecistTarget.METHOD);
      } else {
        target = RecistTarget.classify(baselineSum, nadir, a.targets());
      }
      Derived<RecistResponse> overall =
          RecistOverall.combine(
              target == null ? null : target.value(), a.nonTarget(), a.newLesions());
      for (String w : baselineWarnings) {
        overall = overall.withWarning(w);
      }
      RelativeChange fromBaseline = new RelativeChange(baselineSum, sum);
      RelativeChange fromNadir = new RelativeChange(nadir, sum);
      out.add(
          new RecistTimepoint(
              a.date(),
              sum,
              baselineSum,
              nadir,
              hasTargets ? fromBaseline.percent() : Double.NaN,
              hasTargets ? fromNadir.percent() : Double.NaN,
              target,
              overall));
      if (target != null && target.value() != RecistResponse.NE && sum.compareTo(nadir) < 0) {
        nadir = sum;
      }
    }
    return out;
  }
}
