package org.thyra.frame.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thyra.frame.CategoricalColumn;
import org.thyra.frame.Column;
import org.thyra.frame.DataTable;
import org.thyra.frame.EventCode;
import org.thyra.frame.InputException;
import org.thyra.frame.NumericColumn;

/**
 * {@link ModelFrame#build(DataTable, Formula, Map, int[])} on a row subset and {@link
 * ModelFrame#encode}.
 */
class ModelFrameEncodeTest {
  private static final double NA = Double.NaN;

  private static DataTable table(String source, Column... columns) {
    return DataTable.of(source, List.of(columns));
  }

  /** Development: stage I, II, III; grade numeric; outcome yes/no. */
  private static DataTable development() {
    return table(
        "dev.csv",
        NumericColumn.of("time", 5, 8, 3, 12, 6, 7, 9),
        NumericColumn.of("status", 1, 0, 1, 0, 1, 1, 0),
        CategoricalColumn.of("stage", "II", "I", "III", "I", "II", "III", "I"),
        NumericColumn.of("grade", 2, 1, 1, 3, 2, 1, 2),
        CategoricalColumn.of("resp", "yes", "no", "yes", "no", "no", "yes", "no"));
  }

  @Test
  void subsetFrameTakesLevelsFromItsRowsOnly() {
    Formula f = Formula.parse("Surv(time, status) ~ stage + grade");
    ModelFrame sub = ModelFrame.build(development(), f, Map.of(), new int[] {2, 4, 5, 1});
    assertThat(sub.rows()).containsExactly(1, 2, 4, 5);
    assertThat(sub.droppedMissing()).isZero();
    assertThat(sub.design().columnNames())
        .containsExactly("stage=II", "grade"); // III not in these rows
    assertThat(sub.warnings())
        .anyMatch(w -> w.contains("\"III\"") && w.contains("in the selected rows"))
        .noneMatch(w -> w.contains("after dropping"));
    assertThatThrownBy(
            () ->
                ModelFrame.build(development(), f, Map.of("stage", "III"), new int[] {2, 4, 5, 1}))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("reference level \"III\"")
        .hasMessageContaining("in the selected rows")
        .hasMessageNotContaining("after dropping rows");
    assertThat(sub.time()).containsExactly(5, 8, 12, 6);
  }

