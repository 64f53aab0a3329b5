package org.thyra.clinical.response;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.thyra.clinical.Derived;

class AtaResponseToTherapyTest {

  /**
   * Table 13 with the four-argument form. Columns: imaging, suppressed Tg, stimulated Tg, TgAb,
   * expected category, number of warnings (1 on a boundary the source leaves open).
   */
  @ParameterizedTest(name = "{0} supp={1} stim={2} TgAb={3} → {4}")
  @CsvSource(
      nullValues = "null",
      value = {
        "NEGATIVE, 0.19, null, UNDETECTABLE, EXCELLENT, 0",
        "NEGATIVE, 0.2, null, UNDETECTABLE, INDETERMINATE, 0", // not < 0.2, detectable: closed
        "NEGATIVE, 0.99, null, UNDETECTABLE, INDETERMINATE, 0",
        "NEGATIVE, 1.0, null, UNDETECTABLE, INDETERMINATE, 1", // neither > 1 nor < 1: open, warned
        "NEGATIVE, 1.01, null, UNDETECTABLE, BIOCHEMICAL_INCOMPLETE, 0",
        "NEGATIVE, null, 0.99, UNDETECTABLE, EXCELLENT, 0",
        "NEGATIVE, null, 1.0, UNDETECTABLE, INDETERMINATE, 0", // not < 1, detectable: closed
        "NEGATIVE, null, 9.99, UNDETECTABLE, INDETERMINATE, 0",
        "NEGATIVE, null, 10.0, UNDETECTABLE, INDETERMINATE, 1", // neither > 10 nor < 10: open
        "NEGATIVE, null, 10.01, UNDETECTABLE, BIOCHEMICAL_INCOMPLETE, 0",
        "NEGATIVE, 0.1, 12, UNDETECTABLE, BIOCHEMICAL_INCOMPLETE, 0", // worse of the two wins
        "NEGATIVE, 0.1, null, STABLE_OR_DECLINING, INDETERMINATE, 0",
        "NEGATIVE, 0.1, null, RISING, BIOCHEMICAL_INCOMPLETE, 0",
        "NONSPECIFIC, 0.1, null, UNDETECTABLE, INDETERMINATE, 0",
        "NONSPECIFIC, 2.0, null, UNDETECTABLE, BIOCHEMICAL_INCOMPLETE, 0",
        "STRUCTURAL_OR_FUNCTIONAL, 0.1, null, UNDETECTABLE, STRUCTURAL_INCOMPLETE, 0",
      })
  void table(
      ImagingFinding imaging,
      Double supp,
      Double stim,
      TgAbTrend tgAb,
      AtaResponse expected,
      int warnings) {
    Derived<AtaResponse> r = AtaResponseToTherapy.classify(imaging, supp, stim, tgAb);
    assertThat(r.value()).as(r.reason()).isEqualTo(expected);
    assertThat(r.warnings()).as(r.reason()).hasSize(warnings);
    if (warnings == 1) {
      assertThat(r.warnings().get(0)).contains("exactly").contains("decided indeterminate");
    }
  }

