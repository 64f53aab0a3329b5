package org.thyra.report.figure;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.util.List;
import org.thyra.report.figure.Canvas.Align;

/**
 * An alluvial (Sankey) diagram of paired categorical responses, as {@code ggalluvial} draws first
 * against last response (seed 001): each category a stacked block on the left (first) and right
 * (last) axis, its height the count; a band from each left category to each right category as wide
 * as the number of patients who moved so, coloured by the left category. Counts and percentages are
 * printed on the blocks.
 */
public final class SankeyFigure implements Figure {
  private static final double GAP = 8;
  private static final double BLOCK = 16;

  private final String leftTitle;
  private final String rightTitle;
  private final List<String> levels;
  private final long[][] counts;
  private final String note;
  private final FigureStyle style;
  private final int width;
  private final int height;
  private final long total;
  private final double top;
  private final double bottom;
  private final double leftX;
  private final double rightX;

  /**
   * @param levels the categories, in order (both axes)
   * @param counts counts[i][j] = patients in category i first and j last
   * @param note a line under the diagram (the test and its p), or null
   */
  public SankeyFigure(
      String leftTitle,
      String rightTitle,
      List<String> levels,
      long[][] counts,
      String note,
      FigureSpec spec) {
    this.leftTitle = leftTitle;
    this.rightTitle = rightTitle;
    this.levels = List.copyOf(levels);
    this.counts = new long[counts.length][];
    long t = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i].length != levels.size()) {
        throw new IllegalArgumentException("a Sankey diagram needs a square table");
      }
      this.counts[i] = counts[i].clone();
      for (long c : counts[i]) {
        if (c < 0) {
          throw new IllegalArgumentException("negative count in the Sankey table");
        }
        t += c;
      }
    }
    if (t == 0) {
      throw new IllegalArgumentException("a Sankey diagram needs at least one pair");
    }
    this.total = t;
    this.note = note;
    this.style = spec.style();
    this.width = FigureWriter.points(spec.width(120));
    this.height = FigureWriter.points(spec.height(100));
    Font f = FigureFonts.regular(Canvas.TEXT);
    double labelW = 0;
    for (String l : levels) {
      labelW = Math.max(labelW, Canvas.width(f, l + " 000 (100%)"));
    }
    this.top = 22;
    this.bottom = height - (note == null ? 8 : 20);
    this.leftX = 6 + labelW + 4;
    this.rightX = width - 6 - labelW - 4 - BLOCK;
  }

  private double scale() {
    return (bottom - top - GAP * (levels.size() - 1)) / total;
  }

  private long rowSum(int i) {
    long s = 0;
    for (long c : counts[i]) {
      s += c;
    }
    return s;
  }

  private long colSum(int j) {
    long s = 0;
    for (long[] row : counts) {
      s += row[j];
    }
    return s;
  }

  /** Top y of category k's block on the left (side 0) or right (side 1). */
  double blockTop(int side, int k) {
    double y = top;
    for (int m = 0; m < k; m++) {
      y += (side == 0 ? rowSum(m) : colSum(m)) * scale() + GAP;
    }
    return y;
  }

  /** Total of the table (pairs drawn). */
  public long total() {
    return total;
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int height() {
    return height;
  }

  @Override
  public List<String> parts() {
    return List.of("flows", "blocks");
  }

  @Override
  public void drawPart(Graphics2D g2, int part) {
    Canvas c = new Canvas(g2);
    int k = levels.size();
    double s = scale();
    if (part == 0) {
      double[] outY = new double[k];
      double[] inY = new double[k];
      for (int i = 0; i < k; i++) {
        outY[i] = blockTop(0, i);
        inY[i] = blockTop(1, i);
      }
      // bands in the order that keeps them from crossing more than needed: by left, then right
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          long n = counts[i][j];
          if (n == 0) {
            continue;
          }
          double h = n * s;
          double x0 = leftX + BLOCK;
          double x1 = rightX;
          double mid = (x0 + x1) / 2;
          Path2D.Double p = new Path2D.Double();
          p.moveTo(x0, outY[i]);
          p.curveTo(mid, outY[i], mid, inY[j], x1, inY[j]);
          p.lineTo(x1, inY[j] + h);
          p.curveTo(mid, inY[j] + h, mid, outY[i] + h, x0, outY[i] + h);
          p.closePath();
          c.g.setColor(style.fill(i, 0.45));
          c.g.fill(p);
          outY[i] += h;
          inY[j] += h;
        }
      }
      return;
    }
    Font f = FigureFonts.regular(Canvas.TEXT);
    Font b = FigureFonts.bold(Canvas.TEXT);
    c.text(leftTitle, leftX + BLOCK / 2, 9, Align.CENTER, b, Color.BLACK);
    c.text(rightTitle, rightX + BLOCK / 2, 9, Align.CENTER, b, Color.BLACK);
    for (int m = 0; m < k; m++) {
      for (int side = 0; side < 2; side++) {
        long n = side == 0 ? rowSum(m) : colSum(m);
        double y = blockTop(side, m);
        double h = n * s;
        double x = side == 0 ? leftX : rightX;
        if (n > 0) {
          c.rect(x, y, BLOCK, h, Color.BLACK, style.color(m), 0.5);
        }
        String label = levels.get(m) + " " + n + " (" + Math.round(100.0 * n / total) + "%)";
        if (side == 0) {
          c.text(label, x - 4, y + h / 2, Align.RIGHT, f, Color.BLACK);
        } else {
          c.text(label, x + BLOCK + 4, y + h / 2, Align.LEFT, f, Color.BLACK);
        }
      }
    }
    if (note != null) {
      c.text(note, width / 2.0, height - 8, Align.CENTER, f, Color.BLACK);
    }
  }
}
