package org.thyra.report.figure;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFTag;
import javax.imageio.stream.ImageOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.thyra.report.output.AtomicFile;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes a {@link Figure} (laid out in points, 1/72 inch) as SVG, PDF, PNG or TIFF, all through the
 * same Graphics2D drawing, all or nothing (a temporary sibling moved into place).
 *
 * <ul>
 *   <li>SVG: Batik's generator, text kept as {@code <text>} in the bundled family (with Arial,
 *       Helvetica, sans-serif as fallbacks for a viewer without it); width and height in mm.
 *   <li>PDF: one page of the figure's size, vector, text as text in the bundled font, embedded (a
 *       subset) so the file prints the same everywhere.
 *   <li>PNG, TIFF: RGB pixels at {@code dpi}, the dpi stored in the file (PNG {@code pHYs}; TIFF
 *       XResolution / YResolution in pixels per inch), TIFF LZW-compressed.
 * </ul>
 */
public final class FigureWriter {
  /** Millimetres per point. */
  public static final double MM_PER_PT = 25.4 / 72;

  private FigureWriter() {}

  /** Figure size in points from millimetres. */
  public static int points(double mm) {
    return (int) Math.round(mm / MM_PER_PT);
  }

  /**
   * Writes {@code figure} to {@code file} in the format of its extension.
   *
   * @param dpi raster resolution (ignored for SVG and PDF)
   */
  public static void write(Path file, Figure figure, int dpi) throws IOException {
    write(file, FigureFormat.of(file), figure, dpi);
  }

  /** Writes {@code figure} to {@code file} in {@code format}. */
  public static void write(Path file, FigureFormat format, Figure figure, int dpi)
      throws IOException {
    if (dpi < 72 || dpi > 2400) {
      throw new IllegalArgumentException("--dpi must be between 72 and 2400, got " + dpi);
    }
    AtomicFile.write(file, os -> write(os, format, figure, dpi));
  }

  /** Writes {@code figure} to a stream. */
  public static void write(OutputStream os, FigureFormat format, Figure figure, int dpi)
      throws IOException {
    switch (format) {
      case SVG -> svg(os, figure);
      case PDF -> pdf(os, figure);
      default -> raster(os, format, figure, dpi);
    }
  }

  /** Pixel count of {@code points} at {@code dpi}. */
  public static int pixels(double points, int dpi) {
    return (int) Math.round(points * dpi / 72.0);
  }

  static void hints(Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
  }

  // ------------------------------------------------------------------ SVG