  /**
   * The three 2015 tables, every Tg boundary on both sides. Columns: therapy, imaging, suppressed
   * Tg, stimulated Tg, TgAb, Tg rising, expected category, number of warnings.
   */
  @ParameterizedTest(name = "{0} {1} supp={2} stim={3} TgAb={4} rising={5} → {6}")
  @CsvSource(
      nullValues = "null",
      value = {
        // total thyroidectomy + RAI (Table 13): > 1 / > 10 biochemical, < 0.2 / < 1 excellent,
        // exactly 1 / 10 open (indeterminate, warned)
        "TOTAL_THYROIDECTOMY_WITH_RAI, NEGATIVE, 0.19, null, UNDETECTABLE, null, EXCELLENT, 0",
        "TOTAL_THYROIDECTOMY_WITH_RAI, NEGATIVE, 0.2, null, UNDETECTABLE, null, INDETERMINATE, 0",
        "TOTAL_THYROIDECTOMY_WITH_RAI, NEGATIVE, 1.0, null, UNDETECTABLE, null, INDETERMINATE, 1",
        "TOTAL_THYROIDECTOMY_WITH_RAI, NEGATIVE, 1.01, null, UNDETECTABLE, null, BIOCHEMICAL_INCOMPLETE, 0",
        "TOTAL_THYROIDECTOMY_WITH_RAI, NEGATIVE, null, 0.99, UNDETECTABLE, null, EXCELLENT, 0",
        "TOTAL_THYROIDECTOMY_WITH_RAI, NEGATIVE, null, 1.0, UNDETECTABLE, null, INDETERMINATE, 0",
        "TOTAL_THYROIDECTOMY_WITH_RAI, NEGATIVE, null, 10.0, UNDETECTABLE, null, INDETERMINATE, 1",
        "TOTAL_THYROIDECTOMY_WITH_RAI, NEGATIVE, null, 10.01, UNDETECTABLE, null, BIOCHEMICAL_INCOMPLETE, 0",
        "TOTAL_THYROIDECTOMY_WITH_RAI, NEGATIVE, 0.1, null, UNDETECTABLE, true, EXCELLENT, 1", // rising Tg not in Table 13: warned, unused
        // total thyroidectomy without RAI: < 0.2 excellent, 0.2–5 indeterminate (ends included),
        // > 5 biochemical; the stimulated pair < 2 / > 10 is unconfirmed (warned whenever used)
        "TOTAL_THYROIDECTOMY_WITHOUT_RAI, NEGATIVE, 0.19, null, UNDETECTABLE, null, EXCELLENT, 0",
        "TOTAL_THYROIDECTOMY_WITHOUT_RAI, NEGATIVE, 0.2, null, UNDETECTABLE, null, INDETERMINATE, 0",
        "TOTAL_THYROIDECTOMY_WITHOUT_RAI, NEGATIVE, 1.0, null, UNDETECTABLE, null, INDETERMINATE, 0", // open in Table 13, not here
        "TOTAL_THYROIDECTOMY_WITHOUT_RAI, NEGATIVE, 4.99, null, UNDETECTABLE, null, INDETERMINATE, 0",
        "TOTAL_THYROIDECTOMY_WITHOUT_RAI, NEGATIVE, 5.0, null, UNDETECTABLE, null, INDETERMINATE, 0", // the range 0.2–5 includes 5
        "TOTAL_THYROIDECTOMY_WITHOUT_RAI, NEGATIVE, 5.01, null, UNDETECTABLE, null, BIOCHEMICAL_INCOMPLETE, 0",
        "TOTAL_THYROIDECTOMY_WITHOUT_RAI, NEGATIVE, null, 1.99, UNDETECTABLE, null, EXCELLENT, 1",
        "TOTAL_THYROIDECTOMY_WITHOUT_RAI, NEGATIVE, null, 2.0, UNDETECTABLE, null, INDETERMINATE, 1",
        "TOTAL_THYROIDECTOMY_WITHOUT_RAI, NEGATIVE, null, 10.0, UNDETECTABLE, null, INDETERMINATE, 1",
        "TOTAL_THYROIDECTOMY_WITHOUT_RAI, NEGATIVE, null, 10.01, UNDETECTABLE, null, BIOCHEMICAL_INCOMPLETE, 1",
        "TOTAL_THYROIDECTOMY_WITHOUT_RAI, NEGATIVE, 0.1, null, UNDETECTABLE, true, BIOCHEMICAL_INCOMPLETE, 0", // rising Tg
        "TOTAL_THYROIDECTOMY_WITHOUT_RAI, NEGATIVE, 0.1, null, RISING, false, BIOCHEMICAL_INCOMPLETE, 0",
        "TOTAL_THYROIDECTOMY_WITHOUT_RAI, NEGATIVE, 0.1, null, STABLE_OR_DECLINING, null, INDETERMINATE, 0",
        "TOTAL_THYROIDECTOMY_WITHOUT_RAI, NONSPECIFIC, 0.1, null, UNDETECTABLE, null, INDETERMINATE, 0",
        "TOTAL_THYROIDECTOMY_WITHOUT_RAI, STRUCTURAL_OR_FUNCTIONAL, 0.1, null, UNDETECTABLE, null, STRUCTURAL_INCOMPLETE, 0",
        // lobectomy: stable nonstimulated Tg < 30 excellent, > 30 biochemical, exactly 30 open
        // (indeterminate, warned)
        "LOBECTOMY, NEGATIVE, 29.99, null, UNDETECTABLE, false, EXCELLENT, 0",
        "LOBECTOMY, NEGATIVE, 29.99, null, UNDETECTABLE, null, EXCELLENT, 1", // trend not recorded
        "LOBECTOMY, NEGATIVE, 30.0, null, UNDETECTABLE, false, INDETERMINATE, 1",
        "LOBECTOMY, NEGATIVE, 30.01, null, UNDETECTABLE, false, BIOCHEMICAL_INCOMPLETE, 0",
        "LOBECTOMY, NEGATIVE, 5.0, null, UNDETECTABLE, true, BIOCHEMICAL_INCOMPLETE, 0", // rising
        // Tg
        "LOBECTOMY, NEGATIVE, 5.0, null, RISING, false, BIOCHEMICAL_INCOMPLETE, 0",
        "LOBECTOMY, NEGATIVE, 5.0, null, STABLE_OR_DECLINING, false, INDETERMINATE, 0",
        "LOBECTOMY, NONSPECIFIC, 5.0, null, UNDETECTABLE, false, INDETERMINATE, 0",
        "LOBECTOMY, NEGATIVE, 5.0, 50.0, UNDETECTABLE, false, EXCELLENT, 1", // stimulated not used
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
        .contains("Table 12 footnote")
        .contains("> 10")
        .contains("exactly 1 (suppressed) and exactly 10")
        .doesNotContain("≥");
    assertThat(AtaResponseToTherapy.method(InitialTherapy.TOTAL_THYROIDECTOMY_WITHOUT_RAI))
        .contains("> 5")
        .contains("without RAI")
        .contains("UNCONFIRMED");
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

  /**
   * The 2025 edition, as far as the pocket guide states it: every boundary (0.2 with RAI, 2.5
   * without) on both sides; what the unread Table 9 would decide is undetermined (expected "null").
   * Columns: therapy, imaging, unstimulated Tg, stimulated Tg, TgAb, Tg rising, expected, warnings.
   */
  @ParameterizedTest(name = "2025 {0} {1} tg={2} stim={3} TgAb={4} rising={5} → {6}")
  @CsvSource(
      nullValues = "null",
      value = {
        "TOTAL_THYROIDECTOMY_WITH_RAI, NEGATIVE, 0.19, null, UNDETECTABLE, null, EXCELLENT, 0",
        "TOTAL_THYROIDECTOMY_WITH_RAI, NEGATIVE, 0.2, null, UNDETECTABLE, null, null, 0", // not <
        // 0.2;
        // Table 9
        // unread
        "TOTAL_THYROIDECTOMY_WITH_RAI, NEGATIVE, 5.0, null, UNDETECTABLE, null, null, 0",
        "TOTAL_THYROIDECTOMY_WITH_RAI, NONSPECIFIC, 0.19, null, UNDETECTABLE, null, INDETERMINATE, 0",
        "TOTAL_THYROIDECTOMY_WITH_RAI, NEGATIVE, 0.1, null, STABLE_OR_DECLINING, null, INDETERMINATE, 0",
        "TOTAL_THYROIDECTOMY_WITH_RAI, NEGATIVE, 0.1, null, RISING, null, BIOCHEMICAL_INCOMPLETE, 0",
        "TOTAL_THYROIDECTOMY_WITH_RAI, NEGATIVE, 0.1, 12.0, UNDETECTABLE, null, EXCELLENT, 1", // stimulated unused
        "TOTAL_THYROIDECTOMY_WITH_RAI, NEGATIVE, 0.1, null, null, null, EXCELLENT, 1", // TgAb not
        // recorded
        "TOTAL_THYROIDECTOMY_WITH_RAI, NEGATIVE, null, 0.5, UNDETECTABLE, null, null, 1",
        "TOTAL_THYROIDECTOMY_WITH_RAI, STRUCTURAL_OR_FUNCTIONAL, 0.1, null, UNDETECTABLE, null, STRUCTURAL_INCOMPLETE, 0",
        "TOTAL_THYROIDECTOMY_WITHOUT_RAI, NEGATIVE, 0.2, null, UNDETECTABLE, null, EXCELLENT, 0", // < 2.5, not 2015's 0.2
        "TOTAL_THYROIDECTOMY_WITHOUT_RAI, NEGATIVE, 2.49, null, UNDETECTABLE, null, EXCELLENT, 0",
        "TOTAL_THYROIDECTOMY_WITHOUT_RAI, NEGATIVE, 2.5, null, UNDETECTABLE, null, null, 0", // not
        // <
        // 2.5
        "TOTAL_THYROIDECTOMY_WITHOUT_RAI, NEGATIVE, 2.49, null, UNDETECTABLE, true, EXCELLENT, 1", // trend unused
        "TOTAL_THYROIDECTOMY_WITHOUT_RAI, NONSPECIFIC, 2.49, null, UNDETECTABLE, null, INDETERMINATE, 0",
        "TOTAL_THYROIDECTOMY_WITHOUT_RAI, NEGATIVE, 1.0, null, RISING, null, BIOCHEMICAL_INCOMPLETE, 0",
        "LOBECTOMY, NEGATIVE, 5.0, null, UNDETECTABLE, null, null, 0", // no Tg cut-off
        "LOBECTOMY, NEGATIVE, 50.0, null, RISING, null, null, 0",
        "LOBECTOMY, STRUCTURAL_OR_FUNCTIONAL, 5.0, null, UNDETECTABLE, null, STRUCTURAL_INCOMPLETE, 0",
      })
  void edition2025(
      InitialTherapy therapy,
      ImagingFinding imaging,
      Double tg,
      Double stim,
      TgAbTrend tgAb,
      Boolean rising,
      AtaResponse expected,
      int warnings) {
    Derived<AtaResponse> r =
        AtaResponseToTherapy.classify(
            org.thyra.clinical.AtaEdition.ATA_2025, therapy, imaging, tg, stim, tgAb, rising);
    assertThat(r.value()).as(r.reason()).isEqualTo(expected);
    assertThat(r.warnings()).as(r.reason()).hasSize(warnings);
    assertThat(r.method())
        .isEqualTo(AtaResponse2025.method(therapy))
        .contains("Table 9 NOT READ")
        .contains("p. 35");
    if (expected == null) {
      assertThat(r.reason()).containsAnyOf("could not be read", "not classified", "needs one");
    }
  }

  @Test
  void editionChoosesTheTableAndTheDefaultIs2015() {
    // 0.5 ng/mL after total thyroidectomy without RAI: indeterminate in 2015, excellent in 2025
    Derived<AtaResponse> y2015 =
        AtaResponseToTherapy.classify(
            org.thyra.clinical.AtaEdition.ATA_2015,
            InitialTherapy.TOTAL_THYROIDECTOMY_WITHOUT_RAI,
            ImagingFinding.NEGATIVE,
            0.5,
            null,
            TgAbTrend.UNDETECTABLE,
            false);
    Derived<AtaResponse> y2025 =
        AtaResponseToTherapy.classify(
            org.thyra.clinical.AtaEdition.ATA_2025,
            InitialTherapy.TOTAL_THYROIDECTOMY_WITHOUT_RAI,
            ImagingFinding.NEGATIVE,
            0.5,
            null,
            TgAbTrend.UNDETECTABLE,
            null);
    assertThat(y2015.value()).isEqualTo(AtaResponse.INDETERMINATE);
    assertThat(y2015.method()).startsWith("ATA 2015");
    assertThat(y2025.value()).isEqualTo(AtaResponse.EXCELLENT);
    assertThat(y2025.method()).startsWith("ATA 2025");
    assertThat(
            AtaResponseToTherapy.method(
                org.thyra.clinical.AtaEdition.ATA_2015, InitialTherapy.LOBECTOMY))
        .isEqualTo(AtaResponseToTherapy.method(InitialTherapy.LOBECTOMY));
  }
}
