package org.thyra.report.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.thyra.report.figure.Canvas.Align;

/**
 * A box-and-dot plot of a numeric variable by group (seed 003, Fig. 3A): per group a box from the
 * first to the third quartile with the median, whiskers to the most extreme values within 1.5 IQR
 * (Tukey, as {@code boxplot}), every observation as a dot spread sideways by a fixed pattern (so
 * the figure is reproducible), the group's n under its name, and the test's name and p over a
 * bracket. Quartiles are R's type 7. The y axis may be logarithmic (markers such as Tg).
 */
public final class BoxDotFigure implements Figure {
  private final String yTitle;
  private final List<String> groups;
  private final List<double[]> values;
  private final String test;
  private final boolean log;
  private final FigureStyle style;
  private final int width;
  private final int height;
  private final Plot plot;

  /**
   * @param values per group the observations (NaN ignored)
   * @param test "Wilcoxon rank-sum p = 0.003" or null
   * @param log logarithmic y axis (all values must be positive)
   */
  public BoxDotFigure(
      String yTitle,
      List<String> groups,
      List<double[]> values,
      String test,
      boolean log,
      FigureSpec spec) {
    if (groups.isEmpty() || groups.size() != values.size()) {
      throw new IllegalArgumentException("one set of values per group is needed");
    }
    this.yTitle = yTitle;
    this.groups = List.copyOf(groups);
    this.values = new ArrayList<>();
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] v : values) {
      double[] clean = Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
      if (log && clean.length > 0 && clean[0] <= 0) {
        throw new IllegalArgumentException(yTitle + ": a log axis needs positive values");
      }
      this.values.add(clean);
      if (clean.length > 0) {
        lo = Math.min(lo, clean[0]);
        hi = Math.max(hi, clean[clean.length - 1]);
      }
    }
    if (!(hi >= lo)) {
      throw new IllegalArgumentException("no values to draw");
    }
    this.test = test;
    this.log = log;
    this.style = spec.style();
    this.width = FigureWriter.points(spec.width(35 + 25 * groups.size()));
    this.height = FigureWriter.points(spec.height(85));
    double[] yt =
        log ? logTicks(lo, hi) : Ticks.pretty(Math.min(lo, hi - 1e-9), hi + (hi - lo) * 0.12, 5);
    double[] xt = {0, groups.size() + 1.0};
    this.plot =
        new Plot(new Rectangle2D.Double(4, 4, width - 8, height - 8 - 12), xt, yt, "", yTitle);
  }

  private static double[] logTicks(double lo, double hi) {
    int d0 = (int) Math.floor(Math.log10(lo));
    int d1 = (int) Math.ceil(Math.log10(hi * 1.5));
    double[] t = new double[d1 - d0 + 1];
    for (int k = 0; k < t.length; k++) {
      t[k] = Ticks.clean(Math.pow(10, d0 + k));
    }
    return t;
  }

  private double y(double v) {
    if (!log) {
      return plot.y(v);
    }
    double a = Math.log10(plot.yMin);
    double b = Math.log10(plot.yMax);
    return plot.bottom - (Math.log10(v) - a) / (b - a) * (plot.bottom - plot.top);
  }

  /** R's quantile type 7 of sorted values. */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
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
    return List.of("axes", "boxes", "dots", "test");
  }

  @Override
  public void drawPart(Graphics2D g2, int part) {
    Canvas c = new Canvas(g2);
    Graphics2D g = c.g;
    double boxW = Math.min(28, (plot.right - plot.left) / (groups.size() + 1) * 0.55);
    switch (part) {
      case 0 -> {
        c.line(plot.left, plot.bottom, plot.right, plot.bottom, Color.BLACK, Canvas.HAIRLINE);
        c.line(plot.left, plot.top, plot.left, plot.bottom, Color.BLACK, Canvas.HAIRLINE);
        List<String> yl = log ? powerLabels(plot.yTicks) : Ticks.labels(plot.yTicks);
        double lw = 0;
        for (int k = 0; k < plot.yTicks.length; k++) {
          double y = y(plot.yTicks[k]);
          c.line(plot.left - 3, y, plot.left, y, Color.BLACK, Canvas.HAIRLINE);
          c.text(
              yl.get(k),
              plot.left - 5,
              y,
              Align.RIGHT,
              FigureFonts.regular(Canvas.TEXT),
              Color.BLACK);
          lw = Math.max(lw, Canvas.width(FigureFonts.regular(Canvas.TEXT), yl.get(k)));
        }
        c.vertical(
            yTitle,
            plot.left - 5 - lw - 7,
            (plot.top + plot.bottom) / 2,
            FigureFonts.regular(Canvas.TEXT),
            Color.BLACK);
        for (int k = 0; k < groups.size(); k++) {
          double x = plot.x(k + 1);
          c.text(
              groups.get(k),
              x,
              plot.bottom + 9,
              Align.CENTER,
              FigureFonts.bold(Canvas.TEXT),
              Color.BLACK);
          c.text(
              "n = " + values.get(k).length,
              x,
              plot.bottom + 19,
              Align.CENTER,
              FigureFonts.regular(7),
              Color.DARK_GRAY);
        }
      }
      case 1 -> {
        g.setStroke(new BasicStroke(0.8f));
        for (int k = 0; k < groups.size(); k++) {
          double[] v = values.get(k);
          if (v.length == 0) {
            continue;
          }
          double x = plot.x(k + 1);
          double q1 = quantile(v, 0.25);
          double q2 = quantile(v, 0.5);
          double q3 = quantile(v, 0.75);
          double iqr = q3 - q1;
          double wLo = v[0];
          double wHi = v[v.length - 1];
          for (double d : v) {
            if (d >= q1 - 1.5 * iqr) {
              wLo = d;
              break;
            }
          }
          for (int i = v.length - 1; i >= 0; i--) {
            if (v[i] <= q3 + 1.5 * iqr) {
              wHi = v[i];
              break;
            }
          }
          g.setColor(style.fill(k, 0.25));
          g.fill(new Rectangle2D.Double(x - boxW / 2, y(q3), boxW, y(q1) - y(q3)));
          g.setColor(Color.BLACK);
          g.draw(new Rectangle2D.Double(x - boxW / 2, y(q3), boxW, y(q1) - y(q3)));
          g.setStroke(new BasicStroke(1.6f));
          g.draw(new Line2D.Double(x - boxW / 2, y(q2), x + boxW / 2, y(q2)));
          g.setStroke(new BasicStroke(0.8f));
          g.draw(new Line2D.Double(x, y(q3), x, y(wHi)));
          g.draw(new Line2D.Double(x, y(q1), x, y(wLo)));
          g.draw(new Line2D.Double(x - boxW / 4, y(wHi), x + boxW / 4, y(wHi)));
          g.draw(new Line2D.Double(x - boxW / 4, y(wLo), x + boxW / 4, y(wLo)));
        }
      }
      case 2 -> {
        for (int k = 0; k < groups.size(); k++) {
          double[] v = values.get(k);
          double x = plot.x(k + 1);
          g.setColor(style.color(k));
          for (int i = 0; i < v.length; i++) {
            // a fixed sideways pattern (van der Corput), so every run draws the same dots
            double off = (vanDerCorput(i + 1) - 0.5) * boxW * 0.8;
            g.fill(new Ellipse2D.Double(x + off - 1.4, y(v[i]) - 1.4, 2.8, 2.8));
          }
        }
      }
      default -> {
        if (test == null) {
          return;
        }
        double y = plot.top + 4;
        double x1 = plot.x(1);
        double x2 = plot.x(groups.size());
        c.line(x1, y + 4, x1, y, Color.BLACK, 0.6);
        c.line(x1, y, x2, y, Color.BLACK, 0.6);
        c.line(x2, y, x2, y + 4, Color.BLACK, 0.6);
        c.baseline(
            test,
            (x1 + x2) / 2,
            y - 2,
            Align.CENTER,
            FigureFonts.regular(Canvas.TEXT),
            Color.BLACK);
      }
    }
  }

  private static List<String> powerLabels(double[] ticks) {
    List<String> out = new ArrayList<>();
    for (double t : ticks) {
      out.add(Ticks.label(t));
    }
    return out;
  }

  private static double vanDerCorput(int n) {
    double q = 0;
    double bk = 0.5;
    while (n > 0) {
      q += (n & 1) * bk;
      n >>= 1;
      bk /= 2;
    }
    return q;
  }
}
