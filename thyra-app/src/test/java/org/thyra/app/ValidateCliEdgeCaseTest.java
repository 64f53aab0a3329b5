package org.thyra.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Edge cases of {@code thyra validate} (issue 4, item 7) and its options: a horizon beyond the last
 * follow-up, a validation level unseen in development, too few events for risk groups, an empty
 * risk group in validation, strata, conflicting options; and properties that need no R: results do
 * not depend on --threads, the split is reproducible and partitions the complete rows, points and
 * lp give the same risk groups.
 */
class ValidateCliEdgeCaseTest {
  @TempDir Path tmp;

  static String data(String file) {
    return CliRun.resource("/golden/validate/data").resolve(file).toString();
  }

  private Path write(String name, String... lines) throws IOException {
    Path p = tmp.resolve(name);
    Files.write(p, List.of(lines));
    return p;
  }

  private static final String LUNG_FORMULA = "Surv(time, status) ~ age + sex + ph.ecog";

  @Test
  void horizonBeyondLastFollowUpIsRefusedNotExtrapolated() {
    CliRun run =
        CliRun.badInput(
            "validate",
            "--data",
            data("lung.csv"),
            "--formula",
            LUNG_FORMULA,
            "--bootstrap",
            "0",
            "--horizon",
            "365,1100");
    assertThat(run.err())
        .contains("lung.csv")
        .contains("horizon 1100")
        .contains("last follow-up time 1022")
        .contains("not extrapolated");
  }

  @Test
  void horizonAtLastFollowUpIsAllowed() {
    JsonNode j =
        CliRun.ok(
                "validate",
                "--data",
                data("lung.csv"),
                "--formula",
                LUNG_FORMULA,
                "--bootstrap",
                "0",
                "--horizon",
                "1022",
                "--format",
                "json")
            .json();
    assertThat(j.get("calibration").get(0).get("horizon").asDouble()).isEqualTo(1022);
  }

  @Test
  void calibrationGroupWithoutFollowUpToTheHorizonIsWarnedOnce() {
    JsonNode j =
        CliRun.ok(
                "validate",
                "--data",
                data("lung.csv"),
                "--formula",
                "Surv(time, status) ~ age + sex",
                "--bootstrap",
                "3",
                "--horizon",
                "1000",
                "--group-size",
                "20",
                "--format",
                "json")
            .json();
    List<String> warnings = new ArrayList<>();
    j.get("warnings").forEach(w -> warnings.add(w.asText()));
    assertThat(warnings).anyMatch(w -> w.contains("no follow-up to 1000")).doesNotHaveDuplicates();
    boolean someNull = false;
    for (JsonNode g : j.get("calibration").get(0).get("groups")) {
      someNull |= g.get("observed_km").isNull();
    }
    assertThat(someNull).isTrue();
  }

  @Test
  void horizonBeyondValidationFollowUpIsRefused() throws IOException {
    Path val = write("short.csv", "time,dead,bili", "10,1,1.2", "20,0,0.8", "30,1,3.5", "40,0,0.5");
    CliRun run =
        CliRun.badInput(
            "validate",
            "--data",
            data("pbc_dev.csv"),
            "--validate-on",
            val.toString(),
            "--formula",
            "Surv(time, dead) ~ bili",
            "--bootstrap",
            "0",
            "--horizon",
            "1000");
    assertThat(run.err())
        .contains("short.csv")
        .contains("horizon 1000")
        .contains("validation data");
  }

  @Test
  void validationLevelUnseenInDevelopmentNamesFileRowColumnAndLevel() throws IOException {
    Path dev =
        write(
            "dev.csv",
            "time,event,stage",
            "5,1,I",
            "8,0,II",
            "3,1,I",
            "9,1,II",
            "12,0,I",
            "4,1,II",
            "7,1,I",
            "10,0,II");
    Path val = write("val.csv", "time,event,stage", "6,1,I", "2,1,II", "5,0,IV", "8,1,I");
    CliRun run =
        CliRun.badInput(
            "validate",
            "--data",
            dev.toString(),
            "--validate-on",
            val.toString(),
            "--formula",
            "Surv(time, event) ~ stage",
            "--bootstrap",
            "0");
    assertThat(run.err())
        .contains("val.csv")
        .contains("row 3")
        .contains("\"stage\"")
        .contains("\"IV\"")
        .contains("dev.csv");
  }

