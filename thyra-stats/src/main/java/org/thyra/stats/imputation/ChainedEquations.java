package org.thyra.stats.imputation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.thyra.stats.Progress;
import org.thyra.stats.linear.Cholesky;
import org.thyra.stats.rank.GroupCodes;
import org.thyra.stats.rank.StableOrder;
import org.thyra.stats.regression.LogisticRegression;
import org.thyra.stats.regression.Logit;
import org.thyra.stats.regression.WeightedLogisticFit;

/**
 * Multivariate imputation by chained equations (fully conditional specification) with mice's
 * default univariate models: predictive mean matching for numeric, Bayesian logistic regression for
 * binary and multinomial logistic regression for categorical columns. Every other column predicts
 * each imputed column (mice's default predictor matrix); categorical predictors enter as dummies.
 *
 * <p>Start: missing values drawn at random from the observed values of their column. Each iteration
 * visits the incomplete columns left to right and re-imputes each from the current values of the
 * others:
 *
 * <ul>
 *   <li>pmm: ridge least squares {@code b = (X'X + k diag(X'X))^-1 X'y}, {@code sigma* =
 *       sqrt(RSS/g)}, {@code g ~ chi^2(n_obs - p)}, {@code beta* = b + sigma* chol(V)' z};
 *       predictions {@code X_obs b} for donors and {@code X_mis beta*} for recipients; each
 *       recipient takes the observed value of a donor drawn from its {@code donors} nearest
 *       predictions (type-1 matching).
 *   <li>logreg: exactly {@code mice.impute.logreg}: the observed rows plus {@code 2 p k}
 *       pseudo-observations (mice's {@code augment()}: each predictor at its mean {@code ± sd/2},
 *       clamped to its range, the others at their means, for each of the {@code k} values of the
 *       target, weight {@code (p + 1) / (2 p k)}; White, Daniel &amp; Royston 2010) are fitted by
 *       thyra's logistic solver ({@link LogisticRegression#fitWeighted}, R's {@code
 *       glm.fit(quasibinomial, weights)}: no ridge), {@code beta* = b + t(chol(V)) z} with {@code
 *       V} the unscaled covariance, impute 1 when {@code u <= expit(x beta*)}. Unlike mice,
 *       linearly dependent predictors are not removed first: their aliased coefficients stay 0.
 *   <li>polyreg: ridge-penalised multinomial logit by Newton–Raphson; imputation drawn from the
 *       fitted category probabilities (as mice, no parameter draw).
 * </ul>
 *
 * <p>References: van Buuren &amp; Groothuis-Oudshoorn (2011), J Stat Softw 45(3); van Buuren
 * (2018), Flexible Imputation of Missing Data, 2nd ed., §3.4 (pmm), §3.6 (logreg, polyreg); Little
 * (1988), J Bus Econ Stat 6:287–296 (pmm); White, Daniel &amp; Royston (2010), Comput Stat Data
 * Anal 54:2267–2275 (augmentation).
 */
public final class ChainedEquations {
  private ChainedEquations() {}

  /**
   * Imputes the missing values (NaN) of every column.
   *
   * @param columns data, {@code [column][row]}; NaN = missing; binary columns 0/1; categorical
   *     columns any codes
   * @param types type of each column
   * @param options m, maxit, seed, donors, ridge
   * @return m completed data sets
   */
  public static MiceResult impute(double[][] columns, VariableType[] types, MiceOptions options) {
    return impute(columns, types, options, Progress.NONE);
  }

