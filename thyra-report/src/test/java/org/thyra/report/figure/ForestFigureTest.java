package org.thyra.report.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.thyra.frame.TableReader;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.report.figure.ForestFigure.Estimate;
import org.thyra.report.figure.ForestFigure.Row;
import org.thyra.stats.survival.CoxFit;
import org.thyra.stats.survival.CoxModel;
import org.thyra.stats.survival.CoxOptions;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ForestFigureTest {
  private static final Path LUNG = Path.of("../examples/data/lung.csv");

  private static ModelFrame frame() {
    return ModelFrame.build(
        TableReader.read(LUNG),
        Formula.parse("Surv(time, status) ~ age + factor(sex) + factor(ph.ecog)"));
  }

  private static CoxFit fit(ModelFrame f) {
    return CoxModel.fit(
        f.time(),
        f.status(),
        f.design().columns(),
        f.design().columnNames(),
        null,
        CoxOptions.defaults());
  }

  @Test
  void rowsShowEachVariableItsReferenceLevelAndCountsFromTheFrame() {
    ModelFrame f = frame();
    CoxFit fit = fit(f);
    ForestFigure fig = ForestFigure.of(f, fit, FigureSpec.DEFAULT);
    List<String> labels = fig.rows().stream().map(Row::label).toList();
    assertThat(labels).containsExactly("age", "sex", "1", "2", "ph.ecog", "0", "1", "2", "3");
    Row sexRef = fig.rows().get(2);
    assertThat(sexRef.estimates().get(0)).isSameAs(Estimate.REFERENCE);
    assertThat(ForestFigure.ciText(sexRef.estimates().get(0))).isEqualTo("Reference");
    // N of each level = rows of the frame at that level; they add up to n
    int n = 0;
    for (int r = 2; r <= 3; r++) {
      n += Integer.parseInt(fig.rows().get(r).count());
    }
    assertThat(n).isEqualTo(f.n());
    Estimate sex2 = fig.rows().get(3).estimates().get(0);
    int j = fit.names().indexOf("sex=2");
    assertThat(sex2.ratio()).isEqualTo(fit.hazardRatios()[j]);
    assertThat(sex2.lower()).isEqualTo(fit.lower()[j]);
  }

  @Test
  void splineAndInteractionColumnsSitUnderTheirTermNotAfterTheVariables() {
    ModelFrame f =
        ModelFrame.build(
            TableReader.read(LUNG),
            Formula.parse(
                "Surv(time, status) ~ rcs(age, 4) + factor(sex) * ph.ecog + ph.karno + ph.karno:ph.ecog"));
    CoxFit fit = fit(f);
    ForestFigure fig = ForestFigure.of(f, fit, FigureSpec.DEFAULT);
    List<String> labels = fig.rows().stream().map(Row::label).toList();
    List<Integer> indents = fig.rows().stream().map(Row::indent).toList();
    assertThat(labels)
        .containsExactly(
            "age (spline, 4 knots)",
            "age",
            "age'",
            "age''",
            "sex",
            "1",
            "2",
            "ph.ecog",
            "ph.karno",
            "sex:ph.ecog",
            "ph.karno:ph.ecog");
    assertThat(indents).containsExactly(0, 1, 1, 1, 0, 1, 1, 0, 0, 0, 0);
    // every coefficient of the fit is drawn exactly once, with its own estimate
    int drawn = 0;
    for (Row r : fig.rows()) {
      if (r.estimates() == null || r.estimates().get(0) == Estimate.REFERENCE) {
        continue;
      }
      Estimate e = r.estimates().get(0);
      assertThat(e).isNotSameAs(Estimate.ABSENT);
      assertThat(fit.hazardRatios()).contains(e.ratio());
      drawn++;
    }
    assertThat(drawn).isEqualTo(fit.names().size());
    int j = fit.names().indexOf("age''");
    assertThat(fig.rows().get(3).estimates().get(0).ratio()).isEqualTo(fit.hazardRatios()[j]);
  }

  @Test
  void hazardRatiosSitAtTheirPlaceOnTheDrawnLogAxis() throws Exception {
    ModelFrame f = frame();
    CoxFit fit = fit(f);
    ForestFigure fig = ForestFigure.of(f, fit, FigureSpec.DEFAULT);
    // the drawn tick labels give the axis: x = a + b log(hr), from labels "1" and the largest
    List<DrawnText.Word> words = DrawnText.pdfWords(fig);
    double axisY =
        words.stream()
            .filter(w -> w.text().equals("1") && w.y() > fig.rowY(fig.rows().size() - 1) + 4)
            .mapToDouble(DrawnText.Word::y)
            .findFirst()
            .orElseThrow();
    List<double[]> ticks = new ArrayList<>(); // {value, centre}
    for (DrawnText.Word w : words) {
      if (Math.abs(w.y() - axisY) < 0.5 && w.text().matches("[0-9.]+")) {
        ticks.add(new double[] {Double.parseDouble(w.text()), w.centre()});
      }
    }
    assertThat(ticks.size()).isGreaterThanOrEqualTo(3);
    double[] a = ticks.get(0);
    double[] b = ticks.get(ticks.size() - 1);
    double slope = (b[1] - a[1]) / (Math.log(b[0]) - Math.log(a[0]));
    for (double[] t : ticks) {
      assertThat(t[1]).isCloseTo(a[1] + slope * (Math.log(t[0]) - Math.log(a[0])), within(0.3));
    }
    // the squares (filled rects of the panel) at the HRs' positions on that axis
    Document doc = DrawnText.svg(fig);
    Element panel = DrawnText.part(doc, "panel-0");
    NodeList rects = panel.getElementsByTagNameNS("*", "rect");
    List<Double> centres = new ArrayList<>();
    for (int i = 0; i < rects.getLength(); i++) {
      Element r = (Element) rects.item(i);
      centres.add(
          Double.parseDouble(r.getAttribute("x"))
              + Double.parseDouble(r.getAttribute("width")) / 2);
    }
    double[] hr = fit.hazardRatios();
    assertThat(centres).hasSize(hr.length);
    for (int k = 0; k < hr.length; k++) {
      double expected = a[1] + slope * (Math.log(hr[k]) - Math.log(a[0]));
      assertThat(centres.get(k)).as(fit.names().get(k)).isCloseTo(expected, within(0.3));
    }
    assertThat(DrawnText.pdfText(fig))
        .contains("HR (95% CI)", "Reference", "Hazard ratio (log scale)");
  }

  @Test
  void anIntervalBeyondTheAxisIsClippedWithAnArrowAndItsTextStillSaysTheLimits() throws Exception {
    List<Row> rows =
        List.of(
            new Row("narrow", 0, "50", List.of(new Estimate(1.5, 1.2, 1.9, 0.001))),
            new Row("wide", 0, "3", List.of(new Estimate(2.0, 0.001, 4000, 0.5))));
    ForestFigure fig = new ForestFigure(List.of(""), "OR", rows, FigureSpec.DEFAULT);
    double[] lim = fig.limits();
    assertThat(lim[0]).isGreaterThan(0.001);
    assertThat(lim[1]).isLessThan(4000);
    Element panel = DrawnText.part(DrawnText.svg(fig), "panel-0");
    // two arrow heads: closed triangles
    long arrows = DrawnText.polylines(panel).stream().filter(p -> p.size() == 3).count();
    assertThat(arrows).isEqualTo(2);
    assertThat(DrawnText.pdfText(fig)).contains("2.00 (1.0e-03–4000)").contains("Odds ratio");
  }

  /** Rows whose interval text is far longer than the header, two panels: "1.2e+05 (...)". */
  private static List<Row> longTextRows() {
    return List.of(
        new Row(
            "age",
            0,
            "213",
            List.of(new Estimate(1.02, 1.0, 1.04, 0.02), new Estimate(1.02, 1.0, 1.04, 0.13))),
        new Row("stage", 0, "", null),
        new Row("I", 1, "20", List.of(Estimate.REFERENCE, Estimate.REFERENCE)),
        new Row(
            "IV",
            1,
            "3",
            List.of(
                new Estimate(123456.7, 0.000012, 1.3e12, 0.99),
                new Estimate(2345.6, 0.5, Double.POSITIVE_INFINITY, 1e-7))),
        new Row(
            "a very long variable name indeed",
            0,
            "213",
            List.of(new Estimate(0.5, 0.3, 0.9, 0.0123), Estimate.ABSENT)));
  }

  @ParameterizedTest
  @CsvSource({"NaN, NaN", "250, NaN", "170, 80", "85, 60"})
  void longIntervalTextNeverReachesThePColumnAndNothingLeavesThePage(double w, double h)
      throws Exception {
    FigureSpec spec = FigureSpec.DEFAULT.withSize(w, h);
    ForestFigure fig =
        new ForestFigure(List.of("Univariable", "Multivariable"), "HR", longTextRows(), spec);
    List<DrawnText.Word> words = DrawnText.pdfWords(fig);
    for (DrawnText.Word word : words) {
      assertThat(word.left()).as(word.text()).isGreaterThanOrEqualTo(0);
      assertThat(word.right()).as(word.text()).isLessThanOrEqualTo(fig.width() + 0.01);
    }
    // on each row, every p value starts right of the end of every interval text before it
    for (String p : List.of("0.99", "<0.001", "0.012", "0.020", "0.13")) {
      DrawnText.Word pw =
          words.stream()
              .filter(x -> x.text().equals(p))
              .findFirst()
              .orElseThrow(() -> new AssertionError(p + " not drawn"));
      for (DrawnText.Word other : words) {
        boolean sameRow = Math.abs(other.y() - pw.y()) < 1;
        if (sameRow && other != pw && other.left() < pw.left()) {
          assertThat(other.right()).as(other.text() + " before " + p).isLessThan(pw.left() - 2);
        }
      }
    }
    // and no two words of one row overlap (tick labels of the log axis included)
    for (DrawnText.Word a : words) {
      for (DrawnText.Word b : words) {
        if (a != b && Math.abs(a.y() - b.y()) < 1 && a.left() < b.left()) {
          assertThat(a.right()).as(a.text() + " | " + b.text()).isLessThanOrEqualTo(b.left());
        }
      }
    }
    assertThat(DrawnText.pdfText(fig)).contains("1.2e+05 (1.2e-05–1.3e+12)", "2346 (0.50–Inf)");
  }

  @Test
  void univariableAndMultivariableSideBySideWithAnAbsentVariableMarked() throws Exception {
    ModelFrame f = frame();
    Map<String, Estimate> uni =
        Map.of(
            "age",
            new Estimate(1.02, 1.0, 1.04, 0.04),
            "sex=2",
            new Estimate(0.6, 0.4, 0.8, 0.001),
            "ph.ecog=1",
            new Estimate(1.4, 1.0, 2.0, 0.07),
            "ph.ecog=2",
            new Estimate(2.5, 1.6, 3.9, 0.0001),
            "ph.ecog=3",
            new Estimate(9, 1.2, 70, 0.03));
    Map<String, Estimate> multi = Map.of("sex=2", new Estimate(0.55, 0.39, 0.77, 0.0005));
    ForestFigure fig =
        new ForestFigure(
            List.of("Univariable", "Multivariable"),
            "HR",
            ForestFigure.rows(f, List.of(uni, multi)),
            FigureSpec.DEFAULT);
    Row age = fig.rows().get(0);
    assertThat(age.estimates().get(1)).isSameAs(Estimate.ABSENT);
    Row ecog0 = fig.rows().get(5);
    assertThat(ecog0.estimates().get(0)).isSameAs(Estimate.REFERENCE);
    assertThat(ecog0.estimates().get(1)).isSameAs(Estimate.ABSENT);
    String text = DrawnText.pdfText(fig);
    assertThat(text).contains("Univariable", "Multivariable", "—", "0.55 (0.39–0.77)");
    // both panels fit on the page
    assertThat(fig.x(1, fig.limits()[1])).isLessThan(fig.width());
  }
}
