package org.thyra.stats.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.thyra.stats.cutpoint.MaxSelectedRankResult;
import org.thyra.stats.golden.Golden;

class SplitAndRiskGroupsTest {

  @ParameterizedTest
  @CsvSource({"412, 0.7, 1, 288", "10, 0.5, 7, 5", "3, 0.7, 99, 2", "1000, 0.3, 12345, 300"})
  void splitIsAReproduciblePartition(int n, double fraction, long seed, int expectedTraining) {
    final SplitResult a = DataSplit.split(n, fraction, seed);
    final SplitResult b = DataSplit.split(n, fraction, seed);
    assertThat(a.training()).containsExactly(b.training());
    assertThat(a.training()).hasSize(expectedTraining);
    final int[] all =
        IntStream.concat(Arrays.stream(a.training()), Arrays.stream(a.validation()))
            .sorted()
            .toArray();
    assertThat(all).containsExactly(IntStream.range(0, n).toArray());
    assertThat(a.training()).isSorted();
    assertThat(a.validation()).isSorted();
  }

  @Test
  void differentSeedsGiveDifferentSplits() {
    assertThat(DataSplit.split(412, 0.7, 1).training())
        .isNotEqualTo(DataSplit.split(412, 0.7, 2).training());
  }

  @Test
  void splitRejectsEmptySets() {
    assertThatThrownBy(() -> DataSplit.split(3, 0.1, 1)).hasMessageContaining("empty training set");
    assertThatThrownBy(() -> DataSplit.split(3, 0.9, 1))
        .hasMessageContaining("empty validation set");
    assertThatThrownBy(() -> DataSplit.split(10, 1.0, 1)).hasMessageContaining("(0, 1)");
  }

  @Test
  void cutoffFromDevelopmentAppliedUnchangedToValidationAsMaxstat() {
    final JsonNode g = Golden.load("prediction/riskgroups_pbc");
    final MaxSelectedRankResult cut =
        RiskGroups.cutoff(
            Golden.doubles(g.get("dev_time")),
            Golden.ints(g.get("dev_status")),
            Golden.doubles(g.get("dev_lp")));
    Golden.close("cut-off", cut.cutpoint(), g.get("cutoff").asDouble());
    Golden.close("statistic", cut.statistic(), g.get("statistic").asDouble());
    assertThat(RiskGroups.assign(Golden.doubles(g.get("dev_lp")), cut.cutpoint()).nHigh())
        .isEqualTo(g.get("dev_high").asInt());
    final RiskGroupAssignment val =
        RiskGroups.assign(Golden.doubles(g.get("val_lp")), cut.cutpoint());
    assertThat(val.nHigh()).isEqualTo(g.get("val_high").asInt());
    assertThat(val.nLow()).isEqualTo(g.get("val_low").asInt());
    assertThat(val.warnings()).isEmpty();
  }

  @Test
  void boundaryValueIsLowRiskAndAnEmptyGroupWarns() {
    final RiskGroupAssignment r = RiskGroups.assign(new double[] {1, 2, 3}, 2);
    assertThat(r.groups()).containsExactly(0, 0, 1);
    assertThat(RiskGroups.assign(new double[] {1, 2}, 5).warnings())
        .singleElement()
        .asString()
        .contains("low-risk group");
    assertThatThrownBy(() -> RiskGroups.assign(new double[] {Double.NaN}, 1))
        .hasMessageContaining("row 0");
  }
}
