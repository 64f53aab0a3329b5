package org.thyra.report.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import org.thyra.report.figure.Canvas.Align;
import org.thyra.stats.prediction.TimeDependentAucPoint;
import org.thyra.stats.prediction.TimeDependentAucResult;

/**
 * Time-dependent AUC (timeROC's cumulative/dynamic AUC(t)) at the requested times: a point per time
 * with its confidence interval as a shaded band and error bars, the line 0.5 of no discrimination,
 * and the number of cases and controls under each time.
 */
public final class TimeAucFigure implements Figure {
  private final TimeDependentAucResult result;
  private final String marker;
  private final FigureStyle style;
  private final int width;
  private final int height;
  private final Plot plot;

  public TimeAucFigure(
      TimeDependentAucResult result, String marker, String timeTitle, FigureSpec spec) {
    if (result.points().isEmpty()) {
      throw new IllegalArgumentException("no time-dependent AUC to draw");
    }
    this.result = result;
    this.marker = marker;
    this.style = spec.style();
    this.width = FigureWriter.points(spec.width(120));
    this.height = FigureWriter.points(spec.height(90));
    double tMax = 0;
    for (TimeDependentAucPoint p : result.points()) {
      tMax = Math.max(tMax, p.time());
    }
    double[] xt = Ticks.pretty(0, tMax * 1.05, 6);
    double[] yt = {0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
    double lowest = 1;
    for (TimeDependentAucPoint p : result.points()) {
      if (Double.isFinite(p.lower())) {
        lowest = Math.min(lowest, p.lower());
      }
    }
    if (lowest < 0.4) {
      yt = new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0};
    }
    this.plot =
        new Plot(
            new Rectangle2D.Double(4, 14, width - 8, height - 18 - 12),
            xt,
            yt,
            timeTitle,
            "AUC(t)");
  }

  /** x of a time. */
  public double x(double t) {
    return plot.x(t);
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
    return List.of("axes", "auc");
  }

  @Override
  public void drawPart(Graphics2D g2, int part) {
    Canvas c = new Canvas(g2);
    if (part == 0) {
      plot.drawAxes(c);
      c.dashed(plot.left, plot.y(0.5), plot.right, plot.y(0.5), new Color(0x888888), 0.6);
      c.text(
          String.format(
              Locale.ROOT,
              "%s: AUC(t) with %.0f%% CI (IPCW, cumulative/dynamic)",
              marker,
              result.confLevel() * 100),
          plot.left,
          8,
          Align.LEFT,
          FigureFonts.bold(Canvas.TEXT),
          Color.BLACK);
      return;
    }
    Graphics2D g = c.g;
    List<TimeDependentAucPoint> pts =
        result.points().stream()
            .filter(p -> Double.isFinite(p.auc()))
            .sorted((a, b) -> Double.compare(a.time(), b.time()))
            .toList();
    if (pts.size() > 1) {
      Path2D.Double band = new Path2D.Double();
      for (int i = 0; i < pts.size(); i++) {
        double px = x(pts.get(i).time());
        double py = plot.yClamped(pts.get(i).upper());
        if (i == 0) {
          band.moveTo(px, py);
        } else {
          band.lineTo(px, py);
        }
      }
      for (int i = pts.size() - 1; i >= 0; i--) {
        band.lineTo(x(pts.get(i).time()), plot.yClamped(pts.get(i).lower()));
      }
      band.closePath();
      g.setColor(style.fill(0, 0.15));
      g.fill(band);
      Path2D.Double line = new Path2D.Double();
      for (int i = 0; i < pts.size(); i++) {
        double px = x(pts.get(i).time());
        double py = plot.y(pts.get(i).auc());
        if (i == 0) {
          line.moveTo(px, py);
        } else {
          line.lineTo(px, py);
        }
      }
      g.setColor(style.color(0));
      g.setStroke(style.line(0, 1.1));
      g.draw(line);
    }
    g.setColor(style.color(0));
    g.setStroke(new BasicStroke(0.8f));
    for (TimeDependentAucPoint p : pts) {
      double px = x(p.time());
      g.setColor(style.color(0));
      g.setStroke(new BasicStroke(0.8f));
      g.draw(new Line2D.Double(px, plot.yClamped(p.lower()), px, plot.yClamped(p.upper())));
      g.draw(new Line2D.Double(px - 2, plot.yClamped(p.lower()), px + 2, plot.yClamped(p.lower())));
      g.draw(new Line2D.Double(px - 2, plot.yClamped(p.upper()), px + 2, plot.yClamped(p.upper())));
      g.fill(new Ellipse2D.Double(px - 2.2, plot.y(p.auc()) - 2.2, 4.4, 4.4));
      c.text(
          String.format(Locale.ROOT, "%.2f", p.auc()),
          px + 4,
          plot.y(p.auc()) - 5,
          Align.LEFT,
          FigureFonts.regular(7),
          Color.BLACK);
    }
    c.text(
        "cases / controls: "
            + String.join(
                ", ",
                pts.stream()
                    .map(p -> Ticks.label(p.time()) + ": " + p.cases() + "/" + p.controls())
                    .toList()),
        plot.left,
        height - 6,
        Align.LEFT,
        FigureFonts.regular(7),
        Color.DARK_GRAY);
  }
}
