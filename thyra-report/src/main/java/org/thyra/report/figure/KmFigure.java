package org.thyra.report.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.thyra.report.figure.Canvas.Align;
import org.thyra.stats.survival.KaplanMeierCurve;
import org.thyra.stats.survival.KaplanMeierPoint;
import org.thyra.stats.survival.LogRankPair;
import org.thyra.stats.survival.LogRankPairwiseResult;
import org.thyra.stats.survival.LogRankResult;
import org.thyra.stats.survival.SurvivalQuantile;
import org.thyra.stats.survival.WeightedKaplanMeier;
import org.thyra.stats.survival.WeightedLogRank;

/**
 * Kaplan–Meier curves as survminer's {@code ggsurvplot} draws them, from fitted curves (nothing is
 * re-estimated): step curves, censor marks, optional pointwise confidence bands, median lines, the
 * test's name and p, pairwise p-values, a legend placed where it covers no curve, and a risk table
 * whose columns are drawn at the very x positions of the axis ticks (one scale computes both).
 *
 * <p>The risk table's numbers are {@link KaplanMeierCurve#at}'s {@code nRisk} (what {@code thyra km
 * --at} prints), 0 beyond a group's last follow-up; the KMunicate rows count censorings and events
 * at or before each time.
 *
 * <p>Size: one step per distinct event time; steps closer than {@link #MERGE} pt on the page are
 * drawn as one vertical drop spanning all of them (identical at any printable resolution, so no
 * event disappears); censor marks closer than {@link #MARK_GAP} pt on one curve are drawn once (the
 * count drawn is {@link #censorMarksDrawn}).
 *
 * <p>Weighted curves ({@link #weightedBuilder}, {@code thyra km --weights}): the survival of {@code
 * survfit(weights = )} and its CI, drawn alike; the risk table's numbers are survfit's weighted
 * {@code n.risk} (and, with KMunicate, weighted cumulative censored and events) rounded to whole
 * numbers as survminer's {@code ggsurvplot} prints them ({@code digits = 0}), under the title
 * "Weighted number at risk", and the legend names the weight column. Censor marks and steps are
 * where a positive weight is censored or has an event (a zero-weight row changes nothing).
 */
public final class KmFigure implements Figure {
  /** What the y axis shows. */
  public enum Fun {
    /** S(t) */
    SURVIVAL,
    /** 1 − S(t): cumulative incidence of the event */
    EVENT;

    /** Parses {@code survival} or {@code event}. */
    public static Fun parse(String s) {
      return switch (s.trim().toLowerCase(Locale.ROOT)) {
        case "survival", "surv" -> SURVIVAL;
        case "event", "cumhaz-free", "incidence" -> EVENT;
        default ->
            throw new IllegalArgumentException(
                "--fun must be survival or event (1 - S), got \"" + s + "\"");
      };
    }
  }

  /** One curve and its label. */
  public record Series(String label, KaplanMeierCurve curve) {}

  /** One weighted curve ({@code survfit(weights = )}) and its label. */
  public record WeightedSeries(String label, WeightedKaplanMeier.Curve curve) {}

  /** What the drawing reads of a curve, unweighted or weighted. */
  private interface Track {
    String label();

    int size();

    double time(int i);

    boolean event(int i);

    boolean censor(int i);

    double survival(int i);

    double lower(int i);

    double upper(int i);

    SurvivalQuantile median();

    /** The risk table's number at risk at t (rounded when weighted). */
    long atRisk(double t);

    /** Cumulative {censored, events} at or before t (rounded when weighted). */
    long[] cumulative(double t);
  }

  private record Plain(String label, KaplanMeierCurve c) implements Track {
    public int size() {
      return c.size();
    }

    public double time(int i) {
      return c.time(i);
    }

    public boolean event(int i) {
      return c.nEvent(i) > 0;
    }

    public boolean censor(int i) {
      return c.nCensor(i) > 0;
    }

    public double survival(int i) {
      return c.survival(i);
    }

    public double lower(int i) {
      return c.lower(i);
    }

    public double upper(int i) {
      return c.upper(i);
    }

    public SurvivalQuantile median() {
      return c.median();
    }

    public long atRisk(double t) {
      return KmFigure.atRisk(c, t);
    }

    public long[] cumulative(double t) {
      long events = 0;
      long censored = 0;
      for (int i = 0; i < c.size() && c.time(i) <= t; i++) {
        events += c.nEvent(i);
        censored += c.nCensor(i);
      }
      return new long[] {censored, events};
    }
  }

