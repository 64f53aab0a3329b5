package org.thyra.stats.imputation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thyra.stats.golden.Golden.close;
import static org.thyra.stats.golden.Golden.columns;
import static org.thyra.stats.golden.Golden.doubles;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.thyra.stats.golden.Golden;
import org.thyra.stats.regression.LogisticRegression;
import org.thyra.stats.regression.WeightedLogisticFit;

/**
 * The logreg step of chained equations against mice 3.15's {@code augment()} and {@code
 * glm.fit(quasibinomial, weights)} on nhanes2 and lung (logreg_goldens.R).
 */
class LogregAugmentationGoldenTest {

  static Stream<JsonNode> fixtures() {
    List<JsonNode> list = new ArrayList<>();
    Golden.read("imputation/logreg.json").forEach(list::add);
    return list.stream();
  }

  private static double[][] design(double[][] cols) {
    int n = cols[0].length;
    double[][] x = new double[n][cols.length + 1];
    for (int i = 0; i < n; i++) {
      x[i][0] = 1;
      for (int c = 0; c < cols.length; c++) {
        x[i][c + 1] = cols[c][i];
      }
    }
    return x;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void augmentAndFitMatchMice(JsonNode f) {
    String name = f.get("name").asText();
    double[][] x = design(columns(f.get("columns")));
    double[] y = doubles(f.get("y"));
    boolean[] ry = new boolean[y.length];
    for (int i = 0; i < y.length; i++) {
      ry[i] = f.get("ry").get(i).asBoolean();
    }
    double[] marked = y.clone();
    for (int i = 0; i < y.length; i++) {
      marked[i] = ry[i] ? y[i] : Double.NaN;
    }
    int[] obs = ChainedEquations.rows(marked, true);
    int[] mis = ChainedEquations.rows(marked, false);
    ChainedEquations.Logreg.Augmented aug = ChainedEquations.Logreg.augment(x, y, obs, mis.length);

    double[][] expected = columns(f.get("aug_columns"));
    double[] expectedY = doubles(f.get("aug_y"));
    int nr = expectedY.length;
    assertThat(aug.pseudoRows()).isEqualTo(nr);
    for (int c = 0; c < expected.length; c++) {
      close(
          name + " pseudo-rows of column " + c,
          Arrays.copyOfRange(aug.columns()[c], obs.length, obs.length + nr),
          expected[c]);
    }
    assertThat(Arrays.copyOfRange(aug.y(), obs.length, obs.length + nr)).containsExactly(expectedY);
    double w = f.get("aug_weight").asDouble();
    for (int r = 0; r < nr; r++) {
      close(name + " weight of pseudo-row " + r, aug.weights()[obs.length + r], w);
    }

    WeightedLogisticFit fit = LogisticRegression.fitWeighted(aug.y(), aug.columns(), aug.weights());
    close(name + " coef", fit.coefficients(), doubles(f.get("coef")));
    double[][] cov = columns(f.get("cov_unscaled"));
    for (int j = 0; j < cov.length; j++) {
      close(name + " cov.unscaled row " + j, fit.unscaledCovariance()[j], cov[j]);
    }
  }

  /** As mice: a single missing value is imputed without pseudo-observations. */
  @Test
  void singleMissingValueIsNotAugmented() {
    double[][] x = {{1, 0.5}, {1, 1.5}, {1, 2.0}, {1, 3.0}};
    double[] y = {0, 1, 0, 1};
    ChainedEquations.Logreg.Augmented aug =
        ChainedEquations.Logreg.augment(x, y, new int[] {0, 1, 2}, 1);
    assertThat(aug.pseudoRows()).isZero();
    assertThat(aug.y()).containsExactly(0, 1, 0);
  }

  /**
   * Under complete separation of the observed rows the pseudo-observations keep the fit finite: the
   * solver converges and every imputation is 0 or 1.
   */
  @Test
  void separatedTargetStillImputes() {
    int n = 40;
    double[] z = new double[n];
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      z[i] = i;
      b[i] = i < 20 ? 0 : 1;
    }
    b[3] = Double.NaN;
    b[30] = Double.NaN;
    MiceResult r =
        ChainedEquations.impute(
            new double[][] {z, b},
            new VariableType[] {VariableType.NUMERIC, VariableType.BINARY},
            new MiceOptions(3, 2, 7, 5, 1e-5));
    assertThat(r.warnings()).noneMatch(s -> s.contains("did not converge"));
    for (double[][] d : r.completed()) {
      assertThat(d[1][3]).isIn(0.0, 1.0);
      assertThat(d[1][30]).isIn(0.0, 1.0);
    }
  }
}
