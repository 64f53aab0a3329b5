package org.thyra.app.study;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thyra.app.ThyraCli;
import picocli.CommandLine;

class StudyCliTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  /** Runs the CLI with System.out and System.err captured (the writers are made after). */
  static synchronized Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    PrintStream savedErr = System.err;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
      CommandLine cli = ThyraCli.commandLineFor(args);
      StringWriter err = new StringWriter();
      setErr(cli, new PrintWriter(err, true));
      int code = cli.execute(args);
      return new Run(
          code,
          out.toString(StandardCharsets.UTF_8),
          err + errBytes.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(saved);
      System.setErr(savedErr);
    }
  }

  private static void setErr(CommandLine cli, PrintWriter w) {
    cli.setErr(w);
    cli.getSubcommands().values().forEach(c -> setErr(c, w));
  }

  @Test
  void listNamesTheFourBundledProtocols() {
    Run r = run("study", "list");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("ablation", "rai-cycles", "rair-lung", "nomogram", "seed 003");
  }

  @Test
  void checkReportsEveryProblemWithLineAndColumnAndExit2() throws Exception {
    Path p = dir.resolve("bad.yaml");
    Files.writeString(
        p,
        """
        protocol: 1
        id: bad
        title: Bad
        analyses:
          - id: km
            analysis: km
            time: months
            event: died
            conf-typ: log
          - id: cx
            analysis: cox
            formula: "Surv(months, died) ~ age +"
        report:
          sections:
            - title: Results
              items:
                - table: nothing
                  caption: x
        """);
    Run r = run("study", "check", p.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains(p + ":9:5: analyses[0].conf-typ: unknown key 'conf-typ'")
        .contains(p + ":12:14: analyses[1].formula:")
        .contains(p + ":17:18: report.sections[0].items[0].table: no analysis with id 'nothing'")
        .contains("3 problems");
  }

  @Test
  void checkWithDataNamesUnknownColumns() throws Exception {
    Path csv = dir.resolve("d.csv");
    Files.writeString(csv, "months,status\n1,0\n2,1\n");
    Run r = run("study", "check", "rair-lung", "--data", csv.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("rair-lung:")
        .contains("no column 'age'")
        .contains("no column 'tgab'")
        .contains("no column 'pfs_months'");
  }

  @Test
  void synthWritesTheSameFileForTheSameSeed() throws Exception {
    Path a = dir.resolve("a.csv");
    Path b = dir.resolve("b.csv");
    assertThat(
            run("synth", "--design", "nomogram", "--n", "50", "--seed", "3", "--out", a.toString())
                .code())
        .isZero();
    assertThat(
            run("synth", "--design", "nomogram", "--n", "50", "--seed", "3", "--out", b.toString())
                .code())
        .isZero();
    assertThat(Files.readAllLines(a)).hasSize(51).isEqualTo(Files.readAllLines(b));
    Run bad = run("synth", "--design", "nope", "--out", a.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err())
        .contains("unknown design 'nope'; designs: ablation, rai-cycles, rair-lung, nomogram");
  }

  /**
   * The report's numbers are the single commands' numbers: the KM rates and the log-rank test of
   * the rair-lung study equal {@code thyra km} / {@code thyra logrank} on the same rows.
   */
  @Test
  void reportNumbersEqualTheSingleCommands() throws Exception {
    Path csv = dir.resolve("rair.csv");
    assertThat(run("synth", "--design", "rair-lung", "--out", csv.toString()).code()).isZero();
    Path out = dir.resolve("report");
    Run r = run("study", "run", "rair-lung", "--data", csv.toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    // not a terminal (output captured): no progress bar, nothing on stderr
    assertThat(r.err()).isEmpty();
    JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    // the same rows: cohort steps (TgAb negative, complete data) and the analysis's where (CT)
    List<String> lines = Files.readAllLines(csv);
    List<String> header = List.of(lines.get(0).split(","));
    List<String> kept = new ArrayList<>(List.of(lines.get(0)));
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",", -1);
      if (c[header.indexOf("tgab")].equals("negative")
          && c[header.indexOf("complete_data")].equals("yes")
          && c[header.indexOf("ct_visible")].equals("yes")) {
        kept.add(line);
      }
    }
    Path rows = dir.resolve("rows.csv");
    Files.write(rows, kept);
    Run km =
        run(
            "km",
            "--data",
            rows.toString(),
            "--time",
            "pfs_months",
            "--event",
            "pd",
            "--group",
            "rair",
            "--at",
            "60",
            "--format",
            "json");
    assertThat(km.code()).as(km.err()).isZero();
    JsonNode cli = new ObjectMapper().readTree(km.out());
    JsonNode study = analysis(results, "km_rair").get("result");
    for (int g = 0; g < 2; g++) {
      JsonNode a = cli.at("/groups/" + g);
      JsonNode b = study.at("/groups/" + g);
      assertThat(b.get("group").asText()).isEqualTo(a.get("group").asText());
      assertThat(b.get("n").asInt()).isEqualTo(a.get("n").asInt());
      for (String f : List.of("survival", "std_err", "lower", "upper")) {
        assertThat(b.at("/at/0/" + f).asDouble()).isEqualTo(a.at("/at/0/" + f).asDouble());
      }
    }
    Run lr =
        run(
            "logrank",
            "--data",
            rows.toString(),
            "--time",
            "pfs_months",
            "--event",
            "pd",
            "--group",
            "rair_pattern",
            "--format",
            "json");
    JsonNode lrc = new ObjectMapper().readTree(lr.out());
    JsonNode lrs = analysis(results, "logrank_subtype").get("result");
    assertThat(lrs.get("statistic").asDouble()).isEqualTo(lrc.get("statistic").asDouble());
    assertThat(lrs.get("p").asDouble()).isEqualTo(lrc.get("p").asDouble());
    Run roc =
        run(
            "roc",
            "--data",
            rows.toString(),
            "--outcome",
            "pd",
            "--marker",
            "ps_tg",
            "--format",
            "json");
    assertThat(roc.code()).as(roc.err()).isZero();
    JsonNode rc = new ObjectMapper().readTree(roc.out());
    JsonNode rs = analysis(results, "roc_pstg").get("result");
    for (String f : List.of("auc", "auc_lower", "auc_upper", "n_cases", "n_controls")) {
      assertThat(rs.get(f).asDouble()).as(f).isEqualTo(rc.get(f).asDouble());
    }
    assertThat(rs.at("/best/0/threshold").asDouble())
        .isEqualTo(rc.at("/best/0/threshold").asDouble());
  }

  /**
   * The rai-cycles study's match, matched-cohort KM and log-rank, cut-point and paired test equal
   * {@code thyra match} (with {@code --out-matched}), {@code thyra km} / {@code thyra logrank} on
   * the matched rows, {@code thyra cutpoint} and {@code thyra paired} on the same rows.
   */
  @Test
  void matchCutpointAndPairedEqualTheSingleCommands() throws Exception {
    Path csv = dir.resolve("rai.csv");
    assertThat(run("synth", "--design", "rai-cycles", "--out", csv.toString()).code()).isZero();
    Path out = dir.resolve("report");
    Run r = run("study", "run", "rai-cycles", "--data", csv.toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    for (JsonNode a : results.get("analyses")) {
      assertThat(a.get("status").asText()).as(a.get("id").asText()).isEqualTo("done");
    }
    // the cohort step: progression-free for at least 6 months
    List<String> lines = Files.readAllLines(csv);
    List<String> header = List.of(lines.get(0).split(","));
    List<String> kept = new ArrayList<>(List.of(lines.get(0)));
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",", -1);
      if (Double.parseDouble(c[header.indexOf("pfs_months")]) >= 6) {
        kept.add(line);
      }
    }
    Path rows = dir.resolve("rows.csv");
    Files.write(rows, kept);
    Path matched = dir.resolve("matched.csv");
    Run m =
        run(
            "match",
            "--data",
            rows.toString(),
            "--treatment",
            "group",
            "--covariates",
            "age,local_disease,followup",
            "--factor",
            "local_disease",
            "--caliper",
            "0.05",
            "--std-caliper",
            "false",
            "--ref",
            "group=o-RAIT",
            "--ref",
            "local_disease=neither",
            "--out-matched",
            matched.toString(),
            "--format",
            "json");
    assertThat(m.code()).as(m.err()).isZero();
    JsonNode mc = new ObjectMapper().readTree(m.out());
    JsonNode ms = analysis(results, "psm").get("result");
    for (String f : List.of("n", "n_treated", "n_control", "matched_treated", "matched_control")) {
      assertThat(ms.get(f).asInt()).as(f).isEqualTo(mc.get(f).asInt());
    }
    assertThat(ms.get("balance")).hasSize(mc.get("balance").size());
    for (int j = 0; j < mc.get("balance").size(); j++) {
      JsonNode a = mc.get("balance").get(j);
      JsonNode b = ms.get("balance").get(j);
      assertThat(b.get("covariate").asText()).isEqualTo(a.get("covariate").asText());
      for (String f : List.of("mean_treated_before", "smd_before", "smd_after")) {
        assertThat(b.get(f).asDouble()).as(f).isEqualTo(a.get(f).asDouble());
      }
    }
    Run km =
        run(
            "km",
            "--data",
            matched.toString(),
            "--time",
            "pfs_months",
            "--event",
            "pd",
            "--group",
            "group",
            "--at",
            "60",
            "--format",
            "json");
    assertThat(km.code()).as(km.err()).isZero();
    JsonNode kc = new ObjectMapper().readTree(km.out());
    JsonNode ks = analysis(results, "km_matched").get("result");
    for (int g = 0; g < 2; g++) {
      JsonNode a = kc.at("/groups/" + g);
      JsonNode b = null;
      for (JsonNode x : ks.get("groups")) {
        if (x.get("group").asText().equals(a.get("group").asText())) {
          b = x;
        }
      }
      assertThat(b).as(a.get("group").asText()).isNotNull();
      assertThat(b.get("n").asInt()).isEqualTo(a.get("n").asInt());
      assertThat(b.at("/at/0/survival").asDouble()).isEqualTo(a.at("/at/0/survival").asDouble());
      assertThat(b.at("/at/0/lower").asDouble()).isEqualTo(a.at("/at/0/lower").asDouble());
    }
    Run lr =
        run(
            "logrank",
            "--data",
            matched.toString(),
            "--time",
            "pfs_months",
            "--event",
            "pd",
            "--group",
            "group",
            "--format",
            "json");
    JsonNode lrc = new ObjectMapper().readTree(lr.out());
    JsonNode lrs = analysis(results, "logrank_matched").get("result");
    // the matched file lists the rows pair by pair, the study in data order: sums in another order
    assertThat(lrs.get("statistic").asDouble())
        .isCloseTo(lrc.get("statistic").asDouble(), org.assertj.core.data.Offset.offset(1e-12));
    assertThat(lrs.get("p").asDouble())
        .isCloseTo(lrc.get("p").asDouble(), org.assertj.core.data.Offset.offset(1e-12));
    Run cut =
        run(
            "cutpoint",
            "--data",
            rows.toString(),
            "--time",
            "pfs_months",
            "--event",
            "pd",
            "--variable",
            "age",
            "--format",
            "json");
    assertThat(cut.code()).as(cut.err()).isZero();
    JsonNode cc = new ObjectMapper().readTree(cut.out());
    JsonNode cs = analysis(results, "cut_age").get("result");
    assertThat(cs.get("cutpoint").asDouble()).isEqualTo(cc.get("cutpoint").asDouble());
    assertThat(cs.get("statistic").asDouble()).isEqualTo(cc.get("statistic").asDouble());
    assertThat(cs.get("p_adjusted").asDouble()).isEqualTo(cc.at("/p_adjusted/p").asDouble());
    Run paired =
        run(
            "paired",
            "--data",
            rows.toString(),
            "--before",
            "response_first",
            "--after",
            "response_last",
            "--format",
            "json");
    assertThat(paired.code()).as(paired.err()).isZero();
    JsonNode pc = new ObjectMapper().readTree(paired.out());
    JsonNode ps = analysis(results, "response_change").get("result");
    assertThat(ps.get("test").asText()).isEqualTo(pc.get("test").asText());
    assertThat(ps.get("statistic").asDouble()).isEqualTo(pc.get("statistic").asDouble());
    assertThat(ps.get("p").asDouble()).isEqualTo(pc.get("p").asDouble());
    assertThat(ps.get("n").asInt()).isEqualTo(pc.get("n").asInt());
  }

  /**
   * A study's Cox model with {@code impute} equals {@code thyra cox --impute} with the same seed on
   * the same rows: pooled HRs, CIs, df and p (seed 000's sensitivity analysis).
   */
  @Test
  void imputedCoxEqualsTheSingleCommand() throws Exception {
    Path csv = dir.resolve("ablation.csv");
    assertThat(run("synth", "--design", "ablation", "--out", csv.toString()).code()).isZero();
    Path protocol = dir.resolve("mi.yaml");
    Files.writeString(
        protocol,
        """
        protocol: 1
        id: mi
        title: MI
        analyses:
          - id: mi
            analysis: cox
            formula: Surv(pfs_months, progression) ~ sex + diameter_cm + tg
            impute: 5
            seed: 2025
        report:
          sections:
            - title: Results
              items:
                - {table: mi, caption: Pooled.}
        """);
    Path out = dir.resolve("report");
    Run r =
        run("study", "run", protocol.toString(), "--data", csv.toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode study =
        analysis(new ObjectMapper().readTree(out.resolve("results.json").toFile()), "mi");
    assertThat(study.get("status").asText()).isEqualTo("done");
    Run cox =
        run(
            "cox",
            "--data",
            csv.toString(),
            "--formula",
            "Surv(pfs_months, progression) ~ sex + diameter_cm + tg",
            "--impute",
            "5",
            "--seed",
            "2025",
            "--format",
            "json");
    assertThat(cox.code()).as(cox.err()).isZero();
    JsonNode cli = new ObjectMapper().readTree(cox.out());
    JsonNode terms = study.at("/result/terms");
    assertThat(terms).hasSize(cli.get("terms").size());
    for (int j = 0; j < terms.size(); j++) {
      JsonNode a = cli.get("terms").get(j);
      JsonNode b = terms.get(j);
      assertThat(b.get("term").asText()).isEqualTo(a.get("term").asText());
      assertThat(b.get("ratio").asDouble()).isEqualTo(a.get("hr").asDouble());
      assertThat(b.get("lower").asDouble()).isEqualTo(a.get("lower").asDouble());
      assertThat(b.get("upper").asDouble()).isEqualTo(a.get("upper").asDouble());
      assertThat(b.get("df").asDouble()).isEqualTo(a.get("df").asDouble());
      assertThat(b.get("p").asDouble()).isEqualTo(a.get("p").asDouble());
    }
    assertThat(study.at("/result/n").asInt()).isEqualTo(cli.get("n").asInt());
    assertThat(study.get("method").asText()).contains("Rubin");
  }

  static JsonNode analysis(JsonNode results, String id) {
    for (JsonNode a : results.get("analyses")) {
      if (a.get("id").asText().equals(id)) {
        return a;
      }
    }
    throw new AssertionError("no analysis " + id);
  }

  @Test
  void demoRunsTheFourStudiesEndToEnd() throws Exception {
    Path out = dir.resolve("demo");
    Run r = run("demo", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    for (String id : List.of("ablation", "rai-cycles", "rair-lung", "nomogram")) {
      assertThat(out.resolve(id).resolve("report.pdf")).isNotEmptyFile();
      assertThat(out.resolve(id).resolve("report.docx")).isNotEmptyFile();
      assertThat(out.resolve(id).resolve("results.json")).isNotEmptyFile();
      assertThat(r.out())
          .contains(out.resolve(id).resolve("report.html").toAbsolutePath().toString());
      // the study read the registry's frame, kept beside the report
      assertThat(out.resolve(id).resolve("registry-export.csv")).isNotEmptyFile();
    }
    assertThat(out.resolve("registry").resolve("registry.mv.db")).isNotEmptyFile();
    // through the registry the study sees the same rows as from the synthetic file itself: the
    // same flow and the same results, analysis by analysis (only the input file differs)
    Path direct = dir.resolve("direct");
    Run d =
        run(
            "study",
            "run",
            "rair-lung",
            "--data",
            out.resolve("data").resolve("rair-lung.csv").toString(),
            "--out",
            direct.toString());
    assertThat(d.code()).as(d.err()).isZero();
    JsonNode viaRegistry =
        new ObjectMapper().readTree(out.resolve("rair-lung").resolve("results.json").toFile());
    JsonNode fromFile = new ObjectMapper().readTree(direct.resolve("results.json").toFile());
    assertThat(viaRegistry.get("input").get("file").asText()).isEqualTo("registry-export.csv");
    assertThat(viaRegistry.get("flow")).isEqualTo(fromFile.get("flow"));
    assertThat(viaRegistry.get("analyses")).isEqualTo(fromFile.get("analyses"));
  }

  @Test
  void aDemoThatCannotFinishLeavesAnEarlierDemosFilesAsTheyWere() throws Exception {
    Path out = dir.resolve("demo");
    Path earlierData = Files.createDirectories(out.resolve("data")).resolve("ablation.csv");
    Files.writeString(earlierData, "from an earlier demo\n");
    Path earlierResults = Files.createDirectories(out.resolve("ablation")).resolve("results.json");
    Files.writeString(earlierResults, "{\"earlier\": true}\n");
    // the last study's folder is taken by a file that is not a report: the demo must refuse
    // before it replaces anything
    Files.writeString(out.resolve("nomogram"), "not a report folder\n");
    Run r = run("demo", "--out", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("nomogram").contains("not a Thyra report folder");
    assertThat(Files.readString(earlierData)).isEqualTo("from an earlier demo\n");
    assertThat(Files.readString(earlierResults)).isEqualTo("{\"earlier\": true}\n");
    assertThat(Files.readString(out.resolve("nomogram"))).isEqualTo("not a report folder\n");
    try (var left = Files.list(out)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("data", "ablation", "nomogram");
    }
  }
}
