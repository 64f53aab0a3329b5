package org.thyra.report.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.thyra.report.output.TableLayout;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class DocumentWritersTest {

  static final String SVG =
      "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\""
          + " height=\"200\" viewBox=\"0 0 400 200\"><rect x=\"10\" y=\"10\" width=\"380\""
          + " height=\"180\" fill=\"none\" stroke=\"black\"/><path d=\"M20 30 L120 30 L120 80"
          + " L260 80 L260 140 L380 140\" stroke=\"#1f77b4\" fill=\"none\"/><text x=\"30\""
          + " y=\"190\" font-family=\"Liberation Sans\" font-size=\"12\">Months</text></svg>";

  /** A report long enough to take several pages, with a table of every row kind and a figure. */
  static ReportDocument report() {
    List<TableLayout.Row> rows = new ArrayList<>();
    rows.add(new TableLayout.Row(TableLayout.Kind.COUNT, "", List.of("n", "88", "32", "56", "")));
    rows.add(
        new TableLayout.Row(
            TableLayout.Kind.VARIABLE,
            "age",
            List.of("Age (years)", "45.6 ± 13.3", "41.4 ± 12.5", "46.8 ± 15.0", "0.090")));
    rows.add(
        new TableLayout.Row(TableLayout.Kind.VARIABLE, "sex", List.of("Sex", "", "", "", "0.62")));
    rows.add(
        new TableLayout.Row(
            TableLayout.Kind.LEVEL,
            "sex",
            List.of("Female", "36 (40.9)", "12 (37.5)", "24 (42.9)", "")));
    rows.add(
        new TableLayout.Row(
            TableLayout.Kind.LEVEL,
            "sex",
            List.of("Male", "52 (59.1)", "20 (62.5)", "32 (57.1)", "")));
    rows.add(
        new TableLayout.Row(
            TableLayout.Kind.MISSING, "sex", List.of("Missing", "0", "0", "0", "")));
    TableLayout t1 =
        new TableLayout(
            "Baseline",
            List.of("Characteristic", "Total", "≤ 1 cm", "> 1 cm", "p"),
            rows,
            List.of("Mean ± SD, Welch t-test; n (%), Pearson χ²."));
    List<ReportDocument.Block> blocks = new ArrayList<>();
    blocks.add(new ReportDocument.Heading(1, "Methods"));
    for (int i = 0; i < 30; i++) {
      blocks.add(
          new ReportDocument.Paragraph(
              "Paragraph "
                  + i
                  + ": Kaplan–Meier estimates with Greenwood variance and log-transformed 95% CIs;"
                  + " Cox models with Efron ties and Wald CIs. µg/L ≥ ≤ χ² — text that wraps over"
                  + " more than one line so that the document takes several pages."));
    }
    blocks.add(new ReportDocument.Heading(1, "Results"));
    blocks.add(
        new ReportDocument.Table(
            1,
            "Baseline characteristics by node size.",
            t1,
            List.of("aCCI, age-adjusted Charlson index")));
    blocks.add(
        new ReportDocument.Figure(
            1, "Progression-free survival by node size.", SVG, "figures/figure1.svg"));
    return new ReportDocument("Thermal ablation study", "Protocol ablation · Thyra test", blocks);
  }

  @Test
  void pdfHasEveryTableCellTheFontEmbeddedAndSeveralPages() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfReport.write(report(), out);
    Path dir = Path.of("target", "document-test");
    Files.createDirectories(dir);
    Files.write(dir.resolve("report.pdf"), out.toByteArray());
    try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
      assertThat(pdf.getNumberOfPages()).isBetween(2, 4);
      String text = new PDFTextStripper().getText(pdf);
      for (String cell :
          List.of(
              "Table 1.",
              "Characteristic",
              "45.6 ± 13.3",
              "36 (40.9)",
              "≤ 1 cm",
              "0.090",
              "Figure 1.",
              "Welch t-test",
              "Paragraph 29")) {
        assertThat(text).contains(cell);
      }
      // fonts embedded (no reliance on the reader's fonts)
      List<PDFont> fonts = new ArrayList<>();
      for (var page : pdf.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          fonts.add(page.getResources().getFont(name));
        }
      }
      assertThat(fonts).isNotEmpty().allSatisfy(f -> assertThat(f.isEmbedded()).isTrue());
      assertThat(fonts).anySatisfy(f -> assertThat(f.getName()).contains("LiberationSans"));
    }
  }

  @Test
  void docxHasEditableTablesAndTheFigureInside() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DocxReport.write(report(), out);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()))) {
      assertThat(doc.getTables()).hasSize(1);
      XWPFTable t = doc.getTables().get(0);
      assertThat(t.getNumberOfRows()).isEqualTo(7);
      assertThat(t.getRow(0).getCell(2).getText()).isEqualTo("≤ 1 cm");
      assertThat(t.getRow(2).getCell(1).getText()).isEqualTo("45.6 ± 13.3");
      assertThat(t.getRow(4).getCell(0).getText()).isEqualTo("Female");
      assertThat(t.getRow(2).getCell(4).getText()).isEqualTo("0.090");
      assertThat(doc.getAllPictures()).hasSize(1);
      assertThat(doc.getAllPictures().get(0).getData()).isNotEmpty();
      assertThat(doc.getParagraphs())
          .anySatisfy(p -> assertThat(p.getText()).startsWith("Figure 1. Progression-free"));
    }
  }

  @Test
  void htmlIsSelfContainedWellFormedXhtmlWithInlineSvg() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    HtmlReport.write(report(), out);
    String html = out.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(html).startsWith("<!DOCTYPE html>");
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
    NodeList svgs = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg");
    assertThat(svgs.getLength()).isEqualTo(1);
    NodeList cells = doc.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "td");
    assertThat(cells.getLength()).isEqualTo(6 * 4);
    assertThat(cells.item(4).getTextContent()).isEqualTo("45.6 ± 13.3");
    // nothing outside the file: no link, script or image reference
    assertThat(html).doesNotContain("<link").doesNotContain("<script").doesNotContain("<img");
  }

  @Test
  void aFigureThatIsNotSvgIsRefused() {
    ReportDocument bad =
        new ReportDocument("x", "", List.of(new ReportDocument.Figure(1, "c", "<html/>", "f.svg")));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> HtmlReport.write(bad, new ByteArrayOutputStream()))
        .hasMessageContaining("must be an SVG document");
  }
}