  private static void svg(OutputStream os, Figure figure) throws IOException {
    Document doc;
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      doc =
          f.newDocumentBuilder()
              .getDOMImplementation()
              .createDocument("http://www.w3.org/2000/svg", "svg", null);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("no XML DOM implementation", e);
    }
    SVGGeneratorContext ctx = SVGGeneratorContext.createDefault(doc);
    ctx.setComment("Drawn by Thyra");
    ctx.setEmbeddedFontsOn(false);
    ctx.setPrecision(2);
    SVGGraphics2D main = new SVGGraphics2D(ctx, false);
    main.setFont(FigureFonts.regular(Canvas.TEXT));
    main.setSVGCanvasSize(new java.awt.Dimension(figure.width(), figure.height()));
    Element root = main.getRoot();
    root.setAttributeNS(null, "width", mm(figure.width()));
    root.setAttributeNS(null, "height", mm(figure.height()));
    root.setAttributeNS(null, "viewBox", "0 0 " + figure.width() + " " + figure.height());
    for (int k = 0; k < figure.parts().size(); k++) {
      SVGGraphics2D g = new SVGGraphics2D(ctx, false);
      g.setFont(FigureFonts.regular(Canvas.TEXT));
      hints(g);
      figure.drawPart(g, k);
      Element group = g.getTopLevelGroup();
      group.setAttributeNS(null, "id", figure.parts().get(k));
      group.setAttributeNS(null, "class", "part");
      fallbackFonts(group);
      root.appendChild(group);
      g.dispose();
    }
    root.setAttributeNS(
        null, "font-family", "'" + FigureFonts.family() + "', Arial, Helvetica, sans-serif");
    root.setAttributeNS(null, "font-size", "8px");
    Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
    main.stream(root, w, false, false);
    w.flush();
  }

  private static String mm(int points) {
    return String.format(Locale.ROOT, "%.2fmm", points * MM_PER_PT);
  }

  /** Adds fallback families after the bundled one wherever Batik named it. */
  private static void fallbackFonts(Element e) {
    String family = e.getAttributeNS(null, "font-family");
    if (!family.isEmpty() && !family.contains("sans-serif")) {
      e.setAttributeNS(null, "font-family", family + ", Arial, Helvetica, sans-serif");
    }
    for (org.w3c.dom.Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element child) {
        fallbackFonts(child);
      }
    }
  }

  // ------------------------------------------------------------------ PDF

  private static void pdf(OutputStream os, Figure figure) throws IOException {
    try (PDDocument doc = new PDDocument();
        PdfBoxGraphics2DFontTextDrawer fonts = new PdfBoxGraphics2DFontTextDrawer()) {
      try (InputStream r = FigureFonts.open(FigureFonts.REGULAR_FILE);
          InputStream b = FigureFonts.open(FigureFonts.BOLD_FILE)) {
        fonts.registerFont(FigureFonts.regularName(), r);
        fonts.registerFont(FigureFonts.boldName(), b);
      }
      PDPage page = new PDPage(new PDRectangle(figure.width(), figure.height()));
      doc.addPage(page);
      doc.getDocumentInformation().setCreator("Thyra");
      PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, figure.width(), figure.height());
      g.setFontTextDrawer(fonts);
      hints(g);
      figure.draw(g);
      g.dispose();
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.drawForm(g.getXFormObject());
      }
      doc.save(os);
    }
  }

  // ------------------------------------------------------------------ PNG, TIFF

  /** Draws {@code figure} into an RGB image at {@code dpi} (white background). */
  public static BufferedImage image(Figure figure, int dpi) {
    int w = pixels(figure.width(), dpi);
    int h = pixels(figure.height(), dpi);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    hints(g);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.scale((double) w / figure.width(), (double) h / figure.height());
    figure.draw(g);
    g.dispose();
    return img;
  }

  private static void raster(OutputStream os, FigureFormat format, Figure figure, int dpi)
      throws IOException {
    BufferedImage img = image(figure, dpi);
    String name = format == FigureFormat.PNG ? "png" : "tiff";
    ImageWriter writer = ImageIO.getImageWritersByFormatName(name).next();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(os)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      ImageTypeSpecifier type = ImageTypeSpecifier.createFromRenderedImage(img);
      IIOMetadata meta;
      if (format == FigureFormat.PNG) {
        meta = writer.getDefaultImageMetadata(type, param);
        // pHYs in the PNG's own metadata: pixels per metre (the standard tree's pixel size is
        // read differently by different JDKs)
        IIOMetadataNode phys = new IIOMetadataNode("pHYs");
        String ppm = Long.toString(Math.round(dpi / 0.0254));
        phys.setAttribute("pixelsPerUnitXAxis", ppm);
        phys.setAttribute("pixelsPerUnitYAxis", ppm);
        phys.setAttribute("unitSpecifier", "meter");
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
        root.appendChild(phys);
        meta.mergeTree("javax_imageio_png_1.0", root);
      } else {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionType("LZW");
        TIFFDirectory dir =
            TIFFDirectory.createFromMetadata(writer.getDefaultImageMetadata(type, param));
        BaselineTIFFTagSet base = BaselineTIFFTagSet.getInstance();
        long[][] res = {{dpi, 1}};
        dir.addTIFFField(
            new TIFFField(
                base.getTag(BaselineTIFFTagSet.TAG_X_RESOLUTION), TIFFTag.TIFF_RATIONAL, 1, res));
        dir.addTIFFField(
            new TIFFField(
                base.getTag(BaselineTIFFTagSet.TAG_Y_RESOLUTION), TIFFTag.TIFF_RATIONAL, 1, res));
        dir.addTIFFField(
            new TIFFField(
                base.getTag(BaselineTIFFTagSet.TAG_RESOLUTION_UNIT),
                BaselineTIFFTagSet.RESOLUTION_UNIT_INCH));
        meta = dir.getAsMetadata();
      }
      writer.write(null, new IIOImage(img, null, meta), param);
    } finally {
      writer.dispose();
    }
  }
}
