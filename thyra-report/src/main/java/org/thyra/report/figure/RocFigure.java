package org.thyra.report.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.thyra.report.figure.Canvas.Align;
import org.thyra.stats.roc.RocResult;
import org.thyra.stats.roc.YoudenThreshold;

/**
 * Empirical ROC curves (pROC's points, nothing re-estimated): 1 − specificity against sensitivity,
 * the diagonal of no discrimination, each marker's Youden point marked with its threshold, and AUC
 * (95% DeLong CI) per marker in the legend (bottom right, below the diagonal where a curve with AUC
 * above 0.5 does not run).
 */
public final class RocFigure implements Figure {
  /** One marker's curve. */
  public record Marker(String label, RocResult roc) {}

  private final List<Marker> markers;
  private final FigureStyle style;
  private final int width;
  private final int height;
  private final Plot plot;

  public RocFigure(List<Marker> markers, FigureSpec spec) {
    if (markers.isEmpty()) {
      throw new IllegalArgumentException("a ROC figure needs at least one marker");
    }
    this.markers = List.copyOf(markers);
    this.style = spec.style();
    this.width = FigureWriter.points(spec.width(100));
    this.height = FigureWriter.points(spec.height(100));
    double[] t = {0, 0.2, 0.4, 0.6, 0.8, 1.0};
    this.plot =
        new Plot(
            new Rectangle2D.Double(4, 4, width - 8, height - 8),
            t,
            t,
            "1 − Specificity",
            "Sensitivity");
  }

  /** x of a false-positive rate. */
  public double x(double fpr) {
    return plot.x(fpr);
  }

  /** y of a sensitivity. */
  public double y(double sens) {
    return plot.y(sens);
  }

  /** Legend line of a marker: "label: AUC 0.78 (95% CI 0.71–0.85)". */
  public static String legend(Marker m) {
    var a = m.roc().auc();
    String s =
        String.format(
            Locale.ROOT,
            "AUC %.3f (%.0f%% CI %.3f–%.3f)",
            a.auc(),
            a.confLevel() * 100,
            a.lower(),
            a.upper());
    if (!m.roc().best().isEmpty()) {
      s +=
          "; cut-off "
              + Ticks.label(
                  Double.parseDouble(
                      String.format(Locale.ROOT, "%.4g", m.roc().best().get(0).threshold())));
    }
    return m.label().isEmpty() ? s : m.label() + ": " + s;
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
    List<String> p = new ArrayList<>(List.of("axes"));
    for (int k = 0; k < markers.size(); k++) {
      p.add("curve-" + k);
    }
    p.add("legend");
    return p;
  }

  @Override
  public void drawPart(Graphics2D g2, int part) {
    Canvas c = new Canvas(g2);
    if (part == 0) {
      plot.drawAxes(c);
      c.dashed(x(0), y(0), x(1), y(1), new Color(0x888888), 0.6);
      return;
    }
    if (part == markers.size() + 1) {
      drawLegend(c);
      return;
    }
    int k = part - 1;
    RocResult r = markers.get(k).roc();
    double[] se = r.sensitivities();
    double[] sp = r.specificities();
    Path2D.Double p = new Path2D.Double();
    for (int i = 0; i < se.length; i++) {
      double px = x(1 - sp[i]);
      double py = y(se[i]);
      if (i == 0) {
        p.moveTo(px, py);
      } else {
        p.lineTo(px, py);
      }
    }
    Graphics2D g = c.g;
    g.setColor(style.color(k));
    g.setStroke(style.line(k, 1.1));
    g.draw(p);
    if (!r.best().isEmpty()) {
      YoudenThreshold b = r.best().get(0);
      double bx = x(1 - b.specificity());
      double by = y(b.sensitivity());
      g.setStroke(new BasicStroke(0.8f));
      g.fill(new Ellipse2D.Double(bx - 2.2, by - 2.2, 4.4, 4.4));
    }
  }

  private void drawLegend(Canvas c) {
    double lineH = 10;
    double w = 0;
    for (Marker m : markers) {
      w = Math.max(w, 16 + Canvas.width(FigureFonts.regular(Canvas.TEXT), legend(m)));
    }
    w += 2;
    double x = Math.max(plot.left + 4, plot.right - w - 4);
    double y = plot.bottom - 6 - lineH * (markers.size() + 1) + lineH / 2;
    c.text(
        "● Youden point (best cut-off)", x, y, Align.LEFT, FigureFonts.regular(7), Color.DARK_GRAY);
    y += lineH;
    for (int k = 0; k < markers.size(); k++) {
      c.g.setColor(style.color(k));
      c.g.setStroke(style.line(k, 1.4));
      c.g.draw(new Line2D.Double(x, y, x + 12, y));
      c.text(
          legend(markers.get(k)),
          x + 16,
          y,
          Align.LEFT,
          FigureFonts.regular(Canvas.TEXT),
          Color.BLACK);
      y += lineH;
    }
  }
}
