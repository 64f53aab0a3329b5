package org.thyra.studies.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thyra.analysis.DataFile;
import org.thyra.analysis.survival.CoxAnalysis;
import org.thyra.analysis.survival.CoxReport;
import org.thyra.analysis.survival.KaplanMeierAnalysis;
import org.thyra.analysis.survival.LogRankAnalysis;
import org.thyra.analysis.survival.LogRankReport;
import org.thyra.analysis.survival.WeightedSurvivalAnalysis;
import org.thyra.stats.survival.WeightedKaplanMeier;
import org.thyra.studies.golden.Golden;
import org.thyra.studies.protocol.ProtocolCheck;
import org.thyra.studies.protocol.ProtocolProblem;
import org.thyra.studies.protocol.ProtocolReader;

/**
 * The study runner's {@code cox} with {@code landmark}, {@code weights} and {@code firth}: the
 * first two give {@code thyra cox --landmark / --weights}'s numbers (the same {@link CoxAnalysis}
 * on the same rows), Firth's model R's penalised-likelihood maximum (thyra-stats' golden, made by
 * {@code firth_cox_goldens.R} on survival's lung).
 */
class StudyCoxOptionsTest {
  @TempDir Path dir;

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String PROTOCOL =
      """
      protocol: 1
      id: c
      title: Cox options
      analyses:
        - id: landmark
          analysis: cox
          formula: Surv(time, status) ~ age + sex
          landmark: 90
        - id: weighted
          analysis: cox
          formula: Surv(time, status) ~ age + sex
          weights: w
        - id: firth
          analysis: cox
          formula: Surv(time, status) ~ age + sex + ph.ecog
          firth: true
        - id: wkm
          analysis: km
          time: time
          event: status
          group: sex
          weights: w
          at: [180, 365]
        - id: wlr
          analysis: logrank
          time: time
          event: status
          group: sex
          strata: ph.ecog
          weights: w
      report:
        sections:
          - title: Results
            items:
              - {table: landmark, caption: Landmark.}
              - {table: weighted, caption: Weighted.}
              - {table: firth, caption: Firth.}
              - {figure: firth, caption: Firth forest plot.}
              - {table: wkm, caption: Weighted Kaplan-Meier.}
              - {figure: wkm, caption: Weighted Kaplan-Meier curves.}
              - {table: wlr, caption: Weighted log-rank.}
      """;