  private record Weighted(String label, WeightedKaplanMeier.Curve c) implements Track {
    public int size() {
      return c.size();
    }

    public double time(int i) {
      return c.times()[i];
    }

    public boolean event(int i) {
      return c.nEvent()[i] > 0;
    }

    public boolean censor(int i) {
      return c.nCensor()[i] > 0;
    }

    public double survival(int i) {
      return c.survival()[i];
    }

    public double lower(int i) {
      return c.lower(i);
    }

    public double upper(int i) {
      return c.upper(i);
    }

    public SurvivalQuantile median() {
      return c.median();
    }

    public long atRisk(double t) {
      return (long) Math.rint(weightedAtRisk(c, t)); // half to even, as R's round()
    }

    public long[] cumulative(double t) {
      double events = 0;
      double censored = 0;
      for (int i = 0; i < c.size() && c.times()[i] <= t; i++) {
        events += c.nEvent()[i];
        censored += c.nCensor()[i];
      }
      return new long[] {(long) Math.rint(censored), (long) Math.rint(events)};
    }
  }

  static final double MERGE = 0.1;
  static final double MARK_GAP = 0.5;
  private static final double PAD = 6;
  private static final double TICK = 3;
  private static final double ROW = 10;
  private static final double LINE = 1.1;

  private final List<Track> series;
  private final String weightColumn;
  private final FigureStyle style;
  private final int width;
  private final int height;
  private final double[] breaks;
  private final boolean band;
  private final Fun fun;
  private final boolean kmunicate;
  private final boolean riskTable;
  private final boolean medians;
  private final String xTitle;
  private final String yTitle;
  private final String legendTitle;
  private final List<String> notes;

  // layout, in points
  private double left;
  private double right;
  private double top;
  private double bottom;
  private double tableTop;
  private Rectangle2D legend;
  private boolean legendOutside;
  private final List<Path2D> curves = new ArrayList<>();
  private final List<Path2D> bands = new ArrayList<>();
  private final List<double[]> marks = new ArrayList<>();
  private final int[] steps;
  private int censorMarksDrawn;
  private int censorTimes;

  private KmFigure(Builder b) {
    if (b.series.isEmpty()) {
      throw new IllegalArgumentException("a Kaplan-Meier figure needs at least one curve");
    }
    this.series = List.copyOf(b.series);
    this.weightColumn = b.weightColumn;
    this.style = b.style;
    this.width = FigureWriter.points(b.widthMm);
    this.height = FigureWriter.points(b.heightMm);
    this.band = b.band;
    this.fun = b.fun;
    this.kmunicate = b.kmunicate;
    this.riskTable = b.riskTable || b.kmunicate;
    this.medians = b.medians;
    this.xTitle = b.xTitle;
    this.yTitle =
        b.yTitle != null
            ? b.yTitle
            : fun == Fun.SURVIVAL ? "Survival probability" : "Cumulative incidence";
    this.legendTitle = b.legendTitle;
    List<String> n = new ArrayList<>(b.notes);
    if (weightColumn != null) {
      n.add(0, "Weights: " + weightColumn);
    }
    this.notes = List.copyOf(n);
    double maxTime = 0;
    for (Track c : series) {
      if (c.size() > 0) {
        maxTime = Math.max(maxTime, c.time(c.size() - 1));
      }
    }
    if (b.breaks != null) {
      double[] br = b.breaks.clone();
      for (int k = 0; k < br.length; k++) {
        if (!(br[k] >= 0) || !Double.isFinite(br[k]) || (k > 0 && br[k] <= br[k - 1])) {
          throw new IllegalArgumentException(
              "--x-breaks must be increasing times >= 0, e.g. 0,12,24,36");
        }
      }
      this.breaks = br;
    } else {
      this.breaks = Ticks.pretty(0, maxTime > 0 ? maxTime : 1, 6);
    }
    this.steps = new int[series.size()];
    layout();
  }

  /** Starts a figure of these curves. */
  public static Builder builder(List<Series> series) {
    List<Track> t = new ArrayList<>();
    for (Series s : series) {
      t.add(new Plain(s.label(), s.curve()));
    }
    return new Builder(t, null);
  }

