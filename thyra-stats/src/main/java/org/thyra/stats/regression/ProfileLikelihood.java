package org.thyra.stats.regression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Profile-likelihood confidence limits exactly as {@code MASS::confint.glm} (R 4.2, MASS 7.3):
 * {@code profile.glm} with {@code alpha = (1 - level) / 4} steps each parameter away from its
 * estimate in steps of {@code del = zmax / 5} standard errors, {@code zmax = sqrt(qchisq(1 - alpha,
 * 1))}, at most 9 steps per side, refitting the other coefficients with the fixed one as an offset;
 * the signed root deviance {@code z} is then interpolated by an FMM cubic spline through
 * (parameter, z) evaluated on {@code 3 * points} equally spaced values, and the limits are where
 * that curve crosses {@code qnorm((1 -+ level) / 2)} (linear interpolation, as {@code approx}).
 *
 * <p>Reference: Venables and Ripley (2002) Modern Applied Statistics with S, 4th ed., §8.4.
 */
final class ProfileLikelihood {
  private ProfileLikelihood() {}

  /**
   * @param x column-major design with intercept; @param y 0/1; @param coef fitted coefficients (NaN
   *     if aliased); @param se their standard errors; @param deviance the fit's deviance
   * @return per coefficient {lower, upper} (NaN where not reached or aliased), plus warnings
   */
  static double[][] limits(
      double[][] x,
      double[] y,
      double[] coef,
      double[] se,
      double deviance,
      double level,
      List<String> warnings,
      List<String> names) {
    int p = x.length;
    int n = y.length;
    double alpha = (1 - level) / 4;
    double zmax = Math.sqrt(ChiSquaredDistribution.of(1).inverseCumulativeProbability(1 - alpha));
    double del = zmax / 5;
    int maxsteps = 10;
    double a = (1 - level) / 2;
    NormalDistribution normal = NormalDistribution.of(0, 1);
    double[] cutoff = {
      normal.inverseCumulativeProbability(a), normal.inverseCumulativeProbability(1 - a)
    };
    double[] b0 = BinomialIrls.zeroAliased(coef);
    double[] lp0 = new double[n];
    for (int j = 0; j < p; j++) {
      if (Double.isNaN(coef[j])) {
        continue;
      }
      for (int i = 0; i < n; i++) {
        lp0[i] += x[j][i] * b0[j];
      }
    }
    double[][] out = new double[p][2];
    for (int pi = 0; pi < p; pi++) {
      out[pi][0] = Double.NaN;
      out[pi][1] = Double.NaN;
      if (Double.isNaN(coef[pi])) {
        continue;
      }
      double[][] xi;
      {
        List<double[]> cols = new ArrayList<>();
        for (int j = 0; j < p; j++) {
          if (j != pi && !Double.isNaN(coef[j])) {
            cols.add(x[j]);
          }
        }
        xi = cols.toArray(new double[0][]);
      }
      List<Double> zs = new ArrayList<>();
      List<Double> bs = new ArrayList<>();
      zs.add(0.0);
      bs.add(coef[pi]);
      boolean failed = false;
      for (int sgn = -1; sgn <= 1 && !failed; sgn += 2) {
        int step = 0;
        double z = 0;
        double[] lp = lp0.clone();
        while (++step < maxsteps && Math.abs(z) < zmax) {
          double bi = coef[pi] + sgn * step * del * se[pi];
          double[] offset = new double[n];
          for (int i = 0; i < n; i++) {
            offset[i] = x[pi][i] * bi;
          }
          BinomialIrls.Fit fm =
              BinomialIrls.fit(xi, y, offset, lp, BinomialIrls.MAXIT, BinomialIrls.EPSILON);
          double[] c = BinomialIrls.zeroAliased(fm.coef());
          for (int i = 0; i < n; i++) {
            double e = offset[i];
            for (int j = 0; j < xi.length; j++) {
              e += xi[j][i] * c[j];
            }
            lp[i] = e;
          }
          double zz = fm.deviance() - deviance;
          if (zz > -0.001) {
            zz = Math.max(zz, 0);
          } else {
            warnings.add(
                "profiling "
                    + names.get(pi)
                    + " found a better solution: the original fit had not converged; no profile limits");
            failed = true;
            break;
          }
          z = sgn * Math.sqrt(zz);
          zs.add(z);
          bs.add(bi);
        }
      }
      if (failed) {
        continue;
      }
      out[pi] = interpolate(bs, zs, cutoff);
    }
    return out;
  }

  /** MASS confint.profile.glm: spline(par, z) on 3k points, then approx(z, par, cutoff). */
  static double[] interpolate(List<Double> par, List<Double> z, double[] cutoff) {
    // profile.glm orders rows by z; spline() then regularises (sorts by par, mean over ties)
    double[][] r =
        regularize(
            par.stream().mapToDouble(Double::doubleValue).toArray(),
            z.stream().mapToDouble(Double::doubleValue).toArray());
    double[] xs = r[0];
    double[] ys = r[1];
    int u = xs.length;
    if (u < 2) {
      return new double[] {Double.NaN, Double.NaN};
    }
    FmmSpline spline = new FmmSpline(xs, ys);
    int nout = 3 * u;
    double[] sx = new double[nout];
    double[] sy = new double[nout];
    double from = xs[0];
    double to = xs[u - 1];
    double by = (to - from) / (nout - 1);
    for (int i = 0; i < nout; i++) {
      sx[i] = i == nout - 1 ? to : from + i * by;
      sy[i] = spline.value(sx[i]);
    }
    double[] res = new double[cutoff.length];
    for (int c = 0; c < cutoff.length; c++) {
      res[c] = approx(sy, sx, cutoff[c]);
    }
    return res;
  }

  /**
   * R's {@code regularize.values(x, y, ties = mean)}: the distinct x in increasing order, each with
   * the mean of its y (summed in the stable order of x).
   *
   * @return {xs, ys}
   */
  static double[][] regularize(double[] x, double[] y) {
    int k = x.length;
    Integer[] order = new Integer[k];
    for (int i = 0; i < k; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
    double[] xs = new double[k];
    double[] ys = new double[k];
    int u = 0;
    for (int i = 0; i < k; ) {
      int j = i;
      double sum = 0;
      while (j < k && x[order[j]] == x[order[i]]) {
        sum += y[order[j]];
        j++;
      }
      xs[u] = x[order[i]];
      ys[u] = sum / (j - i);
      u++;
      i = j;
    }
    return new double[][] {Arrays.copyOf(xs, u), Arrays.copyOf(ys, u)};
  }

  /** R's approx(x, y, xout = v), rule 1, ties = mean. */
  static double approx(double[] x, double[] y, double v) {
    double[][] r = regularize(x, y);
    double[] xs = r[0];
    double[] ys = r[1];
    int u = xs.length;
    if (u == 0 || v < xs[0] || v > xs[u - 1]) {
      return Double.NaN;
    }
    int i = 0;
    int j = u - 1;
    while (i < j - 1) {
      int ij = (i + j) / 2;
      if (v < xs[ij]) {
        j = ij;
      } else {
        i = ij;
      }
    }
    if (v == xs[j]) {
      return ys[j];
    }
    if (v == xs[i]) {
      return ys[i];
    }
    return ys[i] + (ys[j] - ys[i]) * ((v - xs[i]) / (xs[j] - xs[i]));
  }
}
