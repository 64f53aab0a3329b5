package org.thyra.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.thyra.app.CliRun.badInput;
import static org.thyra.app.CliRun.ok;
import static org.thyra.app.CliRun.warnings;

import com.fasterxml.jackson.databind.JsonNode;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a user sees at the command line on awkward input: exit code, the one-line message (naming
 * file, row and column) or the result. The numbers of the awkward-but-valid cases (every time tied,
 * zero times, missing times, 1/2 coding, a level in one stratum only) are checked against R in
 * {@link CliGoldenTest} (golden/cli/edge_*.json and cox_lung_strata_sex.json); here their shape.
 */
class CliEdgeCaseTest {
  @TempDir Path tmp;

  private Path csv(String name, String... lines) throws IOException {
    Path p = tmp.resolve(name);
    Files.write(p, List.of(lines));
    return p;
  }

  private static String data(String name) {
    return CliRun.dataDir().resolve(name).toString();
  }

  // ------------------------------------------------------------------ no events

  private Path noEvents() throws IOException {
    return csv("noev.csv", "time,status,g,x", "5,0,a,1", "8,0,a,2", "3,0,b,3", "9,0,b,4");
  }

  @Test
  void kmWithoutEventsStaysAtOneAndHasNoMedian() throws IOException {
    JsonNode j =
        ok(
                "km",
                "--data",
                noEvents().toString(),
                "--time",
                "time",
                "--event",
                "status",
                "--at",
                "4",
                "--format",
                "json")
            .json();
    JsonNode g = j.get("groups").get(0);
    assertThat(g.get("events").asInt()).isZero();
    assertThat(g.get("table")).hasSize(4);
    g.get("table").forEach(r -> assertThat(r.get("survival").asDouble()).isEqualTo(1.0));
    assertThat(g.get("at").get(0).get("survival").asDouble()).isEqualTo(1.0);
    assertThat(g.get("median").get("estimate").isNull()).isTrue();
    assertThat(g.get("median").get("lower").isNull()).isTrue();
    assertThat(g.get("median").get("upper").isNull()).isTrue();
    assertThat(warnings(j)).anySatisfy(w -> assertThat(w).contains("no events"));
  }

  @Test
  void logrankWithoutEventsIsZeroWithPOneAndAWarning() throws IOException {
    JsonNode j =
        ok(
                "logrank",
                "--data",
                noEvents().toString(),
                "--time",
                "time",
                "--event",
                "status",
                "--group",
                "g",
                "--format",
                "json")
            .json();
    assertThat(j.get("statistic").asDouble()).isZero();
    assertThat(j.get("p").asDouble()).isEqualTo(1.0);
    assertThat(j.get("df").asInt()).isZero();
    assertThat(warnings(j)).anySatisfy(w -> assertThat(w).containsIgnoringCase("no events"));
  }

  @Test
  void coxWithoutEventsReportsNaCoefficientsAndAWarning() throws IOException {
    JsonNode j =
        ok(
                "cox",
                "--data",
                noEvents().toString(),
                "--formula",
                "Surv(time, status) ~ x",
                "--format",
                "json")
            .json();
    assertThat(j.get("events").asInt()).isZero();
    assertThat(j.get("converged").asBoolean()).isFalse();
    JsonNode t = j.get("terms").get(0);
    assertThat(t.get("term").asText()).isEqualTo("x");
    assertThat(t.get("coef").isNull()).isTrue();
    assertThat(t.get("hr").isNull()).isTrue();
    assertThat(t.get("p").isNull()).isTrue();
    assertThat(j.get("concordance").get("c").isNull()).isTrue();
    assertThat(j.get("ph_test").isNull()).isTrue();
    assertThat(warnings(j)).anySatisfy(w -> assertThat(w).containsIgnoringCase("no events"));
  }

  // ------------------------------------------------------------------ groups

  @Test
  void logrankWithOneGroupIsAClearBadInput() throws IOException {
    Path f = csv("one.csv", "time,status,g", "5,1,a", "8,0,a", "3,1,a", "9,1,a");
    CliRun run =
        badInput(
            "logrank",
            "--data",
            f.toString(),
            "--time",
            "time",
            "--event",
            "status",
            "--group",
            "g");
    assertThat(run.err())
        .startsWith("logrank: one.csv, column \"g\": ")
        .contains("at least two groups")
        .contains("got 1");
  }

  @Test
  void logrankWithOneGroupLeftAfterDroppingMissingIsAClearBadInput() throws IOException {
    Path f = csv("one_left.csv", "time,status,g", "5,1,a", "8,0,a", "3,1,", "9,1,NA");
    CliRun run =
        badInput(
            "logrank",
            "--data",
            f.toString(),
            "--time",
            "time",
            "--event",
            "status",
            "--group",
            "g");
    assertThat(run.err()).contains("at least two groups");
  }

