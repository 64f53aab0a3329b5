package org.thyra.stats.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** p.adjust values computed by hand and checked with R 4.2. */
class PValueAdjustmentTest {

  private static final double[] P = {0.01, 0.04, 0.03, 0.2, Double.NaN, 0.04};

  @Test
  void holmMatchesPAdjust() {
    // m = 5 (NA excluded): sorted .01 .03 .04 .04 .2 -> 5*.01, 4*.03, max(.12, 3*.04), 2*.04 ->
    // .12, .2
    assertThat(PValueAdjustment.HOLM.adjust(P))
        .containsExactly(new double[] {0.05, 0.12, 0.12, 0.2, Double.NaN, 0.12}, within(1e-15));
  }

  @Test
  void bhMatchesPAdjust() {
    assertThat(PValueAdjustment.BH.adjust(P))
        .containsExactly(new double[] {0.05, 0.05, 0.05, 0.2, Double.NaN, 0.05}, within(1e-15));
  }

  @Test
  void bonferroniCapsAtOneAndNoneIsIdentity() {
    assertThat(PValueAdjustment.BONFERRONI.adjust(P))
        .containsExactly(new double[] {0.05, 0.2, 0.15, 1.0, Double.NaN, 0.2}, within(1e-15));
    assertThat(PValueAdjustment.NONE.adjust(P)).containsExactly(P);
  }

  @Test
  void emptyAndAllMissing() {
    assertThat(PValueAdjustment.HOLM.adjust(new double[0])).isEmpty();
    assertThat(PValueAdjustment.BH.adjust(new double[] {Double.NaN})[0]).isNaN();
  }

  @Test
  void parsesRNames() {
    assertThat(PValueAdjustment.parse("holm")).isEqualTo(PValueAdjustment.HOLM);
    assertThat(PValueAdjustment.parse("fdr")).isEqualTo(PValueAdjustment.BH);
    assertThat(PValueAdjustment.parse("bh")).isEqualTo(PValueAdjustment.BH);
    assertThat(PValueAdjustment.parse("Bonferroni")).isEqualTo(PValueAdjustment.BONFERRONI);
    assertThatThrownBy(() -> PValueAdjustment.parse("hochberg"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("holm");
    assertThatThrownBy(() -> PValueAdjustment.HOLM.adjust(new double[] {1.5}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