  @Test
  void validationCodedWithDevelopmentReferenceAndMissingRowsCounted() throws IOException {
    Path dev =
        write(
            "dev.csv",
            "time,event,stage",
            "5,1,I",
            "8,0,II",
            "3,1,I",
            "9,1,II",
            "12,0,I",
            "4,1,II",
            "7,1,I",
            "10,0,II",
            "6,1,III",
            "11,0,III",
            "2,1,III",
            "13,1,I");
    // validation lacks level I and has a missing stage: still coded with reference I, one row
    // dropped
    Path val =
        write(
            "val.csv",
            "time,event,stage",
            "6,1,II",
            "2,1,III",
            "5,0,",
            "8,1,II",
            "9,0,III",
            "3,1,III");
    JsonNode j =
        CliRun.ok(
                "validate",
                "--data",
                dev.toString(),
                "--validate-on",
                val.toString(),
                "--formula",
                "Surv(time, event) ~ stage",
                "--bootstrap",
                "0",
                "--ref",
                "stage=II",
                "--format",
                "json")
            .json();
    assertThat(j.get("validation").get("n").asInt()).isEqualTo(5);
    assertThat(j.get("validation").get("dropped_missing").asInt()).isEqualTo(1);
    assertThat(j.get("external").get("validation_rows").toString()).isEqualTo("[1,2,4,5,6]");
  }

  @Test
  void splitLevelOnlyInValidationPartIsAnErrorNamingTheRow() throws IOException {
    List<String> lines = new ArrayList<>(List.of("time,event,stage"));
    for (int i = 1; i <= 30; i++) {
      lines.add(
          (i * 7 % 31)
              + ","
              + (i % 3 == 0 ? 0 : 1)
              + ","
              + (i == 17 ? "III" : i % 2 == 0 ? "I" : "II"));
    }
    Path file = tmp.resolve("one_iii.csv");
    Files.write(file, lines);
    int errors = 0;
    int fitted = 0;
    for (int seed = 1; seed <= 15; seed++) {
      CliRun run =
          CliRun.run(
              "validate",
              "--data",
              file.toString(),
              "--formula",
              "Surv(time, event) ~ stage",
              "--bootstrap",
              "0",
              "--split",
              "0.7",
              "--seed",
              Integer.toString(seed),
              "--format",
              "json");
      if (run.exitCode() == 0) {
        fitted++;
        assertThat(run.json().get("split").get("development_rows").toString())
            .as("seed %d", seed)
            .contains("17");
      } else {
        errors++;
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
            .contains("one_iii.csv")
            .contains("row 17")
            .contains("\"stage\"")
            .contains("\"III\"");
      }
    }
    assertThat(errors).as("seeds putting row 17 in validation").isPositive();
    assertThat(fitted).as("seeds putting row 17 in development").isPositive();
  }

  @Test
  void stratifiedCoxIsRejected() {
    CliRun run =
        CliRun.badInput(
            "validate",
            "--data",
            data("lung.csv"),
            "--formula",
            "Surv(time, status) ~ age + strata(sex)",
            "--bootstrap",
            "10");
    assertThat(run.err()).contains("stratified").contains("strata(sex)");
  }

  @Test
  void riskGroupsNeedTwoDevelopmentEvents() throws IOException {
    Path dev =
        write(
            "dev.csv",
            "time,event,x",
            "5,1,1",
            "8,0,2",
            "3,0,3",
            "9,0,4",
            "12,0,5",
            "4,0,6",
            "7,0,7",
            "10,0,8",
            "6,0,9",
            "11,0,10");
    CliRun run =
        CliRun.badInput(
            "validate",
            "--data",
            dev.toString(),
            "--formula",
            "Surv(time, event) ~ x",
            "--bootstrap",
            "0",
            "--risk-groups",
            "lp");
    assertThat(run.err()).contains("at least 2 events").contains("got 1");
  }

