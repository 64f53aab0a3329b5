package org.thyra.clinical.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.thyra.clinical.Derived;
import org.thyra.clinical.course.ExtrathyroidalExtension;
import org.thyra.clinical.course.Histology;

class AtaInitialRiskTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "null",
      value = {
        // case, histology, aggressive, ete, complete, distant, tgDistant, cN1, pN1, largestNode,
        // foci, avidNeck, expected
        "intrathyroidal PTC, PAPILLARY, false, NONE, true, false, false, false, 0, null, 0, false, LOW",
        "5 micrometastases, PAPILLARY, false, NONE, true, false, false, false, 5, 0.19, 0, false, LOW",
        "node exactly 0.2 cm is not micro, PAPILLARY, false, NONE, true, false, false, false, 2, 0.2, 0, false, INTERMEDIATE",
        "6 nodes < 3 cm, PAPILLARY, false, NONE, true, false, false, false, 6, 0.1, 0, false, INTERMEDIATE",
        "node 2.99 cm, PAPILLARY, false, NONE, true, false, false, false, 6, 2.99, 0, false, INTERMEDIATE",
        "node exactly 3.0 cm, PAPILLARY, false, NONE, true, false, false, false, 1, 3.0, 0, false, HIGH",
        "microscopic ETE, PAPILLARY, false, MICROSCOPIC, true, false, false, false, 0, null, 0, false, INTERMEDIATE",
        "gross strap ETE, PAPILLARY, false, GROSS_STRAP_MUSCLES, true, false, false, false, 0, null, 0, false, HIGH",
        "incomplete resection, PAPILLARY, false, NONE, false, false, false, false, 0, null, 0, false, HIGH",
        "distant metastases, PAPILLARY, false, NONE, true, true, false, false, 0, null, 0, false, HIGH",
        "Tg suggests distant, PAPILLARY, false, NONE, true, false, true, false, 0, null, 0, false, HIGH",
        "clinical N1, PAPILLARY, false, NONE, true, false, false, true, 0, null, 0, false, INTERMEDIATE",
        "tall cell, PAPILLARY, true, NONE, true, false, false, false, 0, null, 0, false, INTERMEDIATE",
        "PTC vascular invasion 1 focus, PAPILLARY, false, NONE, true, false, false, false, 0, null, 1, false, INTERMEDIATE",
        "RAI-avid neck foci, PAPILLARY, false, NONE, true, false, false, false, 0, null, 0, true, INTERMEDIATE",
        "FTC 3 foci is minimal, FOLLICULAR, false, NONE, true, false, false, false, 0, null, 3, false, LOW",
        "FTC exactly 4 foci, FOLLICULAR, false, NONE, true, false, false, false, 0, null, 4, false, INTERMEDIATE",
        "FTC 5 foci is extensive, FOLLICULAR, false, NONE, true, false, false, false, 0, null, 5, false, HIGH",
        "oncocytic 5 foci, ONCOCYTIC, false, NONE, true, false, false, false, 0, null, 5, false, HIGH",
        "resection not recorded, PAPILLARY, false, NONE, null, false, false, false, 0, null, null, false, LOW",
      })
  void table(
      String name,
      Histology h,
      boolean aggressive,
      ExtrathyroidalExtension ete,
      Boolean complete,
      boolean distant,
      boolean tgDistant,
      boolean cn1,
      int pn1,
      Double node,
      Integer foci,
      boolean avid,
      AtaRisk expected) {
    Derived<AtaRisk> r =
        AtaInitialRisk.classify(
            new AtaRiskInput(
                h, aggressive, ete, complete, distant, tgDistant, cn1, pn1, node, foci, avid));
    assertThat(r.value()).as(r.reason()).isEqualTo(expected);
    assertThat(r.reason()).startsWith(expected.name().toLowerCase());
  }

  @Test
  void gapsAreDecidedWithAWarning() {
    Derived<AtaRisk> r =
        AtaInitialRisk.classify(
            new AtaRiskInput(
                Histology.FOLLICULAR, false, null, true, false, false, false, 0, null, 4, false));
    assertThat(r.warnings()).singleElement().asString().contains("neither minimal");
    Derived<AtaRisk> macro =
        AtaInitialRisk.classify(
            new AtaRiskInput(
                Histology.PAPILLARY, false, null, true, false, false, false, 3, 1.5, 0, false));
    assertThat(macro.value()).isEqualTo(AtaRisk.INTERMEDIATE);
    assertThat(macro.warnings()).isNotEmpty();
  }

  @Test
  void reportsEveryHighCriterion() {
    Derived<AtaRisk> r =
        AtaInitialRisk.classify(
            new AtaRiskInput(
                Histology.PAPILLARY,
                true,
                ExtrathyroidalExtension.GROSS_MAJOR_STRUCTURES,
                false,
                true,
                false,
                true,
                7,
                3.5,
                2,
                true));
    assertThat(r.reason())
        .contains("gross extrathyroidal")
        .contains("incomplete")
        .contains("distant metastases")
        .contains("3.5 cm");
  }

  @Test
  void unknownNodeSizeWithFewNodesIsUndetermined() {
    Derived<AtaRisk> r =
        AtaInitialRisk.classify(
            new AtaRiskInput(
                Histology.PAPILLARY, false, null, true, false, false, false, 2, null, 0, false));
    assertThat(r.isDetermined()).isFalse();
    assertThat(r.reason()).contains("unknown size");
  }

  @Test
  void rejectsNegativeCounts() {
    assertThatThrownBy(
            () ->
                new AtaRiskInput(
                    Histology.PAPILLARY,
                    false,
                    null,
                    true,
                    false,
                    false,
                    false,
                    -1,
                    null,
                    0,
                    false))
        .hasMessageContaining("must not be negative");
  }

  @Test
  void edition2025IsLeftOutWithTheReasonAndTheAggressiveVariantsAreMatchedInText() {
    AtaRiskInput gross =
        new AtaRiskInput(
            Histology.PAPILLARY,
            false,
            org.thyra.clinical.course.ExtrathyroidalExtension.GROSS_STRAP_MUSCLES,
            true,
            false,
            false,
            false,
            0,
            null,
            0,
            false);
    var y2015 = AtaInitialRisk.classify(org.thyra.clinical.AtaEdition.ATA_2015, gross);
    var y2025 = AtaInitialRisk.classify(org.thyra.clinical.AtaEdition.ATA_2025, gross);
    assertThat(y2015.value()).isEqualTo(AtaRisk.HIGH);
    assertThat(y2015.method()).contains("Table 11");
    assertThat(y2025.isDetermined()).isFalse();
    assertThat(y2025.reason()).contains("could not be read");
    assertThat(y2025.method()).contains("NOT IMPLEMENTED").contains("Table 10, p. 35");
    assertThat(AtaInitialRisk.aggressiveVariant("Tall-cell variant")).isTrue();
    assertThat(AtaInitialRisk.aggressiveVariant("HOBNAIL")).isTrue();
    assertThat(AtaInitialRisk.aggressiveVariant("columnar cell")).isTrue();
    assertThat(AtaInitialRisk.aggressiveVariant("classic")).isFalse();
    assertThat(AtaInitialRisk.aggressiveVariant(null)).isFalse();
  }
}
