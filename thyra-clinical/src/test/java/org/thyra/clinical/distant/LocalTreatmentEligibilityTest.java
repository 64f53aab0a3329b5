package org.thyra.clinical.distant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.thyra.clinical.course.LesionSite;
import org.thyra.clinical.course.ProgressionRate;

class LocalTreatmentEligibilityTest {

  private static final LocalTreatmentEligibility.Thresholds T =
      LocalTreatmentEligibility.Thresholds.defaults();

  /**
   * Truth table, each boundary on both sides (3 cm, 5 lesions, 12 months). Columns: site, size cm,
   * distant lesions, symptomatic, miliary, life expectancy months, progression rate, expected
   * intent ("null" = not assessable).
   */
  @ParameterizedTest(name = "{0} {1} cm n={2} sympt={3} miliary={4} life={5} {6} → {7}")
  @CsvSource(
      nullValues = "null",
      value = {
        "LUNG, 2.99, 1, false, false, 12, SLOW, CURATIVE_CANDIDATE",
        "LUNG, 3.0, 1, false, false, 12, SLOW, NOT_A_CANDIDATE", // exactly 3 cm is not < 3
        "LUNG, 3.0, 1, true, false, 12, SLOW, PALLIATIVE",
        "LIVER, 2.0, 1, false, false, 12, SLOW, CURATIVE_CANDIDATE",
        "LIVER, 3.5, 1, null, false, 12, SLOW, null", // palliative or not: symptoms unknown
        "BONE, 9.0, 1, false, false, 12, SLOW, CURATIVE_CANDIDATE", // no size criterion for bone
        "LUNG, 2.0, 5, false, false, 12, SLOW, CURATIVE_CANDIDATE", // exactly 5 is oligometastatic
        "LUNG, 2.0, 6, false, false, 12, SLOW, NOT_A_CANDIDATE",
        "LUNG, 2.0, 6, true, false, 12, SLOW, PALLIATIVE",
        "LUNG, 2.0, 1, false, false, 11, SLOW, NOT_A_CANDIDATE", // life expectancy < 12
        "LUNG, 2.0, 1, false, false, 12, RAPID, NOT_A_CANDIDATE",
        "LUNG, 2.0, 1, true, false, 12, RAPID, PALLIATIVE",
        "LUNG, 2.0, 1, true, true, 60, SLOW, NOT_A_CANDIDATE", // miliary: contraindication
        "LUNG, null, 1, false, false, 60, SLOW, null", // size not recorded
        "LUNG, 2.0, null, false, false, 60, SLOW, null",
        "LUNG, 2.0, 1, false, null, 60, SLOW, null",
        "LUNG, 2.0, 1, false, false, null, SLOW, null",
        "LUNG, 2.0, 1, false, false, 60, null, null",
        "LUNG, 4.0, 1, false, false, 60, null, NOT_A_CANDIDATE", // decided without the rate
      })
  void truthTable(
      LesionSite site,
      Double size,
      Integer n,
      Boolean symptomatic,
      Boolean miliary,
      Integer life,
      ProgressionRate rate,
      LocalTreatmentIntent expected) {
    LocalTreatmentResult r =
        LocalTreatmentEligibility.assess(
            new LocalTreatmentInput(
                site, size, n, symptomatic, null, null, null, miliary, life, rate),
            T);
    assertThat(r.intent().value()).as(r.intent().reason()).isEqualTo(expected);
    assertThat(r.intent().method()).contains("decides nothing").contains("seed 002");
    if (expected == null) {
      assertThat(r.intent().reason()).startsWith("not assessable");
    }
  }

