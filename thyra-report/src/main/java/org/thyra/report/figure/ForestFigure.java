package org.thyra.report.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.frame.formula.TermKind;
import org.thyra.frame.formula.Variable;
import org.thyra.report.figure.Canvas.Align;
import org.thyra.stats.regression.LogisticResult;
import org.thyra.stats.regression.LogisticTerm;
import org.thyra.stats.survival.CoxFit;

/**
 * A forest plot of model terms as {@code forestploter} / {@code forestmodel} draw them: one row per
 * term, a categorical variable as a heading with one row per level and its reference level shown as
 * "Reference", text columns N, ratio (95% CI) and p, the ratios on a log axis with a line at 1, an
 * interval that leaves the axis drawn to its edge with an arrow. Several panels (univariable and
 * multivariable) sit side by side on shared rows.
 */
public final class ForestFigure implements Figure {

  /** A ratio with its limits and p; {@link #REFERENCE} and {@link #ABSENT} are markers. */
  public record Estimate(double ratio, double lower, double upper, double p) {
    /** The reference level of a categorical variable in the model. */
    public static final Estimate REFERENCE = new Estimate(1, 1, 1, Double.NaN);

    /** The variable is not in this panel's model (e.g. not selected). */
    public static final Estimate ABSENT = new Estimate(Double.NaN, Double.NaN, Double.NaN, -1);

    boolean isReference() {
      return this == REFERENCE;
    }

    boolean isAbsent() {
      return this == ABSENT;
    }

    boolean drawable() {
      return !isReference()
          && !isAbsent()
          && ratio > 0
          && lower > 0
          && Double.isFinite(ratio)
          && Double.isFinite(lower);
    }
  }

  /**
   * One row of the table.
   *
   * @param label text in the first column
   * @param indent 0 for a variable, 1 for a level under its heading
   * @param count the N column (empty for a heading)
   * @param estimates one per panel; null for a heading row
   */
  public record Row(String label, int indent, String count, List<Estimate> estimates) {}

  private static final double ROW = 12;
  private static final double PAD = 6;
  private static final double GAP = 8;
  private static final double MIN_PLOT = 60;
  private static final double AXIS_MIN = 1e-3;
  private static final double AXIS_MAX = 1e3;

  private final List<String> panels;
  private final String measure;
  private final List<Row> rows;
  private final String note;
  private final FigureStyle style;
  private final int width;
  private final int height;
  // the layout is made on a canvas of vw x vh points and drawn scaled by s (< 1 only when the
  // requested size is too small for the measured text at 8 pt, so that nothing is cut off)
  private double vw;
  private double s = 1;
  private final double lo;
  private final double hi;
  private double[] ticks;
  // column positions
  private double labelX;
  private double countX;
  private double[] plotLeft;
  private double[] plotRight;
  private double[] textX;
  private double[] pX;
  private final double headerY;
  private final double firstRowY;

  /**
   * @param panels panel titles (e.g. "Univariable", "Multivariable"); one panel may be titled ""
   * @param measure "HR" or "OR"
   * @param rows the rows, each with one estimate per panel
   * @param spec style and size (default 170 mm wide, height by rows)
   */
  public ForestFigure(List<String> panels, String measure, List<Row> rows, FigureSpec spec) {
    this(panels, measure, rows, null, spec);
  }

