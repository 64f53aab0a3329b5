package org.thyra.clinical.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.thyra.clinical.Derived;

class RecistTest {

  @ParameterizedTest(name = "baseline {0} nadir {1} current {2} → {3}")
  @CsvSource({
    "100, 100, 70, PR", // exactly −30 % is PR
    "100, 100, 70.1, SD",
    "100, 100, 69.9, PR",
    "25, 25, 30, PD", // exactly +20 % and exactly +5 mm is PD
    "24.5, 24.5, 29.4, SD", // exactly +20 % but +4.9 mm < 5 mm → not PD
    "100, 100, 119.9, SD", // +19.9 %
    "100, 100, 120, PD",
    "100, 50, 60, PD", // +20 % from the nadir, +10 mm: PD even though −40 % from baseline
    "100, 50, 59.9, PR",
    "100, 100, 0, CR",
    "100, 0, 6, PD", // reappearance after CR
    "40, 20, 24.9, PR", // from nadir +24.5 % but only +4.9 mm, and −37.75 % from baseline
  })
  void targetBoundaries(String baseline, String nadir, String current, RecistResponse expected) {
    Derived<RecistResponse> r =
        RecistTarget.classify(
            new BigDecimal(baseline), new BigDecimal(nadir), new BigDecimal(current), false);
    assertThat(r.value()).as(r.reason()).isEqualTo(expected);
  }

  @Test
  void nodalTargetsOfExactly10mmAreNotComplete() {
    var nodeAt10 =
        List.of(TargetLesionDiameter.of("N1", true, 10), TargetLesionDiameter.of("L1", false, 0));
    var nodeAt9 =
        List.of(TargetLesionDiameter.of("N1", true, 9.9), TargetLesionDiameter.of("L1", false, 0));
    assertThat(
            RecistTarget.classify(BigDecimal.valueOf(40), BigDecimal.valueOf(40), nodeAt10).value())
        .isEqualTo(RecistResponse.PR);
    assertThat(
            RecistTarget.classify(BigDecimal.valueOf(40), BigDecimal.valueOf(40), nodeAt9).value())
        .isEqualTo(RecistResponse.CR);
  }

  @ParameterizedTest(name = "target {0} non-target {1} new {2} → {3}")
  @CsvSource(
      nullValues = "null",
      value = {
        "CR, CR, false, CR",
        "CR, null, false, CR",
        "CR, NON_CR_NON_PD, false, PR",
        "CR, NE, false, PR",
        "PR, NON_CR_NON_PD, false, PR",
        "SD, CR, false, SD",
        "NE, NON_CR_NON_PD, false, NE",
        "PR, PD, false, PD",
        "PD, CR, false, PD",
        "CR, CR, true, PD",
        "null, CR, false, CR",
        "null, NON_CR_NON_PD, false, NON_CR_NON_PD",
        "null, NON_CR_NON_PD, true, PD",
        "null, NE, false, NE",
      })
  void overall(
      RecistResponse target,
      RecistResponse nonTarget,
      boolean newLesions,
      RecistResponse expected) {
    assertThat(RecistOverall.combine(target, nonTarget, newLesions).value()).isEqualTo(expected);
  }

  @Test
  void nonTarget() {
    assertThat(RecistNonTarget.classify(true, true, false).value()).isEqualTo(RecistResponse.CR);
    assertThat(RecistNonTarget.classify(true, false, false).value())
        .isEqualTo(RecistResponse.NON_CR_NON_PD);
    assertThat(RecistNonTarget.classify(true, null, false).warnings()).isNotEmpty();
    assertThat(RecistNonTarget.classify(false, true, false).value())
        .isEqualTo(RecistResponse.NON_CR_NON_PD);
    assertThat(RecistNonTarget.classify(false, true, true).value()).isEqualTo(RecistResponse.PD);
  }

  @Test
  void timelineTracksTheNadir() {
    LocalDate d0 = LocalDate.of(2020, 1, 1);
    List<TargetAssessment> series =
        List.of(
            new TargetAssessment(
                d0.plusMonths(6),
                List.of(
                    TargetLesionDiameter.of("L1", false, 30),
                    TargetLesionDiameter.of("N1", true, 20)),
                null,
                false),
            new TargetAssessment(
                d0,
                List.of(
                    TargetLesionDiameter.of("L1", false, 40),
                    TargetLesionDiameter.of("N1", true, 20)),
                null,
                false),
            new TargetAssessment(
                d0.plusMonths(12),
                List.of(
                    TargetLesionDiameter.of("L1", false, 36),
                    TargetLesionDiameter.of("N1", true, 24)),
                null,
                false));
    List<RecistTimepoint> t = RecistTimeline.assess(series);
    assertThat(t).hasSize(2);
    // 6 months: 50 vs baseline 60 → −16.7 % → SD; nadir becomes 50
    assertThat(t.get(0).target().value()).isEqualTo(RecistResponse.SD);
    assertThat(t.get(0).nadirSumMm()).isEqualByComparingTo("60");
    // 12 months: 60 vs nadir 50 → +20 %, +10 mm → PD although equal to baseline
    assertThat(t.get(1).nadirSumMm()).isEqualByComparingTo("50");
    assertThat(t.get(1).changeFromNadirPercent()).isEqualTo(20.0);
    assertThat(t.get(1).overall().value()).isEqualTo(RecistResponse.PD);
  }

  @Test
  void timelineMarksMissingTargetsNotEvaluableAndWarnsOnSmallBaselineTargets() {
    LocalDate d0 = LocalDate.of(2020, 1, 1);
    List<RecistTimepoint> t =
        RecistTimeline.assess(
            List.of(
                new TargetAssessment(
                    d0,
                    List.of(
                        TargetLesionDiameter.of("L1", false, 9),
                        TargetLesionDiameter.of("N1", true, 15)),
                    null,
                    false),
                new TargetAssessment(
                    d0.plusMonths(3),
                    List.of(TargetLesionDiameter.of("L1", false, 8)),
                    null,
                    false)));
    assertThat(t.get(0).target().value()).isEqualTo(RecistResponse.NE);
    assertThat(t.get(0).overall().warnings())
        .singleElement()
        .asString()
        .contains("L1 measures 9 mm < 10 mm");
  }

  @Test
  void rejectsImpossibleSums() {
    assertThatThrownBy(() -> RecistTarget.classify(BigDecimal.ZERO, null, BigDecimal.ONE, false))
        .hasMessageContaining("must be positive");
    assertThatThrownBy(
            () ->
                RecistTarget.classify(
                    BigDecimal.TEN, BigDecimal.valueOf(11), BigDecimal.ONE, false))
        .hasMessageContaining("cannot exceed");
    assertThatThrownBy(() -> TargetLesionDiameter.of("X", false, -1))
        .hasMessageContaining("must not be negative");
  }
}
