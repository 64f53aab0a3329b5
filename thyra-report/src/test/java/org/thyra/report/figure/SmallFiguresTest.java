package org.thyra.report.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.thyra.stats.prediction.CalibrationValidationGroup;
import org.thyra.stats.prediction.CalibrationValidationResult;
import org.thyra.stats.prediction.KmCalibrationGroup;
import org.thyra.stats.prediction.KmCalibrationResult;
import org.thyra.stats.prediction.TimeDependentAucPoint;
import org.thyra.stats.prediction.TimeDependentAucResult;
import org.thyra.stats.roc.RocCurve;
import org.thyra.stats.roc.RocDirection;
import org.thyra.stats.roc.RocResult;

class SmallFiguresTest {

  @ParameterizedTest
  @CsvSource({
    "0.0004, <0.001, p < 0.001",
    "0.0494, 0.049, p = 0.049",
    "0.1234, 0.12, p = 0.12",
    "0.999, >0.99, p > 0.99"
  })
  void pValuesAsJournalsPrintThem(double p, String value, String equation) {
    assertThat(PValues.format(p)).isEqualTo(value);
    assertThat(PValues.equation(p)).isEqualTo(equation);
  }

  @ParameterizedTest
  @CsvSource({
    "MONTHS, 36, 3-year survival",
    "MONTHS, 18, 18-month survival",
    "DAYS, 365, 1-year survival",
    "DAYS, 1461, 4-year survival",
    "DAYS, 100, 100-day survival",
    "YEARS, 5, 5-year survival",
    "UNKNOWN, 36, Survival at t = 36"
  })
  void horizonsInWords(TimeUnit unit, double h, String words) {
    assertThat(unit.survival(h)).isEqualTo(words);
  }

  @Test
  void rocLegendHasAucWithItsCiAndTheCurveRunsFromCornerToCorner() throws Exception {
    double[] y = {0, 0, 0, 0, 1, 1, 1, 0, 1, 1};
    double[] m = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    RocResult r = RocCurve.of(y, m, RocDirection.AUTO).result(0.95);
    RocFigure f = new RocFigure(List.of(new RocFigure.Marker("Tg", r)), FigureSpec.DEFAULT);
    assertThat(RocFigure.legend(new RocFigure.Marker("Tg", r)))
        .startsWith(String.format(java.util.Locale.ROOT, "Tg: AUC %.3f (95%% CI ", r.auc().auc()));
    List<double[]> line = DrawnText.polylines(DrawnText.part(DrawnText.svg(f), "curve-0")).get(0);
    assertThat(line.get(0)[0]).isCloseTo(f.x(1), within(0.01));
    assertThat(line.get(0)[1]).isCloseTo(f.y(1), within(0.01));
    assertThat(line.get(line.size() - 1)[0]).isCloseTo(f.x(0), within(0.01));
    assertThat(line.get(line.size() - 1)[1]).isCloseTo(f.y(0), within(0.01));
    assertThat(DrawnText.pdfText(f)).contains("1 − Specificity", "Youden", "cut-off 4.5");
  }

  @Test
  void timeAucShowsEachTimeWithItsCounts() throws Exception {
    TimeDependentAucResult r =
        new TimeDependentAucResult(
            List.of(
                new TimeDependentAucPoint(12, 0.71, 0.04, 0.63, 0.79, 30, 100),
                new TimeDependentAucPoint(36, 0.68, 0.05, 0.58, 0.78, 60, 50)),
            0.95,
            "IPCW",
            List.of());
    TimeAucFigure f = new TimeAucFigure(r, "ps-Tg", "Time (months)", FigureSpec.DEFAULT);
    assertThat(DrawnText.pdfText(f)).contains("0.71", "0.68", "12: 30/100", "36: 60/50");
  }

