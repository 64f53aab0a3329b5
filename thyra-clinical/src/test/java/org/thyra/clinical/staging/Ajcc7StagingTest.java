package org.thyra.clinical.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.thyra.clinical.course.ExtrathyroidalExtension;

class Ajcc7StagingTest {

  @ParameterizedTest(name = "{0} cm, {1} → {2}")
  @CsvSource({
    "1.0, NONE, T1A",
    "1.01, NONE, T1B",
    "2.0, NONE, T1B",
    "2.01, NONE, T2",
    "4.0, NONE, T2",
    "4.01, NONE, T3",
    "0.5, MICROSCOPIC, T3", // minimal ETE → T3 in the 7th edition
    "0.5, GROSS_STRAP_MUSCLES, T3",
    "0.5, GROSS_MAJOR_STRUCTURES, T4A",
    "0.5, GROSS_PREVERTEBRAL_OR_VESSELS, T4B",
  })
  void tCategory(double size, ExtrathyroidalExtension ete, TCategory expected) {
    assertThat(Ajcc7Staging.tCategory(size, ete).value()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "age {0} {1} {2} {3} → {4}")
  @CsvSource({
    "44.99, T4b, N1b, M0, I",
    "44, T1, N0, M1, II",
    "45, T1a, N0, M0, I", // exactly 45 is in the older group
    "45, T2, N0, M0, II",
    "45, T3, N0, M0, III",
    "45, T1b, N1a, M0, III",
    "45, T3, N1a, M0, III",
    "45, T1a, N1b, M0, IVA",
    "45, T4a, N0, M0, IVA",
    "45, T4a, N1b, M0, IVA",
    "45, T4b, N0, M0, IVB",
    "45, T2, N0, M1, IVC",
    "45, T2, NX, M0, II",
  })
  void stageGroups(double age, String t, String n, String m, String expected) {
    assertThat(
            Ajcc7Staging.stage(age, TCategory.parse(t), NCategory.parse(n), MCategory.parse(m))
                .value())
        .isEqualTo(expected);
  }

  @Test
  void eighthEditionSubcategoriesAreRejected() {
    assertThatThrownBy(() -> Ajcc7Staging.stage(50, TCategory.T3A, NCategory.N0, MCategory.M0))
        .hasMessageContaining("T3a is an 8th edition category");
  }

  @Test
  void n1WithoutSubcategoryIsUndeterminedWhereItMatters() {
    assertThat(Ajcc7Staging.stage(50, TCategory.T2, NCategory.N1, MCategory.M0).isDetermined())
        .isFalse();
    assertThat(Ajcc7Staging.stage(50, TCategory.T4A, NCategory.N1, MCategory.M0).value())
        .isEqualTo("IVA");
  }
}