  /**
   * Starts a figure of weighted curves ({@code survfit(weights = )}); the legend says {@code
   * weightColumn} and the risk table is the weighted number at risk.
   */
  public static Builder weightedBuilder(List<WeightedSeries> series, String weightColumn) {
    List<Track> t = new ArrayList<>();
    for (WeightedSeries s : series) {
      t.add(new Weighted(s.label(), s.curve()));
    }
    return new Builder(t, weightColumn);
  }

  /** Options of a {@link KmFigure}. */
  public static final class Builder {
    private final List<Track> series;
    private final String weightColumn;
    private FigureStyle style = FigureStyle.DEFAULT;
    private double widthMm = 170;
    private double heightMm = 130;
    private double[] breaks;
    private boolean band;
    private Fun fun = Fun.SURVIVAL;
    private boolean kmunicate;
    private boolean riskTable = true;
    private boolean medians;
    private String xTitle = "Time";
    private String yTitle;
    private String legendTitle;
    private final List<String> notes = new ArrayList<>();

    private Builder(List<Track> series, String weightColumn) {
      this.series = series;
      this.weightColumn = weightColumn;
    }

    public Builder style(FigureStyle s) {
      this.style = s;
      return this;
    }

    /** Size in millimetres. */
    public Builder size(double widthMm, double heightMm) {
      this.widthMm = widthMm;
      this.heightMm = heightMm;
      return this;
    }

    /** Axis ticks and risk-table times; null chooses round steps covering the follow-up. */
    public Builder breaks(double[] breaks) {
      this.breaks = breaks == null ? null : breaks.clone();
      return this;
    }

    public Builder confBand(boolean on) {
      this.band = on;
      return this;
    }

    public Builder fun(Fun f) {
      this.fun = f;
      return this;
    }

    /** Adds the cumulative censored and events rows (KMunicate, Morris et al. BMJ Open 2019). */
    public Builder kmunicate(boolean on) {
      this.kmunicate = on;
      return this;
    }

    public Builder riskTable(boolean on) {
      this.riskTable = on;
      return this;
    }

    /** Dashed lines from 0.5 to each reached median. */
    public Builder medians(boolean on) {
      this.medians = on;
      return this;
    }

    public Builder xTitle(String t) {
      this.xTitle = t;
      return this;
    }

    /**
     * The probability axis's title (a user's {@code --y-title} or protocol {@code y-title}), the
     * spaces around it dropped; null or blank keeps the default, "Survival probability" or, with
     * {@code fun(EVENT)}, "Cumulative incidence".
     */
    public Builder yTitle(String t) {
      this.yTitle = t == null || t.isBlank() ? null : t.strip();
      return this;
    }

    /** Title above the legend entries (the grouping variable). */
    public Builder legendTitle(String t) {
      this.legendTitle = t;
      return this;
    }

    /** A line under the legend (a test and its p). */
    public Builder note(String line) {
      this.notes.add(line);
      return this;
    }

    /** Adds "Log-rank p = ..." (the test's name from the result: log-rank, Peto–Peto, G-rho). */
    public Builder test(LogRankResult r) {
      return note(testName(r.rho(), r.strataCount()) + " " + PValues.equation(r.p()));
    }

    /** Adds one line per pair: "A vs B: p = ... (Holm)". */
    public Builder pairwise(LogRankPairwiseResult r, List<String> labels) {
      String adj = r.adjustment().rName();
      String how = adj.equals("none") ? "" : " (" + capital(adj) + "-adjusted)";
      note("Pairwise" + how + ":");
      for (LogRankPair p : r.pairs()) {
        note(
            "  "
                + labels.get(p.a())
                + " vs "
                + labels.get(p.b())
                + ": "
                + PValues.equation(p.pAdjusted()));
      }
      return this;
    }

    /**
     * Adds the weighted test's line: "Weighted log-rank (robust score) p = ...", the robust score
     * test of {@code coxph(..., weights, robust = TRUE)} that {@code thyra logrank --weights}
     * reports.
     */
    public Builder test(WeightedLogRank r) {
      String name = r.stratified() ? "Stratified weighted log-rank" : "Weighted log-rank";
      return note(name + " (robust score) " + PValues.equation(r.robustScore().p()));
    }

    public KmFigure build() {
      return new KmFigure(this);
    }
  }