  @Test
  void subsetCountsMissingOnlyAmongItsRows() {
    DataTable t =
        table(
            "d.csv",
            NumericColumn.of("time", 1, 2, 3, 4),
            NumericColumn.of("status", 1, 0, 1, 1),
            NumericColumn.of("x", NA, 2, NA, 4));
    ModelFrame sub =
        ModelFrame.build(t, Formula.parse("Surv(time, status) ~ x"), Map.of(), new int[] {2, 3, 4});
    assertThat(sub.rows()).containsExactly(2, 4);
    assertThat(sub.droppedMissing()).isEqualTo(1);
    assertThatThrownBy(
            () ->
                ModelFrame.build(
                    t, Formula.parse("Surv(time, status) ~ x"), Map.of(), new int[] {5}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("data row 5 is not in 1..4");
  }

  @Test
  void encodeUsesDevelopmentLevelsReferenceAndColumnNames() {
    Formula f = Formula.parse("Surv(time, status) ~ stage + grade");
    ModelFrame dev = ModelFrame.build(development(), f, Map.of("stage", "II"));
    assertThat(dev.design().columnNames()).containsExactly("stage=I", "stage=III", "grade");
    // new data: only levels III and II, different order of appearance, a missing grade
    DataTable val =
        table(
            "val.csv",
            NumericColumn.of("time", 4, 2, 6),
            NumericColumn.of("status", 1, 1, 0),
            CategoricalColumn.of("stage", "III", "II", "III"),
            NumericColumn.of("grade", 1, NA, 3));
    ModelFrame v = dev.encode(val, null);
    assertThat(v.source()).isEqualTo("val.csv");
    assertThat(v.rows()).containsExactly(1, 3);
    assertThat(v.droppedMissing()).isEqualTo(1);
    assertThat(v.design().columnNames()).containsExactly("stage=I", "stage=III", "grade");
    assertThat(v.design().column(0)).containsExactly(0, 0);
    assertThat(v.design().column(1)).containsExactly(1, 1);
    assertThat(v.design().column(2)).containsExactly(1, 3);
    assertThat(v.variables().get(0).levels()).containsExactly("II", "I", "III");
    assertThat(v.variables().get(0).codes()).containsExactly(2, 2);
  }

  @Test
  void encodeRestrictsToGivenRows() {
    Formula f = Formula.parse("Surv(time, status) ~ grade");
    DataTable t = development();
    ModelFrame dev = ModelFrame.build(t, f, Map.of(), new int[] {1, 2, 3, 4});
    ModelFrame v = dev.encode(t, new int[] {5, 6, 7});
    assertThat(v.rows()).containsExactly(5, 6, 7);
    assertThat(v.design().column(0)).containsExactly(2, 1, 2);
  }

  @Test
  void unseenLevelNamesFileRowColumnAndLevel() {
    Formula f = Formula.parse("Surv(time, status) ~ stage");
    ModelFrame dev = ModelFrame.build(development(), f, Map.of());
    DataTable val =
        table(
            "val.csv",
            NumericColumn.of("time", 4, 2, 6),
            NumericColumn.of("status", 1, 1, 0),
            CategoricalColumn.of("stage", "I", "II", "IVb"));
    InputException e = catchThrowableOfType(InputException.class, () -> dev.encode(val, null));
    assertThat(e.file()).isEqualTo("val.csv");
    assertThat(e.row()).isEqualTo(3);
    assertThat(e.column()).isEqualTo("stage");
    assertThat(e.getMessage()).contains("\"IVb\"").contains("dev.csv").contains("I, II, III");
  }

  @Test
  void factorOfNumberMatchesByLabelAndNumericMustStayNumeric() {
    Formula f = Formula.parse("Surv(time, status) ~ factor(grade)");
    ModelFrame dev = ModelFrame.build(development(), f, Map.of());
    DataTable val =
        table(
            "val.csv",
            NumericColumn.of("time", 4, 2),
            NumericColumn.of("status", 1, 1),
            NumericColumn.of("grade", 3, 1));
    ModelFrame v = dev.encode(val, null);
    assertThat(v.design().columnNames()).containsExactly("grade=2", "grade=3");
    assertThat(v.design().column(1)).containsExactly(1, 0);
    DataTable unseen =
        table(
            "val.csv",
            NumericColumn.of("time", 4),
            NumericColumn.of("status", 1),
            NumericColumn.of("grade", 4));
    assertThatThrownBy(() -> dev.encode(unseen, null))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("\"4\"");
    ModelFrame numeric =
        ModelFrame.build(development(), Formula.parse("Surv(time, status) ~ grade"), Map.of());
    DataTable text =
        table(
            "val.csv",
            NumericColumn.of("time", 4, 5, 6),
            NumericColumn.of("status", 1, 0, 1),
            CategoricalColumn.of("grade", "2", "high", "1"));
    assertThatThrownBy(() -> numeric.encode(text, null))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("must be numeric")
        .hasMessageContaining("row 2 has \"high\"")
        .satisfies(e -> assertThat(((InputException) e).row()).isEqualTo(2));
  }

  @Test
  void eventColumnOfOnlyOnesFollowsTheDevelopmentCoding() {
    DataTable dev =
        table(
            "dev.csv",
            NumericColumn.of("time", 5, 8, 3, 12),
            NumericColumn.of("status", 2, 1, 2, 1),
            NumericColumn.of("grade", 2, 1, 1, 3));
    ModelFrame d = ModelFrame.build(dev, Formula.parse("Surv(time, status) ~ grade"), Map.of());
    DataTable allCensored =
        table(
            "val.csv",
            NumericColumn.of("time", 4, 6, 7),
            NumericColumn.of("status", 1, NA, 1),
            NumericColumn.of("grade", 1, 2, 3));
    ModelFrame v = d.encode(allCensored, null);
    assertThat(v.status()).containsExactly(0, 0);
    assertThat(v.eventCoding()).isEqualTo(EventCode.ONE_TWO);
    assertThat(v.warnings())
        .anyMatch(w -> w.contains("only the value 1") && w.contains("censored"));
    DataTable zeroOne =
        table(
            "val.csv",
            NumericColumn.of("time", 4, 6),
            NumericColumn.of("status", 0, 1),
            NumericColumn.of("grade", 1, 2));
    ModelFrame z = d.encode(zeroOne, null);
    assertThat(z.status()).containsExactly(0, 1);
    assertThat(z.warnings()).anyMatch(w -> w.contains("coded 0/1 (1 = event) here but 1/2"));
  }

  @Test
  void binaryTextOutcomeKeepsDevelopmentCoding() {
    Formula f = Formula.parse("resp ~ grade");
    ModelFrame dev = ModelFrame.build(development(), f, Map.of());
    DataTable val =
        table(
            "val.csv", CategoricalColumn.of("resp", "yes", "yes"), NumericColumn.of("grade", 1, 2));
    ModelFrame v = dev.encode(val, null); // only one level present: still yes = 1
    assertThat(v.binaryResponse()).containsExactly(1, 1);
    DataTable other =
        table(
            "val.csv",
            CategoricalColumn.of("resp", "yes", "maybe"),
            NumericColumn.of("grade", 1, 2));
    assertThatThrownBy(() -> dev.encode(other, null))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("\"maybe\"");
  }

  @Test
  void stratifiedFramesCannotEncode() {
    ModelFrame dev =
        ModelFrame.build(
            development(), Formula.parse("Surv(time, status) ~ grade + strata(stage)"), Map.of());
    assertThatThrownBy(() -> dev.encode(development(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stratified");
  }
}
