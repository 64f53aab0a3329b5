package org.thyra.report.figure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads a figure back as a reader would: the words of its PDF with their positions (PDFBox's own
 * glyph metrics, independent of the drawing code), and the groups, text and paths of its SVG.
 */
final class DrawnText {
  /**
   * A word of the PDF: its text, horizontal centre and baseline, and its left and right edges, in
   * points from the top left.
   */
  record Word(String text, double centre, double y, double left, double right) {}

  private DrawnText() {}

  static byte[] bytes(Figure f, FigureFormat format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FigureWriter.write(out, format, f, 150);
    return out.toByteArray();
  }

  /** Every word of the one-page PDF of {@code f}. */
  static List<Word> pdfWords(Figure f) throws IOException {
    List<Word> words = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(bytes(f, FigureFormat.PDF))) {
      PDFTextStripper s =
          new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> pos) {
              // split on spaces so each number is its own word
              int start = 0;
              for (int i = 0; i <= pos.size(); i++) {
                boolean end = i == pos.size() || pos.get(i).getUnicode().isBlank();
                if (end && i > start) {
                  TextPosition a = pos.get(start);
                  TextPosition b = pos.get(i - 1);
                  StringBuilder t = new StringBuilder();
                  for (int k = start; k < i; k++) {
                    t.append(pos.get(k).getUnicode());
                  }
                  double left = a.getXDirAdj();
                  double right = b.getXDirAdj() + b.getWidthDirAdj();
                  words.add(
                      new Word(t.toString(), (left + right) / 2, a.getYDirAdj(), left, right));
                }
                if (end) {
                  start = i + 1;
                }
              }
            }
          };
      s.setSortByPosition(true);
      s.writeText(doc, Writer.nullWriter());
    }
    return words;
  }

  /** The plain text of the PDF. */
  static String pdfText(Figure f) throws IOException {
    try (PDDocument doc = Loader.loadPDF(bytes(f, FigureFormat.PDF))) {
      return new PDFTextStripper().getText(doc);
    }
  }

  static Document svg(Figure f) throws Exception {
    DocumentBuilderFactory fac = DocumentBuilderFactory.newInstance();
    fac.setNamespaceAware(true);
    fac.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return fac.newDocumentBuilder()
        .parse(new java.io.ByteArrayInputStream(bytes(f, FigureFormat.SVG)));
  }

  /** The group of part {@code id}. */
  static Element part(Document doc, String id) {
    NodeList gs = doc.getElementsByTagNameNS("*", "g");
    for (int i = 0; i < gs.getLength(); i++) {
      Element g = (Element) gs.item(i);
      if (id.equals(g.getAttribute("id"))) {
        return g;
      }
    }
    throw new AssertionError("no part " + id);
  }

  /** The texts inside an element. */
  static List<String> texts(Element e) {
    List<String> out = new ArrayList<>();
    NodeList ts = e.getElementsByTagNameNS("*", "text");
    for (int i = 0; i < ts.getLength(); i++) {
      out.add(ts.item(i).getTextContent());
    }
    return out;
  }

  private static final Pattern POINT =
      Pattern.compile("([MLZ])\\s*(-?[0-9.]+(?:E-?[0-9]+)?)?[ ,]*(-?[0-9.]+(?:E-?[0-9]+)?)?");

  /**
   * The polylines of the paths inside an element, as lists of {x, y} (Batik writes absolute M, L
   * commands for line paths).
   */
  static List<List<double[]>> polylines(Element e) {
    List<List<double[]>> out = new ArrayList<>();
    NodeList ps = e.getElementsByTagNameNS("*", "path");
    for (int i = 0; i < ps.getLength(); i++) {
      String d = ((Element) ps.item(i)).getAttribute("d");
      List<double[]> cur = null;
      Matcher m = POINT.matcher(d);
      while (m.find()) {
        String cmd = m.group(1);
        if (cmd.equals("Z") || m.group(2) == null) {
          continue;
        }
        double[] p = {Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))};
        if (cmd.equals("M")) {
          cur = new ArrayList<>();
          out.add(cur);
        }
        cur.add(p);
      }
    }
    return out;
  }

  /** The straight lines ({@code <line>} elements, Batik's form of a Line2D) inside an element. */
  static List<double[]> lines(Element e) {
    List<double[]> out = new ArrayList<>();
    NodeList ls = e.getElementsByTagNameNS("*", "line");
    for (int i = 0; i < ls.getLength(); i++) {
      Element l = (Element) ls.item(i);
      out.add(
          new double[] {
            Double.parseDouble(l.getAttribute("x1")),
            Double.parseDouble(l.getAttribute("y1")),
            Double.parseDouble(l.getAttribute("x2")),
            Double.parseDouble(l.getAttribute("y2"))
          });
    }
    return out;
  }
}
