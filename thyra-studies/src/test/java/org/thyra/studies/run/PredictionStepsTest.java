package org.thyra.studies.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thyra.analysis.DataFile;
import org.thyra.analysis.prediction.NomogramAnalysis;
import org.thyra.analysis.prediction.TdrocAnalysis;
import org.thyra.analysis.prediction.ValidateAnalysis;
import org.thyra.report.prediction.NomogramWriter;
import org.thyra.report.prediction.TdrocWriter;
import org.thyra.report.prediction.ValidateWriter;
import org.thyra.studies.protocol.BundledProtocols;
import org.thyra.studies.protocol.ProtocolReader;
import org.thyra.studies.synth.Design;

/**
 * The prediction steps of a protocol give what the single commands give on the same rows: the study
 * runs {@code nomogram}, {@code validate} (training rows, validated on the validation rows) and
 * {@code tdroc} on a cohort with a {@code set} column, and each result equals the JSON of the
 * command's path ({@code thyra nomogram --data train.csv}, {@code thyra validate --data train.csv
 * --validate-on validation.csv}, {@code thyra tdroc --data train.csv}) number for number.
 */
class PredictionStepsTest {
  @TempDir Path dir;

  private static final String FORMULA = "Surv(os_months, death) ~ age + sex + uptake + nodule_cm";

  private static final String PROTOCOL =
      """
      protocol: 1
      id: p
      title: Prediction
      analyses:
        - id: nom
          analysis: nomogram
          formula: %1$s
          horizons: [36, 60]
          where: [{column: set, is: [training]}]
        - id: val
          analysis: validate
          model: cox
          formula: %1$s
          bootstrap: 20
          seed: 3
          horizon: [36]
          group-size: 40
          validate-on: [{column: set, is: [validation]}]
          risk-groups: points
        - id: td
          analysis: tdroc
          formula: %1$s
          at: [24, 48]
          where: [{column: set, is: [training]}]
      report:
        sections:
          - title: Results
            items:
              - {figure: nom, caption: Nomogram.}
              - {table: val, caption: Validation.}
              - {figure: val, caption: Calibration and risk groups.}
              - {table: td, caption: Time-dependent AUC.}
              - {figure: td, caption: AUC over time.}
      """
          .formatted(FORMULA);

  /** The synthetic seed-004 cohort with a set column: every third row is validation. */
  private List<String> lines() throws Exception {
    StringWriter w = new StringWriter();
    Design.NOMOGRAM.generate(300, 7).writeCsv(w);
    List<String> lines = new ArrayList<>();
    // only the model's columns: the study reads every column of its file
    List<String> keep = List.of("age", "sex", "uptake", "nodule_cm", "os_months", "death");
    String[] lineArray = w.toString().split("\r?\n");
    List<String> header = List.of(lineArray[0].split(",", -1));
    for (int i = 0; i < lineArray.length; i++) {
      String[] cells = lineArray[i].split(",", -1);
      List<String> kept = new ArrayList<>();
      for (String k : keep) {
        kept.add(cells[header.indexOf(k)]);
      }
      kept.add(i == 0 ? "set" : i % 3 == 0 ? "validation" : "training");
      lines.add(String.join(",", kept));
    }
    return lines;
  }

  private Path write(String name, List<String> lines) throws Exception {
    Path p = dir.resolve(name);
    Files.write(p, lines);
    return p;
  }

  private static JsonNode result(Path out, String id) throws Exception {
    for (JsonNode a :
        new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("analyses")) {
      if (a.get("id").asText().equals(id)) {
        return a;
      }
    }
    throw new AssertionError(id);
  }

  /** The JSON without the keys that name the data source (the study's is "the study cohort"). */
  private static JsonNode numbers(JsonNode json) throws Exception {
    // read back from text, as results.json is: 3 is an int node there, whatever wrote it
    ObjectNode o = (ObjectNode) new ObjectMapper().readTree(json.toString());
    o.remove("data");
    if (o.get("external") instanceof ObjectNode e) {
      e.remove("validation_data");
    }
    return o;
  }

