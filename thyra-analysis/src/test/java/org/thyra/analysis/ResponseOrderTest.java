package org.thyra.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseOrderTest {
  @Test
  void ataResponseCategoriesGoFromExcellentToStructuralIncomplete() {
    assertThat(ResponseOrder.order(List.of("BIR", "ER", "IDR", "SIR"), null))
        .containsExactly("ER", "IDR", "BIR", "SIR");
    // thyra's own ata_response column, and the guideline's words in any case
    assertThat(
            ResponseOrder.order(
                List.of("biochemical_incomplete", "excellent", "structural_incomplete"), null))
        .containsExactly("excellent", "biochemical_incomplete", "structural_incomplete");
    assertThat(
            ResponseOrder.order(
                List.of("Biochemical incomplete", "Excellent", "Indeterminate"), null))
        .containsExactly("Excellent", "Indeterminate", "Biochemical incomplete");
  }

  @Test
  void recistCategoriesGoFromCompleteResponseToProgression() {
    assertThat(ResponseOrder.order(List.of("CR", "PD", "PR", "SD"), null))
        .containsExactly("CR", "PR", "SD", "PD");
    assertThat(ResponseOrder.order(List.of("NE", "PD", "SD"), null))
        .containsExactly("SD", "PD", "NE");
  }

  @Test
  void levelsOfNoKnownScaleOrOfTwoScalesKeepTheirSortedOrder() {
    assertThat(ResponseOrder.order(List.of("a", "b", "c"), null)).containsExactly("a", "b", "c");
    // CR is RECIST, ER is ATA: not one scale
    assertThat(ResponseOrder.order(List.of("CR", "ER", "PD"), null))
        .containsExactly("CR", "ER", "PD");
    assertThat(ResponseOrder.recognised(List.of("SIR"))).isEmpty();
    assertThat(ResponseOrder.order(List.of("1", "2", "10"), null)).containsExactly("1", "2", "10");
  }

  @Test
  void aGivenOrderWinsLeavesOutAbsentLevelsAndMustNameEveryLevel() {
    assertThat(ResponseOrder.order(List.of("a", "b", "c"), List.of("c", "x", "a", "b")))
        .containsExactly("c", "a", "b");
    assertThatThrownBy(() -> ResponseOrder.order(List.of("a", "b", "c"), List.of("a", "b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"c\"");
    assertThatThrownBy(() -> ResponseOrder.order(List.of("a", "b"), List.of("a", "b", "a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("twice");
  }
}