  @Test
  void everyCriterionIsReportedWithValueStatusAndSourceSentence() {
    LocalTreatmentResult r =
        LocalTreatmentEligibility.assess(
            new LocalTreatmentInput(
                LesionSite.BONE,
                null,
                1,
                true,
                true,
                BigDecimal.valueOf(600),
                true,
                false,
                24,
                ProgressionRate.SLOW),
            T);
    assertThat(r.criteria())
        .extracting(LocalTreatmentCriterion::name)
        .containsExactly(
            "oligometastatic",
            "slow_progression",
            "size_below_3cm",
            "life_expectancy",
            "not_miliary",
            "symptomatic",
            "solitary_bone",
            "rai_exhausted",
            "fdg_negative",
            "local_expertise");
    assertThat(r.criteria()).allSatisfy(c -> assertThat(c.source()).startsWith("seed 002"));
    assertThat(r.criterion("size_below_3cm").status()).isEqualTo(CriterionStatus.NOT_APPLICABLE);
    assertThat(r.criterion("solitary_bone").status()).isEqualTo(CriterionStatus.MET);
    // exactly 600 mCi: the ceiling is reached
    assertThat(r.criterion("rai_exhausted").status()).isEqualTo(CriterionStatus.MET);
    assertThat(r.criterion("rai_exhausted").value()).contains("600 mCi ≥ 600 mCi");
    assertThat(r.criterion("fdg_negative").status()).isEqualTo(CriterionStatus.NOT_MET);
    assertThat(r.criterion("local_expertise").status()).isEqualTo(CriterionStatus.NOT_ASSESSABLE);
    assertThat(r.criterion("symptomatic").source()).contains("symptomatic");
    // FDG uptake does not change the intent, but is warned on a curative candidate
    assertThat(r.intent().value()).isEqualTo(LocalTreatmentIntent.CURATIVE_CANDIDATE);
    assertThat(r.intent().warnings()).singleElement().asString().contains("FDG");
  }

  @ParameterizedTest(name = "avid={0} cumulative={1} → {2}")
  @CsvSource(
      nullValues = "null",
      value = {
        "true, 599.99, NOT_MET",
        "true, 600, MET",
        "false, 100, MET",
        "false, null, MET",
        "true, null, NOT_ASSESSABLE",
        "null, 100, NOT_ASSESSABLE",
        "null, 650, MET",
      })
  void raiCeiling(Boolean avid, BigDecimal mci, CriterionStatus expected) {
    LocalTreatmentResult r =
        LocalTreatmentEligibility.assess(
            new LocalTreatmentInput(
                LesionSite.LUNG, 1.0, 1, false, avid, mci, false, false, 24, ProgressionRate.SLOW),
            T);
    assertThat(r.criterion("rai_exhausted").status()).isEqualTo(expected);
    // reported only: the intent does not move
    assertThat(r.intent().value()).isEqualTo(LocalTreatmentIntent.CURATIVE_CANDIDATE);
  }

  @Test
  void thresholdsAreParametersAndNamedInTheMethod() {
    LocalTreatmentEligibility.Thresholds t =
        new LocalTreatmentEligibility.Thresholds(3, 6, BigDecimal.valueOf(600));
    LocalTreatmentResult r =
        LocalTreatmentEligibility.assess(
            new LocalTreatmentInput(
                LesionSite.LUNG, 1.0, 4, false, null, null, null, false, 6, ProgressionRate.SLOW),
            t);
    assertThat(r.intent().value()).isEqualTo(LocalTreatmentIntent.NOT_A_CANDIDATE);
    assertThat(r.intent().method()).contains("≤ 3 distant lesions").contains("≥ 6 months");
    assertThat(r.criterion("life_expectancy").status()).isEqualTo(CriterionStatus.MET);
  }

  @Test
  void badInputIsRefused() {
    assertThatThrownBy(
            () ->
                new LocalTreatmentInput(
                    LesionSite.CERVICAL_NODE, null, 1, null, null, null, null, null, null, null))
        .hasMessageContaining("not a distant site");
    assertThatThrownBy(
            () ->
                new LocalTreatmentInput(
                    LesionSite.LUNG, null, 0, null, null, null, null, null, null, null))
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> new LocalTreatmentEligibility.Thresholds(0, 12, BigDecimal.TEN))
        .hasMessageContaining("at least 1");
    assertThat(List.of(LocalTreatmentIntent.values()))
        .extracting(LocalTreatmentIntent::code)
        .containsExactly("curative_candidate", "palliative", "not_a_candidate");
  }
}
