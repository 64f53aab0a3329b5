package org.thyra.report.document;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code report.pdf}: the report's XHTML rendered by openhtmltopdf with its SVG support, so figures
 * stay vector graphics, in Liberation Sans embedded from Thyra's resources (output never depends on
 * the fonts installed). A4, page numbers at the foot.
 */
public final class PdfReport {
  // the figures' bundled font, so a report and its figures are set in the same type
  private static final String FONT = "/org/thyra/report/figure/font/";

  // the font serves the figures' inline SVG as well as the text: registered for the document only,
  // Batik drew the figures in the JVM's default sans (DejaVu, wider), so labels ran over their
  // boxes
  private static final Set<FSFontUseCase> TEXT_AND_FIGURES =
      EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.SVG);

  static {
    // openhtmltopdf logs every stage at INFO on java.util.logging; a report run stays quiet
    com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
  }

  private PdfReport() {}

  /** Writes the report as PDF. */
  public static void write(ReportDocument report, OutputStream out) throws IOException {
    PdfRendererBuilder b = new PdfRendererBuilder();
    b.useFastMode();
    b.useSVGDrawer(new BatikSVGDrawer());
    b.useFont(
        () -> font("LiberationSans-Regular.ttf"),
        "Liberation Sans",
        400,
        FontStyle.NORMAL,
        true,
        TEXT_AND_FIGURES);
    b.useFont(
        () -> font("LiberationSans-Bold.ttf"),
        "Liberation Sans",
        700,
        FontStyle.NORMAL,
        true,
        TEXT_AND_FIGURES);
    b.withW3cDocument(Xhtml.build(report, true), "/");
    b.useDefaultPageSize(210, 297, PdfRendererBuilder.PageSizeUnits.MM);
    b.withProducer("Thyra");
    b.toStream(out);
    b.run();
  }

  private static InputStream font(String name) {
    InputStream in = PdfReport.class.getResourceAsStream(FONT + name);
    if (in == null) {
      throw new UncheckedIOException(new IOException("missing font resource " + FONT + name));
    }
    return in;
  }
}