  @Test
  void emptyValidationRiskGroupGivesAWarningAndNoTest() throws IOException {
    // bili has a positive coefficient: validation rows at the smallest development bili are all low
    // risk
    Path val =
        write(
            "low.csv",
            "time,dead,bili",
            "100,1,0.3",
            "400,0,0.3",
            "800,1,0.3",
            "1200,0,0.3",
            "2000,0,0.3");
    JsonNode j =
        CliRun.ok(
                "validate",
                "--data",
                data("pbc_dev.csv"),
                "--validate-on",
                val.toString(),
                "--formula",
                "Surv(time, dead) ~ bili",
                "--bootstrap",
                "0",
                "--risk-groups",
                "lp",
                "--format",
                "json")
            .json();
    JsonNode v = j.get("risk_groups").get("sets").get(1);
    assertThat(v.get("set").asText()).isEqualTo("validation");
    assertThat(v.get("n_high").asInt()).isZero();
    assertThat(v.get("n_low").asInt()).isEqualTo(5);
    assertThat(v.get("logrank").isNull()).isTrue();
    assertThat(v.get("groups").get(1).get("median").get("estimate").isNull()).isTrue();
    assertThat(CliRun.warnings(j))
        .anyMatch(w -> w.startsWith("validation data: every row falls in the low-risk group"));
    // the development set still has both groups and a test
    assertThat(j.get("risk_groups").get("sets").get(0).get("logrank").get("p").asDouble())
        .isLessThan(0.05);
  }

  @Test
  void riskGroupsWithoutValidationDataUseTheWholeData() {
    JsonNode j =
        CliRun.ok(
                "validate",
                "--data",
                data("lung.csv"),
                "--formula",
                LUNG_FORMULA,
                "--bootstrap",
                "0",
                "--risk-groups",
                "lp",
                "--format",
                "json")
            .json();
    JsonNode sets = j.get("risk_groups").get("sets");
    assertThat(sets).hasSize(1);
    assertThat(sets.get(0).get("set").asText()).isEqualTo("whole");
    assertThat(sets.get(0).get("n").asInt()).isEqualTo(227);
    assertThat(sets.get(0).get("n_low").asInt() + sets.get(0).get("n_high").asInt()).isEqualTo(227);
    assertThat(sets.get(0).get("logrank").get("df").asInt()).isEqualTo(1);
  }

  @Test
  void validationWithoutEventsHasNoConcordanceAndSaysWhy() throws IOException {
    Path val =
        write(
            "censored.csv", "time,dead,bili", "100,0,1.2", "400,0,0.8", "800,0,3.5", "1200,0,0.5");
    JsonNode j =
        CliRun.ok(
                "validate",
                "--data",
                data("pbc_dev.csv"),
                "--validate-on",
                val.toString(),
                "--formula",
                "Surv(time, dead) ~ bili",
                "--bootstrap",
                "0",
                "--format",
                "json")
            .json();
    assertThat(j.get("validation").get("events").asInt()).isZero();
    assertThat(j.get("validation").get("concordance").get("c").isNull()).isTrue();
    assertThat(j.get("development").get("concordance").get("c").asDouble()).isBetween(0.5, 1.0);
    assertThat(CliRun.warnings(j))
        .contains("validation data: no events; the C-index and calibration are not defined there");
  }

  @Test
  void pointsAndLinearPredictorGiveTheSameGroups() {
    String[] base = {
      "validate",
      "--data",
      data("lung.csv"),
      "--formula",
      LUNG_FORMULA,
      "--bootstrap",
      "0",
      "--split",
      "0.7",
      "--seed",
      "4",
      "--format",
      "json",
      "--risk-groups"
    };
    JsonNode lp = CliRun.ok(concat(base, "lp")).json().get("risk_groups");
    JsonNode pts = CliRun.ok(concat(base, "points")).json().get("risk_groups");
    assertThat(pts.get("score").asText()).isEqualTo("points");
    assertThat(pts.get("cutpoint").asDouble())
        .isBetween(0.0, 400.0)
        .isNotEqualTo(lp.get("cutpoint").asDouble());
    assertThat(pts.get("statistic").asDouble())
        .isCloseTo(lp.get("statistic").asDouble(), org.assertj.core.data.Offset.offset(1e-9));
    for (int s = 0; s < 3; s++) {
      assertThat(pts.get("sets").get(s).get("n_low")).isEqualTo(lp.get("sets").get(s).get("n_low"));
      assertThat(pts.get("sets").get(s).get("logrank"))
          .isEqualTo(lp.get("sets").get(s).get("logrank"));
    }
  }