  /**
   * As {@link #ForestFigure(List, String, List, FigureSpec)} with a note under the axes (e.g. how
   * pooled estimates were pooled and where N comes from).
   *
   * @param note a line of text, or null
   */
  public ForestFigure(
      List<String> panels, String measure, List<Row> rows, String note, FigureSpec spec) {
    if (panels.isEmpty() || rows.isEmpty()) {
      throw new IllegalArgumentException("a forest plot needs at least one panel and one row");
    }
    this.panels = List.copyOf(panels);
    this.measure = measure;
    this.rows = List.copyOf(rows);
    this.note = note == null || note.isBlank() ? null : note;
    this.style = spec.style();
    double naturalHeight = (rows.size() + extraRows()) * ROW + 2 * PAD;
    this.width = FigureWriter.points(spec.width(panels.size() > 1 ? 250 : 170));
    this.height = FigureWriter.points(spec.height(naturalHeight * FigureWriter.MM_PER_PT));
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double estMin = Double.POSITIVE_INFINITY;
    double estMax = Double.NEGATIVE_INFINITY;
    for (Row r : rows) {
      if (r.estimates() == null) {
        continue;
      }
      if (r.estimates().size() != panels.size()) {
        throw new IllegalArgumentException("row " + r.label() + ": one estimate per panel needed");
      }
      for (Estimate e : r.estimates()) {
        if (e.drawable()) {
          min = Math.min(min, e.lower());
          max = Math.max(max, Double.isFinite(e.upper()) ? e.upper() : e.ratio());
          estMin = Math.min(estMin, e.ratio());
          estMax = Math.max(estMax, e.ratio());
        }
      }
    }
    if (!(min < max)) {
      min = 0.5;
      max = 2;
      estMin = 1;
      estMax = 1;
    }
    // intervals far wider than the estimates' spread are clipped (drawn with an arrow); an axis
    // beyond 0.001-1000 (quasi-separation, a rare level) would squeeze every other row to a point
    min = Math.max(Math.max(min, Math.min(estMin, 1) / 20), AXIS_MIN);
    max = Math.min(Math.min(max, Math.max(estMax, 1) * 20), AXIS_MAX);
    min = Math.min(min, 0.9);
    max = Math.max(max, 1.1);
    this.lo = min;
    this.hi = max;
    this.headerY = PAD + ROW;
    this.firstRowY = PAD + 2.4 * ROW;
    layout();
  }

  /** Rows' worth of height besides the rows: headers, axis, axis title and the note. */
  private double extraRows() {
    return note == null ? 4.2 : 5.4;
  }

  private Font font() {
    return FigureFonts.regular(Canvas.TEXT);
  }

  private Font bold() {
    return FigureFonts.bold(Canvas.TEXT);
  }

  private void layout() {
    Font f = font();
    double labelW = Canvas.width(bold(), "Variable");
    double countW = Canvas.width(bold(), "N");
    for (Row r : rows) {
      labelW =
          Math.max(labelW, Canvas.width(r.indent() == 0 ? bold() : f, r.label()) + 8 * r.indent());
      countW = Math.max(countW, Canvas.width(f, r.count()));
    }
    int k = panels.size();
    double[] textW = new double[k];
    double pW = Canvas.width(bold(), "p");
    for (int j = 0; j < k; j++) {
      textW[j] = Canvas.width(bold(), measure + " (95% CI)");
      for (Row r : rows) {
        if (r.estimates() != null) {
          textW[j] = Math.max(textW[j], Canvas.width(f, ciText(r.estimates().get(j))));
          pW = Math.max(pW, Canvas.width(f, pText(r.estimates().get(j))));
        }
      }
    }
    labelX = PAD;
    countX = labelX + labelW + GAP + countW; // right-aligned
    // what the columns take besides the plots: the gap before the first plot, per panel a gap,
    // the text, a gap and p, and two gaps between panels; every width is the measured text's
    double used = countX + GAP * 2 + GAP * 2 * (k - 1);
    for (int j = 0; j < k; j++) {
      used += GAP + textW[j] + GAP + pW;
    }
    // the panel titles must fit over their plot and text columns
    for (int j = 0; j < k; j++) {
      double titleW = Canvas.width(bold(), panels.get(j));
      double span = GAP + textW[j] + GAP + pW;
      used += Math.max(0, titleW - span - MIN_PLOT);
    }
    double needW = used + PAD + k * MIN_PLOT;
    if (note != null) {
      needW = Math.max(needW, Canvas.width(font(), note) + 2 * PAD);
    }
    double needH = (rows.size() + extraRows()) * ROW + 2 * PAD;
    // (the default height is the natural one rounded to whole points, hence the 1 pt of slack)
    s = Math.min(1, Math.min(width / needW, (height + 1) / needH));
    vw = width / s;
    double plotW = Math.max(MIN_PLOT, (vw - PAD - used) / k);
    plotLeft = new double[k];
    plotRight = new double[k];
    textX = new double[k];
    pX = new double[k];
    double x = countX + GAP * 2;
    for (int j = 0; j < k; j++) {
      plotLeft[j] = x;
      plotRight[j] = x + plotW;
      textX[j] = plotRight[j] + GAP;
      pX[j] = textX[j] + textW[j] + GAP + pW; // right-aligned
      x = pX[j] + GAP * 2;
    }
    // the finest tick set whose labels all fit side by side on the drawn axis
    List<double[]> sets = Ticks.logSets(lo, hi);
    ticks = sets.get(sets.size() - 1);
    for (double[] t : sets) {
      ticks = t;
      boolean[] shown = labelledTicks(0);
      boolean all = true;
      for (boolean b : shown) {
        all &= b;
      }
      if (all) {
        break;
      }
    }
  }

