package org.thyra.report.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;
import org.thyra.report.figure.Canvas.Align;

/**
 * A flow chart of cohort selection (seeds 000, 003, 004; CONSORT / STROBE style): one box per step
 * down the page with its label and count, arrows between them, and beside each arrow a box of the
 * patients excluded there, with the reasons and their counts. The study runner builds it with
 * {@link #of(List)} from the steps it applied.
 */
public final class FlowChart implements Figure {

  /** Patients left out between one step and the next, for one reason. */
  public record Exclusion(String reason, long n) {}

  /**
   * One step: its label ("Patients with RAIR-DTC"), the count remaining, and the exclusions that
   * led from the previous step to this one (empty for the first).
   */
  public record Step(String label, long n, List<Exclusion> excluded) {
    /** Copies. */
    public Step {
      excluded = List.copyOf(excluded);
    }

    /** A step with no exclusions before it. */
    public Step(String label, long n) {
      this(label, n, List.of());
    }
  }

  private static final double LINE = 10;
  private static final double PAD = 5;

  private final List<Step> steps;
  private final int width;
  private final int height;
  private final double boxW;
  private final double sideW;
  private final double mainX;
  private final double sideX;
  private final double[] boxY;
  private final double[] boxH;
  private final double[] sideY;
  private final double[] sideH;

  private FlowChart(List<Step> steps, FigureSpec spec) {
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a flow chart needs at least one step");
    }
    this.steps = List.copyOf(steps);
    this.width = FigureWriter.points(spec.width(130));
    Font f = FigureFonts.regular(Canvas.TEXT);
    this.boxW = width * 0.46;
    this.sideW = width * 0.42;
    this.mainX = 6;
    this.sideX = width - 6 - sideW;
    int k = steps.size();
    boxY = new double[k];
    boxH = new double[k];
    sideY = new double[k];
    sideH = new double[k];
    double y = 6;
    for (int i = 0; i < k; i++) {
      Step s = steps.get(i);
      if (!s.excluded().isEmpty()) {
        int lines = 1;
        for (Exclusion e : s.excluded()) {
          lines +=
              wrap(e.reason() + " (n\u00a0=\u00a0" + e.n() + ")", f, sideW - 2 * PAD - 6).size();
        }
        sideH[i] = lines * LINE + 2 * PAD;
        sideY[i] = y + 6;
        y += sideH[i] + 12;
      } else if (i > 0) {
        y += 16;
      }
      boxY[i] = y;
      boxH[i] = (wrap(s.label(), f, boxW - 2 * PAD).size() + 1) * LINE + 2 * PAD;
      y += boxH[i];
    }
    this.height = FigureWriter.points(spec.height((y + 6) * FigureWriter.MM_PER_PT));
  }

  /** A flow chart of these steps, in the default style and size (130 mm wide). */
  public static FlowChart of(List<Step> steps) {
    return new FlowChart(steps, FigureSpec.DEFAULT);
  }

  /** A flow chart at the spec's size. */
  public static FlowChart of(List<Step> steps, FigureSpec spec) {
    return new FlowChart(steps, spec);
  }

  /** The steps drawn. */
  public List<Step> steps() {
    return steps;
  }

  /** Breaks text into lines that fit {@code width}. */
  static List<String> wrap(String text, Font f, double width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      String tryLine = line.length() == 0 ? word : line + " " + word;
      if (Canvas.width(f, tryLine) > width && line.length() > 0) {
        lines.add(line.toString());
        line = new StringBuilder(word);
      } else {
        line = new StringBuilder(tryLine);
      }
    }
    lines.add(line.toString());
    return lines;
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
    List<String> p = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      p.add("step-" + i);
    }
    return p;
  }

  @Override
  public void drawPart(Graphics2D g2, int i) {
    Canvas c = new Canvas(g2);
    Font f = FigureFonts.regular(Canvas.TEXT);
    Font b = FigureFonts.bold(Canvas.TEXT);
    Step s = steps.get(i);
    double cx = mainX + boxW / 2;
    if (i > 0) {
      double y0 = boxY[i - 1] + boxH[i - 1];
      arrow(c.g, cx, y0, boxY[i]);
      if (!s.excluded().isEmpty()) {
        double ym = sideY[i] + sideH[i] / 2;
        c.line(cx, ym, sideX - 3, ym, Color.BLACK, 0.7);
        arrowHead(c.g, sideX, ym);
        c.rect(sideX, sideY[i], sideW, sideH[i], Color.BLACK, null, 0.7);
        long total = s.excluded().stream().mapToLong(Exclusion::n).sum();
        double y = sideY[i] + PAD + LINE / 2;
        c.text("Excluded (n = " + total + ")", sideX + PAD, y, Align.LEFT, b, Color.BLACK);
        y += LINE;
        for (Exclusion e : s.excluded()) {
          List<String> lines =
              wrap(e.reason() + " (n\u00a0=\u00a0" + e.n() + ")", f, sideW - 2 * PAD - 6);
          for (int l = 0; l < lines.size(); l++) {
            c.text(
                (l == 0 ? "• " : "  ") + lines.get(l), sideX + PAD, y, Align.LEFT, f, Color.BLACK);
            y += LINE;
          }
        }
      }
    }
    c.rect(mainX, boxY[i], boxW, boxH[i], Color.BLACK, null, 0.7);
    double y = boxY[i] + PAD + LINE / 2;
    for (String line : wrap(s.label(), f, boxW - 2 * PAD)) {
      c.text(line, cx, y, Align.CENTER, f, Color.BLACK);
      y += LINE;
    }
    c.text("n = " + s.n(), cx, y, Align.CENTER, b, Color.BLACK);
  }

  private static void arrow(Graphics2D g, double x, double y0, double y1) {
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(0.7f));
    g.draw(new Line2D.Double(x, y0, x, y1 - 3));
    Path2D.Double p = new Path2D.Double();
    p.moveTo(x, y1);
    p.lineTo(x - 2.5, y1 - 4);
    p.lineTo(x + 2.5, y1 - 4);
    p.closePath();
    g.fill(p);
  }

  private static void arrowHead(Graphics2D g, double x, double y) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(x, y);
    p.lineTo(x - 4, y - 2.5);
    p.lineTo(x - 4, y + 2.5);
    p.closePath();
    g.setColor(Color.BLACK);
    g.fill(p);
  }
}
