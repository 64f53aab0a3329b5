package org.thyra.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End-to-end goldens of {@code thyra weight}, {@code km / logrank / cox --weights} and
 * counting-process {@code cox} on survival's veteran and lung (src/test/r/weighted_cli_goldens.R),
 * and their edges: zero and negative weights, a start equal to its stop, the weighted data file.
 */
class WeightedCliGoldenTest {
  @TempDir Path tmp;

  static Stream<Path> goldens() {
    return CliGoldenCase.files("weighted", ".json", 10);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void agreesWithR(Path golden) {
    CliGoldenCase c = CliGoldenCase.read(golden);
    int compared = GoldenJson.assertMatches(c.name(), c.expected(), c.runJson(tmp));
    assertThat(compared).isGreaterThanOrEqualTo(8);
  }

  private static Path data(String file) {
    return CliRun.resource("/golden/weighted/data").resolve(file);
  }

  private Path write(String name, String text) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void coxRefusesAZeroWeightNamingRowAndColumn() throws Exception {
    Path f = write("w.csv", "t,e,x,w\n1,1,0,1\n2,0,1,0\n3,1,1,2\n4,1,0,1\n");
    CliRun r =
        CliRun.badInput(
            "cox", "--data", f.toString(), "--formula", "Surv(t, e) ~ x", "--weights", "w");
    assertThat(r.err()).contains("row 2").contains("\"w\"").contains("must be >0");
  }

  @Test
  void logrankWeightsWithRhoSaysWhyAndWhatToUseInstead() {
    CliRun r =
        CliRun.badInput(
            "logrank",
            "--data",
            data("veteran_iptw.csv").toString(),
            "--time",
            "time",
            "--event",
            "status",
            "--group",
            "trt",
            "--weights",
            "iptw",
            "--rho",
            "1");
    assertThat(r.err())
        .contains("--rho cannot be combined with --weights")
        .contains("survdiff")
        .contains("takes no case weights")
        .contains("Use --weights without --rho");
  }

  @Test
  void logrankPairwiseRefusesAGroupWhoseWeightsAreAllZeroNamingRowAndColumn() throws Exception {
    Path f = write("zg.csv", "t,e,g,w\n1,1,a,1\n2,0,a,2\n3,1,b,0\n4,1,b,0\n5,1,c,1.5\n6,0,c,1\n");
    CliRun r =
        CliRun.badInput(
            "logrank",
            "--data",
            f.toString(),
            "--time",
            "t",
            "--event",
            "e",
            "--group",
            "g",
            "--weights",
            "w",
            "--pairwise",
            "holm");
    assertThat(r.err()).contains("row 3").contains("\"w\"").contains("must be >0");
  }

  @Test
  void anUnknownPairwiseAdjustmentNamesTheOptionNotAColumn() {
    // weighted and unweighted alike: the name is checked before any test runs
    for (boolean weighted : new boolean[] {true, false}) {
      List<String> args =
          new java.util.ArrayList<>(
              List.of(
                  "logrank",
                  "--data",
                  data("veteran_iptw.csv").toString(),
                  "--time",
                  "time",
                  "--event",
                  "status",
                  "--group",
                  "celltype",
                  "--pairwise",
                  "hochberg"));
      if (weighted) {
        args.addAll(List.of("--weights", "iptw"));
      }
      CliRun r = CliRun.badInput(args.toArray(String[]::new));
      assertThat(r.err())
          .contains("--pairwise: unknown p-value adjustment 'hochberg'")
          .contains("holm, bonferroni, BH")
          .doesNotContain("column");
    }
  }

  @Test
  void logrankPairwiseWithOneGroupIsAClearMessage() throws Exception {
    Path f = write("one.csv", "t,e,g,w\n1,1,a,1\n2,0,a,2\n3,1,a,0.5\n");
    CliRun r =
        CliRun.badInput(
            "logrank",
            "--data",
            f.toString(),
            "--time",
            "t",
            "--event",
            "e",
            "--group",
            "g",
            "--weights",
            "w",
            "--pairwise",
            "holm");
    assertThat(r.err()).contains("column \"g\"").contains("at least 2 groups");
  }

  @Test
  void logrankWeightsPairwiseTextAndCsvHaveTheUnweightedShape() {
    String[] args = {
      "logrank",
      "--data",
      data("veteran_iptw.csv").toString(),
      "--time",
      "time",
      "--event",
      "status",
      "--group",
      "celltype",
      "--weights",
      "iptw",
      "--pairwise",
      "BH"
    };
    String text = CliRun.ok(args).out();
    assertThat(text)
        .contains("Pairwise comparisons (robust score tests; p adjusted by BH")
        .contains("Chisq")
        .contains("p.adj")
        .containsPattern("celltype=adeno +celltype=large +19\\.89 ")
        .contains(
            "pairwise weighted log-rank: robust score test of coxph(Surv ~ group, weights = w")
        .contains("adjusted by BH over 6 pairs");
    String[] csv = java.util.Arrays.copyOf(args, args.length + 2);
    csv[args.length] = "--format";
    csv[args.length + 1] = "csv";
    List<String> lines = CliRun.ok(csv).out().lines().toList();
    // one row per group, as the unweighted logrank's CSV
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0)).isEqualTo("group,n,observed,expected");
  }

  @Test
  void kmKeepsAZeroWeightAndRefusesANegativeOne() throws Exception {
    Path zero = write("z.csv", "t,e,w\n1,1,1.5\n2,0,0\n3,1,2\n4,1,1\n");
    JsonNode km =
        CliRun.ok(
                "km",
                "--data",
                zero.toString(),
                "--time",
                "t",
                "--event",
                "e",
                "--weights",
                "w",
                "--format",
                "json")
            .json();
    JsonNode table = km.get("groups").get(0).get("table");
    // time 2 (weight 0) stays a time of the curve with nothing at risk removed early
    assertThat(table.get(1).get("time").asDouble()).isEqualTo(2);
    assertThat(table.get(1).get("n_risk").asDouble()).isEqualTo(3);
    assertThat(table.get(2).get("n_risk").asDouble()).isEqualTo(3);
    Path neg = write("n.csv", "t,e,w\n1,1,1\n2,0,-1\n");
    CliRun r =
        CliRun.badInput(
            "km", "--data", neg.toString(), "--time", "t", "--event", "e", "--weights", "w");
    assertThat(r.err()).contains("row 2").contains("\"w\"").contains(">= 0");
  }

  @Test
  void startEqualToStopIsBadInputNamingRowAndColumn() throws Exception {
    Path f = write("c.csv", "a,b,s,x\n0,5,1,1\n5,5,0,2\n0,7,1,3\n");
    CliRun r = CliRun.badInput("cox", "--data", f.toString(), "--formula", "Surv(a, b, s) ~ x");
    assertThat(r.err()).contains("row 2").contains("\"a\"").contains("not below the stop time");
  }

  @Test
  void countingProcessDataAreRefusedOutsideCox() {
    CliRun r =
        CliRun.badInput(
            "screen",
            "--data",
            data("veteran_split.csv").toString(),
            "--formula",
            "Surv(tstart, time, status) ~ trt + karno",
            "--model",
            "cox");
    assertThat(r.err()).contains("thyra cox only");
  }

  @Test
  void coxWithoutEventsReportsNaCoefficients() throws Exception {
    Path f = write("ne.csv", "a,b,s,x,w\n0,5,0,1,1.5\n5,6,0,2,0.5\n0,7,0,3,1\n");
    JsonNode j =
        CliRun.ok(
                "cox",
                "--data",
                f.toString(),
                "--formula",
                "Surv(a, b, s) ~ x",
                "--weights",
                "w",
                "--format",
                "json")
            .json();
    assertThat(j.get("events").asInt()).isZero();
    assertThat(j.get("terms").get(0).get("coef").isNull()).isTrue();
  }

  @Test
  void weightWritesTheAnalysedRowsWithTheirWeightAndTheInputAsWritten() throws Exception {
    Path out = tmp.resolve("weighted.csv");
    CliRun.ok(
        "weight",
        "--data",
        data("lung.csv").toString(),
        "--treatment",
        "sex",
        "--covariates",
        "age,ph.ecog,wt.loss",
        "--out-weighted",
        out.toString());
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0)).startsWith("row,treated,propensity,iptw,inst,time,status");
    // lung has 228 rows; ph.ecog (1) and wt.loss (14) are missing in 15 of them
    assertThat(lines).hasSize(1 + 213);
    JsonNode km =
        CliRun.ok(
                "km",
                "--data",
                out.toString(),
                "--time",
                "time",
                "--event",
                "status",
                "--group",
                "sex",
                "--weights",
                "iptw",
                "--format",
                "json")
            .json();
    assertThat(km.get("method").get("variance").asText()).contains("robust");
    assertThat(km.get("dropped_missing").asInt()).isZero();
  }
}
