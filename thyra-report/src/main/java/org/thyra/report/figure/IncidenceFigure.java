package org.thyra.report.figure;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.thyra.report.figure.Canvas.Align;
import org.thyra.stats.competing.IncidenceCurve;

/**
 * Cumulative incidence curves of competing risks (Aalen–Johansen, as {@code plot(cmprsk::cuminc)}
 * draws them): one right-continuous step curve per cause and group, rising from 0 at time 0 and
 * ending at the group's last follow-up time. Groups differ by colour, causes by line type (the
 * first cause solid, the competing ones dashed), so that the incidence of the event of interest is
 * never read as 1 − Kaplan–Meier.
 */
public final class IncidenceFigure implements Figure {

  /**
   * One curve.
   *
   * @param label the legend's text, e.g. {@code "size ≤ 1 cm: progression"}
   * @param curve the cumulative incidence
   * @param group the group's index (its colour)
   * @param cause the cause's index, 0 for the cause of interest (solid), otherwise dashed
   */
  public record Series(String label, IncidenceCurve curve, int group, int cause) {}

  private final List<Series> series;
  private final String note;
  private final FigureStyle style;
  private final int width;
  private final int height;
  private final Plot plot;

  /**
   * Lays out the figure.
   *
   * @param series the curves, in legend order (at least one)
   * @param timeTitle the time axis's title
   * @param note a line under the plot (e.g. Gray's tests), or null
   * @param spec style and size
   */
  public IncidenceFigure(List<Series> series, String timeTitle, String note, FigureSpec spec) {
    if (series.isEmpty()) {
      throw new IllegalArgumentException("no cumulative incidence curve to draw");
    }
    this.series = List.copyOf(series);
    this.note = note;
    this.style = spec.style();
    this.width = FigureWriter.points(spec.width(170));
    this.height = FigureWriter.points(spec.height(110));
    double tMax = 0;
    double fMax = 0;
    for (Series s : series) {
      tMax = Math.max(tMax, s.curve().lastTime());
      double[] e = s.curve().estimate();
      if (e.length > 0) {
        fMax = Math.max(fMax, e[e.length - 1]);
      }
    }
    double[] xt = Ticks.pretty(0, tMax > 0 ? tMax : 1, 8);
    double[] yt = Ticks.pretty(0, Math.min(1, Math.max(0.1, fMax * 1.05)), 5);
    double legend = 10 * series.size();
    this.plot =
        new Plot(
            new Rectangle2D.Double(4, 4, width - 8, height - 8 - (note == null ? 0 : 10)),
            xt,
            yt,
            timeTitle,
            "Cumulative incidence");
    if (plot.top + legend > plot.bottom) {
      throw new IllegalArgumentException("too many curves for the figure's height");
    }
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
    return List.of("axes", "curves", "legend");
  }

  /** The y of the curve's value at time t (for tests: where a step lies on the page). */
  public double y(double incidence) {
    return plot.y(incidence);
  }

  /** The x of a time. */
  public double x(double t) {
    return plot.x(t);
  }

  @Override
  public void drawPart(Graphics2D g2, int part) {
    Canvas c = new Canvas(g2);
    if (part == 0) {
      plot.drawAxes(c);
      if (note != null) {
        c.text(note, plot.left, height - 5, Align.LEFT, FigureFonts.regular(7), Color.DARK_GRAY);
      }
      return;
    }
    if (part == 1) {
      for (Series s : series) {
        g2.setColor(style.color(s.group()));
        g2.setStroke(stroke(s));
        g2.draw(path(s.curve()));
      }
      return;
    }
    double x = plot.right - 4;
    double y = plot.top + 6;
    double textWidth = 0;
    for (Series s : series) {
      textWidth = Math.max(textWidth, Canvas.width(FigureFonts.regular(7), s.label()));
    }
    for (Series s : series) {
      double x0 = x - textWidth - 22;
      g2.setColor(style.color(s.group()));
      g2.setStroke(stroke(s));
      g2.draw(new java.awt.geom.Line2D.Double(x0, y, x0 + 16, y));
      c.text(s.label(), x0 + 20, y, Align.LEFT, FigureFonts.regular(7), Color.BLACK);
      y += 10;
    }
  }

  private java.awt.BasicStroke stroke(Series s) {
    if (s.cause() == 0) {
      return style.line(0, 1.1);
    }
    float w = 1.1f;
    return new java.awt.BasicStroke(
        w,
        java.awt.BasicStroke.CAP_BUTT,
        java.awt.BasicStroke.JOIN_MITER,
        10f,
        s.cause() == 1 ? new float[] {4f * w, 2f * w} : new float[] {1f * w, 1.5f * w},
        0f);
  }

  /** The step function: flat at 0 to the first jump, up at each jump, flat to the last time. */
  private Path2D path(IncidenceCurve curve) {
    Path2D.Double p = new Path2D.Double();
    double last = Math.min(curve.lastTime(), plot.xMax);
    p.moveTo(plot.x(0), plot.y(0));
    double level = 0;
    for (int j = 0; j < curve.jumpTimes().length; j++) {
      double t = curve.jumpTimes()[j];
      if (t > last) {
        break;
      }
      p.lineTo(plot.x(t), plot.y(level));
      level = curve.estimate()[j];
      p.lineTo(plot.x(t), plot.y(Math.min(level, plot.yMax)));
    }
    p.lineTo(plot.x(last), plot.y(Math.min(level, plot.yMax)));
    return p;
  }
}
