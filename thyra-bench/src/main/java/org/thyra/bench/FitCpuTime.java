package org.thyra.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.stats.survival.CoxModel;
import org.thyra.stats.survival.CoxOptions;
import org.thyra.stats.survival.KaplanMeier;
import org.thyra.stats.survival.LogRank;
import org.thyra.stats.survival.Ties;

/**
 * Fit-only wall and process CPU time of the fits, repeated after warm-up, so that the comparison
 * with R's {@code system.time} (elapsed and user CPU) holds on a machine that other work shares:
 * CPU time barely depends on the load, wall time does.
 *
 * <pre>java -cp thyra-bench/target/benchmarks.jar org.thyra.bench.FitCpuTime cox|km [repeats]</pre>
 */
public final class FitCpuTime {
  private FitCpuTime() {}

  public static void main(String[] args) {
    String what = args.length > 0 ? args[0] : "cox";
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    // process CPU: the fit may use a second thread (Cox passes), and after warm-up the JIT and
    // the collector add little
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Runnable work;
    if (what.equals("cox")) {
      ModelFrame f =
          BenchData.frame(
              "cox_1e6.csv",
              "Surv(time, status) ~ x1 + x2 + x3 + x4 + x5 + x6 + x7 + b1 + b2 + b3");
      work =
          () ->
              CoxModel.fit(
                  f.time(),
                  f.status(),
                  f.design().columns(),
                  f.design().columnNames(),
                  null,
                  CoxOptions.of(Ties.EFRON));
    } else {
      ModelFrame f = BenchData.frame("km_1e7.csv", "Surv(time, status) ~ factor(group)");
      int[] g = f.variables().get(0).codes();
      int k = f.variables().get(0).levels().size();
      work =
          () -> {
            KaplanMeier.fitGroups(f.time(), f.status(), g, k);
            LogRank.test(f.time(), f.status(), g, k, null, 0);
          };
    }
    for (int r = 0; r < repeats; r++) {
      long cpu0 = os.getProcessCpuTime();
      long wall0 = System.nanoTime();
      work.run();
      System.out.printf(
          "%s run %d: wall %.3f s, cpu %.3f s%n",
          what, r + 1, (System.nanoTime() - wall0) / 1e9, (os.getProcessCpuTime() - cpu0) / 1e9);
    }
  }
}
