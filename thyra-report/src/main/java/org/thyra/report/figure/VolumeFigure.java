package org.thyra.report.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.thyra.report.figure.Canvas.Align;

/**
 * Lesion volume over follow-up (seed 000, Fig. 2): one line per lesion through its visits, coloured
 * by subgroup; with {@link #withVrr} a second panel of the volume reduction rate at each lesion's
 * last visit, {@code VRR = (V0 − Vlast) / V0 × 100 %}, by subgroup as a box-and-dot plot.
 */
public final class VolumeFigure implements Figure {
  /** One lesion's visits, in time order. */
  public record Lesion(String id, String group, double[] times, double[] volumes) {
    /** Validates and copies. */
    public Lesion {
      if (times.length != volumes.length || times.length == 0) {
        throw new IllegalArgumentException("lesion " + id + ": one volume per visit is needed");
      }
      times = times.clone();
      volumes = volumes.clone();
    }

    /** Volume reduction rate at the last visit, % of the first volume (NaN when V0 is 0). */
    public double vrr() {
      double v0 = volumes[0];
      return v0 > 0 ? (v0 - volumes[volumes.length - 1]) / v0 * 100 : Double.NaN;
    }
  }

  private final List<Lesion> lesions;
  private final List<String> groups;
  private final String volumeTitle;
  private final FigureStyle style;
  private final int width;
  private final int height;
  private final Plot plot;

  public VolumeFigure(List<Lesion> lesions, String timeTitle, String volumeTitle, FigureSpec spec) {
    if (lesions.isEmpty()) {
      throw new IllegalArgumentException("no lesion to draw");
    }
    this.lesions = List.copyOf(lesions);
    Map<String, Boolean> g = new LinkedHashMap<>();
    double tMax = 0;
    double vMax = 0;
    for (Lesion l : lesions) {
      g.put(l.group(), true);
      for (int i = 0; i < l.times().length; i++) {
        tMax = Math.max(tMax, l.times()[i]);
        vMax = Math.max(vMax, l.volumes()[i]);
      }
    }
    this.groups = new ArrayList<>(g.keySet());
    this.volumeTitle = volumeTitle;
    this.style = spec.style();
    this.width = FigureWriter.points(spec.width(100));
    this.height = FigureWriter.points(spec.height(85));
    this.plot =
        new Plot(
            new Rectangle2D.Double(4, 4, width - 8, height - 8),
            Ticks.pretty(0, tMax > 0 ? tMax : 1, 6),
            Ticks.pretty(0, vMax > 0 ? vMax * 1.05 : 1, 5),
            timeTitle,
            volumeTitle);
  }

  /**
   * Volume over time (A) beside VRR by subgroup (B).
   *
   * @param test the test comparing VRR between subgroups ("Wilcoxon rank-sum p = 0.01"), or null
   */
  public static Figure withVrr(
      List<Lesion> lesions, String timeTitle, String volumeTitle, String test, FigureSpec spec) {
    // the volume panel twice as wide as the VRR panel; a requested size is shared that way
    FigureSpec cell = PanelFigure.cell(spec, 2, 2);
    double both = 2 * cell.widthMm(); // NaN when no width was asked for
    FigureSpec left = spec.withSize(both * 0.6, cell.heightMm());
    FigureSpec right =
        spec.withSize(both * 0.4, Double.isNaN(cell.heightMm()) ? 85 : cell.heightMm());
    VolumeFigure a = new VolumeFigure(lesions, timeTitle, volumeTitle, left);
    List<double[]> vrr = new ArrayList<>();
    for (String grp : a.groups) {
      vrr.add(
          lesions.stream().filter(l -> l.group().equals(grp)).mapToDouble(Lesion::vrr).toArray());
    }
    BoxDotFigure b = new BoxDotFigure("VRR at last visit (%)", a.groups, vrr, test, false, right);
    return new PanelFigure(List.of(a, b), 2, spec);
  }

  /** The subgroups, in order of first appearance. */
  public List<String> groups() {
    return groups;
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
    return List.of("axes", "lesions", "legend");
  }

  @Override
  public void drawPart(Graphics2D g2, int part) {
    Canvas c = new Canvas(g2);
    Graphics2D g = c.g;
    switch (part) {
      case 0 -> plot.drawAxes(c);
      case 1 -> {
        for (Lesion l : lesions) {
          int k = groups.indexOf(l.group());
          Path2D.Double p = new Path2D.Double();
          for (int i = 0; i < l.times().length; i++) {
            double x = plot.x(l.times()[i]);
            double y = plot.y(l.volumes()[i]);
            if (i == 0) {
              p.moveTo(x, y);
            } else {
              p.lineTo(x, y);
            }
          }
          g.setColor(style.fill(k, 0.75));
          g.setStroke(style.line(k, 0.7));
          g.draw(p);
          g.setStroke(new BasicStroke(0.5f));
          for (int i = 0; i < l.times().length; i++) {
            g.fill(
                new Ellipse2D.Double(
                    plot.x(l.times()[i]) - 1.2, plot.y(l.volumes()[i]) - 1.2, 2.4, 2.4));
          }
        }
      }
      default -> {
        if (groups.size() < 2) {
          return;
        }
        Font f = FigureFonts.regular(Canvas.TEXT);
        double w = 0;
        for (String s : groups) {
          w = Math.max(w, Canvas.width(f, s) + 16);
        }
        double x = plot.right - w - 2;
        double y = plot.top + 6;
        for (int k = 0; k < groups.size(); k++) {
          g.setColor(style.color(k));
          g.setStroke(style.line(k, 1.2));
          g.draw(new Line2D.Double(x, y, x + 12, y));
          c.text(groups.get(k), x + 16, y, Align.LEFT, f, Color.BLACK);
          y += 10;
        }
      }
    }
  }
}