  /** survival's lung with a case-weight column w (1, 1.5, 2 in turn: not whole numbers). */
  private Path data() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("../examples/data/lung.csv"));
    List<String> out = new ArrayList<>();
    out.add(lines.get(0) + ",\"w\"");
    for (int i = 1; i < lines.size(); i++) {
      out.add(lines.get(i) + "," + (1 + 0.5 * (i % 3)));
    }
    Path csv = dir.resolve("lung_w.csv");
    Files.write(csv, out);
    return csv;
  }

  private static JsonNode result(JsonNode analyses, String id) {
    for (JsonNode a : analyses) {
      if (a.get("id").asText().equals(id)) {
        assertThat(a.get("status").asText()).isEqualTo("done");
        return a.get("result");
      }
    }
    throw new AssertionError(id);
  }

  private JsonNode run(Path csv) throws Exception {
    ProtocolReader.Read r = ProtocolReader.read(PROTOCOL, "c.yaml");
    assertThat(r.problems()).isEmpty();
    assertThat(ProtocolCheck.check(r, "c.yaml")).isEmpty();
    Path out = dir.resolve("report");
    StudyResult done = new StudyRunner(r.protocol(), PROTOCOL, "test").run(csv, out, Progress.NONE);
    assertThat(done.notRun()).isEmpty();
    return JSON.readTree(out.resolve("results.json").toFile()).get("analyses");
  }

  private static void sameAsCommand(JsonNode step, CoxReport cli) {
    JsonNode terms = step.get("terms");
    assertThat(terms).hasSize(cli.fit().size());
    for (int j = 0; j < terms.size(); j++) {
      assertThat(terms.get(j).get("term").asText()).isEqualTo(cli.fit().names().get(j));
      assertThat(terms.get(j).get("ratio").asDouble())
          .isCloseTo(cli.fit().hazardRatios()[j], within(1e-12));
      assertThat(terms.get(j).get("lower").asDouble()).isCloseTo(cli.lower(j), within(1e-12));
      assertThat(terms.get(j).get("upper").asDouble()).isCloseTo(cli.upper(j), within(1e-12));
      assertThat(terms.get(j).get("p").asDouble()).isCloseTo(cli.p(j), within(1e-12));
    }
    assertThat(step.get("n").asInt()).isEqualTo(cli.fit().n());
  }

  @Test
  void landmarkAndWeightsGiveTheCommandsNumbersAndFirthGivesRs() throws Exception {
    Path csv = data();
    JsonNode analyses = run(csv);
    DataFile file = new DataFile(csv, List.of());

    JsonNode landmark = result(analyses, "landmark");
    CoxReport lm =
        CoxAnalysis.run(
            file,
            new CoxAnalysis.Request("Surv(time, status) ~ age + sex", null, 0.95, 90.0, null));
    sameAsCommand(landmark, lm);
    assertThat(landmark.get("landmark_excluded").asInt()).isEqualTo(lm.landmarkExcluded());
    assertThat(lm.landmarkExcluded()).isPositive();

    JsonNode weighted = result(analyses, "weighted");
    CoxReport w =
        CoxAnalysis.run(
            file, new CoxAnalysis.Request("Surv(time, status) ~ age + sex", null, 0.95, null, "w"));
    sameAsCommand(weighted, w);
    // non-integer weights: R's coxph uses the robust variance, so the limits differ from the
    // model-based ones
    assertThat(w.lower(0)).isNotCloseTo(w.fit().lower()[0], within(1e-9));

    JsonNode firth = result(analyses, "firth").get("terms");
    JsonNode r =
        Golden.readFile(Path.of("../thyra-stats/src/test/resources/golden/firthcox/firth_cox.json"))
            .get("firth_cox")
            .get(0);
    assertThat(firth).hasSize(3);
    for (int j = 0; j < 3; j++) {
      assertThat(firth.get(j).get("term").asText()).isEqualTo(r.get("names").get(j).asText());
      close(firth.get(j).get("ratio").asDouble(), Math.exp(r.get("coef").get(j).asDouble()));
      close(firth.get(j).get("lower").asDouble(), Math.exp(r.get("lower").get(j).asDouble()));
      close(firth.get(j).get("upper").asDouble(), Math.exp(r.get("upper").get(j).asDouble()));
      close(firth.get(j).get("p").asDouble(), r.get("p").get(j).asDouble());
    }
  }

  @Test
  void weightedKaplanMeierGivesThyraKmWeightsNumbers() throws Exception {
    Path csv = data();
    JsonNode step = result(run(csv), "wkm");
    WeightedSurvivalAnalysis.KmReport cli =
        WeightedSurvivalAnalysis.km(
            new DataFile(csv, List.of()),
            new KaplanMeierAnalysis.Request(
                "time", "status", "sex", "log", 0.95, List.of(180.0, 365.0)),
            "w");
    JsonNode groups = step.get("groups");
    assertThat(groups).hasSize(2);
    assertThat(step.get("weights").asText()).isEqualTo("w");
    for (int g = 0; g < 2; g++) {
      WeightedKaplanMeier.Curve c = cli.curves().get(g);
      assertThat(groups.get(g).get("n").asInt()).isEqualTo(c.n());
      assertThat(groups.get(g).get("events").asDouble()).isCloseTo(c.events(), within(1e-9));
      assertThat(groups.get(g).get("median").get("estimate").asDouble())
          .isCloseTo(c.median().estimate(), within(1e-12));
      for (int i = 0; i < 2; i++) {
        double[] v = c.at(i == 0 ? 180 : 365).orElseThrow();
        JsonNode at = groups.get(g).get("at").get(i);
        assertThat(at.get("n_risk").asDouble()).isCloseTo(v[1], within(1e-9));
        assertThat(at.get("survival").asDouble()).isCloseTo(v[2], within(1e-12));
        assertThat(at.get("lower").asDouble()).isCloseTo(v[4], within(1e-12));
        assertThat(at.get("upper").asDouble()).isCloseTo(v[5], within(1e-12));
      }
    }
    // weights 1, 1.5, 2: the weighted number at risk at 0 is not the head count
    assertThat(groups.get(0).get("events").asDouble())
        .isNotEqualTo(Math.rint(groups.get(0).get("events").asDouble()));
  }

  @Test
  void stratifiedAndPairwiseLogrankGiveThyraLogranksNumbers() throws Exception {
    String protocol =
        """
        protocol: 1
        id: l
        title: Log-rank options
        analyses:
          - id: lr
            analysis: logrank
            time: time
            event: status
            group: ph.ecog
            strata: sex
            pairwise: holm
        report:
          sections:
            - title: Results
              items:
                - {table: lr, caption: Log-rank.}
        """;
    ProtocolReader.Read r = ProtocolReader.read(protocol, "l.yaml");
    assertThat(ProtocolCheck.check(r, "l.yaml")).isEmpty();
    Path csv = data();
    Path out = dir.resolve("lr");
    new StudyRunner(r.protocol(), protocol, "test").run(csv, out, Progress.NONE);
    JsonNode step =
        result(JSON.readTree(out.resolve("results.json").toFile()).get("analyses"), "lr");
    LogRankReport cli =
        LogRankAnalysis.run(
            new DataFile(csv, List.of()),
            new LogRankAnalysis.Request(
                "time", "status", "ph.ecog", List.of("sex"), 0, "holm", 0.95));
    assertThat(step.get("statistic").asDouble()).isCloseTo(cli.test().statistic(), within(1e-12));
    assertThat(step.get("df").asInt()).isEqualTo(cli.test().df());
    assertThat(step.get("p").asDouble()).isCloseTo(cli.test().p(), within(1e-15));
    assertThat(step.get("strata").asText()).isEqualTo("sex");
    JsonNode pairs = step.get("pairwise");
    assertThat(pairs).hasSize(cli.pairs().pairs().size());
    for (int i = 0; i < pairs.size(); i++) {
      assertThat(pairs.get(i).get("p_adjusted").asDouble())
          .isCloseTo(cli.pairs().pairs().get(i).pAdjusted(), within(1e-15));
    }
    // stratified on sex, the statistic is not the unstratified one
    LogRankReport plain =
        LogRankAnalysis.run(
            new DataFile(csv, List.of()),
            new LogRankAnalysis.Request("time", "status", "ph.ecog", List.of(), 0, null, 0.95));
    assertThat(step.get("statistic").asDouble())
        .isNotCloseTo(plain.test().statistic(), within(1e-6));
  }

  @Test
  void weightedStratifiedLogrankGivesThyraLogrankWeightsNumbers() throws Exception {
    Path csv = data();
    JsonNode step = result(run(csv), "wlr");
    WeightedSurvivalAnalysis.LogRankReport cli =
        WeightedSurvivalAnalysis.logRank(
            new DataFile(csv, List.of()), "time", "status", "sex", List.of("ph.ecog"), "w");
    assertThat(step.get("statistic").asDouble())
        .isCloseTo(cli.test().robustScore().statistic(), within(1e-12));
    assertThat(step.get("p").asDouble()).isCloseTo(cli.test().robustScore().p(), within(1e-15));
    for (int g = 0; g < 2; g++) {
      assertThat(step.get("groups").get(g).get("observed").asDouble())
          .isCloseTo(cli.test().observed()[g], within(1e-9));
      assertThat(step.get("groups").get(g).get("expected").asDouble())
          .isCloseTo(cli.test().expected()[g], within(1e-9));
    }
    assertThat(step.get("weights").asText()).isEqualTo("w");
  }

  @Test
  void weightedPairwiseLogrankGivesThyraLogrankWeightsPairwiseNumbers() throws Exception {
    String protocol =
        """
        protocol: 1
        id: w
        title: Weighted pairwise log-rank
        analyses:
          - id: wlrp
            analysis: logrank
            time: time
            event: status
            group: ph.ecog
            weights: w
            pairwise: BH
        report:
          sections:
            - title: Results
              items:
                - {table: wlrp, caption: Weighted pairwise log-rank.}
        """;
    ProtocolReader.Read r = ProtocolReader.read(protocol, "w.yaml");
    assertThat(ProtocolCheck.check(r, "w.yaml")).isEmpty();
    Path csv = data();
    Path out = dir.resolve("wlrp");
    new StudyRunner(r.protocol(), protocol, "test").run(csv, out, Progress.NONE);
    JsonNode step =
        result(JSON.readTree(out.resolve("results.json").toFile()).get("analyses"), "wlrp");
    WeightedSurvivalAnalysis.LogRankReport cli =
        WeightedSurvivalAnalysis.logRank(
            new DataFile(csv, List.of()),
            new LogRankAnalysis.Request("time", "status", "ph.ecog", List.of(), 0, "BH", 0.95),
            "w");
    assertThat(step.get("statistic").asDouble())
        .isCloseTo(cli.test().robustScore().statistic(), within(1e-12));
    JsonNode pairs = step.get("pairwise");
    // ph.ecog 0-3: six pairs, each the robust score test on its rows
    assertThat(pairs).hasSize(6);
    for (int i = 0; i < pairs.size(); i++) {
      var p = cli.pairs().pairs().get(i);
      assertThat(pairs.get(i).get("a").asText()).isEqualTo(cli.data().groupLevels().get(p.a()));
      assertThat(pairs.get(i).get("statistic").asDouble()).isCloseTo(p.statistic(), within(1e-12));
      assertThat(pairs.get(i).get("p_adjusted").asDouble()).isCloseTo(p.pAdjusted(), within(1e-15));
    }
    String report = Files.readString(out.resolve("report.html"));
    assertThat(report).contains("pairwise weighted log-rank").contains("adjusted by BH");
  }

  @Test
  void weightsWithRhoIsAProtocolProblemSayingWhy() {
    String bad =
        PROTOCOL.replace(
            "    strata: ph.ecog\n    weights: w\n",
            "    strata: ph.ecog\n    weights: w\n    rho: 1\n");
    assertThat(bad).isNotEqualTo(PROTOCOL);
    List<ProtocolProblem> problems =
        ProtocolCheck.check(ProtocolReader.read(bad, "c.yaml"), "c.yaml");
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).toString())
        .contains("weights")
        .contains("cannot be combined with rho")
        .contains("no weighted G-rho test");
  }

  @Test
  void pairedTakesTheLevelOrderAsThyraPairedLevels() throws Exception {
    String protocol =
        """
        protocol: 1
        id: p
        title: Paired levels
        analyses:
          - id: resp
            analysis: paired
            before: first
            after: last
            levels: [PD, SD, PR, CR]
        report:
          sections:
            - title: Results
              items:
                - {table: resp, caption: First and last response.}
        """;
    String[] scale = {"CR", "PR", "SD", "PD"};
    StringBuilder b = new StringBuilder("id,first,last\n");
    for (int i = 0; i < 40; i++) {
      b.append(i).append(',').append(scale[i % 4]).append(',').append(scale[(i / 3) % 4]);
      b.append('\n');
    }
    Path csv = dir.resolve("resp.csv");
    Files.writeString(csv, b.toString());
    ProtocolReader.Read r = ProtocolReader.read(protocol, "p.yaml");
    assertThat(ProtocolCheck.check(r, "p.yaml")).isEmpty();
    Path out = dir.resolve("paired");
    new StudyRunner(r.protocol(), protocol, "test").run(csv, out, Progress.NONE);
    JsonNode step =
        result(JSON.readTree(out.resolve("results.json").toFile()).get("analyses"), "resp");
    List<String> levels = new ArrayList<>();
    step.get("levels").forEach(l -> levels.add(l.asText()));
    // the protocol's order, not RECIST's clinical default (CR, PR, SD, PD)
    assertThat(levels).containsExactly("PD", "SD", "PR", "CR");
  }

  @Test
  void matchTakesCompatAsThyraMatchAndRefusesAnUnknownOne() throws Exception {
    String protocol =
        """
        protocol: 1
        id: m
        title: Match compat
        analyses:
          - id: psm
            analysis: match
            treatment: sex
            covariates: [age, ph.karno]
            caliper: 0.2
            compat: matchit-4.5.1
        report:
          sections:
            - title: Results
              items:
                - {table: psm, caption: Balance.}
        """;
    ProtocolReader.Read r = ProtocolReader.read(protocol, "m.yaml");
    assertThat(ProtocolCheck.check(r, "m.yaml")).isEmpty();
    Path out = dir.resolve("match");
    StudyResult done =
        new StudyRunner(r.protocol(), protocol, "test").run(data(), out, Progress.NONE);
    assertThat(done.notRun()).isEmpty();
    String bad = protocol.replace("compat: matchit-4.5.1", "compat: matchit-9");
    assertThat(ProtocolCheck.check(ProtocolReader.read(bad, "m.yaml"), "m.yaml").toString())
        .contains("compat");
  }

  private static void close(double actual, double expected) {
    assertThat(actual).isCloseTo(expected, within(1e-6 * Math.abs(expected) + 1e-12));
  }

  @Test
  void firthWithWeightsOrEfronTiesIsAProtocolProblem() {
    String bad = PROTOCOL.replace("    firth: true\n", "    firth: true\n    weights: w\n");
    List<ProtocolProblem> problems =
        ProtocolCheck.check(ProtocolReader.read(bad, "c.yaml"), "c.yaml");
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).toString()).contains("firth cannot be combined with weights");
    String efron = PROTOCOL.replace("    firth: true\n", "    firth: true\n    ties: efron\n");
    assertThat(ProtocolCheck.check(ProtocolReader.read(efron, "c.yaml"), "c.yaml").toString())
        .contains("firth uses Breslow ties");
  }
}
