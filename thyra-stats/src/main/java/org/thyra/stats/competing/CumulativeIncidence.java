package org.thyra.stats.competing;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.thyra.stats.linear.Cholesky;
import org.thyra.stats.rank.StableOrder;

/**
 * Aalen–Johansen cumulative incidence of one cause with Gray's variance, and Gray's k-sample test,
 * as {@code cmprsk::cuminc}.
 *
 * <p>With distinct times {@code t_j}, {@code n_j} at risk, {@code d1_j} failures from the cause and
 * {@code d2_j} from other causes, and {@code S} the all-cause Kaplan–Meier estimate:
 *
 * <pre>
 *   F(t) = Σ_{t_j <= t} S(t_j−) d1_j / n_j
 * </pre>
 *
 * The variance is the delta-method estimate of Gray (cmprsk's {@code cinc}): with running sums
 * {@code v1, v2, v3} over failures of either kind, {@code Var F(t) = v1 + F² v3 − 2 F v2} at the
 * last jump of {@code F} at or before {@code t}; ties enter with the hypergeometric factor {@code 1
 * − (d − 1)/(n − 1)}.
 *
 * <p>Gray's test (Gray 1988, Ann Stat 16:1141) compares the subdistribution hazards of the cause
 * among groups with the weight {@code (1 − F(t−))^rho} (rho = 0 by default), summed over strata;
 * its statistic {@code s' V^{-1} s} on {@code k − 1} df.
 */
public final class CumulativeIncidence {

  private CumulativeIncidence() {}

  /**
   * The cumulative incidence curve of {@code target} from one group's rows.
   *
   * @param time follow-up times ({@code >= 0})
   * @param cause 0 = censored, {@code 1..K} = cause of failure
   * @param target the cause of interest
   */
  public static IncidenceCurve curve(double[] time, int[] cause, int target) {
    check(time, cause);
    int n = time.length;
    int[] order = StableOrder.ascending(time);
    double[] jt = new double[n];
    double[] est = new double[n];
    double[] var = new double[n];
    int jumps = 0;
    int events = 0;
    double km = 1; // all-cause KM just before the current time
    double f = 0;
    double v1 = 0;
    double v2 = 0;
    double v3 = 0;
    int atRisk = n;
    int i = 0;
    while (i < n) {
      double t = time[order[i]];
      int end = i;
      int d1 = 0;
      int d2 = 0;
      while (end < n && time[order[end]] == t) {
        int c = cause[order[end]];
        if (c == target) {
          d1++;
        } else if (c != 0) {
          d2++;
        }
        end++;
      }
      int d = d1 + d2;
      if (d > 0) {
        double r = atRisk;
        double kmAfter = km * (r - d) / r;
        if (d1 > 0) {
          f += km * d1 / r;
        }
        if (d2 > 0 && kmAfter > 0) {
          double w = km * km * tieFactor(d2, r) * d2 / (r * r);
          double a = 1 / kmAfter;
          double b = f / kmAfter;
          v1 += b * b * w;
          v2 += a * b * w;
          v3 += a * a * w;
        }
        if (d1 > 0) {
          double w = km * km * tieFactor(d1, r) * d1 / (r * r);
          double a = kmAfter > 0 ? 1 / kmAfter : 0;
          double b = 1 + a * f;
          v1 += b * b * w;
          v2 += a * b * w;
          v3 += a * a * w;
          jt[jumps] = t;
          est[jumps] = f;
          var[jumps] = v1 + f * f * v3 - 2 * f * v2;
          jumps++;
          events += d1;
        }
        km = kmAfter;
      }
      atRisk -= end - i;
      i = end;
    }
    double last = n == 0 ? Double.NaN : time[order[n - 1]];
    return new IncidenceCurve(
        target,
        n,
        events,
        Arrays.copyOf(jt, jumps),
        Arrays.copyOf(est, jumps),
        Arrays.copyOf(var, jumps),
        last);
  }

  private static double tieFactor(int d, double r) {
    return d > 1 ? 1 - (d - 1.0) / (r - 1.0) : 1;
  }

