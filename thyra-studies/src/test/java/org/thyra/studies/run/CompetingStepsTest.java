package org.thyra.studies.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thyra.studies.golden.Golden;
import org.thyra.studies.protocol.ProtocolCheck;
import org.thyra.studies.protocol.ProtocolProblem;
import org.thyra.studies.protocol.ProtocolReader;

/**
 * The survival steps of a protocol ({@code cuminc}, {@code crr}, {@code rmst}, {@code concordance})
 * give R's numbers under the single commands' JSON keys: the goldens of {@code thyra
 * cuminc/crr/rmst} (cmprsk, survRM2 formulas; resources golden/competing) are compared with the
 * report's results.json, to 6 significant digits.
 */
class CompetingStepsTest {
  @TempDir Path dir;

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode golden(String name) {
    return Golden.read("competing/" + name + ".json").get("expected");
  }

  private Path copy(String name) {
    return Golden.copy("competing/" + name, dir.resolve(name));
  }

  private Path run(String protocol, Path data) throws Exception {
    ProtocolReader.Read r = ProtocolReader.read(protocol, "p.yaml");
    assertThat(ProtocolCheck.check(r, "p.yaml")).isEmpty();
    Path out = dir.resolve("report");
    new StudyRunner(r.protocol(), protocol, "test").run(data, out, Progress.NONE);
    return out;
  }

  private static JsonNode result(Path out, String id) throws Exception {
    for (JsonNode a : JSON.readTree(out.resolve("results.json").toFile()).get("analyses")) {
      if (a.get("id").asText().equals(id)) {
        assertThat(a.path("status").asText()).isNotEqualTo("not run");
        return a.get("result");
      }
    }
    throw new AssertionError(id);
  }

  /** Every number and null of {@code expected} is in {@code actual} at the same place. */
  private static int compare(String path, JsonNode expected, JsonNode actual) {
    assertThat(actual).as(path).isNotNull();
    if (expected.isNumber()) {
      assertThat(actual.isNumber()).as(path + " is a number").isTrue();
      double e = expected.asDouble();
      double a = actual.asDouble();
      assertThat(Math.abs(a - e))
          .as(path + ": " + a + " vs R's " + e)
          .isLessThanOrEqualTo(1e-6 * Math.max(Math.abs(e), 1e-8));
      return 1;
    }
    if (expected.isNull()) {
      assertThat(actual.isNull()).as(path + " is null").isTrue();
      return 0;
    }
    int n = 0;
    if (expected.isArray()) {
      assertThat(actual.size()).as(path + " size").isEqualTo(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        n += compare(path + "[" + i + "]", expected.get(i), actual.get(i));
      }
    } else if (expected.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        n += compare(path + "." + f.getKey(), f.getValue(), actual.get(f.getKey()));
      }
    } else {
      assertThat(actual.asText()).as(path).isEqualTo(expected.asText());
    }
    return n;
  }

  @Test
  void cumulativeIncidenceAndFineGrayStepsGiveCmprsksNumbers() throws Exception {
    String protocol =
        """
        protocol: 1
        id: pbc
        title: Competing risks
        analyses:
          - id: cif
            analysis: cuminc
            time: time
            event: status
            group: trt
            at: [365, 1000, 2000, 3000, 4000, 4556]
          - id: fg
            analysis: crr
            formula: Surv(time, status) ~ age + albumin + edema + factor(stage)
            cause: 2
        report:
          sections:
            - title: Results
              items:
                - {table: cif, caption: Cumulative incidence.}
                - {figure: cif, caption: Cumulative incidence curves.}
                - {table: fg, caption: Fine-Gray model.}
        """;
    Path out = run(protocol, copy("pbc.csv"));
    assertThat(compare("cuminc", golden("cuminc_pbc_trt"), result(out, "cif")))
        .isGreaterThanOrEqualTo(50);
    assertThat(compare("crr", golden("crr_pbc_death"), result(out, "fg")))
        .isGreaterThanOrEqualTo(30);
    // the figure is its own file and inline in the HTML report
    try (var files = Files.list(out.resolve("figures"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .anySatisfy(n -> assertThat(n).isEqualTo("figure1.svg"));
    }
    String html = Files.readString(out.resolve("report.html"));
    assertThat(html).contains("Cumulative incidence curves.").contains("Cumulative incidence</");
    // table cells are what the JSON holds: cause 1 in trt 1 at 1000 days is 3.2% (1.2, 6.8)
    assertThat(html).contains("3.2 (1.2, 6.8)");
    // status is the file's own column, not a protocol derivation: causes go by their codes
    assertThat(html).contains("Cause 1").contains("Cause 2");
  }

  @Test
  void rmstAndConcordanceStepsRun() throws Exception {
    String protocol =
        """
        protocol: 1
        id: lung
        title: RMST
        analyses:
          - id: rmst
            analysis: rmst
            time: time
            event: status
            group: sex
            tau: 365
          - id: c
            analysis: concordance
            time: time
            event: status
            predictor: age
        report:
          sections:
            - title: Results
              items:
                - {table: rmst, caption: RMST.}
                - {table: c, caption: Discrimination.}
        """;
    Path out = run(protocol, copy("lung.csv"));
    assertThat(compare("rmst", golden("rmst_lung_sex_365"), result(out, "rmst")))
        .isGreaterThanOrEqualTo(20);
    JsonNode c = result(out, "c");
    double est = c.get("c").asDouble();
    double se = c.get("se").asDouble();
    // R: concordance(Surv(time, status) ~ age, lung): 0.449760167882482, sqrt(var)
    // 0.0251421115943329
    assertThat(est).isCloseTo(0.449760167882482, org.assertj.core.data.Offset.offset(5e-7));
    assertThat(se).isCloseTo(0.0251421115943329, org.assertj.core.data.Offset.offset(3e-8));
    assertThat(c.get("lower").asDouble()).isCloseTo(est - 1.959963984540054 * se, within());
    assertThat(c.get("upper").asDouble()).isCloseTo(est + 1.959963984540054 * se, within());
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-12);
  }

  @Test
  void checksNameTheMissingTauAndStrataWithoutGroup() {
    String protocol =
        """
        protocol: 1
        id: bad
        title: Bad
        analyses:
          - id: rmst
            analysis: rmst
            time: time
            event: status
          - id: cif
            analysis: cuminc
            time: time
            event: status
            strata: sex
          - id: fg
            analysis: crr
            formula: status ~ age
        report:
          sections:
            - title: Results
              items:
                - {table: rmst, caption: RMST.}
        """;
    List<ProtocolProblem> p =
        ProtocolCheck.check(ProtocolReader.read(protocol, "b.yaml"), "b.yaml");
    assertThat(p)
        .extracting(ProtocolProblem::message)
        .contains(
            "tau (the truncation time) is required",
            "strata stratifies Gray's test and needs group",
            "a survival model needs Surv(time, event) on the left of ~");
  }
}
