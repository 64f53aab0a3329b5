package org.thyra.report.document;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code report.html}: one self-contained file — style sheet inline, figures as inline SVG — that
 * any browser opens without the folder beside it, and that parses as XML (XHTML).
 */
public final class HtmlReport {
  private HtmlReport() {}

  /** Writes the report as HTML. */
  public static void write(ReportDocument report, OutputStream out) throws IOException {
    out.write(Xhtml.text(Xhtml.build(report, false)).getBytes(StandardCharsets.UTF_8));
  }
}
