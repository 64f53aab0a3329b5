package org.thyra.studies.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.thyra.studies.protocol.ProtocolReader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Table contents the seeds print: Table 1's Missing rows, readable method numbers, Firth. */
class StudyTablesTest {
  @TempDir Path dir;

  private static final String PROTOCOL =
      """
      protocol: 1
      id: t
      title: Tables
      analyses:
        - id: table1
          analysis: table1
          by: arm
          vars: [age, stage]
        - id: firth
          analysis: logistic
          formula: died ~ dose
          firth: true
        - id: cox
          analysis: cox
          formula: Surv(months, died) ~ age
      report:
        sections:
          - title: Results
            items:
              - {table: table1, caption: Characteristics.}
              - {table: firth, caption: Firth model.}
              - {table: cox, caption: Cox model.}
      """;

  /**
   * 12 patients: age missing for two (one per arm), stage missing for three (two in arm A); dose
   * separates the outcome completely (died exactly when dose > 5).
   */
  private Path data() throws Exception {
    Path csv = dir.resolve("d.csv");
    Files.writeString(
        csv,
        """
        arm,age,stage,dose,died,months
        A,50,I,1,0,10
        A,,II,2,0,12
        A,61,,3,0,7
        A,45,,4,0,30
        A,70,I,6,1,5
        A,66,II,7,1,8
        B,52,I,1,0,22
        B,58,II,2,0,15
        B,,I,3,0,18
        B,49,,8,1,3
        B,63,II,9,1,6
        B,57,I,10,1,9
        """);
    return csv;
  }

  private Path run() throws Exception {
    ProtocolReader.Read r = ProtocolReader.read(PROTOCOL, "t.yaml");
    assertThat(r.problems()).isEmpty();
    Path out = dir.resolve("report");
    new StudyRunner(r.protocol(), PROTOCOL, "test").run(data(), out, Progress.NONE);
    return out;
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

  @Test
  void tableOneCountsMissingValuesOverallAndByGroupAsGtsummary() throws Exception {
    Path out = run();
    JsonNode vars = result(out, "table1").at("/result/variables");
    assertThat(vars.get(0).at("/missing/overall").asInt()).isEqualTo(2);
    assertThat(vars.get(0).at("/missing/groups/A").asInt()).isEqualTo(1);
    assertThat(vars.get(0).at("/missing/groups/B").asInt()).isEqualTo(1);
    assertThat(vars.get(1).at("/missing/overall").asInt()).isEqualTo(3);
    assertThat(vars.get(1).at("/missing/groups/A").asInt()).isEqualTo(2);
    assertThat(vars.get(1).at("/missing/groups/B").asInt()).isEqualTo(1);
    // the DOCX table (opened with POI): a "Missing" row under each variable with its counts
    try (InputStream in = Files.newInputStream(out.resolve("report.docx"));
        XWPFDocument doc = new XWPFDocument(in)) {
      XWPFTable t = doc.getTables().get(0);
      List<List<String>> missing = new ArrayList<>();
      for (XWPFTableRow row : t.getRows()) {
        List<String> cells = row.getTableCells().stream().map(c -> c.getText().trim()).toList();
        if (cells.get(0).equals("Missing")) {
          missing.add(cells);
        }
      }
      assertThat(missing)
          .containsExactly(
              List.of("Missing", "2", "1", "1", ""), List.of("Missing", "3", "2", "1", ""));
    }
    // the HTML (parsed as XHTML): the same rows
    Document html =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(out.resolve("report.html").toFile());
    NodeList rows = html.getElementsByTagName("tr");
    int found = 0;
    for (int i = 0; i < rows.getLength(); i++) {
      Element tr = (Element) rows.item(i);
      if (tr.getTextContent().trim().startsWith("Missing")) {
        found++;
      }
    }
    assertThat(found).isEqualTo(2);
    // and the PDF's text
    try (PDDocument pdf = Loader.loadPDF(out.resolve("report.pdf").toFile())) {
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains("Missing 2 1 1").contains("Missing 3 2 1");
    }
  }

  @Test
  void firthGivesFiniteOddsRatiosUnderSeparation() throws Exception {
    Path out = run();
    JsonNode f = result(out, "firth");
    assertThat(f.get("status").asText()).isEqualTo("done");
    assertThat(f.get("method").asText()).contains("Firth");
    JsonNode dose = f.at("/result/terms/0");
    assertThat(dose.get("term").asText()).isEqualTo("dose");
    // maximum likelihood diverges here; Firth's estimate is finite with a finite CI
    assertThat(dose.get("ratio").isNumber()).isTrue();
    assertThat(dose.get("upper").isNumber()).isTrue();
    assertThat(dose.get("ratio").asDouble()).isGreaterThan(1);
  }

  @Test
  void methodNumbersAreWrittenAsAPaperPrintsThem() throws Exception {
    Path out = run();
    String method = result(out, "cox").get("method").asText();
    assertThat(method).doesNotContainPattern("\\dE-\\d").contains("× 10⁻¹²");
    try (PDDocument pdf = Loader.loadPDF(out.resolve("report.pdf").toFile())) {
      // set as 10 with a superscript −12 (the embedded font has no ⁻ or ⁰ glyph)
      String text = new PDFTextStripper().getText(pdf);
      // (the text extractor puts the raised −12 at the end of its line)
      assertThat(text).contains("tolerance 1.82 × 10", "−12").doesNotContain("#", "E-12");
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "tolerance 1.8189894035458565E-12|tolerance 1.82 × 10⁻¹²",
        "< 1e-8)|< 10⁻⁸)",
        "eps 2.5e+3 and 12.5e-3|eps 2.5 × 10³ and 1.25 × 10⁻²",
        "Wald 0.95 CIs, AS_mean, x1e5, v1.2e3|Wald 0.95 CIs, AS_mean, x1e5, v1.2e3"
      })
  void readableNumbers(String in, String out) {
    assertThat(Fmt.readable(in)).isEqualTo(out);
  }
}
