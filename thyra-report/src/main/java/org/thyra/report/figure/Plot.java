package org.thyra.report.figure;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.thyra.report.figure.Canvas.Align;

/**
 * A pair of linear axes in a box of the page: the mapping from data to points, and the drawing of
 * the axis lines, ticks, tick labels and titles around the box. Figures place their data with
 * {@link #x} and {@link #y}, so marks and ticks share one scale by construction.
 */
final class Plot {
  static final double TICK = 3;

  final double left;
  final double top;
  final double right;
  final double bottom;
  final double xMin;
  final double xMax;
  final double yMin;
  final double yMax;
  final double[] xTicks;
  final double[] yTicks;
  final String xTitle;
  final String yTitle;

  /** Lays out axes in the box (x, y, w, h), leaving room for tick labels and titles inside it. */
  Plot(Rectangle2D box, double[] xTicks, double[] yTicks, String xTitle, String yTitle) {
    this.xTicks = xTicks.clone();
    this.yTicks = yTicks.clone();
    this.xMin = xTicks[0];
    this.xMax = xTicks[xTicks.length - 1];
    this.yMin = yTicks[0];
    this.yMax = yTicks[yTicks.length - 1];
    this.xTitle = xTitle;
    this.yTitle = yTitle;
    Font f = FigureFonts.regular(Canvas.TEXT);
    double labels = 0;
    for (String s : Ticks.labels(yTicks)) {
      labels = Math.max(labels, Canvas.width(f, s));
    }
    this.left = box.getX() + (yTitle.isEmpty() ? 0 : 12) + labels + 3 + TICK;
    String last = Ticks.label(xMax);
    this.right = box.getMaxX() - Math.max(4, Canvas.width(f, last) / 2 + 2);
    this.top = box.getY() + 6;
    this.bottom = box.getMaxY() - (xTitle.isEmpty() ? 14 : 26);
  }

  double x(double v) {
    return left + (v - xMin) / (xMax - xMin) * (right - left);
  }

  double y(double v) {
    return bottom - (v - yMin) / (yMax - yMin) * (bottom - top);
  }

  /** Clamps a data value into the y range (for error bars that leave it). */
  double yClamped(double v) {
    return y(Math.max(yMin, Math.min(yMax, v)));
  }

  void drawAxes(Canvas c) {
    Color ink = Color.BLACK;
    Font f = FigureFonts.regular(Canvas.TEXT);
    c.line(left, bottom, right, bottom, ink, Canvas.HAIRLINE);
    c.line(left, top, left, bottom, ink, Canvas.HAIRLINE);
    List<String> xl = Ticks.labels(xTicks);
    for (int k = 0; k < xTicks.length; k++) {
      double x = x(xTicks[k]);
      c.line(x, bottom, x, bottom + TICK, ink, Canvas.HAIRLINE);
      c.text(xl.get(k), x, bottom + TICK + 7, Align.CENTER, f, ink);
    }
    List<String> yl = Ticks.labels(yTicks);
    double labels = 0;
    for (int k = 0; k < yTicks.length; k++) {
      double y = y(yTicks[k]);
      c.line(left - TICK, y, left, y, ink, Canvas.HAIRLINE);
      c.text(yl.get(k), left - TICK - 2, y, Align.RIGHT, f, ink);
      labels = Math.max(labels, Canvas.width(f, yl.get(k)));
    }
    if (!xTitle.isEmpty()) {
      c.text(xTitle, (left + right) / 2, bottom + TICK + 19, Align.CENTER, f, ink);
    }
    if (!yTitle.isEmpty()) {
      c.vertical(yTitle, left - TICK - 2 - labels - 7, (top + bottom) / 2, f, ink);
    }
  }
}
