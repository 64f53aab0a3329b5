package org.thyra.stats.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.thyra.stats.survival.Ties;

/** Predict's three scales on values worked by hand. */
class PredictTest {

  @Test
  void linearPredictorIsTheConstantPlusTheWeightedColumnsAndAnAliasedCoefficientCountsZero() {
    double[][] x = {{1, 2, 3}, {0, 1, 0}, {5, 5, 5}};
    double[] lp = Predict.linearPredictor(x, new double[] {0.5, -2, Double.NaN}, 1);
    // row 1: 1 + 0.5; row 2: 1 + 1 - 2; row 3: 1 + 1.5
    assertThat(lp).containsExactly(1.5, 0.0, 2.5);
    assertThat(Predict.linearPredictor(new double[0][], new double[0], 3)).isEmpty();
    assertThatThrownBy(() -> Predict.linearPredictor(x, new double[] {1, 2}, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 design columns for 2 coefficients");
  }

  @Test
  void riskIsTheInverseLogitWithoutOverflow() {
    assertThat(Predict.risk(0)).isEqualTo(0.5);
    assertThat(Predict.risk(Math.log(3))).isCloseTo(0.75, within(1e-15));
    // exp(800) overflows; the risk is still 0 or 1, never NaN
    assertThat(Predict.risk(-800)).isEqualTo(0.0);
    assertThat(Predict.risk(800)).isEqualTo(1.0);
  }

  @Test
  void survivalIsExpOfMinusTheBaselineHazardScaledByTheRelativeRisk() {
    // H0 = 0.1 from t = 2, 0.3 from t = 5, referring to lp = 1; followed up to 8
    BaselineHazard h =
        new BaselineHazard(
            Ties.BRESLOW,
            1,
            new double[][] {{2, 5}},
            new double[][] {{0.1, 0.3}},
            new double[] {8},
            List.of());
    double[] s = Predict.survival(h, new double[] {1, 2, 6}, 1 + Math.log(2));
    assertThat(s[0]).isEqualTo(1.0);
    assertThat(s[1]).isCloseTo(Math.exp(-0.2), within(1e-15));
    assertThat(s[2]).isCloseTo(Math.exp(-0.6), within(1e-15));
    assertThatThrownBy(() -> Predict.survival(h, new double[] {9}, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("beyond the last follow-up");
  }
}
