package org.thyra.report.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
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
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.thyra.report.figure.FigureFonts;
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
  void figureTextInThePdfIsSetInTheFiguresOwnFont() throws Exception {
    // Batik draws a figure's text as outlines, so the font is checked by its width: a run of
    // "m" set in Liberation Sans is as wide as that font says; the JVM's fallback sans (DejaVu,
    // used when the font served only the text) is about 17 % wider and ran over figure boxes
    String word = "mmmmmmmmmmmm";
    double size = 40;
    double ink =
        FigureFonts.regular(size)
            .createGlyphVector(new FontRenderContext(null, true, true), word)
            .getVisualBounds()
            .getWidth();
    double ruler = 500;
    String svg =
        "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\""
            + " height=\"200\" viewBox=\"0 0 600 200\"><rect x=\"20\" y=\"20\" width=\""
            + ruler
            + "\" height=\"30\" fill=\"black\"/><text x=\"20\" y=\"150\""
            + " font-family=\"'Liberation Sans', Arial, Helvetica, sans-serif\" font-size=\""
            + size
            + "\">"
            + word
            + "</text></svg>";
    ReportDocument doc =
        new ReportDocument(
            "Font", "", List.of(new ReportDocument.Figure(1, "A ruler and a word.", svg, "f.svg")));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfReport.write(doc, out);
    try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
      BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 200, ImageType.GRAY);
      int[] rulerRow = darkestRowExtent(page, true);
      int[] wordRow = darkestRowExtent(page, false);
      double scale = (rulerRow[1] - rulerRow[0] + 1) / ruler; // image pixels per SVG unit
      double measured = (wordRow[1] - wordRow[0] + 1) / scale;
      assertThat(measured / ink).as("word width / Liberation Sans width").isBetween(0.97, 1.03);
    }
  }

  /**
   * The horizontal extent of dark pixels over the rows of the figure's first (ruler: a solid bar)
   * or second (word) dark band, below the page's title.
   */
  private static int[] darkestRowExtent(BufferedImage page, boolean first) {
    int h = page.getHeight();
    int w = page.getWidth();
    List<int[]> bands = new ArrayList<>();
    int start = -1;
    for (int y = 0; y <= h; y++) {
      boolean dark = false;
      for (int x = 0; y < h && x < w && !dark; x++) {
        dark = (page.getRGB(x, y) & 0xff) < 128;
      }
      if (dark && start < 0) {
        start = y;
      } else if (!dark && start >= 0) {
        bands.add(new int[] {start, y - 1});
        start = -1;
      }
    }
    // the bands: the title, the ruler, the word, then the caption
    int[] band = bands.get(first ? 1 : 2);
    int left = w;
    int right = -1;
    for (int y = band[0]; y <= band[1]; y++) {
      for (int x = 0; x < w; x++) {
        if ((page.getRGB(x, y) & 0xff) < 128) {
          left = Math.min(left, x);
          right = Math.max(right, x);
        }
      }
    }
    return new int[] {left, right};
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
