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
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.thyra.report.figure.Canvas.Align;
import org.thyra.stats.prediction.CalibrationValidationGroup;
import org.thyra.stats.prediction.CalibrationValidationResult;
import org.thyra.stats.prediction.HosmerLemeshowResult;
import org.thyra.stats.prediction.KmCalibrationGroup;
import org.thyra.stats.prediction.KmCalibrationResult;

/**
 * A calibration plot as {@code plot(rms::calibrate(fit, cmethod = "KM", u, m, B))} draws it: per
 * group of predicted risk, the Kaplan–Meier observed value with its error bar against the mean
 * predicted value, joined by a line; the bias-corrected values (× marks, joined) when the bootstrap
 * ran; the ideal diagonal; B and the mean absolute error in the subtitle. A logistic model draws
 * its Hosmer–Lemeshow groups (observed against expected proportion) the same way.
 */
public final class CalibrationFigure implements Figure {
  /** One group: predicted, observed and its interval (NaN when none), bias-corrected (or NaN). */
  public record Group(
      double predicted, double observed, double lower, double upper, double corrected) {}

  private final String title;
  private final String subtitle;
  private final List<String> subtitleLines;
  private final List<Group> groups;
  private final FigureStyle style;
  private final int width;
  private final int height;
  private final Plot plot;

