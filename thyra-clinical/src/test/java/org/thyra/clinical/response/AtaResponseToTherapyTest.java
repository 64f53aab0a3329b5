package org.thyra.clinical.response;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.thyra.clinical.Derived;

class AtaResponseToTherapyTest {

  @ParameterizedTest(name = "{0} supp={1} stim={2} TgAb={3} → {4}")
  @CsvSource(
      nullValues = "null",
      value = {
        "NEGATIVE, 0.19, null, UNDETECTABLE, EXCELLENT",
        "NEGATIVE, 0.2, null, UNDETECTABLE, INDETERMINATE", // exactly 0.2 is not < 0.2
        "NEGATIVE, 0.99, null, UNDETECTABLE, INDETERMINATE",
        "NEGATIVE, 1.0, null, UNDETECTABLE, BIOCHEMICAL_INCOMPLETE", // exactly 1 is ≥ 1
        "NEGATIVE, null, 0.99, UNDETECTABLE, EXCELLENT",
        "NEGATIVE, null, 1.0, UNDETECTABLE, INDETERMINATE", // exactly 1 stimulated is not < 1
        "NEGATIVE, null, 9.99, UNDETECTABLE, INDETERMINATE",
        "NEGATIVE, null, 10.0, UNDETECTABLE, BIOCHEMICAL_INCOMPLETE", // exactly 10 is ≥ 10
        "NEGATIVE, 0.1, 12, UNDETECTABLE, BIOCHEMICAL_INCOMPLETE", // worse of the two wins
        "NEGATIVE, 0.1, null, STABLE_OR_DECLINING, INDETERMINATE",
        "NEGATIVE, 0.1, null, RISING, BIOCHEMICAL_INCOMPLETE",
        "NONSPECIFIC, 0.1, null, UNDETECTABLE, INDETERMINATE",
        "NONSPECIFIC, 2.0, null, UNDETECTABLE, BIOCHEMICAL_INCOMPLETE",
        "STRUCTURAL_OR_FUNCTIONAL, 0.1, null, UNDETECTABLE, STRUCTURAL_INCOMPLETE",
      })
  void table(
      ImagingFinding imaging, Double supp, Double stim, TgAbTrend tgAb, AtaResponse expected) {
    Derived<AtaResponse> r = AtaResponseToTherapy.classify(imaging, supp, stim, tgAb);
    assertThat(r.value()).as(r.reason()).isEqualTo(expected);
    assertThat(r.warnings()).isEmpty();
  }

