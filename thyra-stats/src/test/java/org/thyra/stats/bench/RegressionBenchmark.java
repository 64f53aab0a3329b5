package org.thyra.stats.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.thyra.stats.cutpoint.MaxSelectedRank;
import org.thyra.stats.regression.LogisticRegression;
import org.thyra.stats.roc.RocCurve;
import org.thyra.stats.roc.RocDirection;

/**
 * Wall-clock timing of the large-n cases in docs/performance/regression.md (run by hand, not by CI):
 * {@code java -cp ... org.thyra.stats.bench.RegressionBenchmark}. Each case is run 9 times after 5
 * warm-up runs (maxstat, being short: 31 after 50); median and minimum wall-clock and thread CPU time are printed. The R side is src/test/r/regression_benchmark.R.
 */
public final class RegressionBenchmark {
    private RegressionBenchmark() {
    }

    public static void main(String[] args) {
        SplittableRandom rnd = new SplittableRandom(20261122);
        // DeLong AUC + CI, n = 1e6
        int n = 1_000_000;
        double[] y = new double[n];
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = rnd.nextDouble() < 0.3 ? 1 : 0;
            m[i] = rnd.nextGaussian() + 0.8 * y[i];
        }
        time("ROC + DeLong CI, n = 1e6", () -> RocCurve.of(y, m, RocDirection.AUTO).aucInterval(0.95).auc());
        time("ROC full result (curve, Youden), n = 1e6", () -> RocCurve.of(y, m, RocDirection.AUTO).result(0.95).best().size());
        // maxstat, n = 1e5
        int ns = 100_000;
        double[] t = new double[ns];
        double[] e = new double[ns];
        double[] x = new double[ns];
        for (int i = 0; i < ns; i++) {
            x[i] = Math.round(rnd.nextGaussian() * 1000) / 100.0;
            t[i] = -Math.log(rnd.nextDouble()) / Math.exp(0.1 * x[i]);
            e[i] = rnd.nextDouble() < 0.7 ? 1 : 0;
        }
        time("maxstat LogRank + Lau94, n = 1e5", 50, 31, () -> MaxSelectedRank.logRank(t, e, x).statistic());
        // logistic, n = 1e6, p = 20
        int p = 20;
        double[][] cols = new double[p][n];
        double[] yl = new double[n];
        for (int i = 0; i < n; i++) {
            double eta = -0.5;
            for (int j = 0; j < p; j++) {
                cols[j][i] = rnd.nextGaussian();
                eta += 0.05 * (j % 5) * cols[j][i];
            }
            yl[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
        }
        List<String> names = new ArrayList<>();
        int[] assign = new int[p];
        for (int j = 0; j < p; j++) {
            names.add("x" + j);
            assign[j] = j;
        }
        time("logistic IRLS, n = 1e6, p = 20", () -> LogisticRegression.fit(yl, cols, names, assign).iterations());
    }

    interface Job {
        double run();
    }

    private static void time(String label, Job job) {
        time(label, WARMUP, RUNS, job);
    }

    private static void time(String label, int warmup, int runs, Job job) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int w = 0; w < warmup; w++) {
            job.run();
        }
        long[] ns = new long[runs];
        long[] cpu = new long[runs];
        double v = 0;
        for (int r = 0; r < ns.length; r++) {
            long c = mx.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            v = job.run();
            ns[r] = System.nanoTime() - s;
            cpu[r] = mx.getCurrentThreadCpuTime() - c;
        }
        java.util.Arrays.sort(ns);
        java.util.Arrays.sort(cpu);
        System.out.printf("%-40s wall median %8.4f s min %8.4f s | cpu median %8.4f s min %8.4f s  (value %s)%n", label,
            ns[runs / 2] / 1e9, ns[0] / 1e9, cpu[runs / 2] / 1e9, cpu[0] / 1e9, v);
    }

    private static final int WARMUP = 5;
    private static final int RUNS = 9;
}
