package org.thyra.clinical.comorbidity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComorbidityTest {

  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "49.99, 0",
    "50, 1",
    "59.9, 1",
    "60, 2",
    "69, 2",
    "70, 3",
    "79.99, 3",
    "80, 4",
    "101, 4"
  })
  void agePoints(double age, int expected) {
    assertThat(AgeAdjustedCharlson.agePoints(age)).isEqualTo(expected);
  }

  @Test
  void hierarchiesCountOnce() {
    var r =
        AgeAdjustedCharlson.score(
            62,
            List.of(
                CharlsonCondition.SOLID_TUMOUR,
                CharlsonCondition.METASTATIC_SOLID_TUMOUR,
                CharlsonCondition.DIABETES_UNCOMPLICATED,
                CharlsonCondition.DIABETES_END_ORGAN_DAMAGE,
                CharlsonCondition.CONGESTIVE_HEART_FAILURE));
    // 2 (age) + 6 + 2 + 1
    assertThat(r.value()).isEqualTo(11);
    assertThat(r.warnings()).hasSize(2);
    assertThat(AgeAdjustedCharlson.score(45, List.of()).value()).isZero();
    assertThat(
            AgeAdjustedCharlson.score(
                    85,
                    List.of(
                        CharlsonCondition.AIDS,
                        CharlsonCondition.MODERATE_SEVERE_LIVER_DISEASE,
                        CharlsonCondition.MILD_LIVER_DISEASE))
                .value())
        .isEqualTo(4 + 6 + 3);
  }

  @Test
  void parsesCodes() {
    assertThat(CharlsonCondition.parse("congestive-heart failure"))
        .isEqualTo(CharlsonCondition.CONGESTIVE_HEART_FAILURE);
    assertThatThrownBy(() -> CharlsonCondition.parse("gout"))
        .hasMessageContaining("unknown Charlson condition 'gout'");
    assertThatThrownBy(() -> AgeAdjustedCharlson.agePoints(-1))
        .hasMessageContaining("non-negative");
  }

  @ParameterizedTest
  @CsvSource({
    "100, 0", "90, 0", "80, 1", "70, 1", "60, 2", "50, 2", "40, 3", "30, 3", "20, 4", "10, 4",
    "0, 5"
  })
  void karnofsky(int kps, int ecog) {
    assertThat(EcogPerformanceStatus.fromKarnofsky(kps).value().grade()).isEqualTo(ecog);
  }

  @Test
  void ecogRange() {
    assertThat(EcogPerformanceStatus.of(2).description()).contains("ambulatory");
    assertThatThrownBy(() -> EcogPerformanceStatus.of(6)).hasMessageContaining("0–5");
    assertThatThrownBy(() -> EcogPerformanceStatus.fromKarnofsky(85))
        .hasMessageContaining("0, 10, ..., 100, got 85");
  }
}