  @Test
  void calibrationDrawsGroupsCorrectedValuesAndStatesBAndMeanError() throws Exception {
    KmCalibrationResult a =
        new KmCalibrationResult(
            36,
            50,
            List.of(
                new KmCalibrationGroup(0.4, 50, 25, 0.45, 0.1),
                new KmCalibrationGroup(0.7, 50, 12, 0.66, 0.08)),
            "KM",
            List.of());
    CalibrationValidationResult b =
        new CalibrationValidationResult(
            36,
            50,
            List.of(
                new CalibrationValidationGroup(0.4, 0.45, 0.05, 0.02, 0.43, 0.01, 200),
                new CalibrationValidationGroup(0.7, 0.66, -0.04, 0.01, 0.65, 0.01, 200)),
            200,
            198,
            1,
            "boot",
            List.of());
    CalibrationFigure f =
        CalibrationFigure.cox(TimeUnit.MONTHS.horizon(36), a, b, FigureSpec.DEFAULT);
    assertThat(f.groups()).hasSize(2);
    assertThat(f.groups().get(0).corrected()).isEqualTo(0.43);
    String text = DrawnText.pdfText(f);
    // mean |corrected - predicted| = (0.03 + 0.05) / 2
    assertThat(text).contains("3-year survival", "B = 198", "mean |error| = 0.040");
    // a narrow panel (three to a 170 mm page) breaks the subtitle into lines inside its width
    CalibrationFigure narrow =
        CalibrationFigure.cox(
            TimeUnit.MONTHS.horizon(36), a, b, FigureSpec.DEFAULT.withSize(52, 60));
    List<DrawnText.Word> words = DrawnText.pdfWords(narrow);
    java.util.Set<String> subtitle =
        java.util.Set.of("Groups", "~50;", "KM", "observed", "±", "95%", "CI;", "×", "|error|");
    for (DrawnText.Word w : words) {
      if (subtitle.contains(w.text())) {
        assertThat(w.right()).as(w.text()).isLessThanOrEqualTo(narrow.width() + 0.01);
      }
    }
    assertThat(words.stream().filter(w -> w.text().equals("Groups")).count()).isEqualTo(1);
    assertThat(DrawnText.pdfText(narrow)).contains("B = 198;", "mean |error| = 0.040");
  }

  @Test
  void sankeyBlocksAddUpToTheTableAndPrintCountsAndPercentages() throws Exception {
    long[][] t = {{10, 5}, {2, 3}};
    SankeyFigure f =
        new SankeyFigure(
            "First", "Last", List.of("ER", "SIR"), t, "McNemar p = 0.45", FigureSpec.DEFAULT);
    assertThat(f.total()).isEqualTo(20);
    assertThat(DrawnText.pdfText(f))
        .contains("ER 15 (75%)", "SIR 5 (25%)", "ER 12 (60%)", "SIR 8 (40%)", "McNemar p = 0.45");
    assertThatThrownBy(
            () ->
                new SankeyFigure(
                    "a",
                    "b",
                    List.of("x", "y"),
                    new long[][] {{0, 0}, {0, 0}},
                    null,
                    FigureSpec.DEFAULT))
        .hasMessageContaining("at least one pair");
  }

  @Test
  void boxQuartilesAreRsType7() {
    double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    // quantile(1:10, c(.25, .5, .75)) = 3.25 5.50 7.75
    assertThat(BoxDotFigure.quantile(v, 0.25)).isEqualTo(3.25);
    assertThat(BoxDotFigure.quantile(v, 0.5)).isEqualTo(5.5);
    assertThat(BoxDotFigure.quantile(v, 0.75)).isEqualTo(7.75);
  }

  @Test
  void barsPrintEventsOverN() throws Exception {
    BarFigure f =
        new BarFigure(
            List.of("lung", "bone"),
            List.of("hypocalcaemia"),
            new long[][] {{3, 0}},
            new long[][] {{12, 7}},
            "Patients (%)",
            null,
            FigureSpec.DEFAULT);
    assertThat(DrawnText.pdfText(f)).contains("3/12", "0/7", "lung", "bone");
    assertThat(f.barTop(0, 1)).isGreaterThan(f.barTop(0, 0));
  }

  @Test
  void panelsAreLetteredInOrder() throws Exception {
    assertThat(PanelFigure.letter(0)).isEqualTo("A");
    assertThat(PanelFigure.letter(25)).isEqualTo("Z");
    assertThat(PanelFigure.letter(26)).isEqualTo("AA");
    Figure one = FlowChart.of(List.of(new FlowChart.Step("x", 1)));
    PanelFigure p = new PanelFigure(List.of(one, one, one), 2);
    assertThat(p.parts()).containsExactly("panel-A", "panel-B", "panel-C");
    assertThat(p.width()).isGreaterThan(2 * one.width());
    assertThat(DrawnText.pdfText(p)).contains("A", "B", "C");
  }

  @Test
  void flowChartApiTakesStepsAndExclusions() throws Exception {
    FlowChart f =
        FlowChart.of(
            List.of(
                new FlowChart.Step("Screened", 300),
                new FlowChart.Step(
                    "Eligible",
                    250,
                    List.of(
                        new FlowChart.Exclusion("Benign", 40),
                        new FlowChart.Exclusion("No imaging", 10)))));
    assertThat(f.steps()).hasSize(2);
    String text = DrawnText.pdfText(f).replace('\u00a0', ' ');
    assertThat(text).contains("Screened", "n = 300", "Excluded (n = 50)", "Benign (n = 40)");
  }
}