  @Test
  void resultsDoNotDependOnThreads() {
    String[] base = {
      "validate",
      "--data",
      data("lung.csv"),
      "--formula",
      LUNG_FORMULA,
      "--bootstrap",
      "16",
      "--seed",
      "11",
      "--horizon",
      "365",
      "--format",
      "json",
      "--threads"
    };
    JsonNode one = CliRun.ok(concat(base, "1")).json();
    JsonNode three = CliRun.ok(concat(base, "3")).json();
    assertThat(three.get("indexes")).isEqualTo(one.get("indexes"));
    assertThat(three.get("calibration")).isEqualTo(one.get("calibration"));
    JsonNode otherSeed =
        CliRun.ok(
                "validate",
                "--data",
                data("lung.csv"),
                "--formula",
                LUNG_FORMULA,
                "--bootstrap",
                "16",
                "--seed",
                "12",
                "--format",
                "json")
            .json();
    assertThat(otherSeed.get("indexes").get(0).get("optimism"))
        .isNotEqualTo(one.get("indexes").get(0).get("optimism"));
  }

  @Test
  void splitIsReproducibleAndPartitionsTheCompleteRows() {
    String[] args = {
      "validate",
      "--data",
      data("lung.csv"),
      "--formula",
      LUNG_FORMULA,
      "--bootstrap",
      "0",
      "--split",
      "0.7",
      "--seed",
      "9",
      "--format",
      "json"
    };
    JsonNode a = CliRun.ok(args).json();
    JsonNode b = CliRun.ok(args).json();
    assertThat(a.get("split")).isEqualTo(b.get("split"));
    List<Integer> rows = new ArrayList<>();
    a.get("split").get("development_rows").forEach(n -> rows.add(n.asInt()));
    int nDev = rows.size();
    a.get("split").get("validation_rows").forEach(n -> rows.add(n.asInt()));
    assertThat(nDev).isEqualTo(Math.round(0.7 * 227));
    assertThat(rows)
        .doesNotHaveDuplicates()
        .hasSize(227)
        .doesNotContain(14) // lung row 14: ph.ecog missing
        .allMatch(r -> r >= 1 && r <= 228);
    assertThat(a.get("dropped_missing").asInt()).isEqualTo(1);
  }

