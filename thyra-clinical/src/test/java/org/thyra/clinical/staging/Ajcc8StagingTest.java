package org.thyra.clinical.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.thyra.clinical.Derived;
import org.thyra.clinical.course.ExtrathyroidalExtension;
import org.thyra.clinical.course.NodeRegion;

class Ajcc8StagingTest {

  @ParameterizedTest(name = "{0} cm, {1} → {2}")
  @CsvSource({
    "0.5, NONE, T1A",
    "0.99, NONE, T1A",
    "1.0, NONE, T1A", // exactly 1.0 cm is T1a (≤ 1 cm)
    "1.01, NONE, T1B",
    "2.0, NONE, T1B", // exactly 2.0 cm is T1b (≤ 2 cm)
    "2.01, NONE, T2",
    "4.0, NONE, T2", // exactly 4.0 cm is T2 (≤ 4 cm)
    "4.01, NONE, T3A",
    "0.8, MICROSCOPIC, T1A", // microscopic ETE ignored in the 8th edition
    "4.5, MICROSCOPIC, T3A",
    "0.8, GROSS_STRAP_MUSCLES, T3B",
    "0.8, GROSS_MAJOR_STRUCTURES, T4A",
    "6.0, GROSS_PREVERTEBRAL_OR_VESSELS, T4B",
    "0, NONE, T0",
  })
  void tCategoryBoundaries(double size, ExtrathyroidalExtension ete, TCategory expected) {
    Derived<TCategory> t = Ajcc8Staging.tCategory(size, ete);
    assertThat(t.value()).isEqualTo(expected);
    assertThat(t.reason()).contains(expected.label());
  }

  @Test
  void unknownSizeWithoutGrossExtensionIsTx() {
    assertThat(Ajcc8Staging.tCategory(null, ExtrathyroidalExtension.NONE).value())
        .isEqualTo(TCategory.TX);
    assertThat(Ajcc8Staging.tCategory(null, ExtrathyroidalExtension.GROSS_STRAP_MUSCLES).value())
        .isEqualTo(TCategory.T3B);
  }

  @Test
  void negativeSizeIsRejected() {
    assertThatThrownBy(() -> Ajcc8Staging.tCategory(-1.0, ExtrathyroidalExtension.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("non-negative");
  }

  @Test
  void nodalRegions() {
    assertThat(Ajcc8Staging.nCategory(null).value()).isEqualTo(NCategory.NX);
    assertThat(Ajcc8Staging.nCategory(Set.of()).value()).isEqualTo(NCategory.N0);
    assertThat(Ajcc8Staging.nCategory(EnumSet.of(NodeRegion.LEVEL_VI)).value())
        .isEqualTo(NCategory.N1A);
    // 8th edition: upper mediastinal (VII) is N1a; the 7th made it N1b
    assertThat(Ajcc8Staging.nCategory(EnumSet.of(NodeRegion.LEVEL_VII)).value())
        .isEqualTo(NCategory.N1A);
    assertThat(Ajcc7Staging.nCategory(EnumSet.of(NodeRegion.LEVEL_VII)).value())
        .isEqualTo(NCategory.N1B);
    assertThat(Ajcc8Staging.nCategory(EnumSet.of(NodeRegion.LEVEL_VI, NodeRegion.LATERAL)).value())
        .isEqualTo(NCategory.N1B);
  }

  @ParameterizedTest(name = "age {0} {1} {2} {3} → {4}")
  @CsvSource({
    "54.99, T4b, N1b, M0, I", // just under the cut-off: younger table
    "54, T3a, N1b, M1, II",
    "55, T1a, N0, M0, I", // exactly 55 is in the older group
    "55, T1b, N1a, M0, II",
    "55, T2, NX, M0, I", // N0/NX row
    "55, T2, N1, M0, II",
    "60, T3a, N0, M0, II",
    "60, T3b, N1b, M0, II",
    "60, T3, N1b, M0, II",
    "60, T4a, N0, M0, III",
    "60, T4b, N0, M0, IVA",
    "55, T1a, N0, M1, IVB",
    "20, TX, NX, M0, I",
    "20, T4b, N1b, M1, II",
  })
  void stageGroups(double age, String t, String n, String m, String expected) {
    Derived<String> s =
        Ajcc8Staging.stage(age, TCategory.parse(t), NCategory.parse(n), MCategory.parse(m));
    assertThat(s.value()).isEqualTo(expected);
    assertThat(s.reason()).contains("→ " + expected);
  }

  @Test
  void undeterminedStagesSayWhy() {
    Derived<String> t4 = Ajcc8Staging.stage(70, TCategory.T4, NCategory.N0, MCategory.M0);
    assertThat(t4.isDetermined()).isFalse();
    assertThat(t4.reason()).contains("T4a → III").contains("T4b → IVA");
    assertThat(Ajcc8Staging.stage(70, TCategory.TX, NCategory.N0, MCategory.M0).isDetermined())
        .isFalse();
    // M1 decides even when T is unknown
    assertThat(Ajcc8Staging.stage(70, TCategory.TX, NCategory.NX, MCategory.M1).value())
        .isEqualTo("IVB");
  }

  @ParameterizedTest
  @CsvSource({"pT1a, T1A", "cT3b, T3B", "ypT2, T2", "1b, T1B", "T1a(m), T1A", "t4A, T4A", "TX, TX"})
  void parsesRecordedT(String text, TCategory expected) {
    assertThat(TCategory.parse(text)).isEqualTo(expected);
  }

  @Test
  void rejectsUnknownCategories() {
    assertThatThrownBy(() -> TCategory.parse("T9"))
        .hasMessageContaining("'T9' is not an AJCC T category");
    assertThatThrownBy(() -> MCategory.parse("MX"))
        .hasMessageContaining("MX is not an AJCC 7th/8th");
    assertThatThrownBy(() -> NCategory.parse("N2")).hasMessageContaining("not an AJCC N category");
    assertThat(NCategory.parse("pN1b")).isEqualTo(NCategory.N1B);
    assertThat(MCategory.parse("cM0")).isEqualTo(MCategory.M0);
  }
}
