package org.thyra.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thyra.app.CliRun.badInput;
import static org.thyra.app.CliRun.ok;
import static org.thyra.app.CliRun.warnings;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a user sees from {@code logistic / screen / roc / concordance / cutpoint} on awkward input:
 * exit code and one-line message, or the shape of the result. The numbers of the awkward-but-valid
 * cases (separation, a factor level without events, every marker value tied, missing values) are
 * checked against R in {@link RegressionCliGoldenTest} (golden/regcli/edge_*.json and the *_missing
 * cases).
 */
class RegressionCliEdgeCaseTest {
  @TempDir Path tmp;

  private Path csv(String name, String... lines) throws IOException {
    Path p = tmp.resolve(name);
    Files.write(p, List.of(lines));
    return p;
  }

  private static String data(String name) {
    return CliRun.resource("/golden/regcli/data").resolve(name).toString();
  }

  // ------------------------------------------------------------------ one class only

  @Test
  void logisticWithOneOutcomeClassIsBadInput() {
    CliRun run = badInput("logistic", "--data", data("edge_one_class.csv"), "--formula", "y ~ m");
    assertThat(run.err())
        .startsWith("logistic: ")
        .contains("edge_one_class.csv")
        .contains("one class only");
  }

  @Test
  void rocWithOneOutcomeClassIsBadInput() {
    CliRun run =
        badInput("roc", "--data", data("edge_one_class.csv"), "--outcome", "y", "--marker", "m");
    assertThat(run.err())
        .contains("edge_one_class.csv")
        .contains("column \"m\"")
        .contains("4 cases and 0 controls");
  }

  @Test
  void screenWithOneOutcomeClassIsBadInput() {
    CliRun run =
        badInput(
            "screen",
            "--data",
            data("edge_one_class.csv"),
            "--formula",
            "y ~ m",
            "--model",
            "logistic");
    assertThat(run.err()).contains("one class only");
  }

  // ------------------------------------------------------------------ ties, separation

  @Test
  void rocWithEveryMarkerValueTiedIsTheDiagonal() {
    JsonNode j =
        ok(
                "roc",
                "--data",
                data("edge_tied_marker.csv"),
                "--outcome",
                "y",
                "--marker",
                "m",
                "--format",
                "json")
            .json();
    assertThat(j.get("auc").asDouble()).isEqualTo(0.5);
    assertThat(j.get("curve")).hasSize(2);
    assertThat(warnings(j)).anySatisfy(w -> assertThat(w).contains("all marker values are tied"));
  }

  @Test
  void completeSeparationGivesNoOddsRatioAndSaysWhy() {
    JsonNode j =
        ok("logistic", "--data", data("birthwt.csv"), "--formula", "low ~ bwt", "--format", "json")
            .json();
    assertThat(j.get("separation").asText()).isEqualTo("complete");
    JsonNode bwt = j.get("terms").get(0);
    assertThat(bwt.get("or").isNull()).isTrue();
    assertThat(bwt.get("lower").isNull()).isTrue();
    assertThat(bwt.get("diverging").asBoolean()).isTrue();
    assertThat(warnings(j))
        .anySatisfy(w -> assertThat(w).contains("complete separation").contains("bwt"));
  }

  @Test
  void separationIsStatedInTheTextOutput() {
    String text =
        ok("logistic", "--data", data("birthwt.csv"), "--formula", "low ~ lwt + factor(ftv)").out();
    assertThat(text)
        .contains("ftv=6")
        .contains("Warning: quasi-complete separation")
        .contains("ftv=6; their odds ratios");
  }

  @Test
  void screenReportsSeparationOfTheMultivariableModel() {
    JsonNode j =
        ok(
                "screen",
                "--data",
                data("birthwt.csv"),
                "--formula",
                "low ~ bwt_lt2000 + lwt",
                "--model",
                "logistic",
                "--format",
                "json")
            .json();
    assertThat(j.get("entered")).hasSize(2);
    assertThat(warnings(j))
        .anySatisfy(
            w -> assertThat(w).startsWith("multivariable model: quasi-complete separation"));
  }

  // ------------------------------------------------------------------ cut-points

  @Test
  void cutpointWithFewerRowsThanMinpropAllowsIsBadInput() throws IOException {
    Path f = csv("small.csv", "t,e,x", "1,1,1", "2,1,1", "3,0,1", "4,1,1", "5,1,2");
    CliRun run =
        badInput(
            "cutpoint",
            "--data",
            f.toString(),
            "--time",
            "t",
            "--event",
            "e",
            "--variable",
            "x",
            "--minprop",
            "0.25",
            "--maxprop",
            "0.75");
    assertThat(run.err()).contains("small.csv").contains("column \"x\"").contains("no cut-point");
  }

