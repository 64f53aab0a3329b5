package org.thyra.clinical.ablation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.thyra.clinical.ablation.ComplicationClassification.Convention;

class AblationTest {

  @ParameterizedTest(
      name = "{0}, {1}, {2} h, care+ {3}, {4}, death {5} → SIR {6}, CIRSE {7}, major {8}")
  @CsvSource({
    "HAEMATOMA, NONE, 0, false, NONE, false, A, 1, false",
    "SKIN_BURN, NOMINAL, 0, false, NONE, false, B, 1, false",
    "PAIN, NONE, 24, false, NONE, false, B, 2, false",
    "PAIN, NONE, 48, false, NONE, false, B, 2, false", // exactly 48 h → lower class
    "PAIN, NONE, 49, false, NONE, false, D, 3, true",
    "INFECTION, ADDITIONAL, 0, false, NONE, false, C, 3, true",
    "INFECTION, ADDITIONAL, 48, false, NONE, false, C, 3, true",
    "OTHER, MAJOR, 0, false, NONE, false, D, 3, true",
    "OTHER, NONE, 0, true, NONE, false, D, 3, true",
    "VOICE_CHANGE, NONE, 0, false, NONE, false, A, 1, true", // major by the thyroid-ablation
    // convention
    "VAGAL_REFLEX, NOMINAL, 0, false, NONE, false, B, 1, true",
    "HORNER_SYNDROME, NONE, 0, false, MILD_PERMANENT, false, E, 4, true",
    "OTHER, MAJOR, 100, false, SEVERE_PERMANENT, false, E, 5, true",
    "HAEMATOMA, MAJOR, 100, true, NONE, true, F, 6, true",
  })
  void grades(
      ComplicationType type,
      ComplicationTherapy therapy,
      int hours,
      boolean care,
      Sequelae sequelae,
      boolean death,
      SirGrade sir,
      int cirse,
      boolean major) {
    ComplicationGrading g =
        ComplicationClassification.grade(
            new Complication(type, null, therapy, hours, care, sequelae, death));
    assertThat(g.sir()).as(g.reason()).isEqualTo(sir);
    assertThat(g.cirse()).as(g.reason()).isEqualTo(cirse);
    assertThat(g.major()).as(g.reason()).isEqualTo(major);
  }

  @Test
  void sirConventionIgnoresTheType() {
    Complication voice =
        new Complication(
            ComplicationType.VOICE_CHANGE,
            "hoarseness, recovered in 6 months",
            ComplicationTherapy.NONE,
            0,
            false,
            null,
            false);
    assertThat(ComplicationClassification.grade(voice, Convention.SIR).major()).isFalse();
    assertThat(ComplicationClassification.grade(voice, Convention.THYROID_ABLATION).major())
        .isTrue();
    assertThatThrownBy(() -> new Complication(null, null, null, -1, false, null, false))
        .hasMessageContaining("must not be negative");
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {"0, false, true", "3, false, true", "3, true, false", "4, false, null"})
  void technicalSuccessWindow(long days, boolean enhancement, Boolean expected) {
    assertThat(TechnicalSuccess.assess(days, enhancement).value()).isEqualTo(expected);
  }

  @Test
  void technicalSuccessFromDates() {
    LocalDate d = LocalDate.of(2020, 2, 27);
    assertThat(TechnicalSuccess.assess(d, d.plusDays(3), false).value()).isTrue(); // across 29 Feb
    assertThat(TechnicalSuccess.assess(d, null, null).isDetermined()).isFalse();
    assertThatThrownBy(() -> TechnicalSuccess.assess(d, d.minusDays(1), false))
        .hasMessageContaining("cannot precede");
  }
}
