package org.thyra.report.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A nomogram drawn as {@code plot(rms::nomogram)} lays it out: a Points axis (0–100) on top, one
 * axis per variable with its values at their points, a Total Points axis, then the linear predictor
 * and one axis per outcome (survival at a horizon, or probability) with their tick values at the
 * total points that give them. Labels on the left. Variable axes share the Points scale; the total,
 * linear predictor and outcome axes share the Total Points scale.
 *
 * <p>A numeric axis whose points are not monotone in its values (an {@code rcs()} spline) is drawn
 * as {@code plot.nomogram} draws it: one line from its lowest to its highest points, the values cut
 * into monotone runs at each change of direction, the runs' labels on alternating sides of the line
 * (rms starts below; here the first run is above, as every other axis's labels), a label that would
 * overlap another on its side moved one line further out.
 */
public final class NomogramFigure implements Figure {

  /**
   * One axis: tick labels at positions on its scale.
   *
   * @param id part name (SVG group id)
   * @param label the label on the left
   * @param tickLabels one per tick
   * @param positions points (variable axes) or total points (the others) of each tick
   * @param ordered whether the ticks are a numeric variable's values in increasing order (a
   *     non-monotone run of positions is then drawn in pieces); false for levels of a factor
   */
  public record Scale(
      String id, String label, List<String> tickLabels, double[] positions, boolean ordered) {
    /** An axis whose ticks are not an ordered numeric variable's values (levels, outcome ticks). */
    public Scale(String id, String label, List<String> tickLabels, double[] positions) {
      this(id, label, tickLabels, positions, false);
    }

    /** Validates and copies. */
    public Scale {
      if (tickLabels.size() != positions.length) {
        throw new IllegalArgumentException(
            "axis "
                + label
                + ": "
                + tickLabels.size()
                + " labels for "
                + positions.length
                + " positions");
      }
      tickLabels = List.copyOf(tickLabels);
      positions = positions.clone();
    }

    @Override
    public double[] positions() {
      return positions.clone();
    }
  }

  static final int LEFT = 170;
  static final int PLOT_WIDTH = 600;
  static final int RIGHT = 50;
  static final int ROW = 42;
  static final int TOP = 30;
  private static final int TICK = 5;

  /** Extra height, in rows, of an axis drawn in pieces. */
  private static final double EXTRA = 0.5;

  private final double left;
  private final double plotWidth;
  private final double right;
  private final double row;
  private final double top;
  private final Font font;
  private final Font labelFont;

  private final List<Scale> variableAxes;
  private final List<Scale> totalAxes;
  private final double pointsMax;
  private final double totalMin;
  private final double totalMax;

  /**
   * @param variableAxes one per model variable, positions in points
   * @param totalAxes the Total Points axis first, then the linear predictor and outcome axes,
   *     positions in total points
   * @param pointsMax end of the Points axis (rms: 100)
   */
  public NomogramFigure(List<Scale> variableAxes, List<Scale> totalAxes, double pointsMax) {
    this(variableAxes, totalAxes, pointsMax, LEFT, PLOT_WIDTH, RIGHT, ROW, TOP, 11);
  }

  /**
   * The same nomogram laid out for print at the spec's width (default 170 mm, double column), in 8
   * pt type, the left margin as wide as the longest axis label.
   */
  public NomogramFigure(
      List<Scale> variableAxes, List<Scale> totalAxes, double pointsMax, FigureSpec spec) {
    this(
        variableAxes,
        totalAxes,
        pointsMax,
        labelWidth(variableAxes, totalAxes) + 14,
        FigureWriter.points(spec.width(170)) - labelWidth(variableAxes, totalAxes) - 14 - 18,
        18,
        Double.isNaN(spec.heightMm())
            ? 26
            : (FigureWriter.points(spec.heightMm()) - 14.0)
                / (1 + variableAxes.size() + totalAxes.size()),
        14,
        8);
  }

  private static double labelWidth(List<Scale> a, List<Scale> b) {
    double w = FigureFonts.width(FigureFonts.bold(8.5), "Points");
    for (List<Scale> l : List.of(a, b)) {
      for (Scale s : l) {
        w = Math.max(w, FigureFonts.width(FigureFonts.bold(8.5), s.label()));
      }
    }
    return w;
  }

  private NomogramFigure(
      List<Scale> variableAxes,
      List<Scale> totalAxes,
      double pointsMax,
      double left,
      double plotWidth,
      double right,
      double row,
      double top,
      double fontSize) {
    this.left = left;
    this.plotWidth = plotWidth;
    this.right = right;
    this.row = row;
    this.top = top;
    this.font = FigureFonts.regular(fontSize);
    this.labelFont = FigureFonts.bold(fontSize + (fontSize > 10 ? 1 : 0.5));
    if (totalAxes.isEmpty()) {
      throw new IllegalArgumentException("a nomogram needs a Total Points axis");
    }
    this.variableAxes = List.copyOf(variableAxes);
    this.totalAxes = List.copyOf(totalAxes);
    this.pointsMax = pointsMax;
    double lo = 0;
    double hi = 0;
    for (Scale s : totalAxes) {
      for (double p : s.positions()) {
        lo = Math.min(lo, p);
        hi = Math.max(hi, p);
      }
    }
    this.totalMin = lo;
    this.totalMax = hi > lo ? hi : lo + 1;
  }

  @Override
  public int width() {
    return (int) Math.round(left + plotWidth + right);
  }

  @Override
  public int height() {
    return (int)
        Math.round(
            top
                + row * (1 + variableAxes.size() + totalAxes.size())
                + EXTRA * row * piecedBefore(variableAxes.size()));
  }

  @Override
  public List<String> parts() {
    List<String> p = new ArrayList<>();
    p.add("axis-points");
    variableAxes.forEach(s -> p.add(s.id()));
    totalAxes.forEach(s -> p.add(s.id()));
    return p;
  }

  /** x of a value on the Points scale (variable axes). */
  double pointsX(double points) {
    return left + points / pointsMax * plotWidth;
  }

  /** x of a value on the Total Points scale. */
  double totalX(double total) {
    return left + (total - totalMin) / (totalMax - totalMin) * plotWidth;
  }

  @Override
  public void drawPart(Graphics2D g, int part) {
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(1f));
    // an axis drawn in pieces has labels on both sides: it gets half a row more, its line in the
    // middle of its row and a half
    int v0 = part - 1;
    boolean pieced = v0 >= 0 && v0 < variableAxes.size() && pieced(variableAxes.get(v0));
    double y =
        top
            + row * (part + 0.5)
            + EXTRA * row * piecedBefore(Math.max(0, Math.min(v0, variableAxes.size())))
            + (pieced ? EXTRA * row / 2 : 0);
    if (part == 0) {
      List<String> labels = new ArrayList<>();
      double[] at = new double[11];
      for (int k = 0; k <= 10; k++) {
        at[k] = pointsMax * k / 10;
        labels.add(Long.toString(Math.round(at[k])));
      }
      drawAxis(g, "Points", labels, at, y, true);
      return;
    }
    int v = part - 1;
    if (v < variableAxes.size()) {
      Scale s = variableAxes.get(v);
      if (pieced) {
        drawPieces(g, s.label(), s.tickLabels(), s.positions(), monotoneRuns(s.positions()), y);
      } else {
        drawAxis(g, s.label(), s.tickLabels(), s.positions(), y, true);
      }
      return;
    }
    Scale s = totalAxes.get(v - variableAxes.size());
    drawAxis(g, s.label(), s.tickLabels(), s.positions(), y, false);
  }

  private void drawAxis(
      Graphics2D g, String label, List<String> labels, double[] at, double y, boolean pointsScale) {
    FigureWriter.hints(g);
    g.setFont(labelFont);
    g.drawString(label, 6f, (float) (y + FigureFonts.capHeight(labelFont) / 2));
    if (at.length == 0) {
      return;
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    double[] xs = new double[at.length];
    for (int k = 0; k < at.length; k++) {
      xs[k] = pointsScale ? pointsX(at[k]) : totalX(at[k]);
      lo = Math.min(lo, xs[k]);
      hi = Math.max(hi, xs[k]);
    }
    g.draw(new Line2D.Double(lo, y, hi, y));
    g.setFont(font);
    // labels above the line; a label that would overlap its left neighbour goes below (decided in
    // x order, drawn in value order so the ticks follow the axis values)
    Integer[] order = new Integer[at.length];
    for (int k = 0; k < order.length; k++) {
      order[k] = k;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(xs[a], xs[b]));
    boolean[] below = new boolean[at.length];
    double lastRightAbove = Double.NEGATIVE_INFINITY;
    for (int idx : order) {
      double left = xs[idx] - textWidth(labels.get(idx)) / 2;
      if (left >= lastRightAbove + 2) {
        lastRightAbove = left + textWidth(labels.get(idx));
      } else {
        below[idx] = true;
      }
    }
    for (int k = 0; k < at.length; k++) {
      double x = xs[k];
      g.draw(new Line2D.Double(x, y, x, y - TICK));
      String text = labels.get(k);
      double size = font.getSize2D();
      g.drawString(
          text,
          (float) (x - textWidth(text) / 2),
          (float) (below[k] ? y + 2 + size : y - TICK - 0.3 * size));
    }
  }

  private static boolean pieced(Scale s) {
    if (!s.ordered() || s.positions().length < 3) {
      return false;
    }
    int[] runs = monotoneRuns(s.positions());
    return runs[runs.length - 1] > 0;
  }

  /** Number of variable axes drawn in pieces among the first {@code count}. */
  private int piecedBefore(int count) {
    int n = 0;
    for (int j = 0; j < count; j++) {
      n += pieced(variableAxes.get(j)) ? 1 : 0;
    }
    return n;
  }

  /**
   * The monotone run of each tick as {@code plot.nomogram} cuts a non-monotone axis: a new run
   * starts at tick k (k >= 2) when the step into k goes the other way than the step into k - 1
   * ({@code c(FALSE, FALSE, diff(diff(xt) > 0) != 0)}).
   *
   * @return run index per tick (all 0 when monotone)
   */
  static int[] monotoneRuns(double[] at) {
    int[] run = new int[at.length];
    for (int k = 2; k < at.length; k++) {
      boolean up = at[k] - at[k - 1] > 0;
      boolean upBefore = at[k - 1] - at[k - 2] > 0;
      run[k] = run[k - 1] + (up != upBefore ? 1 : 0);
    }
    return run;
  }

  private void drawPieces(
      Graphics2D g, String label, List<String> labels, double[] at, int[] runs, double y) {
    FigureWriter.hints(g);
    g.setFont(labelFont);
    g.drawString(label, 6f, (float) (y + FigureFonts.capHeight(labelFont) / 2));
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    double[] xs = new double[at.length];
    for (int k = 0; k < at.length; k++) {
      xs[k] = pointsX(at[k]);
      lo = Math.min(lo, xs[k]);
      hi = Math.max(hi, xs[k]);
    }
    g.draw(new Line2D.Double(lo, y, hi, y));
    g.setFont(font);
    double size = font.getSize2D();
    // occupied label intervals per side (0 above, 1 below) and line out from the axis
    List<List<List<double[]>>> used = List.of(new ArrayList<>(), new ArrayList<>());
    for (int k = 0; k < at.length; k++) {
      int side = runs[k] % 2;
      String text = labels.get(k);
      double w = textWidth(text);
      double from = xs[k] - w / 2;
      List<List<double[]>> lines = used.get(side);
      int line = 0;
      while (line < lines.size() && overlaps(lines.get(line), from, from + w)) {
        line++;
      }
      if (line == lines.size()) {
        lines.add(new ArrayList<>());
      }
      lines.get(line).add(new double[] {from, from + w});
      double out = line * (size + 1);
      if (side == 0) {
        g.draw(new Line2D.Double(xs[k], y, xs[k], y - TICK));
        g.drawString(text, (float) from, (float) (y - TICK - 0.3 * size - out));
      } else {
        g.draw(new Line2D.Double(xs[k], y, xs[k], y + TICK));
        g.drawString(text, (float) from, (float) (y + TICK + 0.9 * size + out));
      }
    }
  }

  private static boolean overlaps(List<double[]> placed, double from, double to) {
    for (double[] p : placed) {
      if (from < p[1] + 2 && to > p[0] - 2) {
        return true;
      }
    }
    return false;
  }

  /** Width of a tick label in the bundled font (its own metrics: no display, no system font). */
  double textWidth(String text) {
    return FigureFonts.width(font, text);
  }
}