  @Test
  void cutpointWithEveryValueTiedIsBadInput() throws IOException {
    Path f =
        csv(
            "tied.csv",
            "t,e,x",
            "1,1,3",
            "2,1,3",
            "3,0,3",
            "4,1,3",
            "5,1,3",
            "6,0,3",
            "7,1,3",
            "8,1,3",
            "9,1,3",
            "10,0,3");
    CliRun run =
        badInput(
            "cutpoint", "--data", f.toString(), "--time", "t", "--event", "e", "--variable", "x");
    assertThat(run.err()).contains("minprop too large");
  }

  @Test
  void threeGroupsNeedThreeGroupsOfRows() throws IOException {
    Path f = csv("two.csv", "t,e,x", "1,1,1", "2,1,1", "3,0,2", "4,1,2");
    CliRun run =
        badInput(
            "cutpoint",
            "--data",
            f.toString(),
            "--time",
            "t",
            "--event",
            "e",
            "--variable",
            "x",
            "--groups",
            "3");
    assertThat(run.err()).contains("no pair of cut-points");
  }

  @Test
  void cutpointWithoutEventsIsBadInput() throws IOException {
    Path f = csv("noev.csv", "t,e,x", "1,0,1", "2,0,2", "3,0,3", "4,0,4");
    CliRun run =
        badInput(
            "cutpoint", "--data", f.toString(), "--time", "t", "--event", "e", "--variable", "x");
    assertThat(run.err()).contains("no events");
  }

  @Test
  void threeGroupScanStatesItsMultipleTestingCaveat() {
    CliRun run =
        ok(
            "cutpoint",
            "--data",
            data("veteran.csv"),
            "--time",
            "time",
            "--event",
            "status",
            "--variable",
            "karno",
            "--groups",
            "3",
            "--format",
            "json");
    JsonNode j = run.json();
    assertThat(j.get("method").get("multiple_testing").asText()).contains("overstates");
    assertThat(j.get("method").get("p_method").asText()).contains("NOT adjusted");
    assertThat(warnings(j)).anySatisfy(w -> assertThat(w).startsWith("multiple testing"));
    String text =
        ok(
                "cutpoint",
                "--data",
                data("veteran.csv"),
                "--time",
                "time",
                "--event",
                "status",
                "--variable",
                "karno",
                "--groups",
                "3")
            .out();
    assertThat(text).contains("CAUTION").contains("not adjusted");
  }

  @Test
  void cutpointLowGroupIsAtOrBelowTheCutpoint() {
    JsonNode j =
        ok(
                "cutpoint",
                "--data",
                data("veteran.csv"),
                "--time",
                "time",
                "--event",
                "status",
                "--variable",
                "karno",
                "--format",
                "json")
            .json();
    assertThat(j.get("cutpoint").asDouble()).isEqualTo(40.0);
    assertThat(j.get("n_low").asInt() + j.get("n_high").asInt()).isEqualTo(137);
    assertThat(j.get("p_adjusted").get("method").asText()).isEqualTo("Lau94");
  }

  // ------------------------------------------------------------------ concordance

  @Test
  void concordanceWithoutEventsHasNoC() throws IOException {
    Path f = csv("noev.csv", "t,e,x", "1,0,1", "2,0,2", "3,0,3", "4,0,4");
    JsonNode j =
        ok(
                "concordance",
                "--data",
                f.toString(),
                "--time",
                "t",
                "--event",
                "e",
                "--predictor",
                "x",
                "--format",
                "json")
            .json();
    assertThat(j.get("c").isNull()).isTrue();
    assertThat(j.get("concordant").asDouble()).isZero();
    assertThat(warnings(j)).anySatisfy(w -> assertThat(w).contains("no events"));
  }

  @Test
  void reverseTurnsCAround() {
    double c =
        ok(
                "concordance",
                "--data",
                data("veteran.csv"),
                "--time",
                "time",
                "--event",
                "status",
                "--predictor",
                "karno",
                "--format",
                "json")
            .json()
            .get("c")
            .asDouble();
    double r =
        ok(
                "concordance",
                "--data",
                data("veteran.csv"),
                "--time",
                "time",
                "--event",
                "status",
                "--predictor",
                "karno",
                "--reverse",
                "--format",
                "json")
            .json()
            .get("c")
            .asDouble();
    assertThat(c + r).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
  }

  // ------------------------------------------------------------------ bad arguments and columns

  @Test
  void aTextMarkerIsBadInputNamingTheColumn() {
    CliRun run =
        badInput("roc", "--data", data("aSAH.csv"), "--outcome", "outcome", "--marker", "gender");
    assertThat(run.err()).contains("column \"gender\"").contains("must be numeric");
  }