  /**
   * The three tables, every Tg boundary on both sides. Columns: therapy, imaging, suppressed Tg,
   * stimulated Tg, TgAb, Tg rising, expected category, number of warnings.
   */
  @ParameterizedTest(name = "{0} {1} supp={2} stim={3} TgAb={4} rising={5} → {6}")
  @CsvSource(
      nullValues = "null",
      value = {
        // total thyroidectomy + RAI (Table 13): ≥ 1 / ≥ 10 biochemical, < 0.2 / < 1 excellent
        "TOTAL_THYROIDECTOMY_WITH_RAI, NEGATIVE, 0.19, null, UNDETECTABLE, null, EXCELLENT, 0",
        "TOTAL_THYROIDECTOMY_WITH_RAI, NEGATIVE, 0.2, null, UNDETECTABLE, null, INDETERMINATE, 0",
        "TOTAL_THYROIDECTOMY_WITH_RAI, NEGATIVE, 1.0, null, UNDETECTABLE, null, BIOCHEMICAL_INCOMPLETE, 0",
        "TOTAL_THYROIDECTOMY_WITH_RAI, NEGATIVE, null, 10.0, UNDETECTABLE, null, BIOCHEMICAL_INCOMPLETE, 0",
        "TOTAL_THYROIDECTOMY_WITH_RAI, NEGATIVE, 0.1, null, UNDETECTABLE, true, EXCELLENT, 1", // rising Tg not in Table 13: warned, unused
        // total thyroidectomy without RAI: < 0.2 / < 2 excellent, 0.2–5 / 2–10 indeterminate (upper
        // ends included), > 5 / > 10 biochemical
        "TOTAL_THYROIDECTOMY_WITHOUT_RAI, NEGATIVE, 0.19, null, UNDETECTABLE, null, EXCELLENT, 0",
        "TOTAL_THYROIDECTOMY_WITHOUT_RAI, NEGATIVE, 0.2, null, UNDETECTABLE, null, INDETERMINATE, 0",
        "TOTAL_THYROIDECTOMY_WITHOUT_RAI, NEGATIVE, 1.0, null, UNDETECTABLE, null, INDETERMINATE, 0", // biochemical in Table 13, not here
        "TOTAL_THYROIDECTOMY_WITHOUT_RAI, NEGATIVE, 5.0, null, UNDETECTABLE, null, INDETERMINATE, 0", // exactly 5 is not > 5
        "TOTAL_THYROIDECTOMY_WITHOUT_RAI, NEGATIVE, 5.01, null, UNDETECTABLE, null, BIOCHEMICAL_INCOMPLETE, 0",
        "TOTAL_THYROIDECTOMY_WITHOUT_RAI, NEGATIVE, null, 1.0, UNDETECTABLE, null, EXCELLENT, 0", // indeterminate in Table 13, not here
        "TOTAL_THYROIDECTOMY_WITHOUT_RAI, NEGATIVE, null, 1.99, UNDETECTABLE, null, EXCELLENT, 0",
        "TOTAL_THYROIDECTOMY_WITHOUT_RAI, NEGATIVE, null, 2.0, UNDETECTABLE, null, INDETERMINATE, 0", // exactly 2 is not < 2
        "TOTAL_THYROIDECTOMY_WITHOUT_RAI, NEGATIVE, null, 10.0, UNDETECTABLE, null, INDETERMINATE, 0", // exactly 10 is not > 10
        "TOTAL_THYROIDECTOMY_WITHOUT_RAI, NEGATIVE, null, 10.01, UNDETECTABLE, null, BIOCHEMICAL_INCOMPLETE, 0",
        "TOTAL_THYROIDECTOMY_WITHOUT_RAI, NEGATIVE, 0.1, null, UNDETECTABLE, true, BIOCHEMICAL_INCOMPLETE, 0", // rising Tg
        "TOTAL_THYROIDECTOMY_WITHOUT_RAI, NEGATIVE, 0.1, null, RISING, false, BIOCHEMICAL_INCOMPLETE, 0",
        "TOTAL_THYROIDECTOMY_WITHOUT_RAI, NEGATIVE, 0.1, null, STABLE_OR_DECLINING, null, INDETERMINATE, 0",
        "TOTAL_THYROIDECTOMY_WITHOUT_RAI, NONSPECIFIC, 0.1, null, UNDETECTABLE, null, INDETERMINATE, 0",
        "TOTAL_THYROIDECTOMY_WITHOUT_RAI, STRUCTURAL_OR_FUNCTIONAL, 0.1, null, UNDETECTABLE, null, STRUCTURAL_INCOMPLETE, 0",
        // lobectomy: stable nonstimulated Tg < 30 excellent, > 30 biochemical, exactly 30 decided
        // indeterminate
        "LOBECTOMY, NEGATIVE, 29.99, null, UNDETECTABLE, false, EXCELLENT, 0",
        "LOBECTOMY, NEGATIVE, 29.99, null, UNDETECTABLE, null, EXCELLENT, 1", // trend not recorded:
        // read as stable,
        // warned
        "LOBECTOMY, NEGATIVE, 30.0, null, UNDETECTABLE, false, INDETERMINATE, 1", // the gap between
        // < 30 and > 30
        "LOBECTOMY, NEGATIVE, 30.01, null, UNDETECTABLE, false, BIOCHEMICAL_INCOMPLETE, 0",
        "LOBECTOMY, NEGATIVE, 5.0, null, UNDETECTABLE, true, BIOCHEMICAL_INCOMPLETE, 0", // rising
        // Tg at
        // similar
        // TSH
        "LOBECTOMY, NEGATIVE, 5.0, null, RISING, false, BIOCHEMICAL_INCOMPLETE, 0",
        "LOBECTOMY, NEGATIVE, 5.0, null, STABLE_OR_DECLINING, false, INDETERMINATE, 0",
        "LOBECTOMY, NONSPECIFIC, 5.0, null, UNDETECTABLE, false, INDETERMINATE, 0",
        "LOBECTOMY, NEGATIVE, 5.0, 50.0, UNDETECTABLE, false, EXCELLENT, 1", // stimulated Tg not
        // used after
        // lobectomy, warned
        "LOBECTOMY, STRUCTURAL_OR_FUNCTIONAL, 5.0, null, UNDETECTABLE, false, STRUCTURAL_INCOMPLETE, 0",
      })
  void tablesByTreatment(
      InitialTherapy therapy,
      ImagingFinding imaging,
      Double supp,
      Double stim,
      TgAbTrend tgAb,
      Boolean rising,
      AtaResponse expected,
      int warnings) {
    Derived<AtaResponse> r =
        AtaResponseToTherapy.classify(therapy, imaging, supp, stim, tgAb, rising);
    assertThat(r.value()).as(r.reason()).isEqualTo(expected);
    assertThat(r.warnings()).as(r.reason()).hasSize(warnings);
    assertThat(r.method()).isEqualTo(AtaResponseToTherapy.method(therapy));
    assertThat(r.reason()).contains("after " + therapy.label());
  }

