package org.thyra.report.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Node;

class FigureWriterTest {
  @TempDir Path tmp;

  private static Figure flow(double widthMm) {
    return FlowChart.of(
        List.of(
            new FlowChart.Step("Patients screened", 120),
            new FlowChart.Step(
                "Analysed", 100, List.of(new FlowChart.Exclusion("No follow-up", 20)))),
        FigureSpec.DEFAULT.withSize(widthMm, Double.NaN));
  }

  @ParameterizedTest
  @CsvSource({"85, 300, png", "170, 600, png", "85, 300, tif", "120, 1000, tiff"})
  void rasterHasThePixelSizeOfItsMillimetresAndStoresTheDpi(double mm, int dpi, String ext)
      throws Exception {
    Figure f = flow(mm);
    Path file = tmp.resolve("fig." + ext);
    FigureWriter.write(file, f, dpi);
    BufferedImage img = ImageIO.read(file.toFile());
    assertThat(img.getWidth()).isEqualTo((int) Math.round(f.width() / 72.0 * dpi));
    assertThat(img.getHeight()).isEqualTo((int) Math.round(f.height() / 72.0 * dpi));
    // the figure is laid out at the requested width (to the nearest point)
    assertThat(f.width() * FigureWriter.MM_PER_PT)
        .isCloseTo(mm, org.assertj.core.data.Offset.offset(0.36));
    assertThat(storedDpi(file)).isCloseTo(dpi, org.assertj.core.data.Offset.offset(0.02));
  }

