package org.thyra.report.output;

import java.io.PrintStream;

/**
 * Renders a {@link TableLayout} as a standalone, well-formed XHTML document (parsable as XML, so a
 * report tool or an XHTML-to-PDF renderer can embed it as is).
 */
public final class XhtmlTable {
  private XhtmlTable() {}

  public static void write(TableLayout table, PrintStream out) {
    out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    out.println("<!DOCTYPE html>");
    out.println("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">");
    out.println("<head>");
    out.println("<meta charset=\"UTF-8\"/>");
    out.println("<title>" + escape(table.title()) + "</title>");
    out.println("<style>");
    out.println("table { border-collapse: collapse; font-family: sans-serif; font-size: 10pt; }");
    out.println("caption { text-align: left; font-weight: bold; padding-bottom: 4pt; }");
    out.println("th, td { padding: 2pt 8pt; text-align: right; }");
    out.println("th:first-child { text-align: left; }");
    out.println("tbody th { font-weight: normal; }");
    out.println("thead tr { border-top: 1.5pt solid black; border-bottom: 1pt solid black; }");
    out.println("tbody tr:last-child { border-bottom: 1.5pt solid black; }");
    out.println("tr.variable th { font-weight: bold; }");
    out.println("tr.level th, tr.missing th { padding-left: 16pt; }");
    out.println("tfoot td { text-align: left; font-size: 8pt; }");
    out.println("</style>");
    out.println("</head>");
    out.println("<body>");
    out.println("<table>");
    out.println("<caption>" + escape(table.title()) + "</caption>");
    out.print("<thead><tr>");
    for (String h : table.header()) {
      out.print("<th scope=\"col\">" + escape(h) + "</th>");
    }
    out.println("</tr></thead>");
    out.println("<tbody>");
    for (TableLayout.Row r : table.rows()) {
      out.print("<tr class=\"" + r.kind().name().toLowerCase(java.util.Locale.ROOT) + "\">");
      for (int j = 0; j < r.cells().size(); j++) {
        String tag = j == 0 ? "th scope=\"row\"" : "td";
        String close = j == 0 ? "th" : "td";
        out.print("<" + tag + ">" + escape(r.cells().get(j)) + "</" + close + ">");
      }
      out.println("</tr>");
    }
    out.println("</tbody>");
    if (!table.notes().isEmpty()) {
      out.println("<tfoot>");
      for (String n : table.notes()) {
        out.println(
            "<tr><td colspan=\"" + table.header().size() + "\">" + escape(n) + "</td></tr>");
      }
      out.println("</tfoot>");
    }
    out.println("</table>");
    out.println("</body>");
    out.println("</html>");
  }

  /** Escapes XML's special characters and drops characters XML 1.0 does not allow. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                  if (c == 0x9
                      || c == 0xA
                      || c == 0xD
                      || (c >= 0x20 && c <= 0xD7FF)
                      || (c >= 0xE000 && c <= 0xFFFD)
                      || c >= 0x10000) {
                    b.appendCodePoint(c);
                  }
                }
              }
            });
    return b.toString();
  }
}
