package org.thyra.clinical.lesion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LesionVolumeTest {

  @ParameterizedTest
  @CsvSource({
    "1, 1, 1, 0.5235987755982988",
    "2, 1, 1, 1.0471975511965976",
    "1.35, 1.0, 0.8, 0.5654866776461628",
    "0, 1, 1, 0",
  })
  void ellipsoidPiOver6(double a, double b, double c, double expected) {
    assertThat(EllipsoidVolume.of(a, b, c)).isCloseTo(expected, within(1e-15));
  }

  @Test
  void seedCoefficientIsLargerBy0076Percent() {
    double exact = EllipsoidVolume.of(1, 2, 3);
    double seed = EllipsoidVolume.of(1, 2, 3, EllipsoidVolume.Coefficient.ROUNDED_0_524);
    assertThat(seed).isEqualTo(0.524 * 6);
    assertThat(seed / exact - 1).isCloseTo(0.00076628, within(1e-8));
  }

  @ParameterizedTest
  @CsvSource({
    "1.0, 0.25, 75",
    "1.0, 0, 100", // disappeared
    "1.0, 1.0, 0",
    "1.0, 1.5, -50", // grew: negative, not clipped
  })
  void vrr(double v0, double v, double expected) {
    assertThat(VolumeReductionRate.percent(v0, v)).isCloseTo(expected, within(1e-12));
  }

  @Test
  void rejectsImpossibleInputs() {
    assertThatThrownBy(() -> EllipsoidVolume.of(-1, 1, 1)).hasMessageContaining("diameter a");
    assertThatThrownBy(() -> VolumeReductionRate.percent(0, 1))
        .hasMessageContaining("initial volume");
    assertThatThrownBy(() -> VolumeReductionRate.percent(1, -1))
        .hasMessageContaining("follow-up volume");
    assertThat(VolumeReductionRate.of(2, 0).reason()).contains("disappeared");
  }
}
