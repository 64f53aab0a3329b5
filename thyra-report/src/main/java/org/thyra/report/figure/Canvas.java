package org.thyra.report.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;

/**
 * Drawing in points on a Graphics2D with the bundled font: text placed by its anchor (left, centre
 * or right of a point, centred vertically on it or sitting on a baseline), hairlines and
 * rectangles. Every figure draws through this, so text is always real text in one family.
 */
final class Canvas {
  /** Horizontal anchor of a text. */
  enum Align {
    LEFT,
    CENTER,
    RIGHT
  }

  /** Body text size (pt): journals ask for 6–8 pt at the printed size. */
  static final double TEXT = 8;

  /** Axis titles and panel labels (pt). */
  static final double TITLE = 9;

  /** Axis and tick line width (pt). */
  static final double HAIRLINE = 0.6;

  final Graphics2D g;

  Canvas(Graphics2D g) {
    this.g = g;
    FigureWriter.hints(g);
  }

  Font regular(double size) {
    return FigureFonts.regular(size);
  }

  Font bold(double size) {
    return FigureFonts.bold(size);
  }

  static double width(Font f, String s) {
    return FigureFonts.width(f, s);
  }

  /**
   * Draws {@code s} with its anchor at x and its vertical centre (half the cap height) at y.
   *
   * @return the text's box
   */
  Rectangle2D text(String s, double x, double y, Align align, Font f, Color c) {
    return baseline(s, x, y + FigureFonts.capHeight(f) / 2, align, f, c);
  }

  /** Draws {@code s} sitting on the baseline y. */
  Rectangle2D baseline(String s, double x, double y, Align align, Font f, Color c) {
    double w = width(f, s);
    double left =
        switch (align) {
          case LEFT -> x;
          case CENTER -> x - w / 2;
          case RIGHT -> x - w;
        };
    g.setFont(f);
    g.setColor(c);
    g.drawString(s, (float) left, (float) y);
    return new Rectangle2D.Double(left, y - FigureFonts.capHeight(f), w, FigureFonts.capHeight(f));
  }

  /** Draws {@code s} rotated 90° counter-clockwise, centred on (x, y) (a y-axis title). */
  void vertical(String s, double x, double y, Font f, Color c) {
    AffineTransform t = g.getTransform();
    g.translate(x, y);
    g.rotate(-Math.PI / 2);
    text(s, 0, 0, Align.CENTER, f, c);
    g.setTransform(t);
  }

  void line(double x1, double y1, double x2, double y2, Color c, double width) {
    g.setColor(c);
    g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
    g.draw(new Line2D.Double(x1, y1, x2, y2));
  }

  void dashed(double x1, double y1, double x2, double y2, Color c, double width) {
    g.setColor(c);
    g.setStroke(
        new BasicStroke(
            (float) width,
            BasicStroke.CAP_BUTT,
            BasicStroke.JOIN_MITER,
            10f,
            new float[] {3f, 2f},
            0f));
    g.draw(new Line2D.Double(x1, y1, x2, y2));
  }

  void rect(double x, double y, double w, double h, Color stroke, Color fill, double width) {
    Rectangle2D r = new Rectangle2D.Double(x, y, w, h);
    if (fill != null) {
      g.setColor(fill);
      g.fill(r);
    }
    if (stroke != null) {
      g.setColor(stroke);
      g.setStroke(new BasicStroke((float) width));
      g.draw(r);
    }
  }

  /** A bold panel letter (A, B, C...) at the top-left corner. */
  void panelLabel(String label, double x, double y) {
    baseline(label, x, y + FigureFonts.capHeight(bold(11)), Align.LEFT, bold(11), Color.BLACK);
  }
}