  /**
   * As {@link #impute(double[][], VariableType[], MiceOptions)}, telling {@code progress} of each
   * iteration done ({@code m × maxit} steps; the result is the same whatever listens).
   *
   * @param columns as {@link #impute(double[][], VariableType[], MiceOptions)}
   * @param types type of each column
   * @param options m, maxit, seed, donors, ridge
   * @param progress told after every iteration of every imputation
   * @return m completed data sets
   */
  public static MiceResult impute(
      double[][] columns, VariableType[] types, MiceOptions options, Progress progress) {
    int q = columns.length;
    if (types.length != q) {
      throw new IllegalArgumentException(
          "one type per column is needed, got " + types.length + " for " + q);
    }
    if (q < 2) {
      throw new IllegalArgumentException("chained equations need at least 2 columns, got " + q);
    }
    int n = columns[0].length;
    ImputationMethod[] methods = new ImputationMethod[q];
    double[][] levels = new double[q][];
    List<String> warnings = new ArrayList<>();
    for (int j = 0; j < q; j++) {
      if (columns[j].length != n) {
        throw new IllegalArgumentException(
            "column " + (j + 1) + " has " + columns[j].length + " rows, column 1 has " + n);
      }
      int observed = 0;
      for (double v : columns[j]) {
        observed += Double.isNaN(v) ? 0 : 1;
      }
      if (observed == 0) {
        throw new IllegalArgumentException(
            "column " + (j + 1) + " has no observed value and cannot be imputed");
      }
      levels[j] = GroupCodes.distinctSorted(columns[j]);
      if (types[j] == VariableType.BINARY) {
        for (double v : levels[j]) {
          if (v != 0 && v != 1) {
            throw new IllegalArgumentException(
                "binary column " + (j + 1) + " must be coded 0/1, found " + v);
          }
        }
        levels[j] = new double[] {0, 1};
      }
      boolean missing = observed < n;
      methods[j] =
          !missing
              ? ImputationMethod.NONE
              : switch (types[j]) {
                case NUMERIC -> ImputationMethod.PMM;
                case BINARY -> ImputationMethod.LOGREG;
                case CATEGORICAL -> ImputationMethod.POLYREG;
              };
      if (missing && observed < 2) {
        warnings.add(
            "column " + (j + 1) + " has a single observed value: every imputation repeats it");
      }
    }
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(options.seed());
    Draws draws = new Draws(rng);
    List<double[][]> completed = new ArrayList<>();
    String task = "chained equations (m = " + options.m() + ", maxit = " + options.maxit() + ")";
    long steps = (long) options.m() * options.maxit();
    long done = 0;
    progress.update(task, 0, steps);
    for (int l = 0; l < options.m(); l++) {
      double[][] data = new double[q][];
      for (int j = 0; j < q; j++) {
        data[j] = columns[j].clone();
        int[] obs = rows(columns[j], true);
        for (int i = 0; i < n; i++) {
          if (Double.isNaN(columns[j][i])) {
            data[j][i] = columns[j][obs[rng.nextInt(obs.length)]];
          }
        }
      }
      for (int it = 0; it < options.maxit(); it++) {
        for (int j = 0; j < q; j++) {
          if (methods[j] == ImputationMethod.NONE) {
            continue;
          }
          double[][] x = design(data, types, levels, j);
          int[] obs = rows(columns[j], true);
          int[] mis = rows(columns[j], false);
          double[] filled =
              switch (methods[j]) {
                case PMM -> Pmm.impute(x, data[j], obs, mis, options, draws);
                case LOGREG -> Logreg.impute(x, data[j], obs, mis, draws, warnings);
                case POLYREG ->
                    Polyreg.impute(x, data[j], levels[j], obs, mis, options, draws, warnings);
                default -> throw new IllegalStateException();
              };
          for (int k = 0; k < mis.length; k++) {
            data[j][mis[k]] = filled[k];
          }
        }
        progress.update(task, ++done, steps);
      }
      completed.add(data);
    }
    String method =
        "chained equations (FCS): m = "
            + options.m()
            + ", maxit = "
            + options.maxit()
            + ", seed "
            + options.seed()
            + " (commons-rng XO_RO_SHI_RO_128_PP, not R's RNG); pmm with "
            + options.donors()
            + " donors (type-1 matching), logreg (augmented, Bayesian draw, as mice.impute.logreg),"
            + " polyreg (fitted probabilities); ridge "
            + options.ridge()
            + " (pmm, polyreg)"
            + "; all other columns as predictors";
    return new MiceResult(completed, Arrays.asList(methods), method, dedupe(warnings));
  }