  static String capital(String s) {
    return s.length() <= 2 ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** The test's display name, as survdiff's rho says. */
  public static String testName(double rho, int strata) {
    String name =
        rho == 0 ? "Log-rank" : rho == 1 ? "Peto–Peto" : "G-rho (ρ = " + Ticks.label(rho) + ")";
    return strata > 1 ? "Stratified " + name.toLowerCase(Locale.ROOT) : name;
  }

  // ------------------------------------------------------------------ layout

  private Font font() {
    return FigureFonts.regular(Canvas.TEXT);
  }

  private Font bold() {
    return FigureFonts.bold(Canvas.TEXT);
  }

  private int tableSections() {
    return riskTable ? (kmunicate ? 3 : 1) : 0;
  }

  private double tableHeight() {
    int sections = tableSections();
    return sections == 0 ? 0 : sections * (ROW * (1 + series.size()) + 3) + 4;
  }

  private void layout() {
    Font f = font();
    double yLabels = 0;
    for (String s : Ticks.labels(yTicks())) {
      yLabels = Math.max(yLabels, Canvas.width(f, s));
    }
    double rowLabels = 0;
    if (riskTable) {
      for (Track s : series) {
        rowLabels = Math.max(rowLabels, Canvas.width(bold(), s.label()));
      }
      // the margin an unweighted table's titles need: a weighted title's longer words run on over
      // the title row, which holds no numbers, rather than narrowing the plot
      for (String t :
          kmunicate ? List.of("Number at risk", "Censored", "Events") : List.of("Number at risk")) {
        rowLabels = Math.max(rowLabels, Canvas.width(bold(), t) - 14);
      }
    }
    left = Math.max(PAD + 12 + yLabels + 3 + TICK, PAD + 6 + rowLabels + 22);
    String last = Ticks.label(breaks[breaks.length - 1]);
    right = width - Math.max(PAD + 2, Canvas.width(f, last) / 2 + 3);
    top = PAD + 2;
    tableTop = height - PAD - tableHeight();
    bottom = tableTop - (riskTable ? 6 : 0) - 2 * ROW - 8;
    buildPaths();
    placeLegend();
    if (legendOutside) {
      top = PAD + legend.getHeight() + 4;
      buildPaths();
      legend.setRect(right - legend.getWidth(), PAD, legend.getWidth(), legend.getHeight());
    }
  }

  private List<String> sectionTitles() {
    if (weightColumn != null) {
      return kmunicate
          ? List.of("Weighted number at risk", "Weighted censored", "Weighted events")
          : riskTable ? List.of("Weighted number at risk") : List.of();
    }
    return kmunicate
        ? List.of("Number at risk", "Censored", "Events")
        : riskTable ? List.of("Number at risk") : List.of();
  }

  private double[] yTicks() {
    return new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0};
  }

  /** x of time {@code t} on the page (the one scale of the axis and the risk table). */
  public double x(double t) {
    double lo = breaks[0];
    double hi = breaks[breaks.length - 1];
    return left + (t - lo) / (hi - lo) * (right - left);
  }

  /** y of a probability on the page. */
  public double y(double p) {
    return bottom - p * (bottom - top);
  }

  private double value(double s) {
    return fun == Fun.SURVIVAL ? s : 1 - s;
  }

  private void buildPaths() {
    curves.clear();
    bands.clear();
    marks.clear();
    censorMarksDrawn = 0;
    censorTimes = 0;
    double tMax = breaks[breaks.length - 1];
    for (int k = 0; k < series.size(); k++) {
      Track c = series.get(k);
      Path2D.Double p = new Path2D.Double();
      double x0 = x(Math.max(0, breaks[0]));
      double yPrev = y(value(1));
      p.moveTo(x0, yPrev);
      // a drop stays open while later events fall within MERGE of it, so that events closer
      // than the page can show become one drop to their last value (never lost, never repeated)
      boolean open = false;
      double openX = 0;
      double openY = 0;
      int nSteps = 0;
      List<Double> markList = new ArrayList<>();
      double lastMark = Double.NEGATIVE_INFINITY;
      double end = x0;
      for (int i = 0; i < c.size(); i++) {
        double t = c.time(i);
        if (t > tMax) {
          break;
        }
        double xi = x(t);
        end = xi;
        if (c.event(i)) {
          double yi = y(value(c.survival(i)));
          nSteps++;
          if (open && xi - openX < MERGE) {
            openY = yi;
          } else {
            if (open) {
              p.lineTo(openX, openY);
              yPrev = openY;
            }
            p.lineTo(xi, yPrev);
            open = true;
            openX = xi;
            openY = yi;
          }
        }
        if (c.censor(i)) {
          censorTimes++;
          if (xi - lastMark >= MARK_GAP) {
            markList.add(xi);
            markList.add(y(value(c.survival(i))));
            lastMark = xi;
          }
        }
      }
      if (open) {
        p.lineTo(openX, openY);
        yPrev = openY;
      }
      if (c.size() > 0 && c.time(c.size() - 1) > tMax) {
        end = x(tMax); // follow-up continues past the axis: the curve runs to its end
      }
      p.lineTo(end, yPrev);
      curves.add(p);
      steps[k] = nSteps;
      double[] m = new double[markList.size()];
      for (int j = 0; j < m.length; j++) {
        m[j] = markList.get(j);
      }
      marks.add(m);
      censorMarksDrawn += m.length / 2;
      bands.add(band ? bandPath(c, tMax) : null);
    }
  }

