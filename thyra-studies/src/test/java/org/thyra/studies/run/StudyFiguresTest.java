package org.thyra.studies.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.thyra.studies.protocol.BundledProtocols;
import org.thyra.studies.protocol.Protocol;
import org.thyra.studies.protocol.ReportLayout;
import org.thyra.studies.synth.Design;

/** The report's figures: one file each, and the same figure inline in HTML, PDF and DOCX. */
class StudyFiguresTest {
  private static final Set<String> DRAWN =
      Set.of(
          "km",
          "screen",
          "cox",
          "logistic",
          "roc",
          "cutpoint",
          "paired",
          "cuminc",
          "nomogram",
          "validate",
          "tdroc");

  @TempDir Path dir;

  private Path run(Design d) throws Exception {
    Path csv = dir.resolve(d.id() + ".csv");
    try (Writer w = Files.newBufferedWriter(csv)) {
      d.generate(d.defaultN(), 1).writeCsv(w);
    }
    BundledProtocols.Bundled b = BundledProtocols.of(d);
    Path out = dir.resolve("report-" + d.id());
    new StudyRunner(b.read().protocol(), b.text(), "test").run(csv, out, Progress.NONE);
    return out;
  }

  private static JsonNode results(Path out) throws Exception {
    return new ObjectMapper().readTree(out.resolve("results.json").toFile());
  }

  private static JsonNode analysis(JsonNode results, String id) {
    for (JsonNode a : results.get("analyses")) {
      if (a.get("id").asText().equals(id)) {
        return a;
      }
    }
    throw new AssertionError("no analysis " + id);
  }

  /** The figures the layout asks for that the runner draws, as their captions in order. */
  private static List<String> expectedCaptions(Protocol p, JsonNode results) {
    List<String> captions = new ArrayList<>();
    for (ReportLayout.Section s : p.report().sections()) {
      if (Boolean.TRUE.equals(s.flow())) {
        captions.add("Flow chart of the selection of the study cohort.");
      }
      for (ReportLayout.Item it : s.items()) {
        if (it.figure() == null) {
          continue;
        }
        JsonNode a = analysis(results, it.figure());
        if (a.get("status").asText().equals("done") && DRAWN.contains(a.get("analysis").asText())) {
          captions.add(it.caption());
        }
      }
    }
    return captions;
  }

  /** The text of an SVG's {@code <text>} elements, joined by single spaces. */
  static String svgText(Path svg) throws Exception {
    return String.join(" ", svgTexts(Files.readString(svg)));
  }