  private static List<String> dedupe(List<String> w) {
    return new ArrayList<>(new java.util.LinkedHashSet<>(w));
  }

  static int[] rows(double[] original, boolean observed) {
    int c = 0;
    for (double v : original) {
      c += Double.isNaN(v) != observed ? 1 : 0;
    }
    int[] r = new int[c];
    for (int i = 0, k = 0; i < original.length; i++) {
      if (Double.isNaN(original[i]) != observed) {
        r[k++] = i;
      }
    }
    return r;
  }

  /** Intercept + every other column (categorical as dummies for levels 2..K), row-major n × p. */
  static double[][] design(double[][] data, VariableType[] types, double[][] levels, int target) {
    int n = data[0].length;
    int p = 1;
    for (int k = 0; k < data.length; k++) {
      if (k != target) {
        p += types[k] == VariableType.CATEGORICAL ? levels[k].length - 1 : 1;
      }
    }
    double[][] x = new double[n][p];
    for (int i = 0; i < n; i++) {
      x[i][0] = 1;
    }
    int col = 1;
    for (int k = 0; k < data.length; k++) {
      if (k == target) {
        continue;
      }
      if (types[k] == VariableType.CATEGORICAL) {
        for (int i = 0; i < n; i++) {
          int lev = Arrays.binarySearch(levels[k], data[k][i]);
          if (lev > 0) {
            x[i][col + lev - 1] = 1;
          }
        }
        col += levels[k].length - 1;
      } else {
        for (int i = 0; i < n; i++) {
          x[i][col] = data[k][i];
        }
        col++;
      }
    }
    return x;
  }

  /** Random draws used by the univariate models. */
  static final class Draws {
    final UniformRandomProvider rng;
    private final ZigguratSampler.NormalizedGaussian gauss;

    Draws(UniformRandomProvider rng) {
      this.rng = rng;
      this.gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    }

    double normal() {
      return gauss.sample();
    }

    double chiSquared(double df) {
      return 2 * AhrensDieterMarsagliaTsangGammaSampler.of(rng, df / 2, 1).sample();
    }

    double uniform() {
      return rng.nextDouble();
    }

    /** beta* = b + scale * L z, L the Cholesky factor of v. */
    double[] multivariateNormal(double[] b, double[][] v, double scale) {
      double[][] l = Cholesky.lower(symmetrise(v));
      int p = b.length;
      double[] z = new double[p];
      for (int i = 0; i < p; i++) {
        z[i] = normal();
      }
      double[] out = b.clone();
      for (int i = 0; i < p; i++) {
        double s = 0;
        for (int k = 0; k <= i; k++) {
          s += l[i][k] * z[k];
        }
        out[i] += scale * s;
      }
      return out;
    }

    private static double[][] symmetrise(double[][] v) {
      int p = v.length;
      double[][] s = new double[p][p];
      for (int i = 0; i < p; i++) {
        for (int k = 0; k < p; k++) {
          s[i][k] = (v[i][k] + v[k][i]) / 2;
        }
      }
      return s;
    }
  }

  /** Predictive mean matching (mice.impute.pmm with .norm.draw). */
  static final class Pmm {
    private Pmm() {}