  /** The pointwise band as one step-shaped polygon (upper limits forward, lower back). */
  private Path2D bandPath(Track c, double tMax) {
    List<double[]> upper = new ArrayList<>();
    List<double[]> lower = new ArrayList<>();
    double x0 = x(Math.max(0, breaks[0]));
    double hiPrev = y(value(1));
    double loPrev = hiPrev;
    upper.add(new double[] {x0, hiPrev});
    lower.add(new double[] {x0, loPrev});
    boolean open = false;
    double openX = 0;
    double openA = 0;
    double openB = 0;
    double end = x0;
    boolean stopped = false;
    for (int i = 0; i < c.size(); i++) {
      double t = c.time(i);
      if (t > tMax) {
        break;
      }
      double lo = c.lower(i);
      double hi = c.upper(i);
      if (Double.isNaN(lo) || Double.isNaN(hi)) {
        stopped = true; // R's NA limits (S = 0): the band stops
        break;
      }
      double xi = x(t);
      end = xi;
      if (!c.event(i)) {
        continue;
      }
      double a = y(fun == Fun.SURVIVAL ? hi : 1 - lo);
      double b = y(fun == Fun.SURVIVAL ? lo : 1 - hi);
      if (open && xi - openX < MERGE) {
        openA = a;
        openB = b;
        continue;
      }
      if (open) {
        upper.add(new double[] {openX, openA});
        lower.add(new double[] {openX, openB});
        hiPrev = openA;
        loPrev = openB;
      }
      upper.add(new double[] {xi, hiPrev});
      lower.add(new double[] {xi, loPrev});
      open = true;
      openX = xi;
      openA = a;
      openB = b;
    }
    if (open) {
      upper.add(new double[] {openX, openA});
      lower.add(new double[] {openX, openB});
      hiPrev = openA;
      loPrev = openB;
    }
    if (!stopped && c.size() > 0 && c.time(c.size() - 1) > tMax) {
      end = x(tMax);
    }
    upper.add(new double[] {end, hiPrev});
    lower.add(new double[] {end, loPrev});
    Path2D.Double p = new Path2D.Double();
    p.moveTo(upper.get(0)[0], upper.get(0)[1]);
    for (double[] q : upper) {
      p.lineTo(q[0], q[1]);
    }
    for (int j = lower.size() - 1; j >= 0; j--) {
      p.lineTo(lower.get(j)[0], lower.get(j)[1]);
    }
    p.closePath();
    return p;
  }

  private List<String[]> legendLines() {
    List<String[]> lines = new ArrayList<>();
    if (legendTitle != null) {
      lines.add(new String[] {"title", legendTitle});
    }
    if (series.size() > 1) {
      for (int k = 0; k < series.size(); k++) {
        lines.add(new String[] {"entry", series.get(k).label(), Integer.toString(k)});
      }
    }
    for (String n : notes) {
      lines.add(new String[] {"note", n});
    }
    return lines;
  }

