package org.thyra.report.document;

import org.w3c.dom.Element;

/** The width and height of an SVG document in CSS pixels (1/96 in), from its attributes. */
final class SvgSize {
  private SvgSize() {}

  /** {width, height} in px, or null when the document does not say. */
  static float[] of(String svg) {
    try {
      Element root = Xhtml.parseSvg(svg);
      float w = px(root.getAttribute("width"));
      float h = px(root.getAttribute("height"));
      if (w > 0 && h > 0) {
        return new float[] {w, h};
      }
      String[] vb = root.getAttribute("viewBox").trim().split("[\\s,]+");
      if (vb.length == 4) {
        return new float[] {Float.parseFloat(vb[2]), Float.parseFloat(vb[3])};
      }
    } catch (Exception e) {
      // fall through: the renderer's default size
    }
    return null;
  }

  private static float px(String v) {
    if (v == null || v.isEmpty()) {
      return -1;
    }
    String s = v.trim();
    double factor = 1;
    if (s.endsWith("mm")) {
      factor = 96 / 25.4;
      s = s.substring(0, s.length() - 2);
    } else if (s.endsWith("cm")) {
      factor = 96 / 2.54;
      s = s.substring(0, s.length() - 2);
    } else if (s.endsWith("in")) {
      factor = 96;
      s = s.substring(0, s.length() - 2);
    } else if (s.endsWith("pt")) {
      factor = 96 / 72.0;
      s = s.substring(0, s.length() - 2);
    } else if (s.endsWith("px")) {
      s = s.substring(0, s.length() - 2);
    } else if (s.endsWith("%")) {
      return -1;
    }
    try {
      return (float) (Double.parseDouble(s) * factor);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