  // ------------------------------------------------------------------ ties, aliasing, separation

  @Test
  void everyTimeTiedGivesTheCoxFitWithoutAProportionalHazardsTest() {
    // R's cox.zph stops with a singular matrix here; thyra reports the fit and says why no PH test.
    JsonNode j =
        ok(
                "cox",
                "--data",
                data("edge_tied.csv"),
                "--formula",
                "Surv(time, status) ~ x",
                "--format",
                "json")
            .json();
    assertThat(j.get("terms").get(0).get("coef").asDouble()).isZero();
    assertThat(j.get("concordance").get("c").asDouble()).isEqualTo(0.5);
    if (j.get("ph_test").isNull()) {
      assertThat(warnings(j))
          .anySatisfy(w -> assertThat(w).contains("proportional-hazards test not computed"));
    }
  }

  @Test
  void constantCovariateIsAliased() throws IOException {
    Path f =
        csv("const.csv", "time,status,x,c", "5,1,1,7", "8,0,2,7", "3,1,3,7", "9,1,4,7", "4,1,2,7");
    JsonNode j =
        ok(
                "cox",
                "--data",
                f.toString(),
                "--formula",
                "Surv(time, status) ~ x + c",
                "--format",
                "json")
            .json();
    JsonNode x = j.get("terms").get(0);
    JsonNode c = j.get("terms").get(1);
    assertThat(x.get("aliased").asBoolean()).isFalse();
    assertThat(x.get("coef").isNumber()).isTrue();
    assertThat(c.get("term").asText()).isEqualTo("c");
    assertThat(c.get("aliased").asBoolean()).isTrue();
    assertThat(c.get("coef").isNull()).isTrue();
    assertThat(c.get("se").isNull()).isTrue();
    assertThat(j.get("tests").get("wald").get("df").asInt()).isEqualTo(1);
    assertThat(warnings(j)).anySatisfy(w -> assertThat(w).contains("aliased").contains("c"));
  }