  @Test
  void eachTableNamesItsThresholdsInTheMethod() {
    assertThat(AtaResponseToTherapy.method(InitialTherapy.TOTAL_THYROIDECTOMY_WITH_RAI))
        .contains("Table 13")
        .contains("≥ 10");
    assertThat(AtaResponseToTherapy.method(InitialTherapy.TOTAL_THYROIDECTOMY_WITHOUT_RAI))
        .contains("> 5")
        .contains("without RAI");
    assertThat(AtaResponseToTherapy.method(InitialTherapy.LOBECTOMY))
        .contains("< 30")
        .contains("exactly 30");
    // the four-argument form is the total thyroidectomy + RAI table
    assertThat(
            AtaResponseToTherapy.classify(
                    ImagingFinding.NEGATIVE, 0.1, null, TgAbTrend.UNDETECTABLE)
                .method())
        .isEqualTo(AtaResponseToTherapy.method(InitialTherapy.TOTAL_THYROIDECTOMY_WITH_RAI));
  }

  @Test
  void lobectomyWithOnlyAStimulatedTgIsUndetermined() {
    Derived<AtaResponse> r =
        AtaResponseToTherapy.classify(
            InitialTherapy.LOBECTOMY,
            ImagingFinding.NEGATIVE,
            null,
            3.0,
            TgAbTrend.UNDETECTABLE,
            false);
    assertThat(r.isDetermined()).isFalse();
    assertThat(r.reason()).contains("needs a nonstimulated Tg");
    assertThat(r.warnings())
        .singleElement()
        .asString()
        .contains("stimulated Tg 3.0 ng/mL not used");
  }

  @ParameterizedTest
  @CsvSource({
    "total_thyroidectomy_with_rai, TOTAL_THYROIDECTOMY_WITH_RAI",
        "TT+RAI, TOTAL_THYROIDECTOMY_WITH_RAI",
    "total thyroidectomy without rai, TOTAL_THYROIDECTOMY_WITHOUT_RAI",
        "tt, TOTAL_THYROIDECTOMY_WITHOUT_RAI",
    "Lobectomy, LOBECTOMY", "hemithyroidectomy, LOBECTOMY"
  })
  void treatmentsParse(String text, InitialTherapy expected) {
    assertThat(InitialTherapy.parse(text)).isEqualTo(expected);
  }

  @Test
  void unknownTreatmentAndMissingInputsAreClearErrors() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> InitialTherapy.parse("thyroidectomy"))
        .hasMessageContaining("'thyroidectomy' is not a treatment (total_thyroidectomy_with_rai");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                AtaResponseToTherapy.classify(null, ImagingFinding.NEGATIVE, 0.1, null, null, null))
        .hasMessageContaining("initial treatment is required");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                AtaResponseToTherapy.classify(
                    InitialTherapy.LOBECTOMY, ImagingFinding.NEGATIVE, -1.0, null, null, null))
        .hasMessageContaining("suppressed Tg must be a non-negative number");
  }

  @Test
  void missingTgAbWarnsAndMissingTgIsUndetermined() {
    assertThat(AtaResponseToTherapy.classify(ImagingFinding.NEGATIVE, 0.1, null, null).warnings())
        .isNotEmpty();
    Derived<AtaResponse> none =
        AtaResponseToTherapy.classify(ImagingFinding.NEGATIVE, null, null, TgAbTrend.UNDETECTABLE);
    assertThat(none.isDetermined()).isFalse();
    assertThat(none.reason()).contains("needs a suppressed or stimulated Tg");
  }
}
