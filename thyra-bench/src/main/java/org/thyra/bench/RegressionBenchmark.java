package org.thyra.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.thyra.stats.cutpoint.MaxSelectedRank;
import org.thyra.stats.cutpoint.MaxSelectedRankResult;
import org.thyra.stats.regression.LogisticRegression;
import org.thyra.stats.regression.LogisticResult;
import org.thyra.stats.roc.AucInterval;
import org.thyra.stats.roc.RocCurve;
import org.thyra.stats.roc.RocDirection;

/**
 * Timing of the large-n cases in docs/PERFORMANCE.md on the data R timed (run by hand, never by
 * CI). First {@code Rscript thyra-stats/src/test/r/regression_benchmark.R DIR}, then {@code java
 * -Xmx3g -cp ... org.thyra.stats.bench.RegressionBenchmark DIR}. Each case runs 9 times after 5
 * warm-ups (maxstat, being short: 31 after 50; logistic: 5 after 2); the median and minimum of
 * wall-clock, the calling thread's CPU time, and the process's mean CPU time are printed, with the
 * results next to R's (DIR/r_results.txt).
 */
public final class RegressionBenchmark {
  private RegressionBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/regbench");
    double[] t = read(dir, "maxstat_time.f64");
    double[] e = read(dir, "maxstat_event.f64");
    double[] x = read(dir, "maxstat_x.f64");
    MaxSelectedRankResult ms = MaxSelectedRank.logRank(t, e, x);
    System.out.printf(
        "maxstat statistic %.15g cutpoint %.15g p %.15g%n",
        ms.statistic(), ms.cutpoint(), ms.pAdjusted());
    time(
        "maxstat LogRank + Lau94, n = 1e5",
        50,
        31,
        () -> MaxSelectedRank.logRank(t, e, x).statistic());

    double[] y = read(dir, "roc_y.f64");
    double[] m = read(dir, "roc_marker.f64");
    AucInterval ai = RocCurve.of(y, m, RocDirection.AUTO).aucInterval(0.95);
    System.out.printf("roc auc %.15g lower %.15g upper %.15g%n", ai.auc(), ai.lower(), ai.upper());
    time(
        "ROC + AUC + DeLong CI, n = 1e6",
        5,
        9,
        () -> RocCurve.of(y, m, RocDirection.AUTO).aucInterval(0.95).auc());
    time(
        "same + curve and Youden (Java only)",
        5,
        9,
        () -> RocCurve.of(y, m, RocDirection.AUTO).result(0.95).best().size());

    double[] yl = read(dir, "logit_y.f64");
    double[] flat = read(dir, "logit_x.f64");
    int n = yl.length;
    int p = flat.length / n;
    double[][] cols = new double[p][];
    List<String> names = new ArrayList<>();
    int[] assign = new int[p];
    for (int j = 0; j < p; j++) {
      cols[j] = Arrays.copyOfRange(flat, j * n, (j + 1) * n);
      names.add("x" + (j + 1));
      assign[j] = j;
    }
    LogisticResult lr = LogisticRegression.fit(yl, cols, names, assign);
    System.out.printf(
        "glm iterations %d deviance %.15g coef1 %.15g%n",
        lr.iterations(), lr.deviance(), lr.terms().get(0).coef());
    time(
        "logistic IRLS, n = 1e6, p = 20",
        2,
        5,
        () -> LogisticRegression.fit(yl, cols, names, assign).iterations());
    System.out.println(
        "R: " + String.join("\n   ", Files.readAllLines(dir.resolve("r_results.txt"))));
  }

  /** Little-endian doubles as R's writeBin(size = 8, endian = "little") writes them. */
  static double[] read(Path dir, String name) throws IOException {
    ByteBuffer b =
        ByteBuffer.wrap(Files.readAllBytes(dir.resolve(name))).order(ByteOrder.LITTLE_ENDIAN);
    double[] v = new double[b.remaining() / 8];
    b.asDoubleBuffer().get(v);
    return v;
  }

  interface Job {
    double run();
  }

  /**
   * Wall-clock, the calling thread's CPU time and the process's CPU time per run (which includes
   * the second thread that maxstat and ROC use for large n, and the JIT and GC threads). The
   * process total ticks in 10 ms steps and CompletableFuture runs each task on a thread of its own
   * on a 2-core machine (so per-thread sums miss it): the mean over all runs is printed.
   */
  private static void time(String label, int warmup, int runs, Job job) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int w = 0; w < warmup; w++) {
      job.run();
    }
    long[] ns = new long[runs];
    long[] cpu = new long[runs];
    double v = 0;
    long process = os.getProcessCpuTime();
    for (int r = 0; r < runs; r++) {
      long c = mx.getCurrentThreadCpuTime();
      long s = System.nanoTime();
      v = job.run();
      ns[r] = System.nanoTime() - s;
      cpu[r] = mx.getCurrentThreadCpuTime() - c;
    }
    double processMean = (os.getProcessCpuTime() - process) / (double) runs;
    Arrays.sort(ns);
    Arrays.sort(cpu);
    System.out.printf(
        "%-40s wall median %7.4f s min %7.4f s | thread cpu median %7.4f s | process cpu mean %7.4f s"
            + "  (value %s)%n",
        label, ns[runs / 2] / 1e9, ns[0] / 1e9, cpu[runs / 2] / 1e9, processMean / 1e9, v);
  }
}
