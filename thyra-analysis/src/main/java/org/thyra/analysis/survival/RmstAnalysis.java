package org.thyra.analysis.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.thyra.analysis.DataFile;
import org.thyra.frame.DataTable;
import org.thyra.frame.InputException;
import org.thyra.stats.survival.KaplanMeier;
import org.thyra.stats.survival.KaplanMeierCurve;
import org.thyra.stats.survival.RestrictedMean;
import org.thyra.stats.survival.RestrictedMeanComparison;
import org.thyra.stats.survival.RestrictedMeanResult;

/**
 * Restricted mean survival time per group of a data file up to τ, and each group against the
 * reference (first) group: the workflow behind {@code thyra rmst} (SPEC §5), as R's {@code
 * survfit(..., rmean = tau)} and {@code survRM2::rmst2}.
 */
public final class RmstAnalysis {
  private RmstAnalysis() {}

  /**
   * What to estimate.
   *
   * @param time follow-up time column
   * @param event event column
   * @param group grouping column, or null for one RMST of all rows
   * @param tau truncation time τ; at most the smallest of the groups' last follow-up times
   * @param confLevel confidence level of the intervals
   */
  public record Request(String time, String event, String group, double tau, double confLevel) {}

  /**
   * Reads the file and estimates every group's RMST and each group's difference and ratio against
   * the reference group.
   *
   * @throws InputException for a level outside (0, 1), a τ that is not a positive time or lies
   *     beyond a group's last follow-up time, or a group without a complete row
   */
  public static RmstReport run(DataFile file, Request request) {
    check(file.source(), request);
    GroupedSurvival data =
        GroupedSurvival.read(file, request.time(), request.event(), request.group(), List.of());
    return run(data, file.source(), request);
  }

  /**
   * As {@link #run(DataFile, Request)}, on a table already read (a study's cohort).
   *
   * @param source the data's name, as messages cite it
   * @param references reference levels, variable to level
   */
  public static RmstReport run(
      DataTable table, String source, Map<String, String> references, Request request) {
    check(source, request);
    GroupedSurvival data =
        GroupedSurvival.of(
            table, references, request.time(), request.event(), request.group(), List.of());
    return run(data, source, request);
  }

  private static void check(String source, Request request) {
    double confLevel = request.confLevel();
    double tau = request.tau();
    if (!(confLevel > 0 && confLevel < 1)) {
      throw new InputException(
          source, null, null, "--conf-level must be in (0, 1), got " + confLevel);
    }
    if (!(tau > 0) || Double.isInfinite(tau)) {
      throw new InputException(source, null, null, "--tau must be a positive time, got " + tau);
    }
  }

  private static RmstReport run(GroupedSurvival data, String source, Request request) {
    double confLevel = request.confLevel();
    double tau = request.tau();
    int k = data.groupLevels().size();
    List<RestrictedMeanResult> results = new ArrayList<>();
    List<String> warnings = new ArrayList<>(data.frame().warnings());
    for (int g = 0; g < k; g++) {
      double[] time = data.time(g);
      if (time.length == 0) {
        throw new InputException(
            source, null, request.group(), "group " + data.label(g) + " has no complete row");
      }
      KaplanMeierCurve curve = KaplanMeier.fit(time, data.status(g));
      double last = curve.time(curve.size() - 1);
      if (tau > last) {
        throw new InputException(
            source,
            null,
            request.time(),
            "--tau "
                + signif7(tau)
                + " is beyond the last follow-up time of "
                + data.label(g)
                + " ("
                + signif7(last)
                + "): tau must be at most the smallest of the groups' last follow-up times,"
                + " as survRM2::rmst2 requires");
      }
      RestrictedMeanResult r =
          DataFile.analyse(source, null, () -> RestrictedMean.of(curve, tau, confLevel));
      for (String w : r.warnings()) {
        warnings.add(data.label(g) + ": " + w);
      }
      results.add(r);
    }
    List<RestrictedMeanComparison> comparisons = new ArrayList<>();
    for (int g = 1; g < k; g++) {
      RestrictedMeanComparison c =
          RestrictedMean.compare(results.get(g), results.get(0), confLevel);
      for (String w : c.warnings()) {
        warnings.add(data.label(g) + " vs " + data.label(0) + ": " + w);
      }
      comparisons.add(c);
    }
    return new RmstReport(source, request, data, results, comparisons, warnings);
  }

  /**
   * A time in a message with 7 significant digits, as {@code Numbers.signif} writes it in the
   * report layer (which an analysis may not call): plain notation in [1e-4, 1e15).
   */
  static String signif7(double v) {
    java.math.BigDecimal d = new java.math.BigDecimal(v).round(new java.math.MathContext(7));
    double a = Math.abs(v);
    return v != 0 && Double.isFinite(v) && (a < 1e-4 || a >= 1e15)
        ? String.format(java.util.Locale.ROOT, "%.6e", v)
        : v == 0 ? "0" : d.stripTrailingZeros().toPlainString();
  }
}