  private void placeLegend() {
    List<String[]> lines = legendLines();
    if (lines.isEmpty() || (lines.size() == 1 && lines.get(0)[0].equals("title"))) {
      legend = null;
      return;
    }
    double w = 0;
    for (String[] l : lines) {
      double tw = Canvas.width(l[0].equals("title") ? bold() : font(), l[1]);
      w = Math.max(w, l[0].equals("entry") ? 16 + tw : tw);
    }
    w += 8;
    double h = lines.size() * ROW + 6;
    double m = 6;
    double[][] corners = {
      {right - w - m, top + m},
      {left + m, bottom - h - m},
      {right - w - m, bottom - h - m},
      {left + m + 4, top + m},
    };
    if (fun == Fun.EVENT) {
      corners = new double[][] {corners[3], corners[2], corners[0], corners[1]};
    }
    for (double[] c : corners) {
      Rectangle2D r = new Rectangle2D.Double(c[0], c[1], w, h);
      if (r.getMinX() >= left && r.getMaxX() <= right && r.getMinY() >= top && !coversCurve(r)) {
        legend = r;
        legendOutside = false;
        return;
      }
    }
    legend = new Rectangle2D.Double(right - w, PAD, w, h);
    legendOutside = true;
  }

  /** Whether the rectangle (with a 2 pt margin) touches any curve, band edge or censor mark. */
  boolean coversCurve(Rectangle2D r) {
    Rectangle2D grown =
        new Rectangle2D.Double(r.getX() - 2, r.getY() - 2, r.getWidth() + 4, r.getHeight() + 4);
    for (int k = 0; k < curves.size(); k++) {
      if (pathTouches(curves.get(k), grown)) {
        return true;
      }
      double[] m = marks.get(k);
      for (int j = 0; j < m.length; j += 2) {
        if (grown.contains(m[j], m[j + 1])) {
          return true;
        }
      }
      if (bands.get(k) != null && bands.get(k).intersects(grown)) {
        return true;
      }
    }
    return false;
  }

  private static boolean pathTouches(Path2D p, Rectangle2D r) {
    double[] c = new double[6];
    double px = 0;
    double py = 0;
    for (java.awt.geom.PathIterator it = p.getPathIterator(null); !it.isDone(); it.next()) {
      int type = it.currentSegment(c);
      if (type == java.awt.geom.PathIterator.SEG_LINETO
          && new Line2D.Double(px, py, c[0], c[1]).intersects(r)) {
        return true;
      }
      px = c[0];
      py = c[1];
    }
    return false;
  }

  // ------------------------------------------------------------------ what tests read

  /** The risk-table times (= the axis ticks). */
  public double[] breaks() {
    return breaks.clone();
  }

  /** Steps (distinct event times within the axis) of curve k. */
  public int steps(int k) {
    return steps[k];
  }

  /** The legend's box, or empty when there is no legend. */
  public Optional<Rectangle2D> legendBox() {
    return Optional.ofNullable(legend).map(r -> (Rectangle2D) r.clone());
  }

  /** Censor marks drawn (after thinning) over all curves. */
  public int censorMarksDrawn() {
    return censorMarksDrawn;
  }

  /** Distinct censoring times within the axis over all curves. */
  public int censorTimes() {
    return censorTimes;
  }

  /**
   * The risk table's number at risk of curve {@code k} at time {@code t}: {@code thyra km --at}'s
   * n_risk, 0 beyond the last follow-up.
   */
  public static int atRisk(KaplanMeierCurve c, double t) {
    Optional<KaplanMeierPoint> p = c.at(t);
    return p.map(KaplanMeierPoint::nRisk).orElse(0);
  }

  /**
   * The weighted risk table's number at risk of a weighted curve at time {@code t} before rounding:
   * survfit's weighted {@code n.risk} as {@code summary(fit, times = t)} (what {@code thyra km
   * --weights --at} prints), 0 beyond the last follow-up.
   */
  public static double weightedAtRisk(WeightedKaplanMeier.Curve c, double t) {
    return c.at(t).map(a -> a[1]).orElse(0.0);
  }