  static String ciText(Estimate e) {
    if (e.isReference()) {
      return "Reference";
    }
    if (e.isAbsent()) {
      return "—";
    }
    if (!(e.ratio() > 0) || !Double.isFinite(e.ratio())) {
      return "NA";
    }
    return fmt(e.ratio()) + " (" + fmt(e.lower()) + "–" + fmt(e.upper()) + ")";
  }

  static String pText(Estimate e) {
    if (e.isReference() || e.isAbsent() || Double.isNaN(e.p())) {
      return "";
    }
    return PValues.format(e.p());
  }

  private static String fmt(double v) {
    if (Double.isInfinite(v)) {
      return "Inf";
    }
    if (Double.isNaN(v)) {
      return "NA";
    }
    if (v >= 1e4 || (v > 0 && v < 0.005)) {
      // a ratio this far from 1 (separation, a rare level) in the form R prints it, 1.3e+12
      return String.format(Locale.ROOT, "%.1e", v);
    }
    return String.format(Locale.ROOT, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f", v);
  }

  /** x (points on the page) of a ratio on panel {@code j}'s log axis (unclipped). */
  public double x(int j, double ratio) {
    return s * vx(j, ratio);
  }

  /** The scale the layout is drawn at (1, or less when the requested size is too small). */
  public double scale() {
    return s;
  }

  private double vx(int j, double ratio) {
    return plotLeft[j]
        + (Math.log(ratio) - Math.log(lo))
            / (Math.log(hi) - Math.log(lo))
            * (plotRight[j] - plotLeft[j]);
  }

  /** Axis limits. */
  public double[] limits() {
    return new double[] {lo, hi};
  }

  /** y (centre, points on the page) of row {@code r}. */
  public double rowY(int r) {
    return s * vy(r);
  }

  private double vy(int r) {
    return firstRowY + r * ROW;
  }

  /** The rows drawn. */
  public List<Row> rows() {
    return rows;
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
    List<String> p = new ArrayList<>(List.of("table"));
    for (int j = 0; j < panels.size(); j++) {
      p.add("panel-" + j);
    }
    return p;
  }

  @Override
  public void drawPart(Graphics2D g2, int part) {
    java.awt.geom.AffineTransform saved = g2.getTransform();
    g2.scale(s, s);
    Canvas c = new Canvas(g2);
    if (part == 0) {
      drawTable(c);
    } else {
      drawPanel(c, part - 1);
    }
    g2.setTransform(saved);
  }

  private void drawTable(Canvas c) {
    Color ink = Color.BLACK;
    c.text("Variable", labelX, headerY, Align.LEFT, bold(), ink);
    c.text("N", countX, headerY, Align.RIGHT, bold(), ink);
    double lineY = headerY + ROW * 0.7;
    c.line(PAD, lineY, vw - PAD, lineY, ink, Canvas.HAIRLINE);
    for (int r = 0; r < rows.size(); r++) {
      Row row = rows.get(r);
      double y = vy(r);
      c.text(
          row.label(),
          labelX + 8 * row.indent(),
          y,
          Align.LEFT,
          row.indent() == 0 ? bold() : font(),
          ink);
      c.text(row.count(), countX, y, Align.RIGHT, font(), ink);
    }
    double bottomLine = vy(rows.size() - 1) + ROW * 0.6;
    c.line(PAD, bottomLine, vw - PAD, bottomLine, ink, Canvas.HAIRLINE);
    if (note != null) {
      c.text(note, PAD, bottomLine + 2 + 3 + ROW * 2.7, Align.LEFT, font(), ink);
    }
  }

  private void drawPanel(Canvas c, int j) {
    Color ink = Color.BLACK;
    Color col = style.color(0);
    double top = firstRowY - ROW * 0.6;
    double bottom = vy(rows.size() - 1) + ROW * 0.6;
    String title = panels.get(j);
    if (!title.isEmpty()) {
      c.text(title, (plotLeft[j] + pX[j]) / 2, PAD + 1, Align.CENTER, bold(), ink);
    }
    c.text(measure + " (95% CI)", textX[j], headerY, Align.LEFT, bold(), ink);
    c.text("p", pX[j], headerY, Align.RIGHT, bold(), ink);
    // the line of no effect
    c.dashed(vx(j, 1), top, vx(j, 1), bottom, new Color(0x666666), 0.6);
    // axis
    double axisY = bottom + 2;
    c.line(plotLeft[j], axisY, plotRight[j], axisY, ink, Canvas.HAIRLINE);
    boolean[] labelled = labelledTicks(j);
    for (int i = 0; i < ticks.length; i++) {
      double x = vx(j, ticks[i]);
      c.line(x, axisY, x, axisY + (labelled[i] ? 3 : 1.8), ink, Canvas.HAIRLINE);
      if (labelled[i]) {
        c.text(Ticks.label(ticks[i]), x, axisY + 3 + ROW / 2, Align.CENTER, font(), ink);
      }
    }
    String axisTitle =
        (measure.equals("HR") ? "Hazard ratio" : measure.equals("OR") ? "Odds ratio" : measure)
            + " (log scale)";
    c.text(
        axisTitle,
        (plotLeft[j] + plotRight[j]) / 2,
        axisY + 3 + ROW * 1.5,
        Align.CENTER,
        font(),
        ink);
    Graphics2D g = c.g;
    for (int r = 0; r < rows.size(); r++) {
      Row row = rows.get(r);
      if (row.estimates() == null) {
        continue;
      }
      Estimate e = row.estimates().get(j);
      double y = vy(r);
      c.text(ciText(e), textX[j], y, Align.LEFT, font(), ink);
      c.text(pText(e), pX[j], y, Align.RIGHT, font(), ink);
      if (!e.drawable()) {
        continue;
      }
      double x1 = vx(j, Math.max(e.lower(), lo));
      double x2 = vx(j, Math.min(Double.isFinite(e.upper()) ? e.upper() : hi * 2, hi));
      g.setColor(ink);
      g.setStroke(new BasicStroke(0.8f));
      g.draw(new Line2D.Double(x1, y, x2, y));
      if (e.lower() < lo) {
        arrow(g, plotLeft[j], y, -1);
      }
      if (!(e.upper() <= hi)) {
        arrow(g, plotRight[j], y, +1);
      }
      if (e.ratio() >= lo && e.ratio() <= hi) {
        double s = 3.2;
        g.setColor(col);
        g.fill(new Rectangle2D.Double(vx(j, e.ratio()) - s, y - s, 2 * s, 2 * s));
      }
    }
  }

  /**
   * Which ticks get a label: 1 always, then outwards from it each tick whose measured label keeps 3
   * pt clear of the last one labelled on that side (the others keep a short unlabelled tick).
   */
  private boolean[] labelledTicks(int j) {
    int n = ticks.length;
    boolean[] out = new boolean[n];
    double[] left = new double[n];
    double[] right = new double[n];
    int one = 0;
    for (int i = 0; i < n; i++) {
      double w = Canvas.width(font(), Ticks.label(ticks[i]));
      left[i] = vx(j, ticks[i]) - w / 2;
      right[i] = vx(j, ticks[i]) + w / 2;
      if (Math.abs(ticks[i] - 1) < Math.abs(ticks[one] - 1)) {
        one = i;
      }
    }
    out[one] = true;
    double edge = right[one];
    for (int i = one + 1; i < n; i++) {
      if (left[i] >= edge + 3) {
        out[i] = true;
        edge = right[i];
      }
    }
    edge = left[one];
    for (int i = one - 1; i >= 0; i--) {
      if (right[i] <= edge - 3) {
        out[i] = true;
        edge = left[i];
      }
    }
    return out;
  }

  private static void arrow(Graphics2D g, double x, double y, int dir) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(x, y);
    p.lineTo(x - dir * 4, y - 2.5);
    p.lineTo(x - dir * 4, y + 2.5);
    p.closePath();
    g.fill(p);
  }

