package org.thyra.studies.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thyra.analysis.DataFile;
import org.thyra.analysis.discrimination.RocAnalysis;
import org.thyra.analysis.imputation.ImputedAnalysis;
import org.thyra.analysis.imputation.PooledModel;
import org.thyra.analysis.imputation.TableImputation;
import org.thyra.analysis.regression.LogisticAnalysis;
import org.thyra.analysis.regression.LogisticReport;
import org.thyra.analysis.weighting.IptwAnalysis;
import org.thyra.analysis.weighting.IptwReport;
import org.thyra.frame.DataTable;
import org.thyra.frame.ReadOptions;
import org.thyra.frame.TableReader;
import org.thyra.report.imputation.ImputeWriter;
import org.thyra.report.weighting.IptwWriter;
import org.thyra.studies.protocol.ProtocolCheck;
import org.thyra.studies.protocol.ProtocolProblem;
import org.thyra.studies.protocol.ProtocolReader;

/**
 * The study runner's {@code logistic} with {@code impute}, {@code roc} with {@code compare} and
 * {@code weight}: each step's numbers equal those of the analysis the single command runs ({@code
 * thyra logistic --impute}, {@code thyra roc --compare}, {@code thyra weight}) on the same file,
 * and a weight step's cohort (with its {@code iptw} column) is what {@code in:} hands on.
 */
class StudyRegressionStepsTest {
  @TempDir Path dir;

  private static final String PROTOCOL =
      """
      protocol: 1
      id: r
      title: Regression steps
      analyses:
        - id: mi
          analysis: logistic
          formula: died ~ age + factor(sex)
          impute: 5
          seed: 7
        - id: rocs
          analysis: roc
          outcome: died
          marker: tg
          compare: noise
        - id: iptw
          analysis: weight
          treatment: rai
          covariates: [age, sex]
          estimand: ate
        - id: weighted
          analysis: logistic
          in: iptw
          formula: died ~ iptw
      report:
        sections:
          - title: Results
            items:
              - {table: mi, caption: Pooled logistic model.}
              - {figure: mi, caption: Pooled odds ratios.}
              - {table: rocs, caption: Two markers.}
              - {figure: rocs, caption: ROC curves.}
              - {table: iptw, caption: Balance.}
              - {table: weighted, caption: Outcome by weight.}
      """;

  private Path csv;

  /**
   * 150 seeded patients: died depends on age and sex, tg is informative, noise is not; rai
   * (treatment) depends on age; age is missing for about one in eight.
   */
  @BeforeEach
  void data() throws Exception {
    SplittableRandom rnd = new SplittableRandom(20261205);
    StringBuilder b = new StringBuilder("id,age,sex,rai,tg,noise,died\n");
    for (int i = 1; i <= 150; i++) {
      double age = 50 + 12 * rnd.nextGaussian();
      int sex = rnd.nextDouble() < 0.4 ? 1 : 0;
      double lp = -1 + 0.05 * (age - 50) + 0.8 * sex;
      int died = rnd.nextDouble() < 1 / (1 + Math.exp(-lp)) ? 1 : 0;
      int rai = rnd.nextDouble() < 1 / (1 + Math.exp(-0.04 * (age - 50))) ? 1 : 0;
      double tg = Math.exp(1 + died + rnd.nextGaussian());
      double noise = rnd.nextGaussian();
      String ageText = rnd.nextDouble() < 0.125 ? "" : String.format(Locale.ROOT, "%.1f", age);
      b.append(
          String.format(
              Locale.ROOT,
              "%d,%s,%s,%d,%.4f,%.4f,%d%n",
              i,
              ageText,
              sex == 1 ? "male" : "female",
              rai,
              tg,
              noise,
              died));
    }
    csv = dir.resolve("cohort.csv");
    Files.writeString(csv, b.toString());
  }

  private JsonNode results() throws Exception {
    return results(PROTOCOL);
  }

