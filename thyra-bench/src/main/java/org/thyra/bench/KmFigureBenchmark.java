package org.thyra.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
import org.thyra.report.figure.FigureFormat;
import org.thyra.report.figure.FigureWriter;
import org.thyra.report.figure.KmFigure;
import org.thyra.stats.survival.KaplanMeier;
import org.thyra.stats.survival.KaplanMeierCurve;

/**
 * Drawing time of a Kaplan–Meier figure of n = 10^6 rows after the fit (issue 12, item 8): two
 * groups with risk table, censor marks and confidence bands, written to SVG and to a 300 dpi PNG.
 * Times are whole days (as a registry holds them) or continuous (every time distinct, the worst
 * case for the number of steps). Prints each SVG's size once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 8)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g", "-Djava.awt.headless=true"})
public class KmFigureBenchmark {
  @Param({"days", "continuous"})
  public String times;

  private List<KmFigure.Series> series;

  @Setup(Level.Trial)
  public void fit() throws IOException {
    series = data(times.equals("days"));
    System.out.println("\nsvg bytes (" + times + "): " + draw(FigureFormat.SVG).size());
  }

  /**
   * Two groups of 500 000 rows (seed 20261205), exponential event times (means 1200 and 1800),
   * uniform censoring over 3650; whole days or continuous times. Fitted here, outside the timing.
   */
  static List<KmFigure.Series> data(boolean days) {
    SplittableRandom r = new SplittableRandom(20261205);
    int n = 1_000_000;
    List<KmFigure.Series> out = new ArrayList<>();
    for (int g = 0; g < 2; g++) {
      double[] t = new double[n / 2];
      int[] s = new int[n / 2];
      for (int i = 0; i < t.length; i++) {
        double e = -Math.log(r.nextDouble()) * (1200 + 600 * g);
        double c = r.nextDouble() * 3650;
        double v = Math.min(e, c);
        t[i] = days ? Math.ceil(v) : v;
        s[i] = e <= c ? 1 : 0;
      }
      KaplanMeierCurve curve = KaplanMeier.fit(t, s);
      out.add(new KmFigure.Series(g == 0 ? "control" : "treated", curve));
    }
    return out;
  }

  /** The figure of the benchmark: risk table at 11 yearly times, censor marks, CI bands. */
  static KmFigure figure(List<KmFigure.Series> series) {
    return KmFigure.builder(series)
        .breaks(new double[] {0, 365, 730, 1095, 1460, 1825, 2190, 2555, 2920, 3285, 3650})
        .confBand(true)
        .build();
  }

  private ByteArrayOutputStream draw(FigureFormat format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FigureWriter.write(out, format, figure(series), 300);
    return out;
  }

  @Benchmark
  public int svg() throws IOException {
    return draw(FigureFormat.SVG).size();
  }

  @Benchmark
  public int png300dpi() throws IOException {
    return draw(FigureFormat.PNG).size();
  }

  @Benchmark
  public int pdf() throws IOException {
    return draw(FigureFormat.PDF).size();
  }
}
