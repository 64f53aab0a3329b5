package org.thyra.report.document;

import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.thyra.report.output.TableLayout;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * The report as one well-formed XHTML document: what {@code report.html} is, and what the PDF is
 * rendered from. Figures are inline {@code <svg>} elements (the SVG document's root, without its
 * prolog), so the file needs nothing beside it.
 */
final class Xhtml {
  private Xhtml() {}

  /** The style sheet; {@code print} adds the page size and margins the PDF uses. */
  static String css(boolean print) {
    return (print
            ? "@page { size: A4; margin: 20mm 18mm 20mm 18mm;"
                + " @bottom-center { content: counter(page) ' / ' counter(pages);"
                + " font-family: 'Liberation Sans'; font-size: 8pt; } }\n"
            : "body { max-width: 180mm; margin: 2em auto; }\n")
        + "body { font-family: 'Liberation Sans', Arial, Helvetica, sans-serif; font-size: 10pt;"
        + " line-height: 1.35; color: #000; }\n"
        + "h1 { font-size: 16pt; margin: 0 0 4pt 0; }\n"
        + "p.subtitle { color: #444; margin: 0 0 14pt 0; }\n"
        + "h2 { font-size: 13pt; margin: 16pt 0 6pt 0; }\n"
        + "h3 { font-size: 11pt; margin: 12pt 0 4pt 0; }\n"
        + "p { margin: 0 0 6pt 0; text-align: justify; }\n"
        + "table { border-collapse: collapse; font-size: 8.5pt; margin: 4pt 0 2pt 0;"
        + " page-break-inside: auto; }\n"
        + "caption { caption-side: top; text-align: left; font-size: 9pt; padding-bottom: 4pt; }\n"
        + "th, td { padding: 1.5pt 6pt; text-align: right; vertical-align: top; }\n"
        + "th:first-child, td:first-child { text-align: left; }\n"
        + "thead th { font-weight: bold; border-top: 1.2pt solid #000;"
        + " border-bottom: 0.8pt solid #000; }\n"
        + "tbody tr:last-child th, tbody tr:last-child td { border-bottom: 1.2pt solid #000; }\n"
        + "tbody th { font-weight: normal; }\n"
        + "tr.variable th { font-weight: bold; }\n"
        + "tr.level th, tr.missing th { padding-left: 14pt; }\n"
        + "tr { page-break-inside: avoid; }\n"
        + "p.note { font-size: 7.5pt; color: #333; margin: 0 0 2pt 0; text-align: left; }\n"
        + "sup { font-size: 75%; line-height: 0; }\n"
        + "div.table { margin: 8pt 0 12pt 0; }\n"
        + "div.figure { margin: 10pt 0 12pt 0; page-break-inside: avoid; }\n"
        + "div.figure svg { display: block; max-width: 100%; height: auto; }\n"
        + "p.caption { font-size: 9pt; text-align: left; }\n";
  }

