package org.thyra.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.stats.survival.CoxFit;
import org.thyra.stats.survival.CoxModel;
import org.thyra.stats.survival.CoxOptions;
import org.thyra.stats.survival.CoxZph;
import org.thyra.stats.survival.CoxZphResult;
import org.thyra.stats.survival.Ties;

/**
 * Fit-only time of the Cox model on n = 10^6, p = 10 (bench/data/cox_1e6.csv), the counterpart of
 * {@code system.time(coxph(...))} in bench/r/cox.R. The fit includes what coxph computes (the
 * concordance); the PH test, which coxph does not run, is measured separately.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx4g"})
public class CoxFitBenchmark {
  @Param({"EFRON", "BRESLOW"})
  public Ties ties;

  private ModelFrame frame;
  private CoxFit fit;

  @Setup(Level.Trial)
  public void load() {
    frame =
        BenchData.frame(
            "cox_1e6.csv", "Surv(time, status) ~ x1 + x2 + x3 + x4 + x5 + x6 + x7 + b1 + b2 + b3");
    fit = fitCox();
  }

  @Benchmark
  public CoxFit fitCox() {
    return CoxModel.fit(
        frame.time(),
        frame.status(),
        frame.design().columns(),
        frame.design().columnNames(),
        null,
        CoxOptions.of(ties));
  }

  @Benchmark
  public CoxZphResult phTest() {
    return CoxZph.test(
        fit,
        frame.time(),
        frame.status(),
        frame.design().columns(),
        null,
        frame.design().assign(),
        frame.design().columnNames());
  }
}
