package org.thyra.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.thyra.frame.TableReader;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.stats.prediction.BootstrapValidation;
import org.thyra.stats.prediction.TimeDependentAuc;
import org.thyra.stats.survival.Ties;

/**
 * In-process wall and process-CPU time of the issue-4 prediction computations, repeated after one
 * warm-up run, with the medians: the counterpart of {@code system.time()} around {@code
 * rms::validate}, {@code rms::calibrate} and {@code riskRegression::Score} in {@code
 * bench/r/validate.R} and {@code bench/r/tdroc.R}. Data: {@code bench/r/generate_prediction.R}.
 *
 * <pre>
 * java -cp thyra-bench/target/benchmarks.jar org.thyra.bench.PredictionCpuTime validate  FILE [repeats] [B] [threads]
 * java -cp thyra-bench/target/benchmarks.jar org.thyra.bench.PredictionCpuTime calibrate FILE [repeats] [B] [threads] [u] [m]
 * java -cp thyra-bench/target/benchmarks.jar org.thyra.bench.PredictionCpuTime tdroc     FILE [repeats] [times]
 * </pre>
 *
 * Defaults: 5 repeats, B = 200, threads = available processors, u = 36, m = 1000, times 12,36,60.
 */
public final class PredictionCpuTime {
  static final String FORMULA = "Surv(time, status) ~ x1 + x2 + x3 + x4 + f1 + f2";

  private PredictionCpuTime() {}

  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println("usage: PredictionCpuTime validate|calibrate|tdroc FILE [repeats] [...]");
      System.exit(2);
    }
    String what = args[0];
    Path file = Path.of(args[1]);
    if (!Files.exists(file)) {
      throw new IllegalStateException(
          file + " not found: run Rscript bench/r/generate_prediction.R first");
    }
    int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    Runnable work;
    String label;
    switch (what) {
      case "validate", "calibrate" -> {
        int b = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        int threads =
            args.length > 4
                ? Integer.parseInt(args[4])
                : Runtime.getRuntime().availableProcessors();
        ModelFrame f = frame(file, FORMULA);
        double[][] x = f.design().columns();
        if (what.equals("validate")) {
          work =
              () ->
                  BootstrapValidation.cox(
                      f.time(),
                      f.status(),
                      x,
                      f.design().columnNames(),
                      Ties.EFRON,
                      b,
                      20261122L,
                      threads);
          label = String.format("BootstrapValidation.cox n=%d B=%d threads=%d", f.n(), b, threads);
        } else {
          double u = args.length > 5 ? Double.parseDouble(args[5]) : 36;
          int m = args.length > 6 ? Integer.parseInt(args[6]) : 1000;
          work =
              () ->
                  BootstrapValidation.coxCalibration(
                      f.time(),
                      f.status(),
                      x,
                      f.design().columnNames(),
                      Ties.EFRON,
                      u,
                      m,
                      b,
                      20261122L,
                      threads);
          label =
              String.format(
                  "BootstrapValidation.coxCalibration n=%d B=%d threads=%d u=%s m=%d",
                  f.n(), b, threads, u, m);
        }
      }
      case "tdroc" -> {
        double[] times =
            Arrays.stream((args.length > 3 ? args[3] : "12,36,60").split(","))
                .mapToDouble(Double::parseDouble)
                .toArray();
        ModelFrame f = frame(file, "Surv(time, status) ~ risk");
        double[] marker = f.design().column(0);
        work = () -> TimeDependentAuc.compute(f.time(), f.status(), marker, times, 0.95);
        label = String.format("TimeDependentAuc n=%d times=%s", f.n(), Arrays.toString(times));
      }
      default ->
          throw new IllegalArgumentException(
              "unknown benchmark " + what + ": validate, calibrate or tdroc");
    }
    // process CPU, not thread CPU: the bootstrap runs on several threads
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    double[] wall = new double[repeats];
    double[] cpu = new double[repeats];
    System.out.println(label);
    for (int r = -1; r < repeats; r++) {
      long cpu0 = os.getProcessCpuTime();
      long wall0 = System.nanoTime();
      work.run();
      double w = (System.nanoTime() - wall0) / 1e9;
      double c = (os.getProcessCpuTime() - cpu0) / 1e9;
      if (r < 0) {
        System.out.printf("%s warm-up: wall %.3f s, cpu %.3f s%n", what, w, c);
        continue;
      }
      wall[r] = w;
      cpu[r] = c;
      System.out.printf("%s run %d: wall %.3f s, cpu %.3f s%n", what, r + 1, w, c);
    }
    System.out.printf(
        "%s median of %d: wall %.3f s, cpu %.3f s%n", what, repeats, median(wall), median(cpu));
  }

  static ModelFrame frame(Path file, String formula) {
    Formula f = Formula.parse(formula);
    return ModelFrame.build(TableReader.read(file, f.variables()), f);
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