    static double[] impute(double[][] x, double[] y, int[] obs, int[] mis, MiceOptions o, Draws d) {
      int p = x[0].length;
      double[][] xtx = new double[p][p];
      double[] xty = new double[p];
      for (int i : obs) {
        for (int a = 0; a < p; a++) {
          xty[a] += x[i][a] * y[i];
          for (int b = 0; b <= a; b++) {
            xtx[a][b] += x[i][a] * x[i][b];
          }
        }
      }
      for (int a = 0; a < p; a++) {
        for (int b = 0; b < a; b++) {
          xtx[b][a] = xtx[a][b];
        }
      }
      for (int a = 0; a < p; a++) {
        xtx[a][a] += o.ridge() * xtx[a][a] + (xtx[a][a] == 0 ? o.ridge() : 0);
      }
      double[][] v = Cholesky.inversePositiveDefinite(xtx);
      double[] b = new double[p];
      for (int a = 0; a < p; a++) {
        for (int c = 0; c < p; c++) {
          b[a] += v[a][c] * xty[c];
        }
      }
      double rss = 0;
      for (int i : obs) {
        double r = y[i] - dot(x[i], b);
        rss += r * r;
      }
      double df = Math.max(obs.length - p, 1);
      double sigma = Math.sqrt(rss / d.chiSquared(df));
      double[] beta = d.multivariateNormal(b, v, sigma);
      double[] yhatObs = new double[obs.length];
      for (int k = 0; k < obs.length; k++) {
        yhatObs[k] = dot(x[obs[k]], b);
      }
      int[] ord = StableOrder.ascending(yhatObs);
      double[] sorted = new double[obs.length];
      for (int k = 0; k < obs.length; k++) {
        sorted[k] = yhatObs[ord[k]];
      }
      int donors = Math.min(o.donors(), obs.length);
      double[] out = new double[mis.length];
      int[] pool = new int[donors];
      for (int k = 0; k < mis.length; k++) {
        double target = dot(x[mis[k]], beta);
        // the donors nearest predictions: expand from the insertion point
        int hi = lowerBound(sorted, target);
        int lo = hi - 1;
        for (int c = 0; c < donors; c++) {
          boolean takeLeft =
              hi >= sorted.length || (lo >= 0 && target - sorted[lo] <= sorted[hi] - target);
          pool[c] = takeLeft ? ord[lo--] : ord[hi++];
        }
        out[k] = y[obs[pool[d.rng.nextInt(donors)]]];
      }
      return out;
    }

    private static int lowerBound(double[] s, double v) {
      int a = 0;
      int b = s.length;
      while (a < b) {
        int m = (a + b) >>> 1;
        if (s[m] < v) {
          a = m + 1;
        } else {
          b = m;
        }
      }
      return a;
    }
  }

  /**
   * Bayesian logistic regression imputation, as {@code mice.impute.logreg}: the observed rows plus
   * {@link #augment pseudo-observations} are fitted by {@link LogisticRegression#fitWeighted} (R's
   * {@code glm.fit(family = quasibinomial, weights)}), then {@code beta* = b + t(chol(V)) z} with
   * {@code V} the unscaled covariance and {@code z ~ N(0, I)}, and a missing value becomes 1 when
   * {@code u <= expit(x beta*)}, {@code u ~ U(0, 1)}.
   */
  static final class Logreg {
    private Logreg() {}

    /**
     * The rows fitted: the observed rows of the target, then mice's {@code augment()}
     * pseudo-observations.
     *
     * @param columns predictors without the intercept, {@code [column][row]}
     * @param y outcome of each row
     * @param weights 1 for observed rows, {@code (p + 1) / nr} for pseudo-observations
     * @param pseudoRows number of pseudo-observations (at the end), 0 when not augmented
     */
    record Augmented(double[][] columns, double[] y, double[] weights, int pseudoRows) {}

