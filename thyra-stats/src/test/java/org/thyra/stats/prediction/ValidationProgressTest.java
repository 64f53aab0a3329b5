package org.thyra.stats.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.thyra.stats.Progress;
import org.thyra.stats.golden.Golden;
import org.thyra.stats.imputation.ChainedEquations;
import org.thyra.stats.imputation.MiceOptions;
import org.thyra.stats.imputation.MiceResult;
import org.thyra.stats.imputation.VariableType;
import org.thyra.stats.survival.Ties;

/**
 * Progress only observes (issue 11): with a listener and any thread count, bootstrap validation and
 * chained equations return exactly what they return without one, and the listener hears every step
 * once, ending at the total.
 */
class ValidationProgressTest {

  /** Every update heard, from any thread. */
  private static final class Recorder implements Progress {
    final List<Long> done = Collections.synchronizedList(new ArrayList<>());
    final List<String> tasks = Collections.synchronizedList(new ArrayList<>());
    volatile long total = -1;

    @Override
    public void update(String task, long d, long t) {
      tasks.add(task);
      done.add(d);
      total = t;
    }

    /** The steps heard, sorted (threads may report out of order). */
    List<Long> sorted() {
      List<Long> s = new ArrayList<>(done);
      Collections.sort(s);
      return s;
    }
  }

  private static List<Long> zeroTo(long n) {
    List<Long> l = new ArrayList<>();
    for (long i = 0; i <= n; i++) {
      l.add(i);
    }
    return l;
  }

  private static List<String> names(JsonNode g) {
    final List<String> l = new ArrayList<>();
    g.get("names").forEach(v -> l.add(v.asText()));
    return l;
  }

  @ParameterizedTest(name = "threads = {0}")
  @ValueSource(ints = {1, 3})
  void bootstrapIsTheSameWithAndWithoutProgressAndEveryReplicateIsHeard(int threads) {
    final JsonNode g = Golden.load("prediction/validate_lung_cph");
    final double[] time = Golden.doubles(g.get("time"));
    final int[] status = Golden.ints(g.get("status"));
    final double[][] x = Golden.columns(g.get("x"));
    final int b = 17;
    final ValidationResult quiet =
        BootstrapValidation.cox(time, status, x, names(g), Ties.EFRON, b, 7L, 1);
    final Recorder heard = new Recorder();
    final ValidationResult told =
        BootstrapValidation.cox(time, status, x, names(g), Ties.EFRON, b, 7L, threads, heard);
    assertThat(told).isEqualTo(quiet);
    assertThat(heard.sorted()).isEqualTo(zeroTo(b));
    assertThat(heard.total).isEqualTo(b);
    assertThat(heard.tasks).containsOnly("bootstrap of the Cox model");

    final double u = 365;
    final CalibrationValidationResult calQuiet =
        BootstrapValidation.coxCalibration(time, status, x, names(g), Ties.EFRON, u, 40, b, 7L, 1);
    final Recorder calHeard = new Recorder();
    final CalibrationValidationResult calTold =
        BootstrapValidation.coxCalibration(
            time, status, x, names(g), Ties.EFRON, u, 40, b, 7L, threads, calHeard);
    assertThat(calTold).isEqualTo(calQuiet);
    assertThat(calHeard.sorted()).isEqualTo(zeroTo(b));
    assertThat(calHeard.tasks).containsOnly("bootstrap calibration at 365");
  }

  @ParameterizedTest(name = "threads = {0}")
  @ValueSource(ints = {1, 2})
  void logisticBootstrapIsTheSameWithProgress(int threads) {
    final JsonNode g = Golden.load("prediction/validate_birthwt_lrm");
    final double[] y = Golden.doubles(g.get("y"));
    final double[][] x = Golden.columns(g.get("x"));
    final ValidationResult quiet = BootstrapValidation.logistic(y, x, names(g), 9, 3L, 1);
    final Recorder heard = new Recorder();
    final ValidationResult told =
        BootstrapValidation.logistic(y, x, names(g), 9, 3L, threads, heard);
    assertThat(told).isEqualTo(quiet);
    assertThat(heard.sorted()).isEqualTo(zeroTo(9));
  }

  @ParameterizedTest(name = "m = {0}")
  @ValueSource(ints = {1, 4})
  void chainedEquationsAreTheSameWithProgressAndHearEveryIteration(int m) {
    SplittableRandom r = new SplittableRandom(11);
    int n = 60;
    double[] a = new double[n];
    double[] c = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = r.nextGaussian();
      c[i] = r.nextDouble() < 1 / (1 + Math.exp(-a[i])) ? 1 : 0;
      if (i % 7 == 0) {
        a[i] = Double.NaN;
      }
      if (i % 5 == 1) {
        c[i] = Double.NaN;
      }
    }
    double[][] columns = {a, c};
    VariableType[] types = {VariableType.NUMERIC, VariableType.BINARY};
    MiceOptions options = new MiceOptions(m, 3, 5L, 5, 1e-5);
    MiceResult quiet = ChainedEquations.impute(columns, types, options);
    Recorder heard = new Recorder();
    MiceResult told = ChainedEquations.impute(columns, types, options, heard);
    assertThat(told.completed()).hasSameSizeAs(quiet.completed());
    for (int l = 0; l < m; l++) {
      assertThat(told.completed().get(l)).isDeepEqualTo(quiet.completed().get(l));
    }
    assertThat(told.method()).isEqualTo(quiet.method());
    // in order: one thread
    assertThat(heard.done).isEqualTo(zeroTo(3L * m));
    assertThat(heard.total).isEqualTo(3L * m);
  }
}
