package org.thyra.stats.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The G-rho family of k-sample tests for right-censored data (Harrington &amp; Fleming 1982),
 * optionally stratified, exactly as R's {@code survdiff} ({@code survdiff2.c}).
 *
 * <p>Within each stratum, at each distinct event time {@code t} with {@code N} at risk, {@code D}
 * events, {@code n_g} at risk and {@code d_g} events in group {@code g}, and weight {@code w =
 * S(t-)^rho} from the pooled Kaplan–Meier curve of the stratum (left-continuous):
 *
 * <pre>
 *   O_g += w d_g,   E_g += w D n_g / N,
 *   V_gh += w² D (N - D) / (N (N - 1)) · n_g (δ_gh - n_h / N)      (N &gt; 1)
 * </pre>
 *
 * O, E and V are summed over strata. Groups with {@code E_g = 0} are dropped, and with the first
 * remaining group left out the statistic is {@code (O-E)' V^{-1} (O-E)}, chi-square with (remaining
 * groups − 1) df. {@code rho = 0} is the log-rank (Mantel–Haenszel) test, {@code rho = 1} the Peto
 * &amp; Peto modification of the Gehan–Wilcoxon test.
 *
 * <p>Without any event R reports chi-square 0 on −1 df with p {@code NA}; here the statistic is 0,
 * df 0 and p 1 with a warning, since the data carry no evidence of a difference.
 *
 * <p>As R's default {@code timefix = TRUE}, times that differ by rounding error only are merged
 * first (as R's {@code aeqSurv}).
 *
 * <p>Cost: one counting sort by (stratum, group) and a primitive sort within each cell, O(n log n),
 * then O(G²) per distinct event time.
 */
public final class LogRank {

  private LogRank() {}

  /**
   * Runs the test.
   *
   * @param time follow-up times, finite and ≥ 0
   * @param status 1 = event, 0 = censored
   * @param group group code of each row in [0, groupCount)
   * @param groupCount number of group codes
   * @param strata stratum code of each row (≥ 0), or null for no strata
   * @param rho G-rho exponent (finite); 0 for the log-rank test
   * @throws IllegalArgumentException on invalid input or fewer than two groups with observations
   */
  public static LogRankResult test(
      double[] time, int[] status, int[] group, int groupCount, int[] strata, double rho) {
    SurvivalInput.check(time, status);
    if (groupCount < 1) {
      throw new IllegalArgumentException("groupCount must be >= 1, got " + groupCount);
    }
    if (!Double.isFinite(rho)) {
      throw new IllegalArgumentException("rho must be finite, got " + rho);
    }
    int n = time.length;
    SurvivalInput.checkCodes("group", group, n, groupCount);
    int strataCount = 1;
    if (strata != null) {
      if (strata.length != n) {
        throw new IllegalArgumentException(
            "strata has length " + strata.length + " but time has length " + n);
      }
      strataCount = Math.max(1, SurvivalInput.codeCount("strata", strata));
    }
    int g = groupCount;
    int[] count = new int[g];
    for (int i = 0; i < n; i++) {
      count[group[i]]++;
    }
    int present = 0;
    for (int c : count) {
      if (c > 0) {
        present++;
      }
    }
    if (present < 2) {
      throw new IllegalArgumentException(
          "log-rank needs at least two groups with observations, got " + present);
    }
    if ((long) strataCount * g > Integer.MAX_VALUE - 1) {
      throw new IllegalArgumentException("too many strata x groups");
    }
    int[] cell = new int[n];
    for (int i = 0; i < n; i++) {
      cell[i] = (strata == null ? 0 : strata[i]) * g + group[i];
    }
    SortedCells cells = SortedCells.of(TimeFix.apply(time), status, cell, strataCount * g);
    cell = null; // large: let it go before the accumulation loop

    double[] obs = new double[g];
    double[] exp = new double[g];
    double[][] var = new double[g][g];
    int[] pa = new int[g];
    int[] pe = new int[g];
    int[] risk = new int[g];
    int[] deaths = new int[g];
    for (int s = 0; s < strataCount; s++) {
      int base = s * g;
      for (int k = 0; k < g; k++) {
        pa[k] = cells.allStart[base + k];
        pe[k] = cells.eventStart[base + k];
      }
      double km = 1;
      while (true) {
        double t = Double.POSITIVE_INFINITY;
        for (int k = 0; k < g; k++) {
          if (pe[k] < cells.eventStart[base + k + 1] && cells.events[pe[k]] < t) {
            t = cells.events[pe[k]];
          }
        }
        if (t == Double.POSITIVE_INFINITY) {
          break;
        }
        double bigN = 0;
        double bigD = 0;
        for (int k = 0; k < g; k++) {
          int endA = cells.allStart[base + k + 1];
          while (pa[k] < endA && cells.all[pa[k]] < t) {
            pa[k]++;
          }
          risk[k] = endA - pa[k];
          int endE = cells.eventStart[base + k + 1];
          int d = 0;
          while (pe[k] < endE && cells.events[pe[k]] == t) {
            pe[k]++;
            d++;
          }
          deaths[k] = d;
          bigN += risk[k];
          bigD += d;
        }
        double wt = rho == 0 ? 1 : Math.pow(km, rho);
        for (int k = 0; k < g; k++) {
          obs[k] += wt * deaths[k];
          exp[k] += wt * bigD * risk[k] / bigN;
        }
        if (bigN > 1) {
          double w2 = wt * wt;
          for (int j = 0; j < g; j++) {
            if (risk[j] == 0) {
              continue;
            }
            double tmp = w2 * bigD * risk[j] * (bigN - bigD) / (bigN * (bigN - 1));
            var[j][j] += tmp;
            for (int k = 0; k < g; k++) {
              var[j][k] -= tmp * risk[k] / bigN;
            }
          }
        }
        km *= (bigN - bigD) / bigN;
      }
    }
    return assemble(count, obs, exp, var, rho, strataCount);
  }

  private static LogRankResult assemble(
      int[] count, double[] obs, double[] exp, double[][] var, double rho, int strataCount) {
    List<String> warnings = new ArrayList<>();
    int g = count.length;
    int[] keep = new int[g];
    int m = 0;
    double totalObs = 0;
    for (int k = 0; k < g; k++) {
      totalObs += obs[k];
      if (exp[k] > 0) {
        keep[m++] = k;
      }
    }
    double statistic;
    int df;
    double p;
    if (m < 2) {
      statistic = 0;
      df = 0;
      p = 1;
      warnings.add(
          totalObs == 0
              ? "no events: the test has no information; statistic 0, df 0 and p = 1 reported"
                  + " (survdiff: chi-square 0 on -1 df, p NA)"
              : "fewer than two groups are at risk at any event time: statistic 0 on 0 df, p = 1");
    } else {
      int r = m - 1;
      double[][] a = new double[r][r];
      double[] b = new double[r];
      for (int i = 0; i < r; i++) {
        b[i] = obs[keep[i + 1]] - exp[keep[i + 1]];
        for (int j = 0; j < r; j++) {
          a[i][j] = var[keep[i + 1]][keep[j + 1]];
        }
      }
      double[] x = solve(a, b.clone());
      df = r;
      if (x == null) {
        statistic = Double.NaN;
        p = Double.NaN;
        warnings.add("the variance matrix of O - E is singular; no statistic");
      } else {
        double chi = 0;
        for (int i = 0; i < r; i++) {
          chi += x[i] * b[i];
        }
        statistic = chi;
        p = ChiSquaredDistribution.of(df).survivalProbability(chi);
      }
    }
    String method =
        String.format(
            Locale.ROOT,
            "log-rank (G-rho, rho=%s)%s; df = groups with expected > 0 minus 1",
            formatRho(rho),
            strataCount > 1 ? ", stratified by " + strataCount + " strata" : "");
    if (m < g && totalObs > 0) {
      int dropped = 0;
      for (int k = 0; k < g; k++) {
        if (count[k] > 0 && !(exp[k] > 0)) {
          dropped++;
        }
      }
      if (dropped > 0) {
        warnings.add(
            dropped
                + " group(s) with observations have no one at risk at any event"
                + " time and are left out of the statistic");
      }
    }
    return new LogRankResult(
        statistic, df, p, count, obs, exp, var, rho, strataCount, method, warnings);
  }

  static String formatRho(double rho) {
    return rho == Math.rint(rho) && Math.abs(rho) < 1e15
        ? Long.toString((long) rho)
        : Double.toString(rho);
  }

  /**
   * Solves {@code a x = b} by Gaussian elimination with partial pivoting (R's {@code solve} uses
   * LAPACK's LU); null when a pivot vanishes relative to the matrix scale.
   */
  static double[] solve(double[][] a, double[] b) {
    int r = b.length;
    double scale = 0;
    for (double[] row : a) {
      for (double v : row) {
        scale = Math.max(scale, Math.abs(v));
      }
    }
    if (!(scale > 0)) {
      return null;
    }
    for (int c = 0; c < r; c++) {
      int piv = c;
      for (int i = c + 1; i < r; i++) {
        if (Math.abs(a[i][c]) > Math.abs(a[piv][c])) {
          piv = i;
        }
      }
      if (Math.abs(a[piv][c]) <= 1e-13 * scale) {
        return null;
      }
      double[] tr = a[c];
      a[c] = a[piv];
      a[piv] = tr;
      double tb = b[c];
      b[c] = b[piv];
      b[piv] = tb;
      for (int i = c + 1; i < r; i++) {
        double f = a[i][c] / a[c][c];
        if (f != 0) {
          for (int j = c; j < r; j++) {
            a[i][j] -= f * a[c][j];
          }
          b[i] -= f * b[c];
        }
      }
    }
    double[] x = new double[r];
    for (int i = r - 1; i >= 0; i--) {
      double s = b[i];
      for (int j = i + 1; j < r; j++) {
        s -= a[i][j] * x[j];
      }
      x[i] = s / a[i][i];
    }
    return x;
  }
}
