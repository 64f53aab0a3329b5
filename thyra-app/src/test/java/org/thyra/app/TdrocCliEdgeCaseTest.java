package org.thyra.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thyra.app.CliRun.badInput;
import static org.thyra.app.CliRun.ok;
import static org.thyra.app.CliRun.warnings;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code thyra tdroc}: bad input, edge cases and the text and CSV layouts. */
class TdrocCliEdgeCaseTest {
  @TempDir Path tmp;

  static String data(String file) {
    return CliRun.resource("/golden/tdroc/data").resolve(file).toString();
  }

  static JsonNode json(String... args) {
    String[] full = new String[args.length + 2];
    System.arraycopy(args, 0, full, 0, args.length);
    full[args.length] = "--format";
    full[args.length + 1] = "json";
    return ok(full).json();
  }

  @Test
  void timeBeyondTheLastFollowUpIsRefused() {
    CliRun run =
        badInput(
            "tdroc",
            "--data",
            data("veteran.csv"),
            "--time",
            "time",
            "--event",
            "status",
            "--marker",
            "karno",
            "--at",
            "30,1000");
    assertThat(run.err())
        .contains("tdroc:", "--at 1000", "beyond the last follow-up time 999", "no extrapolation");
  }

  @Test
  void badTimesAreRefused() {
    assertThat(
            badInput(
                    "tdroc",
                    "--data",
                    data("veteran.csv"),
                    "--time",
                    "time",
                    "--event",
                    "status",
                    "--marker",
                    "karno",
                    "--at",
                    "30,abc")
                .err())
        .contains("--at must be comma-separated numbers");
    assertThat(
            badInput(
                    "tdroc",
                    "--data",
                    data("veteran.csv"),
                    "--time",
                    "time",
                    "--event",
                    "status",
                    "--marker",
                    "karno",
                    "--at",
                    "-1")
                .err())
        .contains("--at must be finite times >= 0");
    assertThat(
            badInput(
                    "tdroc",
                    "--data",
                    data("veteran.csv"),
                    "--time",
                    "time",
                    "--event",
                    "status",
                    "--marker",
                    "karno",
                    "--at",
                    "30,")
                .err())
        .contains("--at must be comma-separated numbers");
    assertThat(
            badInput(
                    "tdroc",
                    "--data",
                    data("veteran.csv"),
                    "--time",
                    "time",
                    "--event",
                    "status",
                    "--marker",
                    "karno",
                    "--at",
                    "30",
                    "--conf-level",
                    "1")
                .err())
        .contains("--conf-level");
  }

  @Test
  void markerOrFormulaButNotBoth() {
    assertThat(
            badInput(
                    "tdroc",
                    "--data",
                    data("veteran.csv"),
                    "--time",
                    "time",
                    "--event",
                    "status",
                    "--at",
                    "30")
                .err())
        .contains("--marker");
    assertThat(
            badInput(
                    "tdroc",
                    "--data",
                    data("veteran.csv"),
                    "--marker",
                    "karno",
                    "--formula",
                    "Surv(time, status) ~ karno",
                    "--at",
                    "30")
                .err())
        .contains("either --formula");
  }

  @Test
  void formulaNeedsASurvivalResponseAndNoStrata() {
    assertThat(
            badInput(
                    "tdroc",
                    "--data",
                    data("veteran.csv"),
                    "--formula",
                    "status ~ karno",
                    "--at",
                    "30")
                .err())
        .contains("survival response");
    assertThat(
            badInput(
                    "tdroc",
                    "--data",
                    data("veteran.csv"),
                    "--formula",
                    "Surv(time, status) ~ karno + strata(trt)",
                    "--at",
                    "30")
                .err())
        .contains("strata()");
  }

  @Test
  void categoricalMarkerIsRefused() {
    assertThat(
            badInput(
                    "tdroc",
                    "--data",
                    data("veteran.csv"),
                    "--time",
                    "time",
                    "--event",
                    "status",
                    "--marker",
                    "celltype",
                    "--at",
                    "30")
                .err())
        .contains("celltype", "must be numeric");
  }