  /** The report as an XHTML DOM. */
  static Document build(ReportDocument report, boolean print) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      Document doc = f.newDocumentBuilder().newDocument();
      String ns = "http://www.w3.org/1999/xhtml";
      Element html = doc.createElementNS(ns, "html");
      html.setAttribute("lang", "en");
      doc.appendChild(html);
      Element head = add(doc, html, "head", null);
      Element meta = add(doc, head, "meta", null);
      meta.setAttribute("charset", "UTF-8");
      add(doc, head, "title", report.title());
      add(doc, head, "style", css(print));
      Element body = add(doc, html, "body", null);
      add(doc, body, "h1", report.title());
      if (report.subtitle() != null && !report.subtitle().isEmpty()) {
        add(doc, body, "p", report.subtitle()).setAttribute("class", "subtitle");
      }
      for (ReportDocument.Block b : report.blocks()) {
        if (b instanceof ReportDocument.Heading h) {
          add(doc, body, h.level() <= 1 ? "h2" : "h3", h.text());
        } else if (b instanceof ReportDocument.Paragraph p) {
          add(doc, body, "p", p.text());
        } else if (b instanceof ReportDocument.Table t) {
          table(doc, body, t);
        } else if (b instanceof ReportDocument.Figure fig) {
          Element div = add(doc, body, "div", null);
          div.setAttribute("class", "figure");
          div.setAttribute("id", "figure" + fig.number());
          Element svg = parseSvg(fig.svg());
          div.appendChild(doc.importNode(svg, true));
          Element cap = add(doc, div, "p", null);
          cap.setAttribute("class", "caption");
          add(doc, cap, "b", "Figure " + fig.number() + ". ");
          cap.appendChild(doc.createTextNode(fig.caption()));
        }
      }
      return doc;
    } catch (Exception e) {
      throw new IllegalStateException("cannot build the report document: " + e.getMessage(), e);
    }
  }

  private static void table(Document doc, Element body, ReportDocument.Table t) {
    TableLayout layout = t.layout();
    Element div = add(doc, body, "div", null);
    div.setAttribute("class", "table");
    div.setAttribute("id", "table" + t.number());
    Element table = add(doc, div, "table", null);
    Element cap = add(doc, table, "caption", null);
    add(doc, cap, "b", "Table " + t.number() + ". ");
    cap.appendChild(doc.createTextNode(t.caption()));
    Element thead = add(doc, table, "thead", null);
    Element hr = add(doc, thead, "tr", null);
    for (String h : layout.header()) {
      add(doc, hr, "th", h).setAttribute("scope", "col");
    }
    Element tbody = add(doc, table, "tbody", null);
    for (TableLayout.Row r : layout.rows()) {
      Element tr = add(doc, tbody, "tr", null);
      tr.setAttribute("class", r.kind().name().toLowerCase(Locale.ROOT));
      List<String> cells = r.cells();
      for (int j = 0; j < cells.size(); j++) {
        Element c = add(doc, tr, j == 0 ? "th" : "td", cells.get(j));
        if (j == 0) {
          c.setAttribute("scope", "row");
        }
      }
    }
    for (String n : t.footnote()) {
      add(doc, div, "p", n).setAttribute("class", "note");
    }
    for (String n : layout.notes()) {
      add(doc, div, "p", n).setAttribute("class", "note");
    }
  }

  private static Element add(Document doc, Element parent, String name, String text) {
    Element e = doc.createElementNS("http://www.w3.org/1999/xhtml", name);
    if (text != null) {
      text(doc, e, clean(text));
    }
    parent.appendChild(e);
    return e;
  }

  /** A power of ten written with superscript characters, as {@code 10⁻¹²}. */
  private static final java.util.regex.Pattern POWER =
      java.util.regex.Pattern.compile("10([⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)");

  /**
   * Appends text, setting a power of ten's superscript characters as {@code <sup>} with plain
   * digits and a minus sign: the embedded Liberation Sans has no ⁰ or ⁻, which the PDF would show
   * as missing glyphs (the text copied from the page still reads 10−12 in order).
   */
  private static void text(Document doc, Element parent, String text) {
    java.util.regex.Matcher m = POWER.matcher(text);
    int at = 0;
    while (m.find()) {
      parent.appendChild(doc.createTextNode(text.substring(at, m.start()) + "10"));
      Element sup = doc.createElementNS("http://www.w3.org/1999/xhtml", "sup");
      StringBuilder b = new StringBuilder();
      for (char c : m.group(1).toCharArray()) {
        int d = "⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(c);
        b.append(d >= 0 ? (char) ('0' + d) : c == '⁻' ? '−' : '+');
      }
      sup.appendChild(doc.createTextNode(b.toString()));
      parent.appendChild(sup);
      at = m.end();
    }
    parent.appendChild(doc.createTextNode(text.substring(at)));
  }

  /** Drops characters XML 1.0 does not allow (a label read from a file may hold them). */
  static String clean(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints()
        .filter(
            c ->
                c == 0x9
                    || c == 0xA
                    || c == 0xD
                    || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)
                    || c >= 0x10000 && c <= 0x10FFFF)
        .forEach(b::appendCodePoint);
    return b.toString();
  }

  /** The root {@code <svg>} element of an SVG document (no external DTD is fetched). */
  static Element parseSvg(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    Element root =
        f.newDocumentBuilder().parse(new InputSource(new StringReader(svg))).getDocumentElement();
    if (!"svg".equals(root.getLocalName())) {
      throw new IllegalArgumentException(
          "a figure must be an SVG document, not <" + root.getLocalName() + ">");
    }
    return root;
  }

  /** Serialises the DOM as XHTML text with an HTML5 doctype. */
  static String text(Document doc) {
    try {
      Transformer t = TransformerFactory.newInstance().newTransformer();
      t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      t.setOutputProperty(OutputKeys.METHOD, "xml");
      java.io.StringWriter w = new java.io.StringWriter();
      w.write("<!DOCTYPE html>\n");
      t.transform(new DOMSource(doc), new StreamResult(w));
      return w.toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