  /**
   * Gray's test of equal cumulative incidence of {@code target} among the groups.
   *
   * @param time follow-up times
   * @param cause 0 = censored, {@code 1..K} = cause of failure
   * @param target the cause tested
   * @param group group codes {@code 0..G−1}; a code with no row is left out (as cuminc drops empty
   *     levels)
   * @param strata stratum codes {@code >= 0} (all 0 for none)
   * @param rho power of the weight {@code (1 − F(t−))^rho}
   * @return the test; NaN statistic when its variance matrix is singular
   */
  public static GrayTestResult grayTest(
      double[] time, int[] cause, int target, int[] group, int[] strata, double rho) {
    check(time, cause);
    int n = time.length;
    if (group.length != n || strata.length != n) {
      throw new IllegalArgumentException("time, cause, group and strata differ in length");
    }
    // groups present, renumbered 0..ng-1 in code order
    int maxGroup = -1;
    int maxStratum = -1;
    for (int i = 0; i < n; i++) {
      if (group[i] < 0 || strata[i] < 0) {
        throw new IllegalArgumentException("negative group or stratum code at index " + i);
      }
      maxGroup = Math.max(maxGroup, group[i]);
      maxStratum = Math.max(maxStratum, strata[i]);
    }
    int[] remap = new int[maxGroup + 1];
    Arrays.fill(remap, -1);
    for (int g : group) {
      remap[g] = 0;
    }
    int ng = 0;
    for (int g = 0; g <= maxGroup; g++) {
      if (remap[g] == 0) {
        remap[g] = ng++;
      }
    }
    if (ng < 2) {
      throw new IllegalArgumentException("Gray's test needs at least two groups with data");
    }
    int m = ng - 1;
    double[] s = new double[m];
    double[][] v = new double[m][m];
    int[] order = StableOrder.ascending(time);
    for (int k = 0; k <= maxStratum; k++) {
      int count = 0;
      for (int i : order) {
        if (strata[i] == k) {
          count++;
        }
      }
      if (count == 0) {
        continue;
      }
      double[] y = new double[count];
      int[] mm = new int[count];
      int[] gg = new int[count];
      int c = 0;
      for (int i : order) {
        if (strata[i] == k) {
          y[c] = time[i];
          mm[c] = cause[i] == 0 ? 0 : cause[i] == target ? 1 : 2;
          gg[c] = remap[group[i]];
          c++;
        }
      }
      stratum(y, mm, gg, ng, rho, s, v);
    }
    double[][] chol = new double[m][];
    for (int i = 0; i < m; i++) {
      chol[i] = v[i].clone();
    }
    Cholesky.decompose(chol, 1e-9);
    if (Cholesky.rank(chol) < m) {
      return new GrayTestResult(target, Double.NaN, m, Double.NaN);
    }
    double[] x = s.clone();
    Cholesky.solve(chol, x);
    double stat = 0;
    for (int i = 0; i < m; i++) {
      stat += s[i] * x[i];
    }
    double p = ChiSquaredDistribution.of(m).survivalProbability(stat);
    return new GrayTestResult(target, stat, m, p);
  }

