package org.thyra.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.thyra.stats.descriptive.CategoricalSummary;
import org.thyra.stats.descriptive.GroupComparison;
import org.thyra.stats.descriptive.NumericSummary;
import org.thyra.stats.descriptive.StandardizedMeanDifference;
import org.thyra.stats.descriptive.TablePreset;

/**
 * Wall-clock benchmark of the numerics of a Table 1 on 10^6 rows (not a unit test; see
 * docs/PERFORMANCE.md): 4 numeric variables (summaries + ANOVA + Kruskal–Wallis/Wilcoxon) and 4
 * categorical variables (counts + chi-squared), 2 groups, 5% missing values.
 */
public final class TableOneBenchmark {
  private TableOneBenchmark() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    SplittableRandom rng = new SplittableRandom(42);
    double[] g = new double[n];
    double[][] num = new double[4][n];
    double[][] cat = new double[4][n];
    for (int i = 0; i < n; i++) {
      g[i] = rng.nextInt(2);
      for (int j = 0; j < 4; j++) {
        num[j][i] =
            rng.nextDouble() < 0.05
                ? Double.NaN
                : Math.round((rng.nextGaussian() + g[i] * 0.1) * 100) / 10.0;
        cat[j][i] = rng.nextDouble() < 0.05 ? Double.NaN : rng.nextInt(2 + j);
      }
    }
    int reps = 5;
    double[] ms = new double[reps];
    double sink = 0;
    for (int k = -2; k < reps; k++) {
      long t0 = System.nanoTime();
      for (int j = 0; j < 4; j++) {
        sink += NumericSummary.of(num[j]).median();
        sink += GroupComparison.numeric(num[j], g, TablePreset.TABLEONE, false).p();
        sink += GroupComparison.numeric(num[j], g, TablePreset.GTSUMMARY, false).p();
        sink += StandardizedMeanDifference.continuous(num[j], g).smd();
        sink += CategoricalSummary.of(cat[j], new double[] {0, 1, 2, 3, 4}).counts()[0];
        sink += GroupComparison.categorical(cat[j], g, TablePreset.GTSUMMARY, false).p();
        sink += StandardizedMeanDifference.categorical(cat[j], g).smd();
      }
      if (k >= 0) {
        ms[k] = (System.nanoTime() - t0) / 1e6;
      }
    }
    Arrays.sort(ms);
    System.out.printf(
        "Thyra Table 1 numerics, %d rows, 4 numeric + 4 categorical, 2 groups: median %.0f ms "
            + "(min %.0f, max %.0f) [%s]%n",
        n, ms[reps / 2], ms[0], ms[reps - 1], sink != 0 ? "ok" : "?");
  }
}