  static List<String> svgTexts(String svg) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile(">([^<]*)</text").matcher(svg);
    while (m.find()) {
      String t =
          m.group(1)
              .replace('\u00a0', ' ')
              .replace("&lt;", "<")
              .replace("&gt;", ">")
              .replace("&amp;", "&")
              .replaceAll("\\s+", " ")
              .trim();
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  @ParameterizedTest
  @CsvSource({"ABLATION, 6", "RAI_CYCLES, 4", "RAIR_LUNG, 6", "NOMOGRAM, 8"})
  void eachDeclaredFigureIsAFileAndIsInEveryDocument(Design d, int count) throws Exception {
    Path out = run(d);
    Protocol p = BundledProtocols.of(d).read().protocol();
    List<String> captions = expectedCaptions(p, results(out));
    assertThat(captions).hasSize(count);
    for (int n = 1; n <= count; n++) {
      for (String ext : List.of("svg", "png", "pdf")) {
        assertThat(out.resolve("figures/figure" + n + "." + ext)).isNotEmptyFile();
      }
      assertThat(Files.readString(out.resolve("figures/figure" + n + ".svg")))
          .contains("<svg")
          .contains("</svg");
    }
    assertThat(out.resolve("figures/figure" + (count + 1) + ".svg")).doesNotExist();
    String html = Files.readString(out.resolve("report.html"));
    assertThat(html.split("<svg", -1)).hasSize(count + 1);
    try (PDDocument pdf = Loader.loadPDF(out.resolve("report.pdf").toFile())) {
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
      for (int n = 1; n <= count; n++) {
        String c = captions.get(n - 1);
        // the caption's opening words (a long caption wraps)
        String head =
            String.join(" ", List.of(c.split(" ")).subList(0, Math.min(4, c.split(" ").length)));
        assertThat(text).contains("Figure " + n + ". " + head);
      }
    }
    try (InputStream in = Files.newInputStream(out.resolve("report.docx"));
        XWPFDocument docx = new XWPFDocument(in)) {
      assertThat(docx.getAllPictures()).hasSize(count);
      String all = String.join(" ", docx.getParagraphs().stream().map(x -> x.getText()).toList());
      for (int n = 1; n <= count; n++) {
        assertThat(all).contains("Figure " + n + ". ");
      }
    }
  }

  @Test
  void theFlowChartShowsTheCountsOfTheCohortSteps() throws Exception {
    Path out = run(Design.ABLATION);
    JsonNode flow = results(out).get("flow");
    String text = svgText(out.resolve("figures/figure1.svg"));
    assertThat(text).startsWith("Patients in the data n = " + flow.get("read").asInt());
    for (JsonNode s : flow.get("steps")) {
      String label = s.get("label").asText();
      String reason = s.get("kind").asText().equals("include") ? "Not meeting: " + label : label;
      assertThat(text).contains(reason + " (n = " + s.get("removed").asInt() + ")");
    }
    assertThat(text).endsWith("Included in the analysis n = " + flow.get("included").asInt());
  }

  @Test
  void theRiskTableHasTheCurvesNumbersAtRiskAndTheLogRankP() throws Exception {
    Path out = run(Design.ABLATION);
    JsonNode km = analysis(results(out), "pfs_size").get("result");
    // figure 2 is pfs_size (figure 1 is the flow chart)
    List<String> t = svgTexts(Files.readString(out.resolve("figures/figure2.svg")));
    int head = t.indexOf("Number at risk");
    assertThat(head).isPositive();
    for (JsonNode g : km.get("groups")) {
      int row = t.subList(head, t.size()).indexOf(g.get("group").asText()) + head;
      assertThat(row).isGreaterThan(head);
      // breaks every 12 months: column 0 is time 0 (all patients), columns 1, 3, 5 the table's
      // 12, 36 and 60 months
      assertThat(t.get(row + 1)).isEqualTo(g.get("n").asText());
      JsonNode at = g.get("at");
      assertThat(at.get(0).get("time").asDouble()).isEqualTo(12);
      assertThat(t.get(row + 2)).isEqualTo(at.get(0).get("n_risk").asText());
      assertThat(t.get(row + 4)).isEqualTo(at.get(1).get("n_risk").asText());
      assertThat(t.get(row + 6)).isEqualTo(at.get(2).get("n_risk").asText());
    }
    double p = km.at("/logrank/p").asDouble();
    assertThat(p).isBetween(0.0, 1.0);
    assertThat(String.join(" ", t)).contains("Log-rank p");
    assertThat(String.join(" ", t)).contains("Time (months)");
    // the protocol's y-title names the endpoint (pfs_size: y-title: Progression-free survival)
    assertThat(t).contains("Progression-free survival").doesNotContain("Survival probability");
  }

  @Test
  void competingCausesAreNamedByTheEventsTheProtocolDerivedThemFrom() throws Exception {
    // ablation: node_outcome is derived with events [disappeared, progression]
    Path out = run(Design.ABLATION);
    String cif = figureContaining(out, "Gray's test");
    assertThat(cif).contains("Disappeared").contains("Progression").doesNotContain("cause 1");
    String html = Files.readString(out.resolve("report.html"));
    assertThat(html).contains("Disappeared (cause 1)").contains("Progression (cause 2)");
  }

  @Test
  void theCutpointFigureNamesTheGroupsByTheirSideOfTheCut() throws Exception {
    Path out = run(Design.RAI_CYCLES);
    String cut = figureContaining(out, "Maximally selected log-rank");
    JsonNode r = analysis(results(out), "cut_size").get("result");
    String c = r.get("groups").get(0).get("group").asText(); // "≤ 2.8"
    List<String> t = svgTexts(cut);
    // the risk table's rows are the short group names, under the variable's label as the title
    assertThat(t).contains(c, r.get("groups").get(1).get("group").asText());
    assertThat(t).noneMatch(x -> x.length() > c.length() && x.endsWith(" " + c));
    assertThat(String.join(" ", t)).contains("-adjusted p");
  }

  /** The text of the report's one figure whose SVG contains {@code text}. */
  private static String figureContaining(Path out, String text) throws Exception {
    List<String> hits = new ArrayList<>();
    try (var files = Files.list(out.resolve("figures"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".svg")).sorted().toList()) {
        String svg = Files.readString(f);
        if (svgText(f).contains(text)) {
          hits.add(svg);
        }
      }
    }
    assertThat(hits).as("figures containing " + text).hasSize(1);
    return hits.get(0);
  }

  @Test
  void forestAndRocFiguresShowTheAnalysesEstimates() throws Exception {
    Path out = run(Design.RAIR_LUNG);
    JsonNode res = results(out);
    String forest = svgText(out.resolve("figures/figure2.svg"));
    assertThat(forest).contains("Univariable").contains("Multivariable").contains("Odds ratio");
    JsonNode multi = analysis(res, "logistic_rair").at("/result/multivariable/terms");
    assertThat(multi.size()).isPositive();
    String roc = svgText(out.resolve("figures/figure3.svg"));
    double auc = analysis(res, "roc_pstg").at("/result/auc").asDouble();
    assertThat(roc).contains(String.format(java.util.Locale.ROOT, "%.3f", auc));
  }
}
