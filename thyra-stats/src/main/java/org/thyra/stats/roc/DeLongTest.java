package org.thyra.stats.roc;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * DeLong's test comparing the AUCs of two markers measured on the same subjects, as pROC's {@code
 * roc.test(roc1, roc2, method = "delong", paired = TRUE)}: with placement values V10 (cases) and
 * V01 (controls) of both markers, {@code S = S10 / n_cases + S01 / n_controls} (sample covariance
 * matrices), {@code z = (auc1 - auc2) / sqrt(S11 + S22 - 2 S12)}, two-sided normal p. Each curve
 * keeps its own direction (AUTO by medians, as two {@code roc()} calls).
 *
 * <p>Reference: DeLong, DeLong and Clarke-Pearson (1988) Biometrics 44:837-845.
 */
public final class DeLongTest {
  private DeLongTest() {}

  /** Paired test with both directions AUTO and a 95% CI for the difference. */
  public static DeLongTestResult paired(double[] outcome01, double[] marker1, double[] marker2) {
    return paired(outcome01, marker1, marker2, RocDirection.AUTO, RocDirection.AUTO, 0.95);
  }

  /**
   * @param outcome01 1 = case, 0 = control
   * @param marker1 first marker
   * @param marker2 second marker, same subjects
   */
  public static DeLongTestResult paired(
      double[] outcome01,
      double[] marker1,
      double[] marker2,
      RocDirection direction1,
      RocDirection direction2,
      double level) {
    RocCurve.checkLevel(level);
    if (marker1 != null && marker2 != null && marker1.length != marker2.length) {
      throw new IllegalArgumentException(
          "paired markers must have equal length, got "
              + marker1.length
              + " and "
              + marker2.length);
    }
    RocCurve r1 = RocCurve.of(outcome01, marker1, direction1);
    RocCurve r2 = RocCurve.of(outcome01, marker2, direction2);
    int n = r1.nCases();
    int m = r1.nControls();
    double a1 = r1.auc();
    double a2 = r2.auc();
    double s10 =
        covariance(r1.casePlacements(), a1, r1.casePlacements(), a1)
            + covariance(r2.casePlacements(), a2, r2.casePlacements(), a2)
            - 2 * covariance(r1.casePlacements(), a1, r2.casePlacements(), a2);
    double s01 =
        covariance(r1.controlPlacements(), a1, r1.controlPlacements(), a1)
            + covariance(r2.controlPlacements(), a2, r2.controlPlacements(), a2)
            - 2 * covariance(r1.controlPlacements(), a1, r2.controlPlacements(), a2);
    double var = s10 / n + s01 / m;
    double sig = Math.sqrt(var);
    double d = a1 - a2;
    double z = d / sig;
    List<String> warnings = new ArrayList<>();
    if (Double.isNaN(z) && d == 0 && sig == 0) {
      z = 0; // pROC's convention for identical curves
      warnings.add("the two markers have identical DeLong placements; z set to 0 as pROC");
    }
    if (r1.direction() != r2.direction()) {
      warnings.add("the two ROC curves have different directions");
    }
    NormalDistribution normal = NormalDistribution.of(0, 1);
    double p = 2 * normal.cumulativeProbability(-Math.abs(z));
    double q = normal.inverseCumulativeProbability(1 - (1 - level) / 2);
    String method =
        "DeLong's test for two correlated ROC curves (paired, as pROC roc.test method \"delong\"), "
            + "two-sided; "
            + level
            + " CI of the AUC difference";
    return new DeLongTestResult(
        a1,
        a2,
        d,
        sig,
        z,
        p,
        d - q * sig,
        d + q * sig,
        r1.direction(),
        r2.direction(),
        method,
        warnings);
  }

  private static double covariance(double[] x, double mx, double[] y, double my) {
    if (x.length < 2) {
      return Double.NaN;
    }
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += (x[i] - mx) * (y[i] - my);
    }
    return s / (x.length - 1);
  }
}