  /** Dpi as a reader finds it: the standard metadata's pixel size (mm per pixel). */
  private static double storedDpi(Path file) throws Exception {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      ImageReader r = readers.next();
      r.setInput(in);
      IIOMetadata meta = r.getImageMetadata(0);
      if (file.toString().contains(".tif")) {
        TIFFDirectory dir = TIFFDirectory.createFromMetadata(meta);
        long[] x = dir.getTIFFField(BaselineTIFFTagSet.TAG_X_RESOLUTION).getAsRational(0);
        assertThat(dir.getTIFFField(BaselineTIFFTagSet.TAG_RESOLUTION_UNIT).getAsInt(0))
            .isEqualTo(BaselineTIFFTagSet.RESOLUTION_UNIT_INCH);
        return (double) x[0] / x[1];
      }
      Node root = meta.getAsTree("javax_imageio_png_1.0");
      for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n.getNodeName().equals("pHYs")) {
          assertThat(n.getAttributes().getNamedItem("unitSpecifier").getNodeValue())
              .isEqualTo("meter");
          double ppm =
              Double.parseDouble(
                  n.getAttributes().getNamedItem("pixelsPerUnitXAxis").getNodeValue());
          return ppm * 0.0254;
        }
      }
      throw new AssertionError("no pixel size stored");
    }
  }

  @Test
  void pdfIsOnePageOfTheFigureSizeWithItsTextInTheBundledEmbeddedFont() throws Exception {
    Figure f = flow(130);
    try (PDDocument doc = Loader.loadPDF(DrawnText.bytes(f, FigureFormat.PDF))) {
      assertThat(doc.getNumberOfPages()).isEqualTo(1);
      PDPage page = doc.getPage(0);
      assertThat(page.getMediaBox().getWidth()).isEqualTo(f.width());
      assertThat(page.getMediaBox().getHeight()).isEqualTo(f.height());
      List<PDFont> fonts = new java.util.ArrayList<>();
      collectFonts(page.getResources(), fonts);
      assertThat(fonts).isNotEmpty();
      for (PDFont font : fonts) {
        assertThat(font.getName()).contains("LiberationSans");
        assertThat(font.isEmbedded()).as(font.getName()).isTrue();
      }
      assertThat(fonts.stream().anyMatch(ft -> ft.getName().contains("Bold"))).isTrue();
    }
    assertThat(DrawnText.pdfText(f))
        .contains("Patients screened", "n = 120", "Excluded (n = 20)", "Analysed", "n = 100");
  }

  private static void collectFonts(org.apache.pdfbox.pdmodel.PDResources res, List<PDFont> out)
      throws Exception {
    if (res == null) {
      return;
    }
    for (var name : res.getFontNames()) {
      out.add(res.getFont(name));
    }
    for (var name : res.getXObjectNames()) {
      if (res.getXObject(name)
          instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject fx) {
        collectFonts(fx.getResources(), out);
      }
    }
  }

  @Test
  void svgKeepsTextAsTextInTheBundledFamilyAndStatesItsSizeInMillimetres() throws Exception {
    Figure f = flow(100);
    var doc = DrawnText.svg(f);
    var root = doc.getDocumentElement();
    assertThat(root.getAttribute("width"))
        .isEqualTo(
            String.format(java.util.Locale.ROOT, "%.2fmm", f.width() * FigureWriter.MM_PER_PT));
    assertThat(DrawnText.texts(root)).contains("Patients screened", "n = 120");
    String svg =
        new String(DrawnText.bytes(f, FigureFormat.SVG), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(svg)
        .contains("'Liberation Sans', Arial, Helvetica, sans-serif")
        .doesNotContain("Dialog");
  }

  @Test
  void boldTextIsMarkedBoldInTheSvgAndRegularTextIsNot() throws Exception {
    Figure f =
        new Figure() {
          @Override
          public int width() {
            return 200;
          }

          @Override
          public int height() {
            return 60;
          }

          @Override
          public List<String> parts() {
            return List.of("text");
          }

          @Override
          public void drawPart(java.awt.Graphics2D g, int part) {
            g.setFont(FigureFonts.bold(10));
            g.drawString("Heading", 10, 20);
            g.setFont(FigureFonts.regular(10));
            g.drawString("body", 10, 40);
          }
        };
    var doc = DrawnText.svg(f);
    var texts = doc.getElementsByTagName("text");
    java.util.Map<String, String> weight = new java.util.HashMap<>();
    for (int i = 0; i < texts.getLength(); i++) {
      org.w3c.dom.Node n = texts.item(i);
      String w = "normal";
      for (org.w3c.dom.Node a = n; a instanceof org.w3c.dom.Element e; a = a.getParentNode()) {
        if (e.hasAttribute("font-weight")) {
          w = e.getAttribute("font-weight");
          break;
        }
      }
      weight.put(n.getTextContent().strip(), w);
    }
    // a browser shows the HTML report's inline SVG headings bold only if the SVG says so
    assertThat(weight).containsEntry("Heading", "bold").containsEntry("body", "normal");
  }

  @Test
  void formatComesFromTheExtensionAndAnUnknownOneIsRefusedWithTheChoices() {
    assertThat(FigureFormat.of(Path.of("a/KM.SVG"))).isEqualTo(FigureFormat.SVG);
    assertThat(FigureFormat.of(Path.of("f.tif"))).isEqualTo(FigureFormat.TIFF);
    assertThat(FigureFormat.of(Path.of("f.tiff"))).isEqualTo(FigureFormat.TIFF);
    assertThatThrownBy(() -> FigureFormat.of(Path.of("f.jpg")))
        .hasMessageContaining("f.jpg")
        .hasMessageContaining(".svg, .pdf, .png, .tif or .tiff");
  }

  @Test
  void aFailedWriteLeavesNoFileAndNeverAHalfOne() throws Exception {
    Path file = tmp.resolve("out.png");
    Figure broken =
        new Figure() {
          @Override
          public int width() {
            return 100;
          }

          @Override
          public int height() {
            return 100;
          }

          @Override
          public List<String> parts() {
            return List.of("x");
          }

          @Override
          public void drawPart(java.awt.Graphics2D g, int part) {
            throw new IllegalStateException("drawing failed");
          }
        };
    assertThatThrownBy(() -> FigureWriter.write(file, broken, 300))
        .hasMessageContaining("drawing failed");
    try (var files = Files.list(tmp)) {
      assertThat(files.toList()).isEmpty();
    }
    assertThatThrownBy(() -> FigureWriter.write(file, flow(85), 50)).hasMessageContaining("--dpi");
  }

  @Test
  void theBundledFontIsUsedWhateverTheSystemHas() {
    assertThat(FigureFonts.family()).isEqualTo("Liberation Sans");
    assertThat(FigureFonts.bold(8).getFontName()).isEqualTo("Liberation Sans Bold");
    // Arial metrics: "0" is 0.556 em wide
    assertThat(FigureFonts.width(FigureFonts.regular(10), "0"))
        .isCloseTo(5.56, org.assertj.core.data.Offset.offset(0.01));
    assertThat(
            FigureWriterTest.class.getResource(
                "/org/thyra/report/figure/font/LICENSE-LiberationSans.txt"))
        .isNotNull();
  }

  @Test
  void rasterPixelsAreDrawn() throws Exception {
    BufferedImage img =
        ImageIO.read(new ByteArrayInputStream(DrawnText.bytes(flow(85), FigureFormat.PNG)));
    int dark = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        dark += (img.getRGB(x, y) & 0xFF) < 128 ? 1 : 0;
      }
    }
    assertThat(dark).isGreaterThan(500);
  }
}