  @Test
  void aMultiLevelOutcomeIsBadInput() {
    CliRun run = badInput("logistic", "--data", data("aSAH.csv"), "--formula", "wfns ~ age");
    assertThat(run.err()).contains("wfns").contains("not a binary outcome");
  }

  @Test
  void logisticRefusesASurvivalFormula() {
    CliRun run =
        badInput(
            "logistic", "--data", data("veteran.csv"), "--formula", "Surv(time, status) ~ age");
    assertThat(run.err()).contains("binary outcome");
  }

  @ParameterizedTest
  @ValueSource(strings = {"--model=poisson", "--select=stepwise", "--entry-p=0"})
  void screenRefusesBadOptions(String option) {
    String model = option.startsWith("--model") ? option : "--model=cox";
    String other = option.startsWith("--model") ? "--select=none" : option;
    CliRun run =
        badInput(
            "screen",
            "--data",
            data("veteran.csv"),
            "--formula",
            "Surv(time, status) ~ age",
            model,
            other);
    assertThat(run.err()).contains(option.substring(0, option.indexOf('=')));
  }

  @Test
  void rocRefusesAnUnknownDirection() {
    CliRun run =
        badInput(
            "roc",
            "--data",
            data("aSAH.csv"),
            "--outcome",
            "outcome",
            "--marker",
            "s100b",
            "--direction",
            "up");
    assertThat(run.err()).contains("--direction");
  }

  // ------------------------------------------------------------------ screen shapes

  @Test
  void screenWithNothingEnteredHasAnEmptyMultivariableModel() {
    JsonNode j =
        ok(
                "screen",
                "--data",
                data("veteran.csv"),
                "--formula",
                "Surv(time, status) ~ trt + age",
                "--model",
                "cox",
                "--select",
                "both",
                "--format",
                "json")
            .json();
    assertThat(j.get("entered")).isEmpty();
    assertThat(j.get("selected")).isEmpty();
    assertThat(j.get("multivariable").isNull()).isTrue();
    assertThat(warnings(j)).anySatisfy(w -> assertThat(w).contains("multivariable model is empty"));
    assertThat(j.get("table")).hasSize(2);
    assertThat(j.get("table").get(0).get("multivariable").isNull()).isTrue();
  }

  @Test
  void screenCsvIsTheSideBySideTable() {
    String csv =
        ok(
                "screen",
                "--data",
                data("veteran.csv"),
                "--formula",
                "Surv(time, status) ~ trt + celltype + karno",
                "--model",
                "cox",
                "--format",
                "csv")
            .out();
    List<String> lines = csv.lines().toList();
    assertThat(lines.get(0))
        .isEqualTo(
            "variable,term,uni_hr,uni_lower,uni_upper,uni_p,uni_p_variable,entered,multi_hr,multi_lower,multi_upper,multi_p");
    assertThat(lines).hasSize(1 + 5);
    assertThat(lines.get(1)).startsWith("trt,trt,").contains(",false,,,,");
    assertThat(lines.get(2)).startsWith("celltype,celltype=large,").contains(",true,");
  }

  @Test
  void screenTextShowsBothColumnsAndTheSteps() {
    String text =
        ok(
                "screen",
                "--data",
                data("birthwt.csv"),
                "--formula",
                "low ~ age + lwt + factor(race) + smoke + ptl + ht + ui + ftv",
                "--model",
                "logistic",
                "--select",
                "backward")
            .out();
    assertThat(text)
        .contains("univariable OR (95% CI)")
        .contains("multivariable OR (95% CI)")
        .contains("(removed)")
        .contains("- age")
        .contains("Stepwise selection by AIC (backward)");
  }

  @Test
  void everyCommandWritesItsMethodInText() {
    assertThat(
            ok(
                    "roc",
                    "--data",
                    data("aSAH.csv"),
                    "--outcome",
                    "outcome",
                    "--marker",
                    "s100b",
                    "--at",
                    "0.205")
                .out())
        .contains("Method: empirical ROC as pROC")
        .contains("sensitivity 0.6341 (95% CI 0.4694-0.7788), 26 of 41 cases");
    assertThat(
            ok(
                    "concordance",
                    "--data",
                    data("lung.csv"),
                    "--time",
                    "time",
                    "--event",
                    "status",
                    "--predictor",
                    "age")
                .out())
        .contains("Method: Harrell's C");
    assertThat(
            ok(
                    "cutpoint",
                    "--data",
                    data("lung.csv"),
                    "--time",
                    "time",
                    "--event",
                    "status",
                    "--variable",
                    "age")
                .out())
        .contains("Maximally selected LogRank statistics using Lau94");
  }
}