  public CalibrationFigure(
      String title,
      String xTitle,
      String yTitle,
      List<Group> groups,
      String subtitle,
      FigureSpec spec) {
    this.title = title;
    this.subtitle = subtitle;
    this.groups = List.copyOf(groups);
    this.style = spec.style();
    this.width = FigureWriter.points(spec.width(100));
    this.height = FigureWriter.points(spec.height(105));
    double lo = 1;
    double hi = 0;
    for (Group g : groups) {
      for (double v :
          new double[] {g.predicted(), g.observed(), g.lower(), g.upper(), g.corrected()}) {
        if (Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (!(hi > lo)) {
      lo = 0;
      hi = 1;
    }
    double[] t = Ticks.pretty(Math.max(0, lo), Math.min(1, hi), 5);
    if (t[0] < 0) {
      t[0] = 0;
    }
    this.subtitleLines = wrap(subtitle, FigureFonts.regular(SUBTITLE), width - 8);
    double below = 24 + SUBTITLE * 1.25 * (subtitleLines.size() - 1);
    this.plot =
        new Plot(
            new Rectangle2D.Double(4, 16, width - 8, height - 16 - below), t, t, xTitle, yTitle);
  }

  private static final double SUBTITLE = 6.5;

  /**
   * The subtitle in lines no wider than {@code max}: broken after "; " where it can, else between
   * words (a panel of a multi-panel figure is narrower than the whole subtitle).
   */
  static List<String> wrap(String text, java.awt.Font font, double max) {
    List<String> lines = new java.util.ArrayList<>();
    if (text == null || text.isEmpty()) {
      return lines;
    }
    String line = "";
    for (String clause : text.split("(?<=; )")) {
      // a clause that fits on a line of its own is never broken
      boolean whole = FigureFonts.width(font, clause.strip()) <= max;
      for (String piece : whole ? new String[] {clause} : clause.split("(?<= )")) {
        String candidate = line + piece;
        if (!line.isEmpty() && FigureFonts.width(font, candidate.strip()) > max) {
          lines.add(line.strip());
          line = piece;
        } else {
          line = candidate;
        }
      }
    }
    if (!line.isBlank()) {
      lines.add(line.strip());
    }
    return lines;
  }

  /**
   * A Cox model at one horizon: the apparent groups (observed KM with its log-scale 95% CI) and,
   * when given, the bootstrap's bias-corrected values.
   *
   * @param horizonWords e.g. "3-year"
   */
  public static CalibrationFigure cox(
      String horizonWords,
      KmCalibrationResult apparent,
      CalibrationValidationResult boot,
      FigureSpec spec) {
    double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.975);
    List<Group> gs = new ArrayList<>();
    for (int k = 0; k < apparent.groups().size(); k++) {
      KmCalibrationGroup g = apparent.groups().get(k);
      double corrected = Double.NaN;
      if (boot != null && k < boot.groups().size()) {
        CalibrationValidationGroup b = boot.groups().get(k);
        corrected = b.corrected();
      }
      double lo = g.observed() * Math.exp(-z * g.seLog());
      double hi = Math.min(1, g.observed() * Math.exp(z * g.seLog()));
      gs.add(new Group(g.meanPredicted(), g.observed(), lo, hi, corrected));
    }
    String sub = "Groups of ~" + apparent.groupSize() + "; KM observed ± 95% CI";
    if (boot != null) {
      double err = 0;
      int n = 0;
      for (Group g : gs) {
        if (Double.isFinite(g.corrected())) {
          err += Math.abs(g.corrected() - g.predicted());
          n++;
        }
      }
      sub +=
          String.format(
              Locale.ROOT,
              "; × bias-corrected, B = %d; mean |error| = %.3f",
              boot.successful(),
              n == 0 ? Double.NaN : err / n);
    }
    return new CalibrationFigure(
        horizonWords + " survival",
        "Predicted " + horizonWords + " survival",
        "Observed " + horizonWords + " survival (KM)",
        gs,
        sub,
        spec);
  }

  /**
   * A logistic model: observed against expected proportion in the Hosmer–Lemeshow groups (Wilson
   * 95% interval of each observed proportion), with the calibration intercept and slope.
   */
  public static CalibrationFigure logistic(
      String setName, HosmerLemeshowResult hl, double intercept, double slope, FigureSpec spec) {
    double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.975);
    List<Group> gs = new ArrayList<>();
    for (int k = 0; k < hl.sizes().length; k++) {
      int n = hl.sizes()[k];
      if (n == 0) {
        continue;
      }
      double p = hl.observed()[k] / n;
      double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
      double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / (1 + z * z / n);
      gs.add(new Group(hl.expected()[k] / n, p, centre - half, centre + half, Double.NaN));
    }
    String sub =
        String.format(
            Locale.ROOT,
            "%d groups; calibration intercept %.3f, slope %.3f; Hosmer–Lemeshow %s",
            hl.groups(),
            intercept,
            slope,
            PValues.equation(hl.p()));
    return new CalibrationFigure(
        setName, "Predicted probability", "Observed proportion", gs, sub, spec);
  }

  /** The groups drawn. */
  public List<Group> groups() {
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
    return List.of("axes", "apparent", "corrected");
  }

  @Override
  public void drawPart(Graphics2D g2, int part) {
    Canvas c = new Canvas(g2);
    Graphics2D g = c.g;
    switch (part) {
      case 0 -> {
        plot.drawAxes(c);
        double a = Math.max(plot.xMin, plot.yMin);
        double b = Math.min(plot.xMax, plot.yMax);
        c.line(plot.x(a), plot.y(a), plot.x(b), plot.y(b), new Color(0xAAAAAA), 0.8);
        c.text(title, plot.left, 8, Align.LEFT, FigureFonts.bold(Canvas.TITLE), Color.BLACK);
        double y = height - 5 - SUBTITLE * 1.25 * (subtitleLines.size() - 1);
        for (String line : subtitleLines) {
          c.text(line, 4, y, Align.LEFT, FigureFonts.regular(SUBTITLE), Color.DARK_GRAY);
          y += SUBTITLE * 1.25;
        }
      }
      case 1 -> {
        Color col = style.color(0);
        Path2D.Double p = new Path2D.Double();
        boolean first = true;
        g.setStroke(new BasicStroke(0.8f));
        for (Group gr : groups) {
          if (!Double.isFinite(gr.observed())) {
            continue;
          }
          double x = plot.x(gr.predicted());
          double y = plot.y(gr.observed());
          if (first) {
            p.moveTo(x, y);
            first = false;
          } else {
            p.lineTo(x, y);
          }
          g.setColor(col);
          if (Double.isFinite(gr.lower()) && Double.isFinite(gr.upper())) {
            g.draw(new Line2D.Double(x, plot.yClamped(gr.lower()), x, plot.yClamped(gr.upper())));
            g.draw(
                new Line2D.Double(
                    x - 2, plot.yClamped(gr.lower()), x + 2, plot.yClamped(gr.lower())));
            g.draw(
                new Line2D.Double(
                    x - 2, plot.yClamped(gr.upper()), x + 2, plot.yClamped(gr.upper())));
          }
          g.fill(new Ellipse2D.Double(x - 2.2, y - 2.2, 4.4, 4.4));
        }
        g.setStroke(style.line(0, 1.0));
        g.draw(p);
      }
      default -> {
        Color col = style.color(1);
        g.setColor(col);
        g.setStroke(new BasicStroke(1f));
        Path2D.Double p = new Path2D.Double();
        boolean first = true;
        for (Group gr : groups) {
          if (!Double.isFinite(gr.corrected())) {
            continue;
          }
          double x = plot.x(gr.predicted());
          double y = plot.yClamped(gr.corrected());
          g.draw(new Line2D.Double(x - 2.5, y - 2.5, x + 2.5, y + 2.5));
          g.draw(new Line2D.Double(x - 2.5, y + 2.5, x + 2.5, y - 2.5));
          if (first) {
            p.moveTo(x, y);
            first = false;
          } else {
            p.lineTo(x, y);
          }
        }
        g.setStroke(style.line(1, 0.7));
        g.draw(p);
      }
    }
  }
}