  private JsonNode results(String protocol) throws Exception {
    ProtocolReader.Read r = ProtocolReader.read(protocol, "r.yaml");
    assertThat(r.problems()).isEmpty();
    Path out = dir.resolve("report");
    StudyResult done =
        new StudyRunner(r.protocol(), protocol, "test")
            .run(csv, out, org.thyra.studies.run.Progress.NONE);
    assertThat(done.notRun()).isEmpty();
    return new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("analyses");
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

  @Test
  void checkWithDataKnowsTheWeightColumnOfAWeightedCohort() {
    ProtocolReader.Read r = ProtocolReader.read(PROTOCOL, "r.yaml");
    DataTable data = TableReader.read(csv, null, ReadOptions.DEFAULT);
    assertThat(ProtocolCheck.check(r, "r.yaml", data)).isEmpty();
    // without in: the column iptw is not in the data
    String bad = PROTOCOL.replace("    in: iptw\n", "");
    List<ProtocolProblem> problems =
        ProtocolCheck.check(ProtocolReader.read(bad, "r.yaml"), "r.yaml", data);
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).toString()).contains("iptw");
  }

  @Test
  void imputeStepListsTheImputedColumnsAsThyraImpute() throws Exception {
    String protocol =
        """
        protocol: 1
        id: i
        title: Impute step
        analyses:
          - id: mice
            analysis: impute
            m: 3
            seed: 7
            vars: [age, sex, died]
        report:
          sections:
            - title: Results
              items:
                - {table: mice, caption: Imputed columns.}
        """;
    JsonNode step = result(results(protocol), "mice");
    TableImputation.Report cli =
        TableImputation.run(
            new DataFile(csv, List.of()),
            new TableImputation.Request(3, 5, 7, List.of("age", "sex", "died"), List.of()),
            org.thyra.stats.Progress.NONE);
    JsonNode expected = new ObjectMapper().readTree(ImputeWriter.json(cli, List.of()).toString());
    assertThat(step.get("columns")).isEqualTo(expected.get("columns"));
    assertThat(step.get("m").asInt()).isEqualTo(3);
    assertThat(step.get("seed").asLong()).isEqualTo(7);
    // the missing count of age is the file's blank cells, counted independently of the reader
    long blank =
        Files.readAllLines(csv).stream().skip(1).filter(l -> l.split(",", -1)[1].isEmpty()).count();
    assertThat(blank).isPositive();
    assertThat(step.get("columns").get(0).get("column").asText()).isEqualTo("age");
    assertThat(step.get("columns").get(0).get("missing").asLong()).isEqualTo(blank);
    assertThat(step.get("columns").get(0).get("method").asText()).isEqualTo("pmm");
  }

  @Test
  void firthScreenFitsEachVariableAsThyraLogisticFirth() throws Exception {
    String protocol =
        """
        protocol: 1
        id: f
        title: Firth screen
        analyses:
          - id: scr
            analysis: screen
            model: logistic
            formula: died ~ tg + noise
            firth: true
        report:
          sections:
            - title: Results
              items:
                - {table: scr, caption: Univariable and multivariable Firth models.}
        """;
    JsonNode step = result(results(protocol), "scr");
    for (JsonNode u : step.get("univariable")) {
      String v = u.get("variable").asText();
      LogisticReport cli =
          LogisticAnalysis.run(
              new DataFile(csv, List.of()),
              new LogisticAnalysis.Request("died ~ " + v, "wald", 0.95, true, null));
      double or =
          cli.fit().terms().stream()
              .filter(t -> t.name().equals(v))
              .findFirst()
              .orElseThrow()
              .oddsRatio();
      JsonNode term = null;
      for (JsonNode t : u.get("terms")) {
        if (t.get("term").asText().equals(v)) {
          term = t;
        }
      }
      assertThat(term).as(v).isNotNull();
      assertThat(term.get("ratio").asDouble()).as(v).isCloseTo(or, within(1e-10 * or));
    }
    String bad = protocol.replace("firth: true", "firth: true\n    select: both");
    assertThat(ProtocolCheck.check(ProtocolReader.read(bad, "f.yaml"), "f.yaml").toString())
        .contains("firth applies to model: logistic");
  }

  @Test
  void imputedLogisticEqualsThyraLogisticImpute() throws Exception {
    JsonNode mi = result(results(), "mi");
    PooledModel cli =
        LogisticAnalysis.pooled(
            new DataFile(csv, List.of()),
            new LogisticAnalysis.Request(
                "died ~ age + factor(sex)",
                "wald",
                0.95,
                false,
                new ImputedAnalysis.Request(5, null, 5, 7)),
            org.thyra.stats.Progress.NONE);
    assertThat(mi.get("n").asInt()).isEqualTo(cli.first().n());
    assertThat(mi.get("imputed_columns").get(0).get("missing").asInt()).isPositive();
    JsonNode terms = mi.get("terms");
    assertThat(terms).hasSize(cli.terms().names().size());
    for (int j = 0; j < terms.size(); j++) {
      var e = cli.terms().pooled().terms().get(j);
      assertThat(terms.get(j).get("term").asText()).isEqualTo(cli.terms().names().get(j));
      assertThat(terms.get(j).get("estimate").asDouble()).isCloseTo(e.estimate(), within(1e-12));
      assertThat(terms.get(j).get("se").asDouble()).isCloseTo(e.standardError(), within(1e-12));
      assertThat(terms.get(j).get("df").asDouble()).isCloseTo(e.df(), within(1e-9));
      assertThat(terms.get(j).get("lower").asDouble())
          .isCloseTo(Math.exp(cli.terms().lower(e)), within(1e-12));
    }
  }

  @Test
  void rocCompareEqualsThyraRocCompare() throws Exception {
    JsonNode rocs = result(results(), "rocs");
    RocAnalysis.Report cli =
        RocAnalysis.run(
            new DataFile(csv, List.of()),
            new RocAnalysis.Request("died", "tg", "auto", null, "noise", 0.95));
    assertThat(rocs.at("/markers/0/auc").asDouble())
        .isCloseTo(cli.roc().auc().auc(), within(1e-14));
    assertThat(rocs.at("/markers/1/auc").asDouble())
        .isCloseTo(cli.compareRoc().auc().auc(), within(1e-14));
    assertThat(rocs.at("/test/statistic").asDouble())
        .isCloseTo(cli.test().statistic(), within(1e-12));
    assertThat(rocs.at("/test/p").asDouble()).isCloseTo(cli.test().p(), within(1e-14));
    // tg separates the outcome, noise does not: the test sees the difference
    assertThat(rocs.at("/test/p").asDouble()).isLessThan(0.05);
  }

  @Test
  void weightEqualsThyraWeightAndHandsItsCohortOn() throws Exception {
    JsonNode analyses = results();
    JsonNode w = result(analyses, "iptw");
    IptwReport cli =
        IptwAnalysis.run(
            new DataFile(csv, List.of()),
            new IptwAnalysis.Request("rai", List.of("age", "sex"), List.of(), "ate", false));
    // the same JSON as thyra weight --format json, but for the data's name
    assertThat(w.get("n").asInt()).isEqualTo(cli.frame().n());
    JsonNode balance = w.get("balance");
    assertThat(balance).hasSize(cli.balance().rows().size());
    for (int j = 0; j < balance.size(); j++) {
      assertThat(balance.get(j).get("smd_after").asDouble())
          .isCloseTo(cli.balance().rows().get(j).smdAfter(), within(1e-12));
    }
    // the weighted cohort (rows with a known age, each with its weight) is what thyra weight
    // --out-weighted writes: a logistic model on it gives the same numbers from either
    Path weighted = dir.resolve("weighted.csv");
    IptwWriter.writeWeighted(cli, csv, weighted);
    LogisticReport direct =
        LogisticAnalysis.run(
            new DataFile(weighted, List.of()),
            new LogisticAnalysis.Request("died ~ iptw", "wald", 0.95, false, null));
    JsonNode next = result(analyses, "weighted");
    assertThat(next.get("n").asInt()).isEqualTo(cli.frame().n()).isLessThan(150);
    assertThat(next.at("/terms/0/ratio").asDouble())
        .isCloseTo(direct.fit().terms().get(0).oddsRatio(), within(1e-10));
  }
}
