package org.thyra.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.stats.survival.KaplanMeier;
import org.thyra.stats.survival.KaplanMeierCurve;
import org.thyra.stats.survival.LogRank;
import org.thyra.stats.survival.LogRankResult;

/**
 * Fit-only time of Kaplan–Meier by group and the log-rank test on n = 10^7 (bench/data/km_1e7.csv)
 * within a 2 GB heap, the counterpart of survfit + survdiff in bench/r/km.R.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g"})
public class KaplanMeierBenchmark {
  private double[] time;
  private int[] status;
  private int[] group;
  private int groups;

  @Setup(Level.Trial)
  public void load() {
    ModelFrame frame = BenchData.frame("km_1e7.csv", "Surv(time, status) ~ factor(group)");
    time = frame.time();
    status = frame.status();
    group = frame.variables().get(0).codes();
    groups = frame.variables().get(0).levels().size();
  }

  @Benchmark
  public List<KaplanMeierCurve> kaplanMeierByGroup() {
    return KaplanMeier.fitGroups(time, status, group, groups);
  }

  @Benchmark
  public LogRankResult logRank() {
    return LogRank.test(time, status, group, groups, null, 0);
  }
}