  // ------------------------------------------------------------------ drawing

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
    p.add("axes");
    for (int k = 0; k < series.size(); k++) {
      p.add("curve-" + k);
    }
    p.add("medians");
    p.add("legend");
    p.add("risk-table");
    return p;
  }

  @Override
  public void drawPart(Graphics2D g2, int part) {
    Canvas c = new Canvas(g2);
    String name = parts().get(part);
    if (name.equals("axes")) {
      drawAxes(c);
    } else if (name.startsWith("curve-")) {
      drawCurve(c, Integer.parseInt(name.substring(6)));
    } else if (name.equals("medians")) {
      drawMedians(c);
    } else if (name.equals("legend")) {
      drawLegend(c);
    } else {
      drawTable(c);
    }
  }

  private void drawAxes(Canvas c) {
    Color ink = Color.BLACK;
    Font f = font();
    c.line(left, bottom, right, bottom, ink, Canvas.HAIRLINE);
    c.line(left, top, left, bottom, ink, Canvas.HAIRLINE);
    for (double t : breaks) {
      double x = x(t);
      c.line(x, bottom, x, bottom + TICK, ink, Canvas.HAIRLINE);
      c.text(Ticks.label(t), x, bottom + TICK + 2 + ROW / 2, Align.CENTER, f, ink);
    }
    double[] yt = yTicks();
    List<String> yl = Ticks.labels(yt);
    for (int k = 0; k < yt.length; k++) {
      double y = y(yt[k]);
      c.line(left - TICK, y, left, y, ink, Canvas.HAIRLINE);
      c.text(yl.get(k), left - TICK - 2, y, Align.RIGHT, f, ink);
    }
    c.text(xTitle, (left + right) / 2, bottom + TICK + 2 + ROW * 1.6, Align.CENTER, f, ink);
    double labels = 0;
    for (String s : yl) {
      labels = Math.max(labels, Canvas.width(f, s));
    }
    c.vertical(yTitle, left - TICK - 2 - labels - 8, (top + bottom) / 2, f, ink);
  }

  private void drawCurve(Canvas c, int k) {
    Graphics2D g = c.g;
    Path2D b = bands.get(k);
    if (b != null) {
      g.setColor(style.fill(k, 0.18));
      g.fill(b);
    }
    g.setColor(style.color(k));
    g.setStroke(style.line(k, LINE));
    g.draw(curves.get(k));
    double[] m = marks.get(k);
    g.setStroke(new BasicStroke(0.7f));
    Path2D.Double plus = new Path2D.Double();
    double s = 2.2;
    for (int j = 0; j < m.length; j += 2) {
      plus.moveTo(m[j] - s, m[j + 1]);
      plus.lineTo(m[j] + s, m[j + 1]);
      plus.moveTo(m[j], m[j + 1] - s);
      plus.lineTo(m[j], m[j + 1] + s);
    }
    g.draw(plus);
  }

  private void drawMedians(Canvas c) {
    if (!medians) {
      return;
    }
    Color grey = new Color(0x555555);
    double tMax = breaks[breaks.length - 1];
    double reached = -1;
    for (Track s : series) {
      SurvivalQuantile q = s.median();
      if (q.isReached() && q.estimate() <= tMax) {
        double x = x(q.estimate());
        c.dashed(x, y(0.5), x, bottom, grey, 0.5);
        reached = Math.max(reached, x);
      }
    }
    if (reached > 0) {
      c.dashed(left, y(0.5), reached, y(0.5), grey, 0.5);
    }
  }

  private void drawLegend(Canvas c) {
    if (legend == null) {
      return;
    }
    double y = legend.getY() + 3 + ROW / 2;
    double x = legend.getX() + 4;
    for (String[] l : legendLines()) {
      switch (l[0]) {
        case "title" -> c.text(l[1], x, y, Align.LEFT, bold(), Color.BLACK);
        case "entry" -> {
          int k = Integer.parseInt(l[2]);
          c.g.setColor(style.color(k));
          c.g.setStroke(style.line(k, LINE * 1.3));
          c.g.draw(new Line2D.Double(x, y, x + 12, y));
          c.text(l[1], x + 16, y, Align.LEFT, font(), Color.BLACK);
        }
        default -> c.text(l[1], x, y, Align.LEFT, font(), Color.BLACK);
      }
      y += ROW;
    }
  }

  private void drawTable(Canvas c) {
    if (!riskTable) {
      return;
    }
    Font f = font();
    double y = tableTop;
    List<String> titles = sectionTitles();
    for (int s = 0; s < titles.size(); s++) {
      c.text(titles.get(s), PAD, y + ROW / 2, Align.LEFT, bold(), Color.BLACK);
      y += ROW;
      for (int k = 0; k < series.size(); k++) {
        Track curve = series.get(k);
        Color col = style.dashed() ? Color.BLACK : style.color(k);
        c.text(series.get(k).label(), PAD + 6, y + ROW / 2, Align.LEFT, bold(), col);
        for (double t : breaks) {
          long v = s == 0 ? curve.atRisk(t) : curve.cumulative(t)[s - 1];
          c.text(Long.toString(v), x(t), y + ROW / 2, Align.CENTER, f, col);
        }
        y += ROW;
      }
      y += 3;
    }
  }
}
