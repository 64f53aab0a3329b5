package org.thyra.app.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thyra.app.ThyraCli;
import picocli.CommandLine;

class ClinicalCommandsTest {

  @TempDir Path dir;
  final StringWriter err = new StringWriter();

  int run(String... args) {
    CommandLine cli = ThyraCli.commandLine();
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  Path csv(String name, String... lines) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, List.of(lines));
    return p;
  }

  @Test
  void deriveAppendsTheRuleColumnsAsCsv() throws IOException {
    Path data =
        csv(
            "stage.csv",
            "id,Age,T,N,M",
            "1,55,T1a,N1b,M0",
            "2,54.9,T4b,N1b,M0",
            "3,70,T4,N0,M0",
            "4,NA,T1a,N0,M0");
    Path out = dir.resolve("out.csv");
    int rc =
        run(
            "derive",
            "--data",
            data.toString(),
            "--rule",
            "ajcc8-stage",
            "--column",
            "age=Age",
            "--column",
            "t=T",
            "--column",
            "n=N",
            "--column",
            "m=M",
            "--format",
            "csv",
            "--with-reason",
            "--out",
            out.toString());
    assertThat(rc).as(err.toString()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0))
        .isEqualTo("id,Age,T,N,M,ajcc8_stage,ajcc8_stage_reason,ajcc8_stage_method");
    assertThat(lines.get(1))
        .startsWith("1,55,T1a,N1b,M0,II,")
        .contains("AJCC 8th ed. stage group")
        .contains("≥ 55 years");
    assertThat(lines.get(2)).startsWith("2,54.9,T4b,N1b,M0,I,");
    assertThat(lines.get(3)).startsWith("3,70,T4,N0,M0,,");
    assertThat(lines.get(4)).isEqualTo("4,,T1a,N0,M0,,age missing,"); // not applied: no method
  }

  @Test
  void deriveJsonHasMethodWarningsRowsAndReasons() throws IOException {
    Path data = csv("tg.csv", "pid;before;after", "a;100;75", "b;1.2;0.9", "c;100;125");
    Path out = dir.resolve("tg.json");
    int rc =
        run(
            "derive",
            "--data",
            data.toString(),
            "--rule",
            "tg-response",
            "--column",
            "tg_before=before",
            "--column",
            "tg_after=after",
            "--param",
            "boundary=exclusive",
            "--format",
            "json",
            "--out",
            out.toString());
    assertThat(rc).as(err.toString()).isZero();
    JsonNode root = new ObjectMapper().readTree(out.toFile());
    assertThat(root.get("method").asText()).contains("boundary=exclusive").contains("threshold=25");
    assertThat(root.get("warnings").isArray()).isTrue();
    JsonNode rows = root.get("rows");
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).get("row").asInt()).isEqualTo(1);
    assertThat(rows.get(0).get("tg_response").asText())
        .isEqualTo("SD"); // exactly −25 % with > 25 %
    assertThat(rows.get(1).get("tg_response").asText()).isEqualTo("SD");
    assertThat(rows.get(2).get("tg_change_percent").asText()).isEqualTo("25");
    assertThat(rows.get(0).get("tg_response_reason").asText()).contains("ΔTg -25 %");
    assertThat(rows.get(0).get("tg_response_method").asText())
        .contains("threshold ±25 % exclusive (exactly ±25 % is SD, seed 004)");
  }

  @Test
  void badCellStopsEverythingNamingFileRowAndColumn() throws IOException {
    Path data = csv("bad.csv", "id,Age,T,N,M", "1,55,T1a,N0,M0", "2,60,T9,N0,M0");
    Path out = dir.resolve("never.csv");
    int rc =
        run(
            "derive",
            "--data",
            data.toString(),
            "--rule",
            "ajcc8-stage",
            "--column",
            "age=Age",
            "--column",
            "t=T",
            "--column",
            "n=N",
            "--column",
            "m=M",
            "--format",
            "csv",
            "--out",
            out.toString());
    assertThat(rc).isEqualTo(2);
    assertThat(err.toString())
        .contains("bad.csv, row 2, column \"T\": 'T9' is not an AJCC T category")
        .contains("role t");
    assertThat(out).doesNotExist();
    try (var s = Files.list(dir)) {
      assertThat(s.filter(p -> p.getFileName().toString().endsWith(".part"))).isEmpty();
    }
  }

  /**
   * Bad input of every kind: one message naming file, row and column (a parameter: no row), exit 2,
   * the old --out file intact.
   */
  @Test
  void badInputOfEveryKindIsOneClearMessageAndLeavesOutUntouched() throws IOException {
    Path out = dir.resolve("keep.csv");
    Files.writeString(out, "old");
    Path tg = csv("tg.csv", "pid,before,after", "a,100,75", "b,10,-1");
    assertBad(
        out,
        "tg.csv, row 2, column \"after\": '-1' must not be negative (rule tg-response, role tg_after)",
        "derive",
        "--data",
        tg.toString(),
        "--rule",
        "tg-response",
        "--column",
        "tg_before=before",
        "--column",
        "tg_after=after");
    assertBad(
        out,
        "thyra derive: --param boundary=sometimes: must be one of inclusive, exclusive (rule tg-response)",
        "derive",
        "--data",
        tg.toString(),
        "--rule",
        "tg-response",
        "--column",
        "tg_before=before",
        "--column",
        "tg_after=after",
        "--param",
        "boundary=sometimes");
    Path dates = csv("dates.csv", "dx,met", "2015-02-10,2016-02-10", "2015-02-10,2016-13-01");
    assertBad(
        out,
        "dates.csv, row 2, column \"met\": '2016-13-01' is not a date (yyyy-MM-dd)",
        "derive",
        "--data",
        dates.toString(),
        "--rule",
        "metastasis-timing",
        "--column",
        "diagnosis_date=dx",
        "--column",
        "metastasis_date=met");
    Path recist = csv("recist.csv", "Target,NonTarget,New", "PR,CR,no", "non-CR/non-PD,CR,no");
    assertBad(
        out,
        "recist.csv, row 2, column \"Target, NonTarget, New\": 'non-CR/non-PD/CR/no' rejected: non-CR/non-PD is a non-target category",
        "derive",
        "--data",
        recist.toString(),
        "--rule",
        "recist-overall",
        "--column",
        "target=Target",
        "--column",
        "nontarget=NonTarget",
        "--column",
        "new_lesions=New");
    Path ata = csv("ata.csv", "img,tg,tx", "negative,0.1,lobectomy", "negative,0.1,thyroidectomy");
    assertBad(
        out,
        "ata.csv, row 2, column \"tx\": 'thyroidectomy' is not a treatment",
        "derive",
        "--data",
        ata.toString(),
        "--rule",
        "ata-response",
        "--column",
        "imaging=img",
        "--column",
        "tg_suppressed=tg",
        "--column",
        "treatment=tx");
    Path clash = csv("clash.csv", "row,before,after", "1,100,75");
    assertBad(
        out,
        "already has a column named row",
        "derive",
        "--data",
        clash.toString(),
        "--rule",
        "tg-response",
        "--column",
        "tg_before=before",
        "--column",
        "tg_after=after",
        "--format",
        "json");
    Path missing = dir.resolve("nope.csv");
    assertBad(
        out,
        "nope.csv",
        "derive",
        "--data",
        missing.toString(),
        "--rule",
        "tg-response",
        "--column",
        "tg_before=before",
        "--column",
        "tg_after=after");
  }

  private void assertBad(Path out, String message, String... args) throws IOException {
    err.getBuffer().setLength(0);
    String[] withOut = java.util.Arrays.copyOf(args, args.length + 2);
    withOut[args.length] = "--out";
    withOut[args.length + 1] = out.toString();
    assertThat(run(withOut)).as(err.toString()).isEqualTo(2);
    assertThat(err.toString()).contains(message);
    assertThat(err.toString().strip().lines()).as("one message").hasSize(1);
    assertThat(Files.readString(out)).isEqualTo("old");
    try (var s = Files.list(dir)) {
      assertThat(s.filter(p -> p.getFileName().toString().endsWith(".part"))).isEmpty();
    }
  }

  @Test
  void ataResponseTakesTheTreatmentPerRowAndEveryRowStatesItsMethod() throws IOException {
    Path data =
        csv(
            "ata.csv",
            "img,tg,tx",
            "negative,30,lobectomy",
            "negative,5,total_thyroidectomy_without_rai",
            "negative,5,NA");
    Path out = dir.resolve("ata.json");
    assertThat(
            run(
                "derive",
                "--data",
                data.toString(),
                "--rule",
                "ata-response",
                "--column",
                "imaging=img",
                "--column",
                "tg_suppressed=tg",
                "--column",
                "treatment=tx",
                "--format",
                "json",
                "--out",
                out.toString()))
        .as(err.toString())
        .isZero();
    JsonNode rows = new ObjectMapper().readTree(out.toFile()).get("rows");
    assertThat(rows.get(0).get("ata_response").asText())
        .isEqualTo("indeterminate"); // exactly 30 after lobectomy
    assertThat(rows.get(0).get("ata_response_method").asText()).contains("after lobectomy");
    assertThat(rows.get(1).get("ata_response").asText())
        .isEqualTo("indeterminate"); // exactly 5 without RAI
    assertThat(rows.get(1).get("ata_response_method").asText()).contains("without RAI");
    assertThat(rows.get(2).get("ata_response").asText())
        .isEqualTo("biochemical_incomplete"); // parameter default: Table 13
    assertThat(rows.get(2).get("ata_response_method").asText()).contains("Table 13");
    Path text = dir.resolve("ata.txt");
    assertThat(
            run(
                "derive",
                "--data",
                data.toString(),
                "--rule",
                "ata-response",
                "--column",
                "imaging=img",
                "--column",
                "tg_suppressed=tg",
                "--column",
                "treatment=tx",
                "--out",
                text.toString()))
        .isZero();
    assertThat(Files.readString(text))
        .contains("[method: ATA 2015 response to therapy after lobectomy");
  }

  @Test
  void missingRolesUnknownColumnsAndCollisionsAreClearErrors() throws IOException {
    Path data = csv("s.csv", "Age,T,N,M,ajcc8_stage", "55,T1a,N0,M0,I");
    assertThat(
            run(
                "derive",
                "--data",
                data.toString(),
                "--rule",
                "ajcc8-stage",
                "--column",
                "age=Age"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("rule ajcc8-stage needs --column t=COLUMN");
    assertThat(
            run(
                "derive",
                "--data",
                data.toString(),
                "--rule",
                "ajcc8-stage",
                "--column",
                "age=Agee",
                "--column",
                "t=T",
                "--column",
                "n=N",
                "--column",
                "m=M"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("Agee");
    assertThat(
            run(
                "derive",
                "--data",
                data.toString(),
                "--rule",
                "ajcc8-stage",
                "--column",
                "age=Age",
                "--column",
                "t=T",
                "--column",
                "n=N",
                "--column",
                "m=M"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("already has a column named ajcc8_stage");
    assertThat(run("derive", "--data", data.toString(), "--rule", "nonsense")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown rule 'nonsense'");
  }

  @Test
  void listNamesEveryRuleAndItsRoles() throws IOException {
    Path out = dir.resolve("list.json");
    assertThat(run("derive", "--list", "--format", "json", "--out", out.toString())).isZero();
    JsonNode rules = new ObjectMapper().readTree(out.toFile()).get("rules");
    List<String> names = new ArrayList<>();
    rules.forEach(r -> names.add(r.get("name").asText()));
    assertThat(names)
        .containsExactlyElementsOf(
            org.thyra.clinical.rules.RuleRegistry.all().stream()
                .map(org.thyra.clinical.rules.Rule::name)
                .toList());
    for (org.thyra.clinical.rules.Rule r : org.thyra.clinical.rules.RuleRegistry.all()) {
      List<String> listed = new ArrayList<>();
      rules
          .get(names.indexOf(r.name()))
          .get("roles")
          .forEach(x -> listed.add(x.get("name").asText()));
      assertThat(listed)
          .as(r.name())
          .containsExactlyElementsOf(
              r.roles().stream().map(org.thyra.clinical.rules.Role::name).toList());
    }
    JsonNode ata = rules.get(names.indexOf("ata-response"));
    assertThat(ata.get("parameters").get(0).get("name").asText()).isEqualTo("treatment");
    JsonNode stage = rules.get(names.indexOf("ajcc8-stage"));
    List<String> roles = new ArrayList<>();
    stage.get("roles").forEach(r -> roles.add(r.get("name").asText()));
    assertThat(roles).containsExactly("age", "t", "n", "m");
    Path text = dir.resolve("list.txt");
    assertThat(run("derive", "--list", "--out", text.toString())).isZero();
    assertThat(Files.readString(text))
        .contains("ajcc8-stage — AJCC 8th edition stage group")
        .contains("roles:   age t n m");
  }

  @Test
  void classifyPrintsEveryStatusWithItsReason() throws IOException {
    Path course = Path.of("..", "examples", "courses", "seed003-rair-lung.json");
    Path out = dir.resolve("c.json");
    int rc =
        run(
            "classify",
            "--patient",
            course.toString(),
            "--rair-cumulative",
            "--format",
            "json",
            "--out",
            out.toString());
    assertThat(rc).as(err.toString()).isZero();
    JsonNode root = new ObjectMapper().readTree(out.toFile());
    assertThat(root.get("patient").asText()).isEqualTo("P003-01");
    assertThat(root.get("method").asText()).contains("cumulative > 600 mCi");
    List<String> seen = new ArrayList<>();
    root.get("findings")
        .forEach(
            f -> {
              seen.add(
                  f.get("rule").asText()
                      + "|"
                      + f.get("subject").asText()
                      + "|"
                      + f.get("value").asText());
              assertThat(f.get("reason").asText()).isNotBlank();
              assertThat(f.get("method").asText()).as(f.toString()).isNotBlank();
            });
    assertThat(seen)
        .contains(
            "ajcc8-stage|patient|IVB",
            "rair|subtype|partial_or_lost_avidity",
            "rair|criterion cumulative_activity_above_600_mci|fired",
            "recist-target|2011-06-01|PR");
    Path text = dir.resolve("c.txt");
    assertThat(run("classify", "--patient", course.toString(), "--out", text.toString())).isZero();
    assertThat(Files.readString(text))
        .contains("Patient P003-01")
        .contains("because")
        .contains("ajcc8-stage  patient: IVB")
        .contains("method: AJCC 8th ed. stage group");
    Path csvOut = dir.resolve("c.csv");
    assertThat(
            run(
                "classify",
                "--patient",
                course.toString(),
                "--format",
                "csv",
                "--out",
                csvOut.toString()))
        .isZero();
    assertThat(Files.readAllLines(csvOut).get(0))
        .isEqualTo("rule,subject,value,reason,method,warnings");
  }

  /**
   * Every command in examples/derive/README.md runs on the example files (and so does every example
   * course).
   */
  @Test
  void everyExampleCommandRuns() throws IOException {
    String readme =
        Files.readString(Path.of("..", "examples", "derive", "README.md")).replace("\\\n", " ");
    int commands = 0;
    for (String line : readme.lines().toList()) {
      String command = line.replaceAll("#.*$", "").trim();
      if (!command.startsWith("./thyra ")) {
        continue;
      }
      List<String> args = new ArrayList<>();
      for (String a : command.substring("./thyra ".length()).trim().split("\\s+")) {
        args.add(
            a.startsWith("examples/")
                ? "../" + a
                : a.startsWith("/tmp/") ? dir.resolve("out-" + commands).toString() : a);
      }
      if (!args.contains("--out")) {
        args.add("--out");
        args.add(dir.resolve("out-" + commands).toString());
      }
      err.getBuffer().setLength(0);
      assertThat(run(args.toArray(String[]::new))).as(command + "\n" + err).isZero();
      commands++;
    }
    assertThat(commands).isGreaterThanOrEqualTo(15);
    List<String> ata = Files.readAllLines(dir.resolve("out-10"));
    assertThat(ata.get(0)).endsWith("ata_response,ata_response_reason,ata_response_method");
    assertThat(ata.get(1)).contains(",excellent,");
    assertThat(ata.get(2))
        .contains(",indeterminate,")
        .contains("without RAI"); // exactly 5 ng/mL without RAI
    assertThat(ata.get(3))
        .contains(",indeterminate,")
        .contains("after lobectomy"); // exactly 30 ng/mL after lobectomy
    assertThat(ata.get(4))
        .contains(",indeterminate,")
        .contains("Table 13")
        .contains("open boundary"); // empty treatment: the parameter's table; exactly 1.0 is open
  }

  @Test
  void classifyReportsAnImpossibleCourse() throws IOException {
    String json =
        Files.readString(Path.of("..", "examples", "courses", "seed003-rair-lung.json"))
            .replace(
                "\"date\": \"2012-09-01\", \"imaging\"", "\"date\": \"2017-01-01\", \"imaging\"");
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, json);
    assertThat(run("classify", "--patient", bad.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains("patient P003-01, assessments[2] (2017-01-01): dated after death on 2016-05-01");
  }
}
