package org.thyra.report.figure;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.thyra.report.figure.Canvas.Align;

/**
 * Proportions by subgroup as grouped bars (seed 000, Fig. 5: complications by subgroup): for each
 * category on the x axis one bar per series, its height the percentage {@code events / n}, with
 * "events/n" printed over the bar so the reader sees the counts behind each percentage.
 */
public final class BarFigure implements Figure {
  private final List<String> categories;
  private final List<String> series;
  private final long[][] events;
  private final long[][] totals;
  private final String yTitle;
  private final String note;
  private final FigureStyle style;
  private final int width;
  private final int height;
  private final Plot plot;

  /**
   * @param categories the x-axis groups
   * @param series the bars within each group (a legend when more than one)
   * @param events events[s][c] of series s in category c
   * @param totals totals[s][c] (the denominator)
   * @param note a line under the figure (a test), or null
   */
  public BarFigure(
      List<String> categories,
      List<String> series,
      long[][] events,
      long[][] totals,
      String yTitle,
      String note,
      FigureSpec spec) {
    if (categories.isEmpty() || series.isEmpty()) {
      throw new IllegalArgumentException("a bar chart needs categories and series");
    }
    this.categories = List.copyOf(categories);
    this.series = List.copyOf(series);
    this.events = events;
    this.totals = totals;
    double max = 0;
    for (int s = 0; s < series.size(); s++) {
      for (int c = 0; c < categories.size(); c++) {
        if (events[s][c] > totals[s][c] || events[s][c] < 0) {
          throw new IllegalArgumentException(
              series.get(s) + " / " + categories.get(c) + ": events must be between 0 and n");
        }
        max = Math.max(max, percent(s, c));
      }
    }
    this.yTitle = yTitle;
    this.note = note;
    this.style = spec.style();
    this.width =
        FigureWriter.points(spec.width(Math.max(85, 20 + 8 * categories.size() * series.size())));
    this.height = FigureWriter.points(spec.height(80));
    double[] yt = Ticks.pretty(0, Math.max(5, Math.min(100, max * 1.15)), 5);
    double legend = series.size() > 1 ? 14 : 0;
    this.plot =
        new Plot(
            new Rectangle2D.Double(
                4, 4 + legend, width - 8, height - 8 - legend - (note == null ? 0 : 10)),
            new double[] {0, categories.size()},
            yt,
            "",
            yTitle);
  }

  double percent(int s, int c) {
    return totals[s][c] == 0 ? 0 : 100.0 * events[s][c] / totals[s][c];
  }

  /** The top y of bar (s, c) on the page. */
  public double barTop(int s, int c) {
    return plot.y(percent(s, c));
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
    return List.of("axes", "bars", "legend");
  }

  @Override
  public void drawPart(Graphics2D g2, int part) {
    Canvas c = new Canvas(g2);
    Font f = FigureFonts.regular(Canvas.TEXT);
    Font small = FigureFonts.regular(6.5);
    double slot = (plot.right - plot.left) / categories.size();
    double barW = slot * 0.8 / series.size();
    switch (part) {
      case 0 -> {
        c.line(plot.left, plot.bottom, plot.right, plot.bottom, Color.BLACK, Canvas.HAIRLINE);
        c.line(plot.left, plot.top, plot.left, plot.bottom, Color.BLACK, Canvas.HAIRLINE);
        List<String> yl = Ticks.labels(plot.yTicks);
        double lw = 0;
        for (int k = 0; k < plot.yTicks.length; k++) {
          double y = plot.y(plot.yTicks[k]);
          c.line(plot.left - 3, y, plot.left, y, Color.BLACK, Canvas.HAIRLINE);
          c.text(yl.get(k), plot.left - 5, y, Align.RIGHT, f, Color.BLACK);
          lw = Math.max(lw, Canvas.width(f, yl.get(k)));
        }
        c.vertical(yTitle, plot.left - 5 - lw - 7, (plot.top + plot.bottom) / 2, f, Color.BLACK);
        for (int k = 0; k < categories.size(); k++) {
          c.text(
              categories.get(k),
              plot.left + slot * (k + 0.5),
              plot.bottom + 8,
              Align.CENTER,
              FigureFonts.bold(Canvas.TEXT),
              Color.BLACK);
        }
        if (note != null) {
          c.text(note, width / 2.0, height - 6, Align.CENTER, f, Color.BLACK);
        }
      }
      case 1 -> {
        for (int s = 0; s < series.size(); s++) {
          for (int k = 0; k < categories.size(); k++) {
            double x = plot.left + slot * k + slot * 0.1 + s * barW;
            double top = barTop(s, k);
            c.rect(x, top, barW * 0.92, plot.bottom - top, Color.BLACK, style.color(s), 0.4);
            String label = events[s][k] + "/" + totals[s][k];
            c.baseline(label, x + barW * 0.46, top - 2, Align.CENTER, small, Color.BLACK);
          }
        }
      }
      default -> {
        if (series.size() < 2) {
          return;
        }
        double x = plot.left;
        double y = 10;
        for (int s = 0; s < series.size(); s++) {
          c.rect(x, y - 3.5, 7, 7, Color.BLACK, style.color(s), 0.4);
          c.text(series.get(s), x + 10, y, Align.LEFT, f, Color.BLACK);
          x += 10 + Canvas.width(f, series.get(s)) + 12;
        }
      }
    }
  }
}