  // ------------------------------------------------------------------ rows from a model

  /**
   * Rows of a model's variables as the frame codes them: a numeric variable is one row; a
   * categorical one is a heading, its reference level ("Reference"), then its other levels. N is
   * the number of rows of the frame at each level. A spline ({@code rcs(x, k)}) is a heading naming
   * it, then one row per design column ({@code x}, {@code x'}, …, as R names them); an interaction
   * with one design column is one row under R's label ({@code age:ph.ecog}), one with several is a
   * heading then one row per column. Terms of a panel that match no variable's column get a row of
   * their own after the variables.
   *
   * @param frame the model frame (variables, levels, codes)
   * @param panels per panel the estimates by term name ({@code variable=level} or the column name);
   *     a variable with no term in a panel is {@link Estimate#ABSENT} there
   */
  public static List<Row> rows(ModelFrame frame, List<Map<String, Estimate>> panels) {
    List<Row> out = new ArrayList<>();
    Set<String> used = new HashSet<>();
    List<String> columns = frame.design().columnNames();
    for (Variable v : frame.variables()) {
      boolean composite = v.kind() == TermKind.SPLINE || v.kind() == TermKind.INTERACTION;
      if (composite && v.columnCount() > 1) {
        String n = Integer.toString(frame.n());
        String heading =
            v.kind() == TermKind.SPLINE
                ? v.name() + " (spline, " + v.knots().size() + " knots)"
                : v.name();
        out.add(new Row(heading, 0, n, null));
        for (int j = v.firstColumn(); j < v.firstColumn() + v.columnCount(); j++) {
          String term = columns.get(j);
          List<Estimate> es = new ArrayList<>();
          for (Map<String, Estimate> p : panels) {
            es.add(p.getOrDefault(term, Estimate.ABSENT));
          }
          used.add(term);
          out.add(new Row(term, 1, "", es));
        }
        continue;
      }
      if (composite) {
        // one column (a numeric interaction): one row under R's label, estimate by column name
        String term = columns.get(v.firstColumn());
        List<Estimate> es = new ArrayList<>();
        for (Map<String, Estimate> p : panels) {
          es.add(p.getOrDefault(term, p.getOrDefault(v.name(), Estimate.ABSENT)));
        }
        used.add(term);
        used.add(v.name());
        out.add(new Row(v.name(), 0, Integer.toString(frame.n()), es));
        continue;
      }
      if (!v.categorical()) {
        List<Estimate> es = new ArrayList<>();
        for (Map<String, Estimate> p : panels) {
          es.add(p.getOrDefault(v.name(), Estimate.ABSENT));
        }
        used.add(v.name());
        out.add(new Row(v.name(), 0, Integer.toString(frame.n()), es));
        continue;
      }
      out.add(new Row(v.name(), 0, "", null));
      int[] counts = new int[v.levels().size()];
      for (int code : v.codes()) {
        counts[code]++;
      }
      for (int l = 0; l < v.levels().size(); l++) {
        String term = v.name() + "=" + v.levels().get(l);
        List<Estimate> es = new ArrayList<>();
        for (Map<String, Estimate> p : panels) {
          boolean inModel = p.keySet().stream().anyMatch(t -> t.startsWith(v.name() + "="));
          es.add(
              !inModel
                  ? Estimate.ABSENT
                  : l == 0 ? Estimate.REFERENCE : p.getOrDefault(term, Estimate.ABSENT));
        }
        used.add(term);
        out.add(new Row(v.levels().get(l), 1, Integer.toString(counts[l]), es));
      }
    }
    Map<String, Boolean> extra = new LinkedHashMap<>();
    for (Map<String, Estimate> p : panels) {
      for (String t : p.keySet()) {
        if (!used.contains(t)) {
          extra.put(t, true);
        }
      }
    }
    for (String t : extra.keySet()) {
      List<Estimate> es = new ArrayList<>();
      for (Map<String, Estimate> p : panels) {
        es.add(p.getOrDefault(t, Estimate.ABSENT));
      }
      out.add(new Row(t, 0, "", es));
    }
    return out;
  }

