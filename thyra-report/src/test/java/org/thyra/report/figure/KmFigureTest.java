package org.thyra.report.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.thyra.stats.inference.PValueAdjustment;
import org.thyra.stats.survival.ConfidenceType;
import org.thyra.stats.survival.KaplanMeier;
import org.thyra.stats.survival.KaplanMeierCurve;
import org.thyra.stats.survival.KaplanMeierOptions;
import org.thyra.stats.survival.LogRank;
import org.thyra.stats.survival.LogRankPair;
import org.thyra.stats.survival.LogRankPairwise;
import org.thyra.stats.survival.LogRankPairwiseResult;
import org.thyra.stats.survival.LogRankResult;
import org.thyra.stats.survival.WeightedKaplanMeier;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class KmFigureTest {

  /** Seeded survival data with ties (times rounded) and censoring, in {@code groups} groups. */
  static List<KmFigure.Series> series(int groups, int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<KmFigure.Series> out = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      double[] t = new double[n];
      int[] s = new int[n];
      for (int i = 0; i < n; i++) {
        double event = -Math.log(r.nextDouble()) * (30 + 15 * g);
        double censor = r.nextDouble() * 90;
        t[i] = Math.ceil(Math.min(event, censor));
        s[i] = event <= censor ? 1 : 0;
      }
      out.add(new KmFigure.Series("group " + (char) ('A' + g), KaplanMeier.fit(t, s)));
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void riskTableNumbersAreKmAtNRiskAndSitExactlyUnderTheTicks(long seed) throws Exception {
    List<KmFigure.Series> s = series(3, 80, seed);
    double[] breaks = {0, 12, 24, 36, 48, 60, 72};
    KmFigure f = KmFigure.builder(s).breaks(breaks).kmunicate(true).build();
    List<DrawnText.Word> words = DrawnText.pdfWords(f);
    // the tick labels: the words "0", "12", ... on the axis (the first row holding them all)
    double axisY =
        words.stream()
            .filter(w -> w.text().equals("72"))
            .mapToDouble(DrawnText.Word::y)
            .min()
            .orElse(-1);
    double[] tickCentre = new double[breaks.length];
    assertThat(axisY).isPositive();
    for (int k = 0; k < breaks.length; k++) {
      String label = Ticks.label(breaks[k]);
      double y = axisY;
      tickCentre[k] =
          words.stream()
              .filter(w -> w.text().equals(label) && Math.abs(w.y() - y) < 0.5)
              .findFirst()
              .orElseThrow()
              .centre();
      // the drawn tick label is centred on the scale's x
      assertThat(tickCentre[k]).isCloseTo(f.x(breaks[k]), within(0.3));
    }
    // each group's first row (number at risk): the words after its label, left to right
    for (KmFigure.Series ser : s) {
      String last = ser.label().substring(ser.label().length() - 1);
      double rowY =
          words.stream()
              .filter(w -> w.text().equals(last) && w.y() > axisY)
              .mapToDouble(DrawnText.Word::y)
              .min()
              .orElseThrow();
      List<DrawnText.Word> row =
          words.stream()
              .filter(w -> Math.abs(w.y() - rowY) < 0.5 && w.text().matches("[0-9]+"))
              .sorted((a, b) -> Double.compare(a.centre(), b.centre()))
              .toList();
      assertThat(row).hasSize(breaks.length);
      for (int k = 0; k < breaks.length; k++) {
        int expected =
            ser.curve().at(breaks[k]).map(p -> p.nRisk()).orElse(0); // thyra km --at's n_risk
        assertThat(row.get(k).text()).isEqualTo(Integer.toString(expected));
        assertThat(row.get(k).centre())
            .as("column %d of %s under its tick", k, ser.label())
            .isCloseTo(tickCentre[k], within(0.3));
      }
    }
  }

  /**
   * A weighted figure whose weights are all {@code c}: survfit's survival does not change, so the
   * curves, censor marks (and, for c = 1, Greenwood's bands) are drawn exactly as the unweighted
   * figure's, while the risk table is the weighted number at risk, c times the count, rounded half
   * to even as R's round().
   */
  @ParameterizedTest
  @ValueSource(doubles = {1, 2.5, 0.3})
  void equalWeightsDrawTheUnweightedCurvesAndAScaledWeightedRiskTable(double c) throws Exception {
    SplittableRandom r = new SplittableRandom(Double.doubleToLongBits(c));
    List<KmFigure.Series> plain = new ArrayList<>();
    List<KmFigure.WeightedSeries> weighted = new ArrayList<>();
    for (int g = 0; g < 2; g++) {
      int n = 40 + 13 * g;
      double[] t = new double[n];
      int[] s = new int[n];
      double[] w = new double[n];
      for (int i = 0; i < n; i++) {
        double event = -Math.log(r.nextDouble()) * (30 + 20 * g);
        double censor = r.nextDouble() * 90;
        t[i] = Math.ceil(Math.min(event, censor)); // ties
        s[i] = event <= censor ? 1 : 0;
        w[i] = c;
      }
      String label = "arm " + g;
      plain.add(new KmFigure.Series(label, KaplanMeier.fit(t, s)));
      weighted.add(
          new KmFigure.WeightedSeries(
              label,
              WeightedKaplanMeier.fit(t, s, w, new KaplanMeierOptions(ConfidenceType.LOG, 0.95))));
    }
    double[] breaks = {0, 20, 40, 60, 80};
    boolean band = c == 1; // robust (non-integer) bands differ from Greenwood's, by design
    KmFigure f0 = KmFigure.builder(plain).breaks(breaks).confBand(band).note("Weights: w").build();
    KmFigure f1 = KmFigure.weightedBuilder(weighted, "w").breaks(breaks).confBand(band).build();
    Document d0 = DrawnText.svg(f0);
    Document d1 = DrawnText.svg(f1);
    for (int k = 0; k < 2; k++) {
      List<List<double[]>> p0 = DrawnText.polylines(DrawnText.part(d0, "curve-" + k));
      List<List<double[]>> p1 = DrawnText.polylines(DrawnText.part(d1, "curve-" + k));
      assertThat(p1).hasSameSizeAs(p0);
      for (int j = 0; j < p0.size(); j++) {
        assertThat(p1.get(j)).usingRecursiveFieldByFieldElementComparator().isEqualTo(p0.get(j));
      }
      assertThat(f1.steps(k)).isEqualTo(f0.steps(k));
    }
    assertThat(f1.censorMarksDrawn()).isEqualTo(f0.censorMarksDrawn());
    assertThat(DrawnText.texts(DrawnText.part(d1, "legend")))
        .isEqualTo(DrawnText.texts(DrawnText.part(d0, "legend")))
        .contains("Weights: w");
    List<String> expected = new ArrayList<>(List.of("Weighted number at risk"));
    for (KmFigure.Series ser : plain) {
      expected.add(ser.label());
      for (double b : breaks) {
        expected.add(Long.toString((long) Math.rint(c * KmFigure.atRisk(ser.curve(), b))));
      }
    }
    assertThat(DrawnText.texts(DrawnText.part(d1, "risk-table")))
        .containsExactlyElementsOf(expected);
  }

  @Test
  void oneStepPerDistinctEventTimeDrawnAndTheCurveEndsAtTheLastEstimate() throws Exception {
    List<KmFigure.Series> s = series(2, 60, 7);
    KmFigure f = KmFigure.builder(s).breaks(new double[] {0, 50, 100}).build();
    Document doc = DrawnText.svg(f);
    for (int k = 0; k < s.size(); k++) {
      KaplanMeierCurve c = s.get(k).curve();
      int events = 0;
      for (int i = 0; i < c.size(); i++) {
        events += c.nEvent(i) > 0 ? 1 : 0;
      }
      List<double[]> line = DrawnText.polylines(DrawnText.part(doc, "curve-" + k)).get(0);
      int drops = 0;
      for (int i = 1; i < line.size(); i++) {
        if (line.get(i)[0] == line.get(i - 1)[0] && line.get(i)[1] > line.get(i - 1)[1]) {
          drops++;
        }
      }
      assertThat(drops).isEqualTo(events).isEqualTo(f.steps(k));
      double lastS = c.survival(c.size() - 1);
      assertThat(line.get(line.size() - 1)[1]).isCloseTo(f.y(lastS), within(0.01));
    }
  }

  @Test
  void eventFunctionDrawsOneMinusSurvival() throws Exception {
    List<KmFigure.Series> s = series(1, 50, 3);
    KmFigure f = KmFigure.builder(s).fun(KmFigure.Fun.EVENT).build();
    List<double[]> line = DrawnText.polylines(DrawnText.part(DrawnText.svg(f), "curve-0")).get(0);
    assertThat(line.get(0)[1]).isCloseTo(f.y(0), within(0.01));
    KaplanMeierCurve c = s.get(0).curve();
    assertThat(line.get(line.size() - 1)[1])
        .isCloseTo(f.y(1 - c.survival(c.size() - 1)), within(0.01));
    assertThat(DrawnText.texts(DrawnText.part(DrawnText.svg(f), "axes")))
        .contains("Cumulative incidence");
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 4})
  void legendCoversNoDrawnCurveAndCarriesTestAndPairwiseP(int groups) throws Exception {
    List<KmFigure.Series> s = series(groups, 70, 11 + groups);
    KmFigure.Builder b = KmFigure.builder(s).legendTitle("Arm").confBand(true);
    // the test's result as the command has it
    LogRankResult lr = logRank(groups);
    b.test(lr);
    KmFigure f = b.build();
    Rectangle2D legend = f.legendBox().orElseThrow();
    Document doc = DrawnText.svg(f);
    for (int k = 0; k < groups; k++) {
      for (List<double[]> line : DrawnText.polylines(DrawnText.part(doc, "curve-" + k))) {
        for (int i = 1; i < line.size(); i++) {
          Line2D seg =
              new Line2D.Double(
                  line.get(i - 1)[0], line.get(i - 1)[1], line.get(i)[0], line.get(i)[1]);
          assertThat(seg.intersects(legend)).as("curve %d segment %d", k, i).isFalse();
        }
      }
    }
    String text = DrawnText.pdfText(f);
    assertThat(text).contains("Log-rank " + PValues.equation(lr.p()));
  }

  private static LogRankResult logRank(int groups) {
    SplittableRandom r = new SplittableRandom(groups);
    int n = 40 * groups;
    double[] t = new double[n];
    int[] s = new int[n];
    int[] g = new int[n];
    for (int i = 0; i < n; i++) {
      g[i] = i % groups;
      t[i] = Math.ceil(-Math.log(r.nextDouble()) * (20 + 10 * g[i]));
      s[i] = r.nextDouble() < 0.8 ? 1 : 0;
    }
    return LogRank.test(t, s, g, groups, null, 0);
  }

  @Test
  void testNamesFollowRhoAndStrata() {
    assertThat(KmFigure.testName(0, 1)).isEqualTo("Log-rank");
    assertThat(KmFigure.testName(1, 1)).isEqualTo("Peto–Peto");
    assertThat(KmFigure.testName(0.5, 1)).isEqualTo("G-rho (ρ = 0.5)");
    assertThat(KmFigure.testName(0, 3)).isEqualTo("Stratified log-rank");
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aMillionRowsGiveAnSvgUnderOneMegabyteWithEveryEventDrawn(boolean days) throws Exception {
    // two groups of 500 000 with bands: the benchmark's figure (thyra-bench KmFigureBenchmark)
    SplittableRandom r = new SplittableRandom(42);
    List<KmFigure.Series> s = new ArrayList<>();
    for (int g = 0; g < 2; g++) {
      int n = 500_000;
      double[] t = new double[n];
      int[] st = new int[n];
      for (int i = 0; i < n; i++) {
        double e = -Math.log(r.nextDouble()) * (1200 + 600 * g);
        double c = r.nextDouble() * 3650;
        t[i] = days ? Math.ceil(Math.min(e, c)) : Math.min(e, c); // continuous: all distinct
        st[i] = e <= c ? 1 : 0;
      }
      s.add(new KmFigure.Series("g" + g, KaplanMeier.fit(t, st)));
    }
    KmFigure f = KmFigure.builder(s).confBand(true).build();
    byte[] svg = DrawnText.bytes(f, FigureFormat.SVG);
    assertThat(svg.length).isLessThan(1_000_000);
    Document doc = DrawnText.svg(f);
    for (int k = 0; k < 2; k++) {
      KaplanMeierCurve c = s.get(k).curve();
      int events = 0;
      for (int i = 0; i < c.size(); i++) {
        events += c.nEvent(i) > 0 ? 1 : 0;
      }
      assertThat(f.steps(k)).isEqualTo(events);
      // the drawn curve still ends at the last estimate: no drop lost in the merge
      List<List<double[]>> lines = DrawnText.polylines(DrawnText.part(doc, "curve-" + k));
      // the band comes first, then the curve, then the censor marks (two points each)
      List<List<double[]>> longLines = lines.stream().filter(l -> l.size() > 100).toList();
      List<double[]> line = longLines.get(longLines.size() - 1);
      assertThat(line.get(line.size() - 1)[1])
          .isCloseTo(f.y(c.survival(c.size() - 1)), within(0.01));
    }
    assertThat(f.censorMarksDrawn()).isPositive().isLessThanOrEqualTo(f.censorTimes());
  }

  @Test
  void breaksMustIncrease() {
    List<KmFigure.Series> s = series(1, 10, 1);
    assertThatThrownBy(() -> KmFigure.builder(s).breaks(new double[] {0, 24, 12}).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--x-breaks");
  }

  @Test
  void aGroupWithoutEventsIsAFlatLineAndItsRiskRowCountsDown() throws Exception {
    KaplanMeierCurve none = KaplanMeier.fit(new double[] {5, 10, 20}, new int[] {0, 0, 0});
    KmFigure f =
        KmFigure.builder(List.of(new KmFigure.Series("no events", none)))
            .breaks(new double[] {0, 10, 20, 30})
            .build();
    assertThat(f.steps(0)).isZero();
    assertThat(Arrays.stream(f.breaks()).mapToInt(b -> KmFigure.atRisk(none, b)).toArray())
        .containsExactly(3, 2, 1, 0);
    assertThat(DrawnText.pdfText(f)).contains("Number at risk");
  }

  /** Raw data of {@link #raw}: times, statuses and group codes. */
  private record Raw(double[] t, int[] s, int[] g) {}

  private static Raw raw(int groups, int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] t = new double[groups * n];
    int[] s = new int[t.length];
    int[] g = new int[t.length];
    for (int i = 0; i < t.length; i++) {
      g[i] = i % groups;
      double event = -Math.log(r.nextDouble()) * (30 + 15 * g[i]);
      double censor = r.nextDouble() * 90;
      t[i] = Math.ceil(Math.min(event, censor));
      s[i] = event <= censor ? 1 : 0;
    }
    return new Raw(t, s, g);
  }

  private static List<KmFigure.Series> fit(Raw d, int groups) {
    List<KaplanMeierCurve> curves = KaplanMeier.fitGroups(d.t(), d.s(), d.g(), groups);
    List<KmFigure.Series> out = new ArrayList<>();
    for (int k = 0; k < groups; k++) {
      out.add(new KmFigure.Series("arm " + (char) ('A' + k), curves.get(k)));
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(longs = {4, 5})
  void kmunicateRowsCountCensoredAndEventsUpToEachTimeFromTheData(long seed) throws Exception {
    int groups = 2;
    Raw d = raw(groups, 60, seed);
    double[] breaks = {0, 20, 40, 60, 80};
    KmFigure f = KmFigure.builder(fit(d, groups)).breaks(breaks).kmunicate(true).build();
    List<DrawnText.Word> words = DrawnText.pdfWords(f);
    // the three sections' titles, top to bottom, then under each the two arms' rows
    double[] sectionY = new double[3];
    String[] titles = {"Number", "Censored", "Events"};
    for (int k = 0; k < 3; k++) {
      String title = titles[k];
      sectionY[k] =
          words.stream()
              .filter(w -> w.text().equals(title))
              .mapToDouble(DrawnText.Word::y)
              .max()
              .orElseThrow();
    }
    assertThat(sectionY).isSorted();
    for (int sec = 1; sec < 3; sec++) {
      double below = sectionY[sec];
      for (int k = 0; k < groups; k++) {
        // the k-th row of numbers under the section's title
        List<Double> rowYs =
            words.stream()
                .filter(w -> w.text().matches("[0-9]+") && w.y() > below + 1)
                .map(DrawnText.Word::y)
                .distinct()
                .sorted()
                .toList();
        double y = rowYs.get(k);
        List<String> row =
            words.stream()
                .filter(w -> Math.abs(w.y() - y) < 0.5 && w.text().matches("[0-9]+"))
                .sorted((a, b) -> Double.compare(a.centre(), b.centre()))
                .map(DrawnText.Word::text)
                .toList();
        List<String> expected = new ArrayList<>();
        for (double b : breaks) {
          int count = 0;
          for (int i = 0; i < d.t().length; i++) {
            boolean wanted = sec == 1 ? d.s()[i] == 0 : d.s()[i] == 1;
            count += d.g()[i] == k && d.t()[i] <= b && wanted ? 1 : 0;
          }
          expected.add(Integer.toString(count));
        }
        assertThat(row).as("%s, arm %d", titles[sec], k).isEqualTo(expected);
      }
    }
  }

  @Test
  void pairwisePValuesOfEveryPairAreDrawnWithTheirAdjustment() throws Exception {
    int groups = 3;
    Raw d = raw(groups, 50, 9);
    List<KmFigure.Series> s = fit(d, groups);
    LogRankPairwiseResult pairs =
        LogRankPairwise.test(d.t(), d.s(), d.g(), groups, null, 0, PValueAdjustment.HOLM);
    KmFigure f =
        KmFigure.builder(s)
            .test(LogRank.test(d.t(), d.s(), d.g(), groups, null, 0))
            .pairwise(pairs, s.stream().map(KmFigure.Series::label).toList())
            .build();
    String text = DrawnText.pdfText(f);
    assertThat(text).contains("Pairwise (Holm-adjusted):");
    assertThat(pairs.pairs()).hasSize(3);
    for (LogRankPair p : pairs.pairs()) {
      assertThat(text)
          .contains(
              s.get(p.a()).label()
                  + " vs "
                  + s.get(p.b()).label()
                  + ": "
                  + PValues.equation(p.pAdjusted()));
    }
    // the legend with all those lines still covers no curve
    Rectangle2D legend = f.legendBox().orElseThrow();
    Document doc = DrawnText.svg(f);
    for (int k = 0; k < groups; k++) {
      for (List<double[]> line : DrawnText.polylines(DrawnText.part(doc, "curve-" + k))) {
        for (int i = 1; i < line.size(); i++) {
          assertThat(
                  new Line2D.Double(
                          line.get(i - 1)[0], line.get(i - 1)[1], line.get(i)[0], line.get(i)[1])
                      .intersects(legend))
              .isFalse();
        }
      }
    }
  }

  @Test
  void medianLinesDropFromOneHalfAtEachReachedMedian() throws Exception {
    Raw d = raw(2, 80, 21);
    List<KmFigure.Series> s = fit(d, 2);
    KmFigure f = KmFigure.builder(s).medians(true).breaks(new double[] {0, 50, 100}).build();
    Element medians = DrawnText.part(DrawnText.svg(f), "medians");
    List<double[]> segments = new ArrayList<>(DrawnText.lines(medians));
    for (List<double[]> l : DrawnText.polylines(medians)) {
      double[] a = l.get(0);
      double[] b = l.get(l.size() - 1);
      segments.add(new double[] {a[0], a[1], b[0], b[1]});
    }
    List<Double> verticals = new ArrayList<>();
    for (double[] seg : segments) {
      if (Math.abs(seg[0] - seg[2]) < 0.01) {
        verticals.add(seg[0]);
        assertThat(Math.min(seg[1], seg[3])).isCloseTo(f.y(0.5), within(0.01));
      }
    }
    List<Double> expected = new ArrayList<>();
    for (KmFigure.Series ser : s) {
      assertThat(ser.curve().median().isReached()).isTrue();
      expected.add(f.x(ser.curve().median().estimate()));
    }
    assertThat(verticals).hasSameSizeAs(expected);
    for (int k = 0; k < expected.size(); k++) {
      assertThat(verticals.get(k)).isCloseTo(expected.get(k), within(0.01));
    }
  }
}
