package org.thyra.report.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.thyra.clinical.course.Analyte;
import org.thyra.clinical.course.LabResult;
import org.thyra.clinical.course.LesionMeasurement;
import org.thyra.clinical.course.LocalTreatment;
import org.thyra.clinical.course.PatientCourse;
import org.thyra.clinical.course.ProgressionEvent;
import org.thyra.clinical.course.RaiCourse;
import org.thyra.clinical.course.Surgery;
import org.thyra.clinical.course.TshState;
import org.thyra.clinical.units.ActivityUnit;
import org.thyra.clinical.units.TgUnit;

/**
 * One patient's course on one time axis (issue 15), in lanes that share the axis: surgeries, RAI
 * courses (bar height ∝ administered activity in mCi, value printed), thyroglobulin on a log₁₀
 * scale (filled = stimulated, open = suppressed or unspecified, a value below the detection limit
 * drawn at the limit with "<"), lesion sizes (maximum diameter a, or the short axis for a node when
 * a is missing; one line per lesion), and events (treatments as spans, progressions, death, last
 * follow-up). Time runs from the diagnosis date to the end of observation (or the last dated entry,
 * whichever is later), in years since diagnosis.
 */
public final class PatientTimelineFigure implements Figure {
  private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  private static final Font BOLD = new Font(Font.SANS_SERIF, Font.BOLD, 11);
  private static final Color INK = new Color(0x22, 0x22, 0x22);
  private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);
  private static final Color SURGERY = new Color(0x55, 0x55, 0x99);
  private static final Color RAI = new Color(0xc0, 0x6a, 0x00);
  private static final Color TG = new Color(0x1f, 0x5f, 0xa8);
  private static final Color LESION = new Color(0x2e, 0x7d, 0x32);
  private static final Color EVENT = new Color(0xb0, 0x1c, 0x1c);

  private static final int LEFT = 130;
  private static final int RIGHT = 30;
  private static final int TOP = 16;
  private static final int LANE_GAP = 14;
  private static final int[] LANE_HEIGHT = {34, 70, 110, 90, 46};
  private static final String[] LANE_NAME = {
    "Surgery", "RAI (mCi)", "Tg (ng/mL, log)", "Lesions (mm)", "Events"
  };

  private final PatientCourse course;
  private final int width;
  private final LocalDate start;
  private final LocalDate end;

  /**
   * @param course the course to draw
   * @param width width in pixels (at least 480)
   */
  public PatientTimelineFigure(PatientCourse course, int width) {
    this.course = course;
    this.width = Math.max(480, width);
    this.start = course.demographics().diagnosisDate();
    LocalDate last = start.plusMonths(6);
    for (LocalDate d : dates()) {
      if (d != null && d.isAfter(last)) {
        last = d;
      }
    }
    this.end = last;
  }

  private List<LocalDate> dates() {
    List<LocalDate> d = new ArrayList<>();
    course.surgeries().forEach(s -> d.add(s.date()));
    course.raiCourses().forEach(r -> d.add(r.date()));
    course.labs().forEach(l -> d.add(l.date()));
    course.measurements().forEach(m -> d.add(m.date()));
    course.treatments().forEach(t -> d.add(t.endDate() != null ? t.endDate() : t.date()));
    course.progressions().forEach(p -> d.add(p.date()));
    course.lesions().forEach(m -> d.add(m.detected()));
    d.add(course.lastFollowUp());
    d.add(course.death() == null ? null : course.death().date());
    return d;
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int height() {
    int h = TOP;
    for (int l : LANE_HEIGHT) {
      h += l + LANE_GAP;
    }
    return h + 30;
  }

  @Override
  public List<String> parts() {
    return List.of("axis", "surgery", "rai", "tg", "lesions", "events");
  }

  private int laneTop(int lane) {
    int y = TOP;
    for (int i = 0; i < lane; i++) {
      y += LANE_HEIGHT[i] + LANE_GAP;
    }
    return y;
  }

  private double x(LocalDate d) {
    double span = Math.max(1, ChronoUnit.DAYS.between(start, end));
    return LEFT + (width - LEFT - RIGHT) * ChronoUnit.DAYS.between(start, d) / span;
  }

  @Override
  public void drawPart(Graphics2D g, int part) {
    g.setFont(FONT);
    switch (part) {
      case 0 -> axis(g);
      case 1 -> surgery(g);
      case 2 -> rai(g);
      case 3 -> tg(g);
      case 4 -> lesions(g);
      default -> events(g);
    }
  }

  private void axis(Graphics2D g) {
    int bottom = laneTop(LANE_HEIGHT.length) - LANE_GAP;
    for (int lane = 0; lane < LANE_HEIGHT.length; lane++) {
      int top = laneTop(lane);
      g.setColor(new Color(0xf7, 0xf7, 0xf7));
      g.fill(new Rectangle2D.Double(LEFT, top, width - LEFT - RIGHT, LANE_HEIGHT[lane]));
      g.setColor(INK);
      g.setFont(BOLD);
      g.drawString(LANE_NAME[lane], 6, top + LANE_HEIGHT[lane] / 2 + 4);
    }
    g.setFont(FONT);
    long years = ChronoUnit.YEARS.between(start, end);
    long step = years > 20 ? 5 : years > 10 ? 2 : 1;
    for (long y = 0; y <= years; y += step) {
      double xx = x(start.plusYears(y));
      g.setColor(GRID);
      g.draw(new Line2D.Double(xx, TOP, xx, bottom));
      g.setColor(INK);
      g.drawString(Long.toString(y), (float) xx - 3, bottom + 14);
    }
    g.drawString("years since diagnosis (" + start + ")", LEFT, bottom + 28);
    g.draw(new Line2D.Double(LEFT, bottom, width - RIGHT, bottom));
  }

  private void surgery(Graphics2D g) {
    int top = laneTop(0);
    g.setColor(SURGERY);
    for (Surgery s : course.surgeries()) {
      double xx = x(s.date());
      Path2D tri = new Path2D.Double();
      tri.moveTo(xx, top + 6);
      tri.lineTo(xx - 6, top + 18);
      tri.lineTo(xx + 6, top + 18);
      tri.closePath();
      g.fill(tri);
      g.drawString(
          abbreviate(s.type() == null ? "surgery" : s.type().name()), (float) xx + 8, top + 18);
    }
  }

  private static String abbreviate(String enumName) {
    String s = enumName.toLowerCase(Locale.ROOT).replace('_', ' ');
    return s.length() > 22 ? s.substring(0, 21) + "…" : s;
  }

  private void rai(Graphics2D g) {
    int top = laneTop(1);
    int h = LANE_HEIGHT[1];
    double max = 1;
    for (RaiCourse r : course.raiCourses()) {
      if (r.activity() != null) {
        max = Math.max(max, r.activity().in(ActivityUnit.MCI).doubleValue());
      }
    }
    g.setColor(RAI);
    for (RaiCourse r : course.raiCourses()) {
      double xx = x(r.date());
      if (r.activity() == null) {
        g.drawString("?", (float) xx - 3, top + h - 4);
        continue;
      }
      BigDecimal mci = r.activity().in(ActivityUnit.MCI);
      double bar = (h - 16) * mci.doubleValue() / max;
      g.fill(new Rectangle2D.Double(xx - 3, top + h - bar, 6, bar));
      g.drawString(
          mci.setScale(0, java.math.RoundingMode.HALF_UP).toPlainString(),
          (float) xx + 5,
          (float) (top + h - bar + 9));
    }
  }

  private void tg(Graphics2D g) {
    int top = laneTop(2);
    int h = LANE_HEIGHT[2];
    List<double[]> pts = new ArrayList<>(); // x, value, stimulated, below limit
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (LabResult l : course.labs()) {
      if (l.analyte() != Analyte.TG || l.value() == null) {
        continue;
      }
      TgUnit unit = TgUnit.parse(l.unit() == null ? "ng/mL" : l.unit());
      double v = unit.toNgPerMl(BigDecimal.valueOf(l.value())).doubleValue();
      v = Math.max(v, 0.01); // an undetectable 0 still needs a place on a log axis
      pts.add(
          new double[] {
            x(l.date()),
            v,
            l.tshState() == TshState.STIMULATED ? 1 : 0,
            l.belowDetectionLimit() ? 1 : 0
          });
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    g.setColor(INK);
    if (pts.isEmpty()) {
      g.drawString("no Tg values", LEFT + 6, top + h / 2 + 4);
      return;
    }
    double dlo = Math.floor(Math.log10(lo));
    double dhi = Math.max(dlo + 1, Math.ceil(Math.log10(hi)));
    for (double d = dlo; d <= dhi; d++) {
      double yy = top + h - 6 - (h - 12) * (d - dlo) / (dhi - dlo);
      g.setColor(GRID);
      g.draw(new Line2D.Double(LEFT, yy, width - RIGHT, yy));
      g.setColor(INK);
      String label =
          d >= 0 ? String.format(Locale.ROOT, "%.0f", Math.pow(10, d)) : trim(Math.pow(10, d));
      g.drawString(label, LEFT - 6 - g.getFontMetrics().stringWidth(label), (float) yy + 4);
    }
    pts.sort((a, b) -> Double.compare(a[0], b[0]));
    g.setColor(TG);
    g.setStroke(new BasicStroke(1.5f));
    Path2D line = new Path2D.Double();
    for (int i = 0; i < pts.size(); i++) {
      double[] p = pts.get(i);
      double yy = top + h - 6 - (h - 12) * (Math.log10(p[1]) - dlo) / (dhi - dlo);
      p[1] = yy;
      if (i == 0) {
        line.moveTo(p[0], yy);
      } else {
        line.lineTo(p[0], yy);
      }
    }
    g.draw(line);
    for (double[] p : pts) {
      Ellipse2D dot = new Ellipse2D.Double(p[0] - 4, p[1] - 4, 8, 8);
      g.setColor(Color.WHITE);
      g.fill(dot);
      g.setColor(TG);
      if (p[2] == 1) {
        g.fill(dot);
      } else {
        g.draw(dot);
      }
      if (p[3] == 1) {
        g.drawString("<", (float) p[0] - 14, (float) p[1] + 4);
      }
    }
    g.setStroke(new BasicStroke(1f));
  }

  private static String trim(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  private void lesions(Graphics2D g) {
    int top = laneTop(3);
    int h = LANE_HEIGHT[3];
    Map<String, List<double[]>> byLesion = new LinkedHashMap<>();
    double max = 1;
    for (LesionMeasurement m : course.measurements()) {
      Double size =
          m.disappeared() ? Double.valueOf(0) : m.aMm() != null ? m.aMm() : m.shortAxisMm();
      if (size == null) {
        continue;
      }
      byLesion
          .computeIfAbsent(m.lesionId(), k -> new ArrayList<>())
          .add(new double[] {x(m.date()), size});
      max = Math.max(max, size);
    }
    g.setColor(INK);
    if (byLesion.isEmpty()) {
      g.drawString("no lesion measurements", LEFT + 6, top + h / 2 + 4);
      return;
    }
    g.drawString(trim(Math.ceil(max)), LEFT - 30, top + 14);
    g.drawString("0", LEFT - 14, top + h - 2);
    g.setColor(LESION);
    for (Map.Entry<String, List<double[]>> e : byLesion.entrySet()) {
      List<double[]> pts = e.getValue();
      pts.sort((a, b) -> Double.compare(a[0], b[0]));
      Path2D line = new Path2D.Double();
      double[] last = null;
      for (int i = 0; i < pts.size(); i++) {
        double yy = top + h - 4 - (h - 14) * pts.get(i)[1] / max;
        if (i == 0) {
          line.moveTo(pts.get(i)[0], yy);
        } else {
          line.lineTo(pts.get(i)[0], yy);
        }
        g.fill(new Rectangle2D.Double(pts.get(i)[0] - 3, yy - 3, 6, 6));
        last = new double[] {pts.get(i)[0], yy};
      }
      g.draw(line);
      g.drawString(e.getKey(), (float) last[0] + 5, (float) last[1] + 4);
    }
  }

  private void events(Graphics2D g) {
    int top = laneTop(4);
    int h = LANE_HEIGHT[4];
    for (LocalTreatment t : course.treatments()) {
      double x0 = x(t.date());
      double x1 = t.endDate() == null ? x0 + 4 : x(t.endDate());
      g.setColor(SURGERY);
      g.fill(new Rectangle2D.Double(x0, top + 4, Math.max(4, x1 - x0), 8));
      String label =
          t.agent() != null ? t.agent() : t.kind() == null ? "" : abbreviate(t.kind().name());
      g.drawString(label, (float) x0, top + 24);
    }
    g.setColor(EVENT);
    for (ProgressionEvent p : course.progressions()) {
      double xx = x(p.date());
      Path2D d = new Path2D.Double();
      d.moveTo(xx, top + h - 20);
      d.lineTo(xx + 6, top + h - 14);
      d.lineTo(xx, top + h - 8);
      d.lineTo(xx - 6, top + h - 14);
      d.closePath();
      g.fill(d);
    }
    if (!course.progressions().isEmpty()) {
      g.drawString("◆ progression", width - RIGHT - 190, top + h - 2);
    }
    if (course.death() != null) {
      double xx = x(course.death().date());
      g.setColor(INK);
      g.setStroke(new BasicStroke(2f));
      g.draw(new Line2D.Double(xx - 5, top + h - 19, xx + 5, top + h - 9));
      g.draw(new Line2D.Double(xx - 5, top + h - 9, xx + 5, top + h - 19));
      g.setStroke(new BasicStroke(1f));
      g.drawString("death", (float) xx - 34, top + h - 10);
    } else if (course.lastFollowUp() != null) {
      double xx = x(course.lastFollowUp());
      g.setColor(INK);
      g.draw(new Line2D.Double(xx, top + h - 22, xx, top + h - 6));
      g.drawString("last follow-up", (float) xx - 80, top + h - 10);
    }
  }
}