  @Test
  void splitWithBootstrapResamplesTheDevelopmentPart() {
    JsonNode j =
        CliRun.ok(
                "validate",
                "--data",
                data("lung.csv"),
                "--formula",
                LUNG_FORMULA,
                "--bootstrap",
                "10",
                "--split",
                "0.7",
                "--seed",
                "3",
                "--format",
                "json")
            .json();
    assertThat(j.get("method").get("bootstrap_data").asText()).contains("development");
    assertThat(j.get("n").asInt()).isEqualTo(159);
    assertThat(j.get("indexes").get(0).get("apparent").asDouble())
        .isCloseTo(
            2 * (j.get("development").get("concordance").get("c").asDouble() - 0.5),
            org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void logisticApparentCalibrationIsInterceptZeroSlopeOne() {
    JsonNode j =
        CliRun.ok(
                "validate",
                "--data",
                data("birthwt.csv"),
                "--formula",
                "low ~ age + lwt + smoke",
                "--bootstrap",
                "0",
                "--format",
                "json")
            .json();
    JsonNode c = j.get("calibration");
    assertThat(c.get("intercept").asDouble())
        .isCloseTo(0, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(c.get("slope").asDouble()).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(j.has("indexes")).isFalse();
    assertThat(c.get("hosmer_lemeshow").get("df").asInt()).isEqualTo(8);
  }

  @Test
  void hosmerLemeshowSmallExpectedCountsAreReported() throws IOException {
    List<String> lines = new ArrayList<>(List.of("y,x"));
    for (int i = 1; i <= 40; i++) {
      lines.add((i % 9 == 0 || i == 40 ? 1 : 0) + "," + i);
    }
    Path d = write("rare.csv", lines.toArray(String[]::new));
    JsonNode j =
        CliRun.ok(
                "validate",
                "--data",
                d.toString(),
                "--formula",
                "y ~ x",
                "--bootstrap",
                "0",
                "--format",
                "json")
            .json();
    assertThat(j.get("calibration").get("hosmer_lemeshow").get("df").asInt()).isEqualTo(8);
    assertThat(j.get("warnings").toString())
        .contains("Hosmer-Lemeshow")
        .contains("expected count below 1");
  }

  @Test
  void logisticValidationSeparatedByTheModelIsAWarningNotAnError() throws IOException {
    Path val =
        write("separated.csv", "low,lwt", "1,100", "1,110", "0,200", "0,210", "1,105", "0,190");
    JsonNode j =
        CliRun.ok(
                "validate",
                "--data",
                data("birthwt.csv"),
                "--validate-on",
                val.toString(),
                "--formula",
                "low ~ lwt",
                "--bootstrap",
                "0",
                "--format",
                "json")
            .json();
    JsonNode cal = j.get("validation").get("calibration");
    assertThat(cal.get("intercept").isNull()).isTrue();
    assertThat(cal.get("slope").isNull()).isTrue();
    assertThat(j.get("validation").get("concordance").get("c").asDouble()).isEqualTo(1.0);
    assertThat(j.get("warnings").toString())
        .contains("validation data: calibration intercept and slope not computed");
  }

  @Test
  void aProblemOfTheValidationDataNamesTheValidationFile() throws IOException {
    Path val = write("one.csv", "time,dead,bili", "10,1,1.2");
    CliRun run =
        CliRun.badInput(
            "validate",
            "--data",
            data("pbc_dev.csv"),
            "--validate-on",
            val.toString(),
            "--formula",
            "Surv(time, dead) ~ bili",
            "--bootstrap",
            "0",
            "--horizon",
            "5");
    assertThat(run.err())
        .contains("one.csv")
        .contains("validation data")
        .doesNotContain("pbc_dev.csv");
  }

  @Test
  void externalEventColumnOfOnlyOnesIsReadWithTheDevelopmentCoding() throws IOException {
    Path val =
        write(
            "censored.csv",
            "time,status,age,sex",
            "100,1,60,1",
            "200,1,70,2",
            "300,1,50,1",
            "400,1,65,2");
    JsonNode j =
        CliRun.ok(
                "validate",
                "--data",
                data("lung.csv"),
                "--validate-on",
                val.toString(),
                "--formula",
                "Surv(time, status) ~ age + sex",
                "--bootstrap",
                "0",
                "--format",
                "json")
            .json();
    assertThat(j.get("validation").get("events").asInt()).isZero();
    assertThat(j.get("warnings").toString())
        .contains("validation data: event column")
        .contains("only the value 1");
  }

  @Test
  void noEventsInDevelopmentIsRefused() throws IOException {
    Path dev = write("dev.csv", "time,event,x", "5,0,1", "8,0,2", "3,0,3", "9,0,4");
    CliRun run =
        CliRun.badInput(
            "validate",
            "--data",
            dev.toString(),
            "--formula",
            "Surv(time, event) ~ x",
            "--bootstrap",
            "5");
    assertThat(run.err()).contains("dev.csv").contains("no events");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--split 0.7 --validate-on X.csv|exclude each other",
        "--split 1.0|--split must be a fraction",
        "--bootstrap -1|--bootstrap must be between 0 and",
        "--threads 0|--threads must be between 1 and 256",
        "--group-size 1|--group-size must be >= 2",
        "--risk-groups score|--risk-groups must be lp or points",
        "--model logistic|--model logistic needs a binary outcome",
        "--model probit|--model must be cox or logistic",
        "--horizon -5|--horizon values must be positive",
        "--horizon 365,365|--horizon lists a time twice",
        "--group-size 30|--group-size sets the calibration groups at --horizon",
        "--conf-level 0.9|--conf-level sets the C-index CIs of --split or --validate-on"
      })
  void badOptionsAreOneClearLine(String spec) {
    String[] parts = spec.split("\\|");
    List<String> args =
        new ArrayList<>(List.of("validate", "--data", data("lung.csv"), "--formula", LUNG_FORMULA));
    args.addAll(List.of(parts[0].split(" ")));
    CliRun run = CliRun.badInput(args.toArray(String[]::new));
    assertThat(run.err()).contains(parts[1]);
  }

  @Test
  void logisticRefusesHorizonsAndRiskGroups() {
    String[] base = {"validate", "--data", data("birthwt.csv"), "--formula", "low ~ age + lwt"};
    assertThat(CliRun.badInput(concat(base, "--horizon", "5")).err())
        .contains("--horizon is for Cox models");
    assertThat(CliRun.badInput(concat(base, "--risk-groups", "lp")).err())
        .contains("--risk-groups needs a Cox model");
    assertThat(CliRun.badInput(concat(base, "--ties", "breslow")).err())
        .contains("--ties is for Cox models");
  }

  @Test
  void textAndCsvFormats() {
    String[] base = {
      "validate",
      "--data",
      data("lung.csv"),
      "--formula",
      LUNG_FORMULA,
      "--bootstrap",
      "5",
      "--horizon",
      "365",
      "--split",
      "0.7",
      "--risk-groups",
      "lp"
    };
    String text = CliRun.ok(base).out();
    assertThat(text)
        .contains("index.corrected")
        .contains("KM.corrected")
        .contains("validation")
        .contains("Risk groups by linear predictor");
    String csv = CliRun.ok(concat(base, "--format", "csv")).out();
    assertThat(csv.lines().findFirst().orElseThrow())
        .isEqualTo("section,set,statistic,horizon,group,value");
    assertThat(csv)
        .contains("index,development,Dxy.corrected")
        .contains("concordance,validation,c")
        .contains("risk_groups,whole,n");
  }

  @Test
  void logisticCsvHasEveryCalibrationNumberOfTheJson() {
    String[] base = {
      "validate", "--data", data("birthwt.csv"), "--formula", "low ~ age + lwt", "--bootstrap", "0"
    };
    JsonNode cal = CliRun.ok(concat(base, "--format", "json")).json().get("calibration");
    String csv = CliRun.ok(concat(base, "--format", "csv")).out();
    for (String f : List.of("intercept", "slope", "dxy", "c", "brier")) {
      assertThat(csv).as(f).containsPattern("calibration,data," + f + ",,,-?[0-9]");
    }
    assertThat(csv)
        .contains(
            "calibration,data,c,,,"
                + org.thyra.report.output.Numbers.full(cal.get("c").asDouble()));
  }

  @Test
  void splitReportsTheRowsLeftOutForMissingValues() {
    JsonNode s =
        CliRun.ok(
                "validate",
                "--data",
                data("lung.csv"),
                "--formula",
                LUNG_FORMULA,
                "--bootstrap",
                "0",
                "--split",
                "0.7",
                "--seed",
                "4",
                "--format",
                "json")
            .json()
            .get("split");
    // lung: row 14 is the only one without ph.ecog
    assertThat(s.get("rows_with_missing").toString()).isEqualTo("[14]");
    assertThat(s.get("development_rows").size() + s.get("validation_rows").size() + 1)
        .isEqualTo(228);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "lung.csv|Surv(time, status) ~ age + sex + ph.ecog|Dxy,C,Slope",
        "birthwt.csv|low ~ age + lwt + factor(race)|Dxy,Intercept,Slope"
      })
  void withoutBootstrapTheApparentIndexesAreThoseOfTheBootstrapRun(String spec) {
    String[] p = spec.split("\\|");
    String[] base = {"validate", "--data", data(p[0]), "--formula", p[1]};
    JsonNode none = CliRun.ok(concat(base, "--bootstrap", "0", "--format", "json")).json();
    JsonNode boot = CliRun.ok(concat(base, "--bootstrap", "3", "--format", "json")).json();
    for (String index : p[2].split(",")) {
      assertThat(none.get("apparent").get(index).asDouble())
          .as(index)
          .isCloseTo(
              boot.get("apparent").get(index).asDouble(),
              org.assertj.core.data.Offset.offset(1e-12));
    }
    assertThat(none.has("corrected")).isFalse();
    assertThat(CliRun.ok(concat(base, "--bootstrap", "0")).out()).contains("Apparent indexes");
  }

  private static String[] concat(String[] a, String... b) {
    String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
