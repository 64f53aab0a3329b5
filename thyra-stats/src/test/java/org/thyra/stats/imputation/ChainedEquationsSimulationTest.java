package org.thyra.stats.imputation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.thyra.stats.linear.Cholesky;

/**
 * Chained equations tested by simulation with known truth (bias and 95% CI coverage after Rubin
 * pooling) under MCAR and MAR; not against R, whose RNG differs.
 */
class ChainedEquationsSimulationTest {
  private static final int REPLICATES = 60;

  private static double expit(double v) {
    return 1 / (1 + Math.exp(-v));
  }

  /** OLS of y on [1, x, z]: estimates and variances (sigma^2 (X'X)^-1 diagonal). */
  private static double[][] ols(double[] y, double[] x, double[] z) {
    int n = y.length;
    double[][] xtx = new double[3][3];
    double[] xty = new double[3];
    for (int i = 0; i < n; i++) {
      double[] r = {1, x[i], z[i]};
      for (int a = 0; a < 3; a++) {
        xty[a] += r[a] * y[i];
        for (int b = 0; b < 3; b++) {
          xtx[a][b] += r[a] * r[b];
        }
      }
    }
    double[][] inv = Cholesky.inversePositiveDefinite(xtx);
    double[] beta = new double[3];
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 3; b++) {
        beta[a] += inv[a][b] * xty[b];
      }
    }
    double rss = 0;
    for (int i = 0; i < n; i++) {
      double e = y[i] - beta[0] - beta[1] * x[i] - beta[2] * z[i];
      rss += e * e;
    }
    double s2 = rss / (n - 3);
    return new double[][] {beta, {s2 * inv[0][0], s2 * inv[1][1], s2 * inv[2][2]}};
  }

  private static boolean covers(PooledEstimate e, double truth) {
    double q = TDistribution.of(e.df()).inverseSurvivalProbability(0.025);
    return Math.abs(e.estimate() - truth) <= q * e.standardError();
  }

  /** pmm on a numeric covariate of a linear model; missingness MCAR or MAR (on the outcome). */
  @ParameterizedTest(name = "pmm, MAR = {0}")
  @ValueSource(booleans = {false, true})
  void pmmRecoversRegressionSlope(boolean mar) {
    SplittableRandom rng = new SplittableRandom(mar ? 101 : 100);
    int n = 300;
    double truth = 0.5;
    double bias = 0;
    double ccBias = 0;
    int covered = 0;
    for (int r = 0; r < REPLICATES; r++) {
      double[] x = new double[n];
      double[] z = new double[n];
      double[] y = new double[n];
      double[] xm = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = rng.nextGaussian();
        z[i] = 0.6 * x[i] + 0.8 * rng.nextGaussian();
        y[i] = 1 + truth * x[i] + 0.5 * z[i] + rng.nextGaussian();
        double pMiss = mar ? expit(-1.2 + 1.2 * y[i] - 1.2) : 0.3;
        xm[i] = rng.nextDouble() < pMiss ? Double.NaN : x[i];
      }
      MiceResult res =
          ChainedEquations.impute(
              new double[][] {y, xm, z},
              new VariableType[] {VariableType.NUMERIC, VariableType.NUMERIC, VariableType.NUMERIC},
              MiceOptions.defaults(r + 1));
      double[][] est = new double[5][];
      double[][] var = new double[5][];
      for (int l = 0; l < 5; l++) {
        double[][] d = res.completed().get(l);
        double[][] f = ols(d[0], d[1], d[2]);
        est[l] = f[0];
        var[l] = f[1];
      }
      PooledEstimate slope = RubinPooling.pool(est, var, n - 3).terms().get(1);
      bias += slope.estimate() - truth;
      covered += covers(slope, truth) ? 1 : 0;
      ccBias += completeCaseSlope(y, xm, z) - truth;
    }
    bias /= REPLICATES;
    ccBias /= REPLICATES;
    assertThat(Math.abs(bias)).as("mean bias of pooled slope").isLessThan(0.05);
    assertThat(covered / (double) REPLICATES).as("95%% CI coverage").isBetween(0.85, 1.0);
    if (mar) {
      // selection on the outcome biases complete cases; imputation must do clearly better
      assertThat(Math.abs(ccBias)).isGreaterThan(2 * Math.abs(bias));
    }
  }

  private static double completeCaseSlope(double[] y, double[] xm, double[] z) {
    int c = 0;
    for (double v : xm) {
      c += Double.isNaN(v) ? 0 : 1;
    }
    double[] yy = new double[c];
    double[] xx = new double[c];
    double[] zz = new double[c];
    for (int i = 0, k = 0; i < y.length; i++) {
      if (!Double.isNaN(xm[i])) {
        yy[k] = y[i];
        xx[k] = xm[i];
        zz[k] = z[i];
        k++;
      }
    }
    return ols(yy, xx, zz)[0][1];
  }

  /**
   * logreg and polyreg: proportions of a binary and a 3-level variable, missing at random given x.
   */
  @Test
  void logregAndPolyregRecoverProportionsUnderMar() {
    SplittableRandom rng = new SplittableRandom(7);
    int n = 400;
    double biasB = 0;
    double biasC = 0;
    double ccBiasB = 0;
    int coveredB = 0;
    int coveredC = 0;
    int reps = 40;
    for (int r = 0; r < reps; r++) {
      double[] x = new double[n];
      double[] b = new double[n];
      double[] c = new double[n];
      double truthB = 0;
      double truthC = 0;
      for (int i = 0; i < n; i++) {
        x[i] = rng.nextGaussian();
        double pb = expit(-0.3 + 1.2 * x[i]);
        // 3 levels coded 1, 2, 5 (codes need not be consecutive)
        double e2 = Math.exp(0.2 + 0.8 * x[i]);
        double e3 = Math.exp(-0.5 + 1.5 * x[i]);
        double den = 1 + e2 + e3;
        truthB += pb / n;
        truthC += e3 / den / n;
        b[i] = rng.nextDouble() < pb ? 1 : 0;
        double u = rng.nextDouble();
        c[i] = u < 1 / den ? 1 : u < (1 + e2) / den ? 2 : 5;
        // MAR: higher x, more missing (and higher x means more b = 1 and more c = 5)
        if (rng.nextDouble() < expit(-1 + 1.2 * x[i])) {
          b[i] = Double.NaN;
        }
        if (rng.nextDouble() < expit(-1 + 1.2 * x[i])) {
          c[i] = Double.NaN;
        }
      }
      MiceResult res =
          ChainedEquations.impute(
              new double[][] {x, b, c},
              new VariableType[] {
                VariableType.NUMERIC, VariableType.BINARY, VariableType.CATEGORICAL
              },
              MiceOptions.defaults(1000 + r));
      assertThat(res.methods())
          .containsExactly(
              ImputationMethod.NONE, ImputationMethod.LOGREG, ImputationMethod.POLYREG);
      double[][] eb = new double[5][1];
      double[][] vb = new double[5][1];
      double[][] ec = new double[5][1];
      double[][] vc = new double[5][1];
      for (int l = 0; l < 5; l++) {
        double[][] d = res.completed().get(l);
        double pb = 0;
        double pc = 0;
        for (int i = 0; i < n; i++) {
          pb += d[1][i] / n;
          pc += (d[2][i] == 5 ? 1.0 : 0.0) / n;
          assertThat(d[2][i]).isIn(1.0, 2.0, 5.0);
        }
        eb[l][0] = pb;
        vb[l][0] = pb * (1 - pb) / n;
        ec[l][0] = pc;
        vc[l][0] = pc * (1 - pc) / n;
      }
      PooledEstimate pb = RubinPooling.pool(eb, vb, n - 1).terms().get(0);
      PooledEstimate pc = RubinPooling.pool(ec, vc, n - 1).terms().get(0);
      biasB += (pb.estimate() - truthB) / reps;
      biasC += (pc.estimate() - truthC) / reps;
      coveredB += covers(pb, truthB) ? 1 : 0;
      coveredC += covers(pc, truthC) ? 1 : 0;
      double cc = 0;
      int nc = 0;
      for (double v : b) {
        if (!Double.isNaN(v)) {
          cc += v;
          nc++;
        }
      }
      ccBiasB += (cc / nc - truthB) / reps;
    }
    assertThat(Math.abs(biasB)).as("logreg bias").isLessThan(0.02);
    assertThat(Math.abs(biasC)).as("polyreg bias").isLessThan(0.02);
    assertThat(Math.abs(ccBiasB)).as("complete-case bias is real").isGreaterThan(0.04);
    assertThat(coveredB / (double) reps).as("logreg coverage").isBetween(0.85, 1.0);
    assertThat(coveredC / (double) reps).as("polyreg coverage").isBetween(0.85, 1.0);
  }

  @Test
  void observedValuesAreKeptAndSeedReproduces() {
    double[][] cols = {
      {1, 2, Double.NaN, 4, 5, 6, 7, 8}, {2.1, Double.NaN, 6.2, 8.1, 9.9, 12.2, 14.1, 15.8}
    };
    VariableType[] t = {VariableType.NUMERIC, VariableType.NUMERIC};
    MiceResult a = ChainedEquations.impute(cols, t, MiceOptions.defaults(3));
    MiceResult b = ChainedEquations.impute(cols, t, MiceOptions.defaults(3));
    assertThat(a.completed().get(4)).isDeepEqualTo(b.completed().get(4));
    for (double[][] d : a.completed()) {
      assertThat(d[0][0]).isEqualTo(1);
      assertThat(d[1][7]).isEqualTo(15.8);
      // pmm imputes observed values only
      assertThat(new double[] {1, 2, 4, 5, 6, 7, 8}).contains(d[0][2]);
      assertThat(d[1][1]).isNotNaN();
    }
    assertThat(a.method()).contains("seed 3").contains("not R's RNG");
  }

  @Test
  void badInputIsRejected() {
    VariableType[] t = {VariableType.NUMERIC, VariableType.BINARY};
    assertThatThrownBy(
            () ->
                ChainedEquations.impute(
                    new double[][] {{1, 2}, {0, 2}}, t, MiceOptions.defaults(1)))
        .hasMessageContaining("0/1");
    assertThatThrownBy(
            () ->
                ChainedEquations.impute(
                    new double[][] {{1, 2}, {Double.NaN, Double.NaN}}, t, MiceOptions.defaults(1)))
        .hasMessageContaining("no observed value");
    assertThatThrownBy(() -> new MiceOptions(0, 5, 1, 5, 1e-5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