    /**
     * mice's {@code augment()} (White, Daniel &amp; Royston 2010, Comput Stat Data Anal
     * 54:2267–2275): for each of the {@code p} predictors and each of the {@code k} distinct values
     * of the target, two rows with that predictor at {@code mean ± sd/2} (clamped to its observed
     * range), every other predictor at its mean, and the target at that value; {@code nr = 2 p k}
     * rows of weight {@code (p + 1) / nr} in all. They keep the fit finite under separation. Means,
     * sds and ranges are over every row's current values; as mice, no augmentation when exactly one
     * value is missing.
     *
     * @param x design, row-major {@code n × (p + 1)}, intercept in column 0
     * @param y current values of the target (observed and imputed)
     * @param obs rows where the target is observed
     * @param missing number of rows where it is missing
     */
    static Augmented augment(double[][] x, double[] y, int[] obs, int missing) {
      int n = x.length;
      int p = x[0].length - 1;
      double[] codes = missing == 1 || p == 0 ? new double[0] : GroupCodes.distinctSorted(y);
      int k = codes.length;
      int nr = 2 * p * k;
      int rows = obs.length + nr;
      double[][] columns = new double[p][rows];
      double[] ya = new double[rows];
      double[] w = new double[rows];
      for (int r = 0; r < obs.length; r++) {
        ya[r] = y[obs[r]];
        w[r] = 1;
        for (int c = 0; c < p; c++) {
          columns[c][r] = x[obs[r]][c + 1];
        }
      }
      if (nr == 0) {
        return new Augmented(columns, ya, w, 0);
      }
      double weight = (p + 1.0) / nr;
      for (int c = 0; c < p; c++) {
        double mean = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : x) {
          mean += row[c + 1];
          min = Math.min(min, row[c + 1]);
          max = Math.max(max, row[c + 1]);
        }
        mean /= n;
        double ss = 0;
        for (double[] row : x) {
          double dv = row[c + 1] - mean;
          ss += dv * dv;
        }
        double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
        for (int r = 0; r < nr; r++) {
          // block c (rows 2kc .. 2kc + 2k - 1) moves predictor c; every other predictor at its mean
          int inBlock = r - 2 * k * c;
          double v = mean;
          if (inBlock >= 0 && inBlock < 2 * k) {
            v = mean + (inBlock % 2 == 0 ? 0.5 : -0.5) * sd;
          }
          columns[c][obs.length + r] = Math.min(max, Math.max(min, v));
        }
      }
      for (int r = 0; r < nr; r++) {
        ya[obs.length + r] = codes[(r % (2 * k)) / 2];
        w[obs.length + r] = weight;
      }
      return new Augmented(columns, ya, w, nr);
    }