  /** JSON pointers where two trees differ (for a readable failure). */
  private static List<String> differences(String at, JsonNode a, JsonNode b) {
    List<String> d = new ArrayList<>();
    if (a.isObject() && b.isObject()) {
      java.util.Set<String> names = new java.util.TreeSet<>();
      a.fieldNames().forEachRemaining(names::add);
      b.fieldNames().forEachRemaining(names::add);
      for (String n : names) {
        if (!a.has(n) || !b.has(n)) {
          d.add(at + "/" + n + " only in one");
        } else {
          d.addAll(differences(at + "/" + n, a.get(n), b.get(n)));
        }
      }
    } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        d.addAll(differences(at + "/" + i, a.get(i), b.get(i)));
      }
    } else if (!a.equals(b)) {
      d.add(at + ": " + a + " vs " + b);
    }
    return d.size() > 20 ? d.subList(0, 20) : d;
  }

  @Test
  void eachStepEqualsItsCommandOnTheSameRows() throws Exception {
    List<String> all = lines();
    List<String> train = new ArrayList<>(List.of(all.get(0)));
    List<String> validation = new ArrayList<>(List.of(all.get(0)));
    for (int i = 1; i < all.size(); i++) {
      (i % 3 == 0 ? validation : train).add(all.get(i));
    }
    Path data = write("cohort.csv", all);
    Path trainCsv = write("train.csv", train);
    Path validationCsv = write("validation.csv", validation);

    ProtocolReader.Read read = ProtocolReader.read(PROTOCOL, "p.yaml");
    assertThat(read.problems()).isEmpty();
    Path out = dir.resolve("report");
    StudyResult r =
        new StudyRunner(read.protocol(), PROTOCOL, "test").run(data, out, Progress.NONE);
    assertThat(r.notRun()).isEmpty();

    DataFile trainFile = new DataFile(trainCsv, List.of());
    JsonNode nomogram =
        new NomogramWriter(
                NomogramAnalysis.run(
                    trainFile,
                    new NomogramAnalysis.Request(FORMULA, null, new double[] {36, 60}, null)))
            .json();
    JsonNode validate =
        new ValidateWriter(
                ValidateAnalysis.run(
                    trainFile,
                    new ValidateAnalysis.Request(
                        FORMULA,
                        "cox",
                        20,
                        3,
                        List.of(36.0),
                        40,
                        null,
                        2,
                        null,
                        validationCsv,
                        "points",
                        null),
                    org.thyra.stats.Progress.NONE))
            .json();
    JsonNode tdroc =
        new TdrocWriter(
                TdrocAnalysis.run(
                    trainFile,
                    new TdrocAnalysis.Request(
                        null, null, null, FORMULA, new double[] {24, 48}, 0.95)))
            .json();

    assertThat(numbers(result(out, "nom").get("result"))).isEqualTo(numbers(nomogram));
    assertThat(differences("", numbers(result(out, "val").get("result")), numbers(validate)))
        .isEmpty();
    assertThat(numbers(result(out, "val").get("result"))).isEqualTo(numbers(validate));
    assertThat(numbers(result(out, "td").get("result"))).isEqualTo(numbers(tdroc));
    // the study validated on the validation rows, with risk groups in all three sets
    assertThat(validate.at("/external/validation_rows")).hasSize(validation.size() - 1);
    assertThat(validate.at("/risk_groups/sets")).hasSize(3);

    // the report shows the numbers: the validation set's C-index as the table prints it
    double c = validate.at("/validation/concordance/c").asDouble();
    try (PDDocument pdf = Loader.loadPDF(out.resolve("report.pdf").toFile())) {
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text)
          .contains("Validation set")
          .contains(Fmt.f(c, 3))
          .contains("Time-dependent AUC")
          .contains("Figure 3");
    }
  }

  @Test
  void validateOnThatPicksNoRowIsRefusedNamingTheAnalysisAndNothingIsWritten() throws Exception {
    String protocol =
        """
        protocol: 1
        id: v
        title: Validation
        analyses:
          - id: val
            analysis: validate
            model: cox
            formula: %s
            bootstrap: 0
            validate-on: [{column: set, is: [test]}]
        report:
          sections:
            - title: Results
              items:
                - {table: val, caption: Validation.}
        """
            .formatted(FORMULA);
    ProtocolReader.Read read = ProtocolReader.read(protocol, "v.yaml");
    assertThat(read.problems()).isEmpty();
    Path data = write("cohort.csv", lines());
    Path out = dir.resolve("report");
    assertThatThrownBy(
            () -> new StudyRunner(read.protocol(), protocol, "test").run(data, out, Progress.NONE))
        .hasMessageContaining("validate val: validate-on picks 0 of the 300 analysed rows")
        .hasMessageContaining("no validation rows");
    assertThat(out).doesNotExist();
  }

  @Test
  void theBundledSeed004ProtocolRunsEveryAnalysis() throws Exception {
    Path csv = dir.resolve("nomogram.csv");
    try (java.io.Writer w = Files.newBufferedWriter(csv)) {
      Design.NOMOGRAM.generate(Design.NOMOGRAM.defaultN(), 1).writeCsv(w);
    }
    BundledProtocols.Bundled b = BundledProtocols.of(Design.NOMOGRAM);
    StudyResult r =
        new StudyRunner(b.read().protocol(), b.text(), "test")
            .run(csv, dir.resolve("report"), Progress.NONE);
    assertThat(r.notRun()).isEmpty();
    assertThat(result(dir.resolve("report"), "validate_os").at("/result/risk_groups/sets"))
        .hasSize(3);
  }
}