  /** Estimates by term name from parallel arrays (a fit's names, ratios, limits and p). */
  public static Map<String, Estimate> estimates(
      List<String> names, double[] ratio, double[] lower, double[] upper, double[] p) {
    Map<String, Estimate> m = new LinkedHashMap<>();
    for (int j = 0; j < names.size(); j++) {
      m.put(names.get(j), new Estimate(ratio[j], lower[j], upper[j], p[j]));
    }
    return m;
  }

  /** Estimates of a fitted model: a {@link CoxFit} (HR) or a {@link LogisticResult} (OR). */
  public static Map<String, Estimate> estimates(Object fit) {
    if (fit instanceof CoxFit c) {
      return estimates(c.names(), c.hazardRatios(), c.lower(), c.upper(), c.p());
    }
    if (fit instanceof LogisticResult l) {
      Map<String, Estimate> m = new LinkedHashMap<>();
      for (LogisticTerm t : l.terms()) {
        if (t.variable() >= 0) {
          m.put(
              t.name(), new Estimate(t.oddsRatio(), t.oddsRatioLower(), t.oddsRatioUpper(), t.p()));
        }
      }
      return m;
    }
    throw new IllegalArgumentException("no forest plot for " + fit.getClass().getSimpleName());
  }

  /** The forest plot of one fitted Cox or logistic model. */
  public static ForestFigure of(ModelFrame frame, Object fit, FigureSpec spec) {
    return new ForestFigure(
        List.of(""),
        fit instanceof CoxFit ? "HR" : "OR",
        rows(frame, List.of(estimates(fit))),
        spec);
  }

  /**
   * Univariable and multivariable estimates side by side (a screen): the univariable panel holds
   * each variable's own model, the multivariable panel the final model ("—" for a variable not in
   * it).
   *
   * @param univariable one fit per candidate variable
   * @param multivariable the final model, or null when empty
   */
  public static ForestFigure screen(
      ModelFrame frame, List<?> univariable, Object multivariable, boolean cox, FigureSpec spec) {
    Map<String, Estimate> uni = new LinkedHashMap<>();
    for (Object f : univariable) {
      uni.putAll(estimates(f));
    }
    Map<String, Estimate> multi =
        multivariable == null ? new LinkedHashMap<>() : estimates(multivariable);
    return new ForestFigure(
        List.of("Univariable", "Multivariable"),
        cox ? "HR" : "OR",
        rows(frame, List.of(uni, multi)),
        spec);
  }
}
