package org.thyra.stats.imputation;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Pooling of m completed-data analyses by Rubin's rules with the Barnard–Rubin small-sample degrees
 * of freedom, as {@code mice::pool()} (rule "rubin1987").
 *
 * <p>For each parameter: {@code Qbar = mean(Q_l)}, {@code Ubar = mean(U_l)}, {@code B = var(Q_l)}
 * (divisor m - 1), {@code T = Ubar + (1 + 1/m) B}, {@code lambda = (1 + 1/m) B / T}, {@code riv =
 * (1 + 1/m) B / Ubar}. Degrees of freedom (Barnard &amp; Rubin 1999, Biometrika 86:948–955): {@code
 * nu_old = (m - 1) / lambda'^2}, {@code nu_obs = (nu_com + 1)/(nu_com + 3) nu_com (1 - lambda')},
 * {@code nu = nu_old nu_obs / (nu_old + nu_obs)}, with {@code lambda' = max(lambda, 1e-4)} as mice
 * floors it; with infinite complete-data df, {@code nu = nu_old}. {@code fmi = (riv + 2/(nu + 3)) /
 * (riv + 1)}.
 *
 * <p>Reference: Rubin (1987), Multiple Imputation for Nonresponse in Surveys; van Buuren (2018),
 * Flexible Imputation of Missing Data, 2nd ed., §2.3–2.4.
 */
public final class RubinPooling {
  private static final double LAMBDA_FLOOR = 1e-4;

  private RubinPooling() {}

  /**
   * Pools the estimates of several parameters.
   *
   * @param estimates {@code estimates[l][j]}: estimate of parameter j in imputation l
   * @param variances {@code variances[l][j]}: its squared standard error (complete-data variance)
   * @param completeDataDf complete-data residual degrees of freedom ({@code
   *     Double.POSITIVE_INFINITY} for large-sample models)
   * @return pooled results, one per parameter, and the conventions used
   */
  public static RubinPoolingResult pool(
      double[][] estimates, double[][] variances, double completeDataDf) {
    int m = estimates.length;
    if (m < 2) {
      throw new IllegalArgumentException("Rubin pooling needs at least 2 imputations, got " + m);
    }
    if (variances.length != m) {
      throw new IllegalArgumentException(
          "estimates and variances must have one row per imputation, got "
              + m
              + " and "
              + variances.length);
    }
    if (!(completeDataDf > 0)) {
      throw new IllegalArgumentException(
          "complete-data df must be positive, got " + completeDataDf);
    }
    int p = estimates[0].length;
    for (int l = 0; l < m; l++) {
      if (estimates[l].length != p || variances[l].length != p) {
        throw new IllegalArgumentException(
            "imputation "
                + (l + 1)
                + " has "
                + estimates[l].length
                + " estimates and "
                + variances[l].length
                + " variances, expected "
                + p);
      }
      for (int j = 0; j < p; j++) {
        if (!Double.isFinite(estimates[l][j]) || !(variances[l][j] >= 0)) {
          throw new IllegalArgumentException(
              "imputation "
                  + (l + 1)
                  + ", parameter "
                  + (j + 1)
                  + ": estimate must be finite and variance non-negative, got "
                  + estimates[l][j]
                  + " and "
                  + variances[l][j]);
        }
      }
    }
    List<PooledEstimate> out = new ArrayList<>(p);
    List<String> warnings = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      double qbar = 0;
      double ubar = 0;
      for (int l = 0; l < m; l++) {
        qbar += estimates[l][j];
        ubar += variances[l][j];
      }
      qbar /= m;
      ubar /= m;
      double b = 0;
      for (int l = 0; l < m; l++) {
        double d = estimates[l][j] - qbar;
        b += d * d;
      }
      b /= m - 1;
      double inflation = 1 + 1.0 / m;
      double t = ubar + inflation * b;
      double lambda = inflation * b / t;
      double riv = inflation * b / ubar;
      double df = barnardRubin(m, lambda, completeDataDf);
      double fmi = (riv + 2 / (df + 3)) / (riv + 1);
      double se = Math.sqrt(t);
      double stat = qbar / se;
      double pv =
          Double.isNaN(stat)
              ? Double.NaN
              : 2 * TDistribution.of(df).survivalProbability(Math.abs(stat));
      if (b == 0) {
        warnings.add("parameter " + (j + 1) + ": no between-imputation variance (B = 0)");
      }
      out.add(new PooledEstimate(qbar, ubar, b, t, se, df, riv, lambda, fmi, stat, pv));
    }
    String method =
        "Rubin's rules (m = "
            + m
            + "), Barnard-Rubin df with complete-data df "
            + (Double.isInfinite(completeDataDf) ? "Inf" : Double.toString(completeDataDf))
            + " (lambda floored at 1e-4 as mice)";
    return new RubinPoolingResult(out, m, completeDataDf, method, warnings);
  }

  static double barnardRubin(int m, double lambda, double dfCom) {
    double l = Math.max(lambda, LAMBDA_FLOOR);
    double dfOld = (m - 1) / (l * l);
    if (Double.isInfinite(dfCom)) {
      return dfOld;
    }
    double dfObs = (dfCom + 1) / (dfCom + 3) * dfCom * (1 - l);
    return dfOld * dfObs / (dfOld + dfObs);
  }
}