  /**
   * One stratum's score {@code s} and variance {@code v} (added to the arrays), rows sorted by
   * time; {@code m[i]} is 0 censored, 1 the cause, 2 another cause.
   */
  private static void stratum(
      double[] y, int[] m, int[] g, int ng, double rho, double[] s, double[][] v) {
    int n = y.length;
    int ng1 = ng - 1;
    int[] rs = new int[ng];
    for (int x : g) {
      rs[x]++;
    }
    double[] f1m = new double[ng];
    double[] f1 = new double[ng];
    double[] skmm = new double[ng];
    double[] skm = new double[ng];
    Arrays.fill(skmm, 1);
    Arrays.fill(skm, 1);
    double[] v3 = new double[ng];
    double[][] v2 = new double[ng1][ng];
    double[][] c = new double[ng][ng];
    double[][] a = new double[ng][ng];
    double[][] vt = new double[ng1][ng1];
    int[][] d = new int[3][ng];
    double fm = 0;
    double f = 0;
    int lo = 0;
    while (lo < n) {
      int hi = lo;
      while (hi + 1 < n && y[hi + 1] <= y[lo]) {
        hi++;
      }
      for (int[] row : d) {
        Arrays.fill(row, 0);
      }
      for (int i = lo; i <= hi; i++) {
        d[m[i]][g[i]]++;
      }
      int nd1 = 0;
      int nd2 = 0;
      for (int j = 0; j < ng; j++) {
        nd1 += d[1][j];
        nd2 += d[2][j];
      }
      if (nd1 > 0 || nd2 > 0) {
        // tr = Σ h_r (at-risk size over the group's KM), tq = Σ R_r
        double tr = 0;
        double tq = 0;
        for (int j = 0; j < ng; j++) {
          if (rs[j] > 0) {
            int td = d[1][j] + d[2][j];
            skm[j] = skmm[j] * (rs[j] - td) / rs[j];
            f1[j] = f1m[j] + skmm[j] * d[1][j] / rs[j];
            tr += rs[j] / skmm[j];
            tq += rs[j] * (1 - f1m[j]) / skmm[j];
          }
        }
        f = fm + nd1 / tr;
        double fb = Math.pow(1 - fm, rho);
        for (int i = 0; i < ng; i++) {
          for (int j = i; j < ng; j++) {
            a[i][j] = 0;
          }
          if (rs[i] <= 0) {
            continue;
          }
          double t1 = rs[i] / skmm[i];
          a[i][i] = fb * t1 * (1 - t1 / tr);
          c[i][i] += a[i][i] * nd1 / (tr * (1 - fm));
          for (int j = i + 1; j < ng; j++) {
            if (rs[j] > 0) {
              a[i][j] = -fb * t1 * rs[j] / (skmm[j] * tr);
              c[i][j] += a[i][j] * nd1 / (tr * (1 - fm));
            }
          }
        }
        for (int i = 1; i < ng; i++) {
          for (int j = 0; j < i; j++) {
            a[i][j] = a[j][i];
            c[i][j] = c[j][i];
          }
        }
        for (int i = 0; i < ng1; i++) {
          if (rs[i] > 0) {
            s[i] += fb * (d[1][i] - nd1 * rs[i] * (1 - f1m[i]) / (skmm[i] * tq));
          }
        }
        if (nd1 > 0) {
          for (int k = 0; k < ng; k++) {
            if (rs[k] <= 0) {
              continue;
            }
            double t4 = skm[k] > 0 ? 1 - (1 - f) / skm[k] : 1;
            double t5 = nd1 > 1 ? 1 - (nd1 - 1) / (tr * skmm[k] - 1) : 1;
            double t3 = t5 * skmm[k] * nd1 / (tr * rs[k]);
            v3[k] += t4 * t4 * t3;
            for (int i = 0; i < ng1; i++) {
              double t1 = a[i][k] - t4 * c[i][k];
              v2[i][k] += t1 * t4 * t3;
              for (int j = 0; j <= i; j++) {
                double t2 = a[j][k] - t4 * c[j][k];
                vt[i][j] += t1 * t2 * t3;
              }
            }
          }
        }
        if (nd2 > 0) {
          for (int k = 0; k < ng; k++) {
            if (skm[k] <= 0 || d[2][k] <= 0) {
              continue;
            }
            double t4 = (1 - f) / skm[k];
            double t5 = d[2][k] > 1 ? 1 - (d[2][k] - 1.0) / (rs[k] - 1.0) : 1;
            double t3 = t5 * skmm[k] * skmm[k] * d[2][k] / ((double) rs[k] * rs[k]);
            v3[k] += t4 * t4 * t3;
            for (int i = 0; i < ng1; i++) {
              double t1 = t4 * c[i][k];
              v2[i][k] -= t1 * t4 * t3;
              for (int j = 0; j <= i; j++) {
                double t2 = t4 * c[j][k];
                vt[i][j] += t1 * t2 * t3;
              }
            }
          }
        }
      }
      if (hi >= n - 1) {
        break;
      }
      for (int i = lo; i <= hi; i++) {
        rs[g[i]]--;
      }
      fm = f;
      System.arraycopy(f1, 0, f1m, 0, ng);
      System.arraycopy(skm, 0, skmm, 0, ng);
      lo = hi + 1;
    }
    for (int i = 0; i < ng1; i++) {
      for (int j = 0; j <= i; j++) {
        double x = vt[i][j];
        for (int k = 0; k < ng; k++) {
          x += c[i][k] * c[j][k] * v3[k] + c[i][k] * v2[j][k] + c[j][k] * v2[i][k];
        }
        v[i][j] += x;
        if (i != j) {
          v[j][i] += x;
        }
      }
    }
  }

  /**
   * Pointwise confidence limits of a cumulative incidence on the log(−log) scale: {@code F^exp(±z
   * SE / (F |log F|))} (lower with +), as {@code tidycmprsk} and Stata's {@code stcompet} give
   * them; NaN where F is 0 or 1.
   *
   * @return {lower, upper}
   */
  public static double[] logLogInterval(double estimate, double variance, double confLevel) {
    if (!(estimate > 0 && estimate < 1) || !(variance >= 0)) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double z = NormalDistribution.of(0, 1).inverseCumulativeProbability((1 + confLevel) / 2);
    double h = z * Math.sqrt(variance) / (estimate * Math.abs(Math.log(estimate)));
    return new double[] {Math.pow(estimate, Math.exp(h)), Math.pow(estimate, Math.exp(-h))};
  }

  private static void check(double[] time, int[] cause) {
    if (time.length != cause.length) {
      throw new IllegalArgumentException("time and cause differ in length");
    }
    for (int i = 0; i < time.length; i++) {
      if (!(time[i] >= 0) || Double.isInfinite(time[i])) {
        throw new IllegalArgumentException(
            "follow-up time must be finite and >= 0, got " + time[i] + " at index " + i);
      }
      if (cause[i] < 0) {
        throw new IllegalArgumentException("negative cause code at index " + i);
      }
    }
  }
}
