package org.thyra.stats.cutpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thyra.stats.golden.Golden.close;
import static org.thyra.stats.golden.Golden.doubles;
import static org.thyra.stats.golden.Golden.ints;
import static org.thyra.stats.golden.Golden.num;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.thyra.stats.golden.Golden;

/**
 * maxstat.test (LogRank, Lau94) and a brute-force survdiff three-group scan (regression_goldens.R).
 */
class CutpointGoldenTest {

  static Stream<JsonNode> maxstat() {
    List<JsonNode> list = new ArrayList<>();
    Golden.read("cutpoint/maxstat.json").forEach(list::add);
    return list.stream();
  }

  static Stream<JsonNode> xtile() {
    List<JsonNode> list = new ArrayList<>();
    Golden.read("cutpoint/xtile.json").forEach(list::add);
    return list.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("maxstat")
  void maxSelectedLogRankMatchesMaxstat(JsonNode f) {
    String name = f.get("name").asText();
    double[] time = doubles(f.get("time"));
    double[] event = doubles(f.get("event"));
    double[] x = doubles(f.get("x"));
    close(name + " scores", LogRankScores.of(time, event), doubles(f.get("scores")));
    MaxSelectedRankResult r =
        MaxSelectedRank.logRank(time, event, x, num(f.get("minprop")), num(f.get("maxprop")));
    close(name + " statistic", r.statistic(), num(f.get("statistic")));
    close(name + " cutpoint", r.cutpoint(), num(f.get("estimate")));
    close(name + " Lau94 p", r.pAdjusted(), num(f.get("p")));
    close(name + " cuts", r.cuts(), doubles(f.get("cuts")));
    close(name + " stats", r.statistics(), doubles(f.get("stats")));
    assertThat(r.nLow()).isEqualTo(f.get("n_low").asInt());
    assertThat(r.nHigh()).isEqualTo(f.get("n_high").asInt());
    assertThat(r.pMethod()).isEqualTo("Lau94");
  }

  /** The two sorts on two threads (used from 20 000 rows) give maxstat's answer too. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("maxstat")
  void maxSelectedLogRankWithTheSortsOnTwoThreads(JsonNode f) {
    int saved = MaxSelectedRank.parallelMinRows;
    MaxSelectedRank.parallelMinRows = 2;
    try {
      maxSelectedLogRankMatchesMaxstat(f);
    } finally {
      MaxSelectedRank.parallelMinRows = saved;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("xtile")
  void threeGroupScanMatchesBruteForceSurvdiff(JsonNode f) {
    String name = f.get("name").asText();
    ThreeGroupScanResult r =
        ThreeGroupScan.scan(
            doubles(f.get("time")),
            doubles(f.get("event")),
            doubles(f.get("x")),
            num(f.get("minprop")),
            10_000);
    close(name + " chisq", r.statistic(), num(f.get("statistic")));
    close(name + " low cut", r.lowCut(), num(f.get("cut_low")));
    close(name + " high cut", r.highCut(), num(f.get("cut_high")));
    close(name + " p", r.pNaive(), num(f.get("p_naive")));
    assertThat(r.groupSizes()).containsExactly(ints(f.get("n_groups")));
    assertThat(r.pairsEvaluated()).isEqualTo(f.get("candidates").asLong());
    assertThat(r.warnings()).anyMatch(w -> w.startsWith("multiple testing"));
  }
}