  @Test
  void notEstimableTimesAreNullWithAWarning() {
    JsonNode j =
        json(
            "tdroc",
            "--data",
            data("veteran.csv"),
            "--time",
            "time",
            "--event",
            "status",
            "--marker",
            "karno",
            "--at",
            "0.5,30,999");
    assertThat(j.get("at").get(0).get("auc").isNull()).isTrue();
    assertThat(j.get("at").get(0).get("cases").asInt()).isZero();
    assertThat(j.get("at").get(1).get("auc").isNumber()).isTrue();
    assertThat(j.get("at").get(2).get("upper").isNull()).isTrue();
    assertThat(j.get("at").get(2).get("controls").asInt()).isZero();
    assertThat(warnings(j))
        .anyMatch(w -> w.contains("no events by time 0.5"))
        .anyMatch(w -> w.contains("no subject is followed beyond time 999"));
  }

  @Test
  void missingValuesAreDroppedAndCounted() {
    JsonNode j =
        json(
            "tdroc",
            "--data",
            data("lung.csv"),
            "--time",
            "time",
            "--event",
            "status",
            "--marker",
            "ph.karno",
            "--at",
            "365");
    assertThat(j.get("dropped_missing").asInt()).isEqualTo(1);
    assertThat(j.get("n").asInt()).isEqualTo(227);
    assertThat(j.get("event_coding").asText()).contains("2");
  }

  @Test
  void reversingTheMarkerGivesOneMinusAuc() throws IOException {
    Path f = tmp.resolve("v.csv");
    StringBuilder sb = new StringBuilder("t,e,m,neg\n");
    int[] t = {5, 8, 12, 12, 20, 25, 30, 31, 40, 44, 50, 61};
    int[] e = {1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1, 0};
    double[] m = {3, 1, 2.5, 4, 2, 0.5, 1, 3, 0, 2, 1.5, 0.2};
    for (int i = 0; i < t.length; i++) {
      sb.append(t[i])
          .append(',')
          .append(e[i])
          .append(',')
          .append(m[i])
          .append(',')
          .append(-m[i])
          .append('\n');
    }
    Files.writeString(f, sb.toString());
    JsonNode a =
        json(
            "tdroc",
            "--data",
            f.toString(),
            "--time",
            "t",
            "--event",
            "e",
            "--marker",
            "m",
            "--at",
            "12,31");
    JsonNode b =
        json(
            "tdroc",
            "--data",
            f.toString(),
            "--time",
            "t",
            "--event",
            "e",
            "--marker",
            "neg",
            "--at",
            "12,31");
    for (int k = 0; k < 2; k++) {
      assertThat(
              a.get("at").get(k).get("auc").asDouble() + b.get("at").get(k).get("auc").asDouble())
          .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
      assertThat(a.get("at").get(k).get("se").asDouble())
          .isCloseTo(
              b.get("at").get(k).get("se").asDouble(), org.assertj.core.data.Offset.offset(1e-12));
    }
    assertThat(warnings(a)).anyMatch(w -> w.contains("only"));
  }

  @Test
  void textAndCsvLayouts() {
    String text =
        ok(
                "tdroc",
                "--data",
                data("veteran.csv"),
                "--time",
                "time",
                "--event",
                "status",
                "--marker",
                "karno",
                "--at",
                "0.5,30")
            .out();
    assertThat(text)
        .contains(
            "n= 137, events= 128",
            "times",
            "AUC",
            "lower 95%",
            "0.1569",
            "Warning: no events by time 0.5");
    String csv =
        ok(
                "tdroc",
                "--data",
                data("veteran.csv"),
                "--time",
                "time",
                "--event",
                "status",
                "--marker",
                "karno",
                "--at",
                "0.5,30",
                "--format",
                "csv")
            .out();
    assertThat(csv.lines().toList()).hasSize(3);
    assertThat(csv.lines().findFirst().orElseThrow())
        .isEqualTo("time,auc,se,lower,upper,cases,controls");
    assertThat(csv.lines().toList().get(1)).isEqualTo("0.5,,,,,0,137");
    assertThat(csv.lines().toList().get(2)).startsWith("30.0,0.15690");
  }

  @Test
  void formulaTextSaysApparent() {
    String text =
        ok(
                "tdroc",
                "--data",
                data("veteran.csv"),
                "--formula",
                "Surv(time, status) ~ karno + age",
                "--at",
                "90")
            .out();
    assertThat(text).contains("Cox linear predictor");
    JsonNode j =
        json(
            "tdroc",
            "--data",
            data("veteran.csv"),
            "--formula",
            "Surv(time, status) ~ karno + age",
            "--at",
            "90");
    assertThat(j.get("method").get("marker").asText()).contains("apparent");
  }
}
