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

/** {@code thyra rmst}, {@code cuminc}, {@code crr}: bad input, edge cases, text and CSV. */
class CompetingCliEdgeCaseTest {
  @TempDir Path tmp;

  static String data(String file) {
    return CliRun.resource("/golden/competing/data").resolve(file).toString();
  }

  static JsonNode json(String... args) {
    String[] full = new String[args.length + 2];
    System.arraycopy(args, 0, full, 0, args.length);
    full[args.length] = "--format";
    full[args.length + 1] = "json";
    try {
      return CliRun.MAPPER.readTree(ok(full).out());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void tauBeyondAGroupsFollowUpIsRefused() {
    CliRun run =
        badInput(
            "rmst",
            "--data",
            data("lung.csv"),
            "--time",
            "time",
            "--event",
            "status",
            "--group",
            "ph.ecog",
            "--tau",
            "180");
    assertThat(run.err()).contains("--tau 180", "ph.ecog=3", "118", "survRM2::rmst2");
  }

  @Test
  void rmstTextAndCsv() {
    String text =
        ok(
                "rmst",
                "--data",
                data("lung.csv"),
                "--time",
                "time",
                "--event",
                "status",
                "--group",
                "sex",
                "--tau",
                "365")
            .out();
    assertThat(text).contains("sex=1", "241.495", "RMST difference", "55.9703", "RMST ratio");
    String csv =
        ok(
                "rmst",
                "--data",
                data("lung.csv"),
                "--time",
                "time",
                "--event",
                "status",
                "--group",
                "sex",
                "--tau",
                "365",
                "--format",
                "csv")
            .out();
    assertThat(csv.lines().count()).isEqualTo(5);
    assertThat(csv).startsWith("row,group,estimate");
  }

  @Test
  void unknownCensorCodeIsRefusedNamingTheValues() {
    CliRun run =
        badInput(
            "cuminc",
            "--data",
            data("pbc.csv"),
            "--time",
            "time",
            "--event",
            "status",
            "--censor-code",
            "9");
    assertThat(run.err()).contains("--censor-code 9", "status", "0, 1, 2");
  }

  @Test
  void unknownCauseIsRefused() {
    CliRun run =
        badInput(
            "crr",
            "--data",
            data("pbc.csv"),
            "--formula",
            "Surv(time, status) ~ age",
            "--cause",
            "3");
    assertThat(run.err()).contains("--cause 3", "causes: 1, 2");
  }

  @Test
  void strataInCrrAreRefused() {
    CliRun run =
        badInput(
            "crr",
            "--data",
            data("pbc.csv"),
            "--formula",
            "Surv(time, status) ~ age + strata(sex)");
    assertThat(run.err()).contains("sex", "no strata");
  }

  @Test
  void negativeTimeNamesTheRow() throws IOException {
    Path f = tmp.resolve("neg.csv");
    Files.writeString(f, "t,s,g\n1,1,a\n-2,0,a\n3,2,b\n4,1,b\n");
    CliRun run = badInput("cuminc", "--data", f.toString(), "--time", "t", "--event", "s");
    assertThat(run.err()).contains("neg.csv", "row 2", "t", ">= 0");
  }

  @Test
  void aCauseWithoutEventsInAGroupIsZeroWithAWarning() throws IOException {
    Path f = tmp.resolve("zero.csv");
    Files.writeString(
        f, "t,s,g\n1,1,a\n2,2,a\n3,0,a\n4,1,a\n1.5,2,b\n2.5,0,b\n3.5,2,b\n5,0,b\n,1,b\n");
    JsonNode j =
        json(
            "cuminc",
            "--data",
            f.toString(),
            "--time",
            "t",
            "--event",
            "s",
            "--group",
            "g",
            "--at",
            "2,6");
    assertThat(j.get("dropped_missing").asInt()).isEqualTo(1);
    JsonNode b = j.get("causes").get(0).get("groups").get(1);
    assertThat(b.get("events").asInt()).isZero();
    assertThat(b.get("at").get(0).get("estimate").asDouble()).isZero();
    assertThat(b.get("at").get(1).isNull()).as("beyond the last follow-up").isTrue();
    assertThat(warnings(j)).anyMatch(w -> w.contains("no failure from cause 1 in g=b"));
  }

  @Test
  void cumincTextAndCsv() {
    String text =
        ok(
                "cuminc",
                "--data",
                data("pbc.csv"),
                "--time",
                "time",
                "--event",
                "status",
                "--group",
                "trt",
                "--at",
                "1000")
            .out();
    assertThat(text).contains("Cause 1", "Cause 2", "Gray's test", "trt=1");
    String csv =
        ok(
                "cuminc",
                "--data",
                data("pbc.csv"),
                "--time",
                "time",
                "--event",
                "status",
                "--group",
                "trt",
                "--at",
                "1000",
                "--format",
                "csv")
            .out();
    assertThat(csv.lines().count()).isEqualTo(5);
  }

  @Test
  void crrTextAndCsv() {
    String text =
        ok(
                "crr",
                "--data",
                data("pbc.csv"),
                "--formula",
                "Surv(time, status) ~ age + edema",
                "--cause",
                "2")
            .out();
    assertThat(text).contains("Fine-Gray", "age", "edema", "converged: true");
    String csv =
        ok(
                "crr",
                "--data",
                data("pbc.csv"),
                "--formula",
                "Surv(time, status) ~ age + edema",
                "--cause",
                "2",
                "--format",
                "csv")
            .out();
    assertThat(csv.lines().count()).isEqualTo(3);
  }

  @Test
  void firthIsRefusedWithProfileIntervals() {
    CliRun run =
        badInput(
            "logistic",
            "--data",
            CliRun.resource("/golden/firth/data").resolve("birthwt.csv").toString(),
            "--formula",
            "low ~ age",
            "--firth",
            "--ci",
            "profile");
    assertThat(run.err()).contains("--firth", "--ci profile");
  }

  @Test
  void firthTextReportsNoLikelihoodRatioTest() {
    String text =
        ok(
                "logistic",
                "--data",
                CliRun.resource("/golden/firth/data").resolve("endometrial.csv").toString(),
                "--formula",
                "HG ~ NV + PI + EH",
                "--firth")
            .out();
    assertThat(text).contains("Firth", "NV").doesNotContain("separation detected");
  }
}