    static double[] impute(
        double[][] x, double[] y, int[] obs, int[] mis, Draws d, List<String> warnings) {
      int p = x[0].length;
      Augmented aug = augment(x, y, obs, mis.length);
      WeightedLogisticFit fit =
          LogisticRegression.fitWeighted(aug.y(), aug.columns(), aug.weights());
      if (!fit.converged()) {
        warnings.add(
            "logreg: logistic model did not converge in 25 iterations (possible separation)");
      }
      // aliased coefficients (a constant predictor) stay at 0 and are not drawn
      int[] kept = new int[p];
      int rank = 0;
      for (int a = 0; a < p; a++) {
        if (!fit.aliased()[a]) {
          kept[rank++] = a;
        }
      }
      double[] b = new double[rank];
      double[][] v = new double[rank][rank];
      for (int a = 0; a < rank; a++) {
        b[a] = fit.coefficients()[kept[a]];
        for (int c = 0; c < rank; c++) {
          v[a][c] = fit.unscaledCovariance()[kept[a]][kept[c]];
        }
      }
      double[] drawn = d.multivariateNormal(b, v, 1.0);
      double[] beta = new double[p];
      for (int a = 0; a < rank; a++) {
        beta[kept[a]] = drawn[a];
      }
      double[] out = new double[mis.length];
      for (int k = 0; k < mis.length; k++) {
        double pr = Logit.inverse(dot(x[mis[k]], beta));
        out[k] = d.uniform() <= pr ? 1 : 0;
      }
      return out;
    }
  }

  /** Multinomial logistic imputation (mice.impute.polyreg): draws from fitted probabilities. */
  static final class Polyreg {
    private Polyreg() {}

    static double[] impute(
        double[][] x,
        double[] y,
        double[] levels,
        int[] obs,
        int[] mis,
        MiceOptions o,
        Draws d,
        List<String> warnings) {
      int p = x[0].length;
      int kk = levels.length;
      int m = kk - 1;
      int dim = p * m;
      double[] b = new double[dim]; // b[(k - 1) * p + a], category k = 1..K-1 against level 0
      int[] yc = new int[y.length];
      for (int i : obs) {
        yc[i] = Arrays.binarySearch(levels, y[i]);
      }
      double ll = logLik(x, yc, obs, b, p, m);
      boolean converged = false;
      for (int it = 0; it < 50 && !converged; it++) {
        double[][] h = new double[dim][dim];
        double[] g = new double[dim];
        double[] pr = new double[m];
        for (int i : obs) {
          probabilities(x[i], b, p, m, pr);
          for (int k = 0; k < m; k++) {
            double r = (yc[i] == k + 1 ? 1 : 0) - pr[k];
            for (int a = 0; a < p; a++) {
              g[k * p + a] += x[i][a] * r;
            }
            for (int l = 0; l <= k; l++) {
              double w = pr[k] * ((k == l ? 1 : 0) - pr[l]);
              for (int a = 0; a < p; a++) {
                for (int c = 0; c < p; c++) {
                  h[k * p + a][l * p + c] += w * x[i][a] * x[i][c];
                }
              }
            }
          }
        }
        for (int r = 0; r < dim; r++) {
          for (int c = 0; c < r; c++) {
            h[c][r] = h[r][c];
          }
        }
        for (int r = 0; r < dim; r++) {
          double pen = Math.max(o.ridge(), 1e-6) * Math.max(h[r][r], 1e-8);
          h[r][r] += pen;
          g[r] -= pen * b[r];
        }
        double[] step = Cholesky.solveLower(Cholesky.lower(h), g);
        double[] next = new double[dim];
        double nextLl = Double.NEGATIVE_INFINITY;
        for (double f = 1; f > 1e-4; f /= 2) { // step-halving
          for (int r = 0; r < dim; r++) {
            next[r] = b[r] + f * step[r];
          }
          nextLl = logLik(x, yc, obs, next, p, m);
          if (nextLl >= ll - 1e-10) {
            break;
          }
        }
        converged = Math.abs(nextLl - ll) < 1e-9 * (Math.abs(ll) + 0.1);
        b = next.clone();
        ll = nextLl;
      }
      if (!converged) {
        warnings.add("polyreg: multinomial model did not converge in 50 iterations");
      }
      double[] out = new double[mis.length];
      double[] pr = new double[m];
      for (int k = 0; k < mis.length; k++) {
        probabilities(x[mis[k]], b, p, m, pr);
        double u = d.uniform();
        double cum = 1;
        for (double v : pr) {
          cum -= v;
        }
        int cat = 0; // level 0 has probability 1 - sum(pr)
        while (u > cum && cat < m) {
          cum += pr[cat];
          cat++;
        }
        out[k] = levels[cat];
      }
      return out;
    }

    private static void probabilities(double[] xi, double[] b, int p, int m, double[] pr) {
      double max = 0;
      for (int k = 0; k < m; k++) {
        double e = 0;
        for (int a = 0; a < p; a++) {
          e += xi[a] * b[k * p + a];
        }
        pr[k] = e;
        max = Math.max(max, e);
      }
      double den = Math.exp(-max);
      for (int k = 0; k < m; k++) {
        pr[k] = Math.exp(pr[k] - max);
        den += pr[k];
      }
      for (int k = 0; k < m; k++) {
        pr[k] /= den;
      }
    }

    private static double logLik(double[][] x, int[] yc, int[] obs, double[] b, int p, int m) {
      double ll = 0;
      double[] pr = new double[m];
      for (int i : obs) {
        probabilities(x[i], b, p, m, pr);
        double py = yc[i] == 0 ? 1 - Arrays.stream(pr).sum() : pr[yc[i] - 1];
        ll += Math.log(Math.max(py, 1e-300));
      }
      return ll;
    }
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
