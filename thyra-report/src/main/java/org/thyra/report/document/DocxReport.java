package org.thyra.report.document;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import javax.imageio.ImageIO;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.thyra.report.output.DocxTable;
import org.thyra.report.output.TableLayout;

/**
 * {@code report.docx}: the report as a Word document whose tables are real, editable Word tables
 * (one cell per value, as a journal's production editor wants them) and whose figures are inside
 * the file, rendered from their SVG at 300 dpi.
 */
public final class DocxReport {

  /** Widest figure: the text width of A4 with 2 cm margins, in points. */
  private static final double MAX_WIDTH_PT = 16.5 / 2.54 * 72;

  private DocxReport() {}

  /** Writes the report as DOCX. */
  public static void write(ReportDocument report, OutputStream out) throws IOException {
    try (XWPFDocument doc = new XWPFDocument()) {
      text(doc, report.title(), 16, true, ParagraphAlignment.LEFT);
      if (report.subtitle() != null && !report.subtitle().isEmpty()) {
        text(doc, report.subtitle(), 10, false, ParagraphAlignment.LEFT);
      }
      for (ReportDocument.Block b : report.blocks()) {
        if (b instanceof ReportDocument.Heading h) {
          XWPFParagraph p =
              text(doc, h.text(), h.level() <= 1 ? 13 : 11, true, ParagraphAlignment.LEFT);
          p.setSpacingBefore(240);
        } else if (b instanceof ReportDocument.Paragraph p) {
          text(doc, p.text(), 10, false, ParagraphAlignment.BOTH);
        } else if (b instanceof ReportDocument.Table t) {
          table(doc, t);
        } else if (b instanceof ReportDocument.Figure f) {
          figure(doc, f);
        }
      }
      doc.write(out);
    }
  }

  private static XWPFParagraph text(
      XWPFDocument doc, String text, int size, boolean bold, ParagraphAlignment align) {
    XWPFParagraph p = doc.createParagraph();
    p.setAlignment(align);
    XWPFRun r = p.createRun();
    r.setFontFamily("Liberation Sans");
    r.setFontSize(size);
    r.setBold(bold);
    r.setText(Xhtml.clean(text));
    return p;
  }

  private static void table(XWPFDocument doc, ReportDocument.Table t) {
    XWPFParagraph cap = doc.createParagraph();
    cap.setSpacingBefore(200);
    caption(cap, "Table " + t.number() + ". ", t.caption());
    TableLayout layout = t.layout();
    XWPFTable table = doc.createTable(layout.rows().size() + 1, layout.header().size());
    table.setWidth("100%");
    DocxTable.fill(table, layout, 8, Xhtml::clean);
    for (String note : t.footnote()) {
      text(doc, note, 8, false, ParagraphAlignment.LEFT);
    }
    for (String note : layout.notes()) {
      text(doc, note, 8, false, ParagraphAlignment.LEFT);
    }
  }

  private static void figure(XWPFDocument doc, ReportDocument.Figure f) throws IOException {
    byte[] png = png(f.svg(), 300);
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
    double widthPt = img.getWidth() * 72.0 / 300;
    double heightPt = img.getHeight() * 72.0 / 300;
    double scale = Math.min(1, MAX_WIDTH_PT / widthPt);
    XWPFParagraph p = doc.createParagraph();
    p.setAlignment(ParagraphAlignment.CENTER);
    try {
      p.createRun()
          .addPicture(
              new ByteArrayInputStream(png),
              Document.PICTURE_TYPE_PNG,
              f.file() == null ? "figure" + f.number() + ".png" : f.file(),
              Units.toEMU(widthPt * scale),
              Units.toEMU(heightPt * scale));
    } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
      throw new IOException(e);
    }
    caption(doc.createParagraph(), "Figure " + f.number() + ". ", f.caption());
  }

  /** Writes a caption into {@code p}: the bold label ("Table 1. "), then the caption text. */
  private static void caption(XWPFParagraph p, String label, String text) {
    XWPFRun n = p.createRun();
    n.setBold(true);
    n.setFontSize(9);
    n.setText(label);
    XWPFRun c = p.createRun();
    c.setFontSize(9);
    c.setText(Xhtml.clean(text));
  }

  /** Renders an SVG document to PNG at this resolution (Batik). */
  static byte[] png(String svg, int dpi) throws IOException {
    PNGTranscoder t = new PNGTranscoder();
    t.addTranscodingHint(PNGTranscoder.KEY_PIXEL_UNIT_TO_MILLIMETER, 25.4f / dpi);
    // the SVG's size is in user units (px = 1/96 in in SVG); scale so the figure keeps its size
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      float[] size = SvgSize.of(svg);
      if (size != null) {
        t.addTranscodingHint(PNGTranscoder.KEY_WIDTH, size[0] * dpi / 96f);
      }
      t.transcode(new TranscoderInput(new StringReader(svg)), new TranscoderOutput(out));
    } catch (TranscoderException e) {
      throw new IOException("cannot render a figure: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }
}