  @Test
  void perfectSeparationWarnsThatTheCoefficientMayBeInfinite() throws IOException {
    // lung with x = 1 exactly for the deaths before day 300: R's coxph says
    // "Loglik converged before variable 1; coefficient may be infinite" (coef 21.36).
    List<String> lines = Files.readAllLines(CliRun.dataDir().resolve("lung.csv"));
    List<String> out = new ArrayList<>();
    out.add(lines.get(0) + ",x");
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",", -1);
      boolean early = c[2].equals("2") && Double.parseDouble(c[1]) < 300;
      out.add(line + "," + (early ? 1 : 0));
    }
    Path f = tmp.resolve("separated.csv");
    Files.write(f, out);
    JsonNode j =
        ok(
                "cox",
                "--data",
                f.toString(),
                "--formula",
                "Surv(time, status) ~ x + age",
                "--format",
                "json")
            .json();
    assertThat(warnings(j))
        .anySatisfy(w -> assertThat(w).contains("may be infinite").contains("x"));
    JsonNode x = j.get("terms").get(0);
    assertThat(x.get("coef").asDouble()).isGreaterThan(15);
    assertThat(x.get("upper").isNull()).as("exp overflows: Inf is null").isTrue();
  }

  // ------------------------------------------------------------------ sizes and times

  @Test
  void singleRow() throws IOException {
    Path f = csv("single.csv", "time,status,x", "5,1,2");
    JsonNode km =
        ok("km", "--data", f.toString(), "--time", "time", "--event", "status", "--format", "json")
            .json();
    JsonNode g = km.get("groups").get(0);
    assertThat(g.get("n").asInt()).isEqualTo(1);
    assertThat(g.get("table").get(0).get("survival").asDouble()).isZero();
    assertThat(g.get("median").get("estimate").asDouble()).isEqualTo(5.0);
    CliRun cox = badInput("cox", "--data", f.toString(), "--formula", "Surv(time, status) ~ x");
    assertThat(cox.err()).startsWith("cox: single.csv: ").contains("at least 2 observations");
  }

  @Test
  void zeroTimesAreAllowed() {
    JsonNode j =
        ok(
                "km",
                "--data",
                data("edge_zero_time.csv"),
                "--time",
                "time",
                "--event",
                "status",
                "--format",
                "json")
            .json();
    JsonNode first = j.get("groups").get(0).get("table").get(0);
    assertThat(first.get("time").asDouble()).isZero();
    assertThat(first.get("n_event").asInt()).isEqualTo(1);
    assertThat(first.get("n_censor").asInt()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"km", "logrank", "cox"})
  void negativeTimeNamesFileRowAndColumn(String command) throws IOException {
    Path f = csv("neg.csv", "time,status,g", "3,1,a", "4,0,b", "-1,1,a", "6,1,b");
    List<String> args = new ArrayList<>(List.of(command, "--data", f.toString()));
    if (command.equals("cox")) {
      args.addAll(List.of("--formula", "Surv(time, status) ~ g"));
    } else {
      args.addAll(List.of("--time", "time", "--event", "status", "--group", "g"));
    }
    CliRun run = badInput(args.toArray(String[]::new));
    assertThat(run.err())
        .startsWith(command + ": neg.csv, row 3, column \"time\": ")
        .contains("negative")
        .contains("-1");
  }

  @Test
  void missingTimesAreDroppedAndCounted() {
    JsonNode j =
        ok(
                "km",
                "--data",
                data("edge_missing_time.csv"),
                "--time",
                "time",
                "--event",
                "status",
                "--format",
                "json")
            .json();
    assertThat(j.get("n").asInt()).isEqualTo(5);
    assertThat(j.get("dropped_missing").asInt()).isEqualTo(2);
    JsonNode cox =
        ok(
                "cox",
                "--data",
                data("edge_missing_time.csv"),
                "--formula",
                "Surv(time, status) ~ x",
                "--format",
                "json")
            .json();
    assertThat(cox.get("n").asInt()).isEqualTo(5);
    assertThat(cox.get("dropped_missing").asInt()).isEqualTo(2);
  }

  // ------------------------------------------------------------------ event codes

  @Test
  void statusThatIsNotAnEventIndicatorNamesTheRow() throws IOException {
    Path f = csv("bad.csv", "time,status", "3,1", "4,0", "5,3", "6,1");
    CliRun run = badInput("km", "--data", f.toString(), "--time", "time", "--event", "status");
    assertThat(run.err())
        .startsWith("km: bad.csv, row 3, column \"status\": ")
        .contains("3 is not an event code");
    Path text = csv("badtext.csv", "time,status", "3,yes", "4,no", "5,maybe");
    assertThat(
            badInput("km", "--data", text.toString(), "--time", "time", "--event", "status").err())
        .contains("row 3")
        .contains("\"maybe\"");
  }

  @Test
  void pbcStatusZeroOneTwoIsRejectedAtTheFirstZero() {
    // pbc's status is 0 censored / 1 transplant / 2 dead: not an event indicator. R's Surv would
    // read it as 1/2 coding and silently turn the 0s into NA.
    CliRun run = badInput("km", "--data", data("pbc.csv"), "--time", "time", "--event", "status");
    assertThat(run.err()).startsWith("km: pbc.csv, row 2, column \"status\": ").contains("1/2");
  }

  @Test
  void oneTwoCodingIsReadAsRsSurv() {
    JsonNode j =
        ok(
                "km",
                "--data",
                data("edge_one_two.csv"),
                "--time",
                "time",
                "--event",
                "status",
                "--format",
                "json")
            .json();
    assertThat(j.get("event_coding").asText()).contains("1/2");
    assertThat(j.get("groups").get(0).get("events").asInt()).as("rows with 2").isEqualTo(4);
  }

  @Test
  void levelInOneStratumOnlyIsEstimated() {
    // lung: the single ph.ecog = 3 patient is in stratum sex = 1; R's coef is 1.8507 (golden).
    JsonNode j =
        ok(
                "cox",
                "--data",
                data("lung.csv"),
                "--formula",
                "Surv(time, status) ~ age + factor(ph.ecog) + strata(sex)",
                "--format",
                "json")
            .json();
    assertThat(j.get("terms"))
        .extracting(t -> t.get("term").asText())
        .containsExactly("age", "ph.ecog=1", "ph.ecog=2", "ph.ecog=3");
    assertThat(j.get("terms").get(3).get("coef").asDouble()).isBetween(1.85, 1.851);
    assertThat(j.get("method").get("strata").asInt()).isEqualTo(2);
    assertThat(j.get("dropped_missing").asInt()).isEqualTo(1);
  }

  // ------------------------------------------------------------------ names and formulas

  @Test
  void unknownColumnNamesFileAndColumnAndSuggests() {
    CliRun run = badInput("km", "--data", data("lung.csv"), "--time", "tme", "--event", "status");
    assertThat(run.err())
        .startsWith("km: lung.csv, column \"tme\": ")
        .contains("did you mean \"time\"");
    CliRun cox =
        badInput("cox", "--data", data("lung.csv"), "--formula", "Surv(time, status) ~ agee");
    assertThat(cox.err()).contains("lung.csv").contains("\"agee\"");
  }

  @Test
  void unknownReferenceLevelNamesTheLevels() {
    CliRun run =
        badInput(
            "cox",
            "--data",
            data("veteran.csv"),
            "--formula",
            "Surv(time, status) ~ celltype",
            "--ref",
            "celltype=huge");
    assertThat(run.err()).contains("veteran.csv").contains("\"huge\"").contains("celltype");
  }

  @Test
  void malformedFormulaSaysWhere() {
    CliRun run =
        CliRun.run("cox", "--data", data("lung.csv"), "--formula", "Surv(time, status ~ age");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("cox: invalid formula").contains("parenthes");
    CliRun noSurv = badInput("cox", "--data", data("lung.csv"), "--formula", "time ~ age");
    assertThat(noSurv.err()).contains("survival response");
  }

  @Test
  void missingDataFileIsBadInput() {
    CliRun run =
        badInput("km", "--data", tmp.resolve("nope.csv").toString(), "--time", "t", "--event", "e");
    assertThat(run.err()).contains("nope.csv").contains("not found");
  }

  // ------------------------------------------------------------------ output

  @ParameterizedTest
  @ValueSource(strings = {"km", "logrank", "cox"})
  void csvOutputParses(String command) throws IOException {
    List<String> args =
        new ArrayList<>(List.of(command, "--data", data("ovarian.csv"), "--format", "csv"));
    if (command.equals("cox")) {
      args.addAll(List.of("--formula", "Surv(futime, fustat) ~ age + factor(rx)"));
    } else {
      args.addAll(List.of("--time", "futime", "--event", "fustat", "--group", "rx"));
    }
    String out = ok(args.toArray(String[]::new)).out();
    List<CsvRecord> records;
    try (CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(out)) {
      records = r.stream().toList();
    }
    assertThat(records).hasSizeGreaterThan(1);
    int width = records.get(0).getFieldCount();
    assertThat(records).allSatisfy(r -> assertThat(r.getFieldCount()).isEqualTo(width));
    switch (command) {
      case "km" -> assertThat(records.get(0).getFields()).startsWith("group", "time", "n_risk");
      case "logrank" -> {
        assertThat(records).hasSize(3);
        assertThat(
                Double.parseDouble(
                    records.get(1).getField(records.get(0).getFields().indexOf("p"))))
            .isBetween(0.0, 1.0);
      }
      default -> {
        assertThat(records).hasSize(3);
        assertThat(records.get(2).getField(0)).isEqualTo("rx=2");
      }
    }
  }

  @Test
  void outIntoAMissingDirectoryCreatesIt() throws IOException {
    Path out = tmp.resolve("new/deeper/km.json");
    ok(
        "km",
        "--data",
        data("ovarian.csv"),
        "--time",
        "futime",
        "--event",
        "fustat",
        "--format",
        "json",
        "--out",
        out.toString());
    assertThat(out).exists();
    assertThat(CliRun.readJson(out).get("n").asInt()).isEqualTo(26);
  }

  @Test
  void outUnderAFileIsBadInputAndWritesNothing() throws IOException {
    Path file = csv("plain.txt", "not a directory");
    CliRun run =
        CliRun.run(
            "km",
            "--data",
            data("ovarian.csv"),
            "--time",
            "futime",
            "--event",
            "fustat",
            "--out",
            file.resolve("km.txt").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("plain.txt");
    assertThat(Files.readString(file).strip()).isEqualTo("not a directory");
  }

  @Test
  void failedRunLeavesAnEarlierOutFileUntouchedAndNoTemporaryFile() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("results"));
    Path out = dir.resolve("km.json");
    Files.writeString(out, "earlier result");
    Path f = csv("neg.csv", "time,status", "3,1", "-4,0");
    badInput(
        "km",
        "--data",
        f.toString(),
        "--time",
        "time",
        "--event",
        "status",
        "--format",
        "json",
        "--out",
        out.toString());
    assertThat(Files.readString(out)).isEqualTo("earlier result");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(out);
    }
  }

  @Test
  void successfulRunReplacesTheOutFileAndLeavesNoTemporaryFile() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("results2"));
    Path out = dir.resolve("lr.json");
    Files.writeString(out, "earlier result");
    ok(
        "logrank",
        "--data",
        data("ovarian.csv"),
        "--time",
        "futime",
        "--event",
        "fustat",
        "--group",
        "rx",
        "--format",
        "json",
        "--out",
        out.toString());
    assertThat(CliRun.readJson(out).get("analysis").asText()).isEqualTo("log-rank");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(out);
    }
  }

  @Test
  void outFileHasTheUsualPermissions() throws IOException {
    assumeThat(Files.getFileAttributeView(tmp, PosixFileAttributeView.class)).isNotNull();
    Path reference = Files.createFile(tmp.resolve("reference.txt"));
    Path out = tmp.resolve("km.txt");
    ok(
        "km",
        "--data",
        data("ovarian.csv"),
        "--time",
        "futime",
        "--event",
        "fustat",
        "--out",
        out.toString());
    Set<PosixFilePermission> expected = Files.getPosixFilePermissions(reference);
    assertThat(Files.getPosixFilePermissions(out)).isEqualTo(expected);
  }
}
