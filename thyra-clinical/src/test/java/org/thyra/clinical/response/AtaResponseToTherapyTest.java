package org.thyra.clinical.response;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.thyra.clinical.Derived;

class AtaResponseToTherapyTest {

  @ParameterizedTest(name = "{0} supp={1} stim={2} TgAb={3} → {4}")
  @CsvSource(nullValues = "null", value = {
    "NEGATIVE, 0.19, null, UNDETECTABLE, EXCELLENT",
    "NEGATIVE, 0.2, null, UNDETECTABLE, INDETERMINATE",        // exactly 0.2 is not < 0.2
    "NEGATIVE, 0.99, null, UNDETECTABLE, INDETERMINATE",
    "NEGATIVE, 1.0, null, UNDETECTABLE, BIOCHEMICAL_INCOMPLETE", // exactly 1 is ≥ 1
    "NEGATIVE, null, 0.99, UNDETECTABLE, EXCELLENT",
    "NEGATIVE, null, 1.0, UNDETECTABLE, INDETERMINATE",        // exactly 1 stimulated is not < 1
    "NEGATIVE, null, 9.99, UNDETECTABLE, INDETERMINATE",
    "NEGATIVE, null, 10.0, UNDETECTABLE, BIOCHEMICAL_INCOMPLETE", // exactly 10 is ≥ 10
    "NEGATIVE, 0.1, 12, UNDETECTABLE, BIOCHEMICAL_INCOMPLETE",  // worse of the two wins
    "NEGATIVE, 0.1, null, STABLE_OR_DECLINING, INDETERMINATE",
    "NEGATIVE, 0.1, null, RISING, BIOCHEMICAL_INCOMPLETE",
    "NONSPECIFIC, 0.1, null, UNDETECTABLE, INDETERMINATE",
    "NONSPECIFIC, 2.0, null, UNDETECTABLE, BIOCHEMICAL_INCOMPLETE",
    "STRUCTURAL_OR_FUNCTIONAL, 0.1, null, UNDETECTABLE, STRUCTURAL_INCOMPLETE",
  })
  void table(ImagingFinding imaging, Double supp, Double stim, TgAbTrend tgAb, AtaResponse expected) {
    Derived<AtaResponse> r = AtaResponseToTherapy.classify(imaging, supp, stim, tgAb);
    assertThat(r.value()).as(r.reason()).isEqualTo(expected);
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void missingTgAbWarnsAndMissingTgIsUndetermined() {
    assertThat(AtaResponseToTherapy.classify(ImagingFinding.NEGATIVE, 0.1, null, null).warnings()).isNotEmpty();
    Derived<AtaResponse> none = AtaResponseToTherapy.classify(ImagingFinding.NEGATIVE, null, null, TgAbTrend.UNDETECTABLE);
    assertThat(none.isDetermined()).isFalse();
    assertThat(none.reason()).contains("needs a suppressed or stimulated Tg");
  }
}
