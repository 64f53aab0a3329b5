package org.thyra.app.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thyra.app.ThyraCli;
import picocli.CommandLine;

/**
 * {@code thyra registry ...} end to end on an embedded registry: init, a dry run, an import, a
 * refused import (exit 2, every problem, nothing written), check, export read by {@code thyra km},
 * audit, backup and restore.
 */
class RegistryCommandsTest {

  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    CommandLine cli = ThyraCli.commandLineFor(args);
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    int code;
    synchronized (RegistryCommandsTest.class) {
      try {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        code = cli.execute(args);
      } finally {
        System.setOut(saved);
      }
    }
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
  }

  static List<String> examples() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("..", "examples", "courses"))) {
      return s.map(Path::toString).filter(p -> p.endsWith(".json")).sorted().toList();
    }
  }

  static String[] args(String... head) throws IOException {
    List<String> a = new ArrayList<>(List.of(head));
    a.addAll(examples());
    return a.toArray(String[]::new);
  }

  @Test
  void theRegistryCommandsFromInitToRestore() throws IOException {
    String reg = tmp.resolve("reg").toString();
    Run missing = run("registry", "check", "--registry", reg);
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("no registry at").contains("thyra registry init");

    assertThat(run("registry", "init", "--registry", reg).code()).isZero();
    Run dry = run(args("registry", "import", "--registry", reg, "--dry-run"));
    assertThat(dry.code()).isZero();
    assertThat(dry.out())
        .contains("would add patient P003-01")
        .contains("dry run, nothing written");

    Path bad = tmp.resolve("bad.json");
    Files.writeString(
        bad, "{\"patientId\":\"B1\",\"demographics\":{\"diagnosisDate\":\"2015-13-01\"}}");
    List<String> withBad = new ArrayList<>(List.of(args("registry", "import", "--registry", reg)));
    withBad.add(bad.toString());
    Run refused = run(withBad.toArray(String[]::new));
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err())
        .contains("bad.json")
        .contains("demographics.diagnosisDate")
        .contains("nothing was written");

    Run imported = run(args("registry", "import", "--registry", reg));
    assertThat(imported.code()).isZero();
    assertThat(imported.out()).contains("6 patient(s) added");
    Run again = run(args("registry", "import", "--registry", reg));
    assertThat(again.out()).contains("0 patient(s) added, 0 changed, 6 unchanged");

    Run check = run("registry", "check", "--registry", reg);
    assertThat(check.code()).isZero();
    assertThat(check.out())
        .contains("patient P003-01, assessments[1] (2011-06-01) [recorded-vs-derived]");

    Path frame = tmp.resolve("frame.csv");
    Run export =
        run(
            "registry",
            "export",
            "--registry",
            reg,
            "--out",
            frame.toString(),
            "--derive",
            "ajcc8-stage,rair",
            "--endpoint",
            "os");
    assertThat(export.code()).isZero();
    assertThat(Files.readAllLines(frame).get(0))
        .contains("ajcc8_stage", "rair", "os_months", "os_status");
    // the frame is an analysis command's input as it is
    Run km =
        run(
            "km",
            "--data",
            frame.toString(),
            "--time",
            "os_months",
            "--event",
            "os_status",
            "--format",
            "json");
    assertThat(km.code()).as(km.err()).isZero();
    assertThat(km.out()).contains("\"n\" : 6").contains("\"events\" : 2");

    Run audit = run("registry", "audit", "--registry", reg, "--patient", "P000-01");
    assertThat(audit.out())
        .contains("INSERT patient P000-01 course")
        .contains("sha256")
        .contains("1 line(s)");

    Path backup = tmp.resolve("reg.backup");
    assertThat(run("registry", "backup", "--registry", reg, "--out", backup.toString()).code())
        .isZero();
    String other = tmp.resolve("other").toString();
    assertThat(run("registry", "init", "--registry", other).code()).isZero();
    Run restored = run("registry", "restore", "--registry", other, backup.toString());
    assertThat(restored.code()).as(restored.err()).isZero();
    assertThat(restored.out()).contains("6 patient(s)");
    Run refusedRestore = run("registry", "restore", "--registry", other, backup.toString());
    assertThat(refusedRestore.code()).isEqualTo(2);
    assertThat(refusedRestore.err()).contains("empty registry only");
  }

  static com.fasterxml.jackson.databind.JsonNode json(Run r) throws IOException {
    assertThat(r.code()).as(r.err()).isZero();
    com.fasterxml.jackson.databind.JsonNode j =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    assertThat(j.get("method").asText()).isNotBlank();
    assertThat(j.get("warnings").isArray()).isTrue();
    return j;
  }

  /** Every registry command's --format json: one object with method, warnings and its fields. */
  @Test
  void everyRegistryCommandReportsJson() throws IOException {
    String reg = tmp.resolve("regj").toString();
    var init = json(run("registry", "init", "--registry", reg, "--format", "json"));
    assertThat(init.get("applied").size()).isGreaterThan(0);
    assertThat(init.get("schema_version").asText()).isNotBlank();

    List<String> dry = new ArrayList<>(List.of(args("registry", "import", "--registry", reg)));
    dry.addAll(List.of("--dry-run", "--format", "json"));
    var d = json(run(dry.toArray(String[]::new)));
    assertThat(d.get("dry_run").asBoolean()).isTrue();
    assertThat(d.get("written").asBoolean()).isFalse();
    assertThat(d.get("added").asInt()).isEqualTo(6);
    assertThat(d.get("changes").get(0).get("action").asText()).isEqualTo("ADD");

    Path bad = tmp.resolve("bad.json");
    Files.writeString(
        bad, "{\"patientId\":\"B1\",\"demographics\":{\"diagnosisDate\":\"2015-13-01\"}}");
    Run refused = run("registry", "import", "--registry", reg, "--format", "json", bad.toString());
    assertThat(refused.code()).isEqualTo(2);
    var rj = new com.fasterxml.jackson.databind.ObjectMapper().readTree(refused.out());
    assertThat(rj.get("written").asBoolean()).isFalse();
    assertThat(rj.get("problems").get(0).get("why").asText()).isNotBlank();
    assertThat(rj.get("problems").get(0).get("file").asText()).endsWith("bad.json");
    assertThat(rj.get("problems").get(0).toString()).contains("demographics.diagnosisDate");

    List<String> imp = new ArrayList<>(List.of(args("registry", "import", "--registry", reg)));
    imp.addAll(List.of("--format", "json"));
    var i = json(run(imp.toArray(String[]::new)));
    assertThat(i.get("written").asBoolean()).isTrue();
    assertThat(i.get("added").asInt()).isEqualTo(6);

    var c =
        json(
            run(
                "registry",
                "check",
                "--registry",
                reg,
                "--format",
                "json",
                "--rule",
                "recorded-vs-derived"));
    assertThat(c.get("count").asInt()).isEqualTo(c.get("findings").size()).isPositive();
    for (var f : c.get("findings")) {
      assertThat(f.get("rule").asText()).isEqualTo("recorded-vs-derived");
    }

    Path frame = tmp.resolve("framej.csv");
    var e =
        json(
            run(
                "registry",
                "export",
                "--registry",
                reg,
                "--out",
                frame.toString(),
                "--endpoint",
                "os",
                "--format",
                "json"));
    assertThat(e.get("rows").asInt()).isEqualTo(6);
    assertThat(e.get("columns").toString()).contains("os_months");
    assertThat(Files.readAllLines(frame).get(0)).contains("os_months");

    var a =
        json(
            run(
                "registry",
                "audit",
                "--registry",
                reg,
                "--patient",
                "P000-01",
                "--format",
                "json"));
    assertThat(a.get("count").asInt()).isEqualTo(1);
    assertThat(a.get("lines").get(0).get("action").asText()).isEqualTo("INSERT");
    assertThat(a.get("lines").get(0).get("sha256").asText()).hasSize(64);

    Path backup = tmp.resolve("regj.backup");
    var b =
        json(
            run(
                "registry",
                "backup",
                "--registry",
                reg,
                "--out",
                backup.toString(),
                "--format",
                "json"));
    assertThat(b.get("patients").asInt()).isEqualTo(6);
    String other = tmp.resolve("otherj").toString();
    assertThat(run("registry", "init", "--registry", other).code()).isZero();
    var r =
        json(
            run("registry", "restore", "--registry", other, backup.toString(), "--format", "json"));
    assertThat(r.get("patients").asInt()).isEqualTo(6);

    Run wrong = run("registry", "audit", "--registry", reg, "--format", "xml");
    assertThat(wrong.code()).isEqualTo(2);
    assertThat(wrong.err()).contains("--format").contains("xml");
  }

  @Test
  void postgresCredentialsNeverComeFromTheCommandLine() {
    Run r =
        run("registry", "check", "--registry", "jdbc:postgresql://localhost/x?user=a&password=b");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("THYRA_DB_USER");
  }
}
