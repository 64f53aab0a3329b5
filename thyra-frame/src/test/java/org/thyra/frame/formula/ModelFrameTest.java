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

class ModelFrameTest {
  private static final double NA = Double.NaN;

  private static DataTable table(Column... columns) {
    return DataTable.of("lung.csv", List.of(columns));
  }

  /** Six patients; row 3 misses age, row 5 misses stage. */
  private static DataTable cohort() {
    return table(
        NumericColumn.of("time", 5, 8, 0, 12, 3, 7),
        NumericColumn.of("status", 2, 1, 2, 1, 2, 2),
        NumericColumn.of("age", 60, 70, NA, 55, 66, 71),
        CategoricalColumn.of("stage", "II", "I", "III", "I", null, "II"),
        NumericColumn.of("grade", 2, 1, 1, 0.5, 2, 1),
        CategoricalColumn.of("centre", "b", "a", "a", "b", "a", "b"));
  }

  @Test
  void dropsRowsWithMissingValuesAndKeepsRowNumbers() {
    ModelFrame f =
        ModelFrame.build(cohort(), Formula.parse("Surv(time, status) ~ age + stage"), Map.of());
    assertThat(f.rows()).containsExactly(1, 2, 4, 6);
    assertThat(f.n()).isEqualTo(4);
    assertThat(f.droppedMissing()).isEqualTo(2);
    assertThat(f.time()).containsExactly(5, 8, 12, 7);
    assertThat(f.status()).containsExactly(1, 0, 0, 1);
    assertThat(f.eventCoding()).isEqualTo(EventCode.ONE_TWO);
    assertThat(f.isSurvival()).isTrue();
  }

  @Test
  void designUsesTreatmentContrastsNamedVariableEqualsLevel() {
    ModelFrame f =
        ModelFrame.build(cohort(), Formula.parse("Surv(time, status) ~ age + stage"), Map.of());
    DesignMatrix d = f.design();
    // level III only occurs in the dropped row 3: dropped with a warning
    assertThat(d.columnNames()).containsExactly("age", "stage=II");
    assertThat(d.column(0)).containsExactly(60, 70, 55, 71);
    assertThat(d.column(1)).containsExactly(1, 0, 0, 1);
    assertThat(d.assign()).containsExactly(0, 1);
    assertThat(d.rowCount()).isEqualTo(4);
    assertThat(d.columns()[1]).containsExactly(1, 0, 0, 1);
    assertThat(f.warnings())
        .containsExactly(
            "level \"III\" of \"stage\" has no rows after dropping rows with missing values; it was dropped");
    Variable stage = f.variables().get(1);
    assertThat(stage.categorical()).isTrue();
    assertThat(stage.levels()).containsExactly("I", "II");
    assertThat(stage.reference()).isEqualTo("I");
    assertThat(stage.firstColumn()).isEqualTo(1);
    assertThat(stage.columnCount()).isEqualTo(1);
    assertThat(stage.codes()).containsExactly(1, 0, 0, 1);
    Variable age = f.variables().get(0);
    assertThat(age.categorical()).isFalse();
    assertThat(age.codes()).isNull();
  }

  @Test
  void referenceLevelOverrideMovesItFirst() {
    DataTable t =
        table(
            NumericColumn.of("t", 1, 2, 3, 4),
            NumericColumn.of("e", 1, 0, 1, 1),
            CategoricalColumn.of("g", "a", "b", "c", "b"));
    ModelFrame f = ModelFrame.build(t, Formula.parse("Surv(t, e) ~ g"), Map.of("g", "b"));
    assertThat(f.design().columnNames()).containsExactly("g=a", "g=c");
    assertThat(f.variables().get(0).levels()).containsExactly("b", "a", "c");
    assertThat(f.variables().get(0).codes()).containsExactly(1, 0, 2, 0);
    assertThat(f.design().column(0)).containsExactly(1, 0, 0, 0);
    assertThat(f.design().column(1)).containsExactly(0, 0, 1, 0);
  }

  @Test
  void factorOfNumericColumnFormatsLabelsAsR() {
    ModelFrame f =
        ModelFrame.build(cohort(), Formula.parse("Surv(time, status) ~ factor(grade)"), Map.of());
    Variable grade = f.variables().get(0);
    assertThat(grade.kind()).isEqualTo(TermKind.FACTOR);
    assertThat(grade.levels()).containsExactly("0.5", "1", "2");
    assertThat(f.design().columnNames()).containsExactly("grade=1", "grade=2");
    assertThat(grade.codes()).containsExactly(2, 1, 1, 0, 2, 1);
  }

  @Test
  void numericReferenceMatchesByValue() {
    ModelFrame f =
        ModelFrame.build(
            cohort(), Formula.parse("Surv(time, status) ~ factor(grade)"), Map.of("grade", "1.0"));
    assertThat(f.variables().get(0).reference()).isEqualTo("1");
    assertThat(f.design().columnNames()).containsExactly("grade=0.5", "grade=2");
  }

  @Test
  void plainNumericLevelsSortNumerically() {
    DataTable t =
        table(
            NumericColumn.of("t", 1, 2, 3),
            NumericColumn.of("e", 1, 1, 0),
            NumericColumn.of("g", 10, 9, 100));
    ModelFrame f = ModelFrame.build(t, Formula.parse("Surv(t, e) ~ factor(g)"), null);
    assertThat(f.variables().get(0).levels()).containsExactly("9", "10", "100");
  }

  @Test
  void unknownReferenceVariableListsCategoricalVariables() {
    InputException e =
        catchThrowableOfType(
            InputException.class,
            () ->
                ModelFrame.build(
                    cohort(),
                    Formula.parse("Surv(time, status) ~ age + stage"),
                    Map.of("sex", "m")));
    assertThat(e.file()).isEqualTo("lung.csv");
    assertThat(e.column()).isEqualTo("sex");
    assertThat(e.getMessage())
        .contains("not a categorical variable")
        .contains("categorical variables: stage");
  }

  @Test
  void referenceOnNumericVariableSuggestsFactor() {
    assertThatThrownBy(
            () ->
                ModelFrame.build(
                    cohort(), Formula.parse("Surv(time, status) ~ age"), Map.of("age", "60")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("lung.csv, column \"age\"")
        .hasMessageContaining("write factor(age)");
  }

  @Test
  void unknownReferenceLevelListsLevels() {
    InputException e =
        catchThrowableOfType(
            InputException.class,
            () ->
                ModelFrame.build(
                    cohort(), Formula.parse("Surv(time, status) ~ stage"), Map.of("stage", "IV")));
    assertThat(e.getMessage())
        .isEqualTo(
            "lung.csv, column \"stage\": \"IV\" is not a level of \"stage\"; levels are: I, II, III");
  }

  @Test
  void referenceLevelWithoutRowsIsAnError() {
    InputException e =
        catchThrowableOfType(
            InputException.class,
            () ->
                ModelFrame.build(
                    cohort(),
                    Formula.parse("Surv(time, status) ~ age + stage"),
                    Map.of("stage", "III")));
    assertThat(e.column()).isEqualTo("stage");
    assertThat(e.getMessage())
        .startsWith("lung.csv, column \"stage\": the reference level \"III\"")
        .contains("has no rows after dropping")
        .endsWith("levels left: I, II");
  }

  @Test
  void negativeTimeIsAnErrorNamingRowAndColumn() {
    DataTable t = table(NumericColumn.of("t", 1, -2), NumericColumn.of("e", 1, 0));
    InputException e =
        catchThrowableOfType(
            InputException.class,
            () -> ModelFrame.build(t, Formula.parse("Surv(t, e) ~ 1"), Map.of()));
    assertThat(e.getMessage())
        .isEqualTo("lung.csv, row 2, column \"t\": negative survival time -2; times must be >= 0");
  }

  @Test
  void zeroTimeIsAllowedAndMissingTimeDropped() {
    DataTable t = table(NumericColumn.of("t", 0, NA, 3), NumericColumn.of("e", 1, 0, NA));
    ModelFrame f = ModelFrame.build(t, Formula.parse("Surv(t, e) ~ 1"), Map.of());
    assertThat(f.time()).containsExactly(0);
    assertThat(f.droppedMissing()).isEqualTo(2);
    assertThat(f.design().columnCount()).isZero();
    assertThat(f.variables()).isEmpty();
    assertThat(f.strata()).isNull();
  }

  @Test
  void categoricalTimeIsAnError() {
    DataTable t =
        table(CategoricalColumn.of("t", "1", null, "abc"), NumericColumn.of("e", 1, 0, 1));
    InputException e =
        catchThrowableOfType(
            InputException.class,
            () -> ModelFrame.build(t, Formula.parse("Surv(t, e) ~ 1"), Map.of()));
    assertThat(e.row()).isEqualTo(3);
    assertThat(e.column()).isEqualTo("t");
    assertThat(e.getMessage())
        .isEqualTo(
            "lung.csv, row 3, column \"t\": column \"t\" must be numeric (survival time), but row 3 has \"abc\"");
  }

  @Test
  void decimalCommaGetsAHint() {
    DataTable t = table(CategoricalColumn.of("t", "1,5"), NumericColumn.of("e", 1));
    InputException e =
        catchThrowableOfType(
            InputException.class,
            () -> ModelFrame.build(t, Formula.parse("Surv(t, e) ~ 1"), Map.of()));
    assertThat(e.getMessage())
        .startsWith("lung.csv, row 1, column \"t\": ")
        .contains("decimal comma");
  }

  @Test
  void invalidEventCodeIsAnError() {
    DataTable t = table(NumericColumn.of("t", 1, 2), NumericColumn.of("e", 1, 3));
    InputException e =
        catchThrowableOfType(
            InputException.class,
            () -> ModelFrame.build(t, Formula.parse("Surv(t, e) ~ 1"), Map.of()));
    assertThat(e.row()).isEqualTo(2);
    assertThat(e.column()).isEqualTo("e");
    assertThat(e.file()).isEqualTo("lung.csv");
  }

  @Test
  void unknownColumnInFormula() {
    InputException e =
        catchThrowableOfType(
            InputException.class,
            () -> ModelFrame.build(cohort(), Formula.parse("Surv(time, status) ~ Age"), Map.of()));
    assertThat(e.column()).isEqualTo("Age");
    assertThat(e.file()).isEqualTo("lung.csv");
    assertThat(e.getMessage())
        .startsWith("lung.csv, column \"Age\": no column \"Age\"")
        .contains("did you mean \"age\"?");
  }

  @Test
  void allRowsMissingIsAnError() {
    DataTable t =
        table(
            NumericColumn.of("t", 1, 2),
            NumericColumn.of("e", 1, 0),
            NumericColumn.of("x", NA, NA));
    assertThatThrownBy(() -> ModelFrame.build(t, Formula.parse("Surv(t, e) ~ x"), Map.of()))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("lung.csv: no rows left");
  }

  @Test
  void singleStratumLabelsAsR() {
    ModelFrame f =
        ModelFrame.build(
            cohort(), Formula.parse("Surv(time, status) ~ age + strata(centre)"), Map.of());
    assertThat(f.strata()).containsExactly(1, 0, 1, 0, 1);
    assertThat(f.strataLabels()).containsExactly("centre=a", "centre=b");
    assertThat(f.variables()).hasSize(1);
  }

  @Test
  void severalStrataCombineObservedCombinationsInOrder() {
    DataTable t =
        table(
            NumericColumn.of("t", 1, 2, 3, 4, 5),
            NumericColumn.of("e", 1, 0, 1, 1, 0),
            NumericColumn.of("a", 2, 1, 2, 1, 3),
            CategoricalColumn.of("b", "x", "y", "y", "x", "x"));
    ModelFrame f = ModelFrame.build(t, Formula.parse("Surv(t, e) ~ strata(a, b)"), Map.of());
    // R: levels(strata(a, b)) = "a=1, b=x" "a=1, b=y" "a=2, b=x" "a=2, b=y" "a=3, b=x"
    assertThat(f.strataLabels())
        .containsExactly("a=1, b=x", "a=1, b=y", "a=2, b=x", "a=2, b=y", "a=3, b=x");
    assertThat(f.strata()).containsExactly(2, 1, 3, 0, 4);
  }

  @Test
  void kaplanMeierGroupsFromFactorCodes() {
    ModelFrame f =
        ModelFrame.build(
            cohort(),
            Formula.parse("Surv(time, status) ~ factor(centre) + strata(stage)"),
            Map.of());
    assertThat(f.variables().get(0).codes()).containsExactly(1, 0, 0, 1, 1);
    assertThat(f.strataLabels()).containsExactly("stage=I", "stage=II", "stage=III");
  }

  @Test
  void singleLevelCovariateWarns() {
    DataTable t =
        table(
            NumericColumn.of("t", 1, 2),
            NumericColumn.of("e", 1, 0),
            CategoricalColumn.of("g", "a", "a"));
    ModelFrame f = ModelFrame.build(t, Formula.parse("Surv(t, e) ~ g"), Map.of());
    assertThat(f.design().columnCount()).isZero();
    assertThat(f.warnings()).singleElement().asString().contains("single level");
  }

  @Test
  void binaryResponseFromNumericZeroOne() {
    DataTable t = table(NumericColumn.of("y", 0, 1, NA, 1), NumericColumn.of("x", 1, 2, 3, 4));
    ModelFrame f = ModelFrame.build(t, Formula.parse("y ~ x"), Map.of());
    assertThat(f.binaryResponse()).containsExactly(0, 1, 1);
    assertThat(f.response()).containsExactly(0, 1, 1);
    assertThat(f.rows()).containsExactly(1, 2, 4);
    assertThat(f.eventCoding()).isNull();
    assertThat(f.isSurvival()).isFalse();
    assertThatThrownBy(f::time).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void numericResponseThatIsNotBinary() {
    DataTable t = table(NumericColumn.of("y", 0, 2.5), NumericColumn.of("x", 1, 2));
    ModelFrame f = ModelFrame.build(t, Formula.parse("y ~ x"), Map.of());
    assertThat(f.response()).containsExactly(0, 2.5);
    InputException e = catchThrowableOfType(InputException.class, f::binaryResponse);
    assertThat(e.getMessage())
        .startsWith("lung.csv, row 2, column \"y\": 2.5 is not a binary outcome");
  }

  @Test
  void binaryResponseFromYesNoAndTrueFalseAnyCase() {
    DataTable t =
        table(CategoricalColumn.of("y", "Yes", "no", "yes"), NumericColumn.of("x", 1, 2, 3));
    assertThat(ModelFrame.build(t, Formula.parse("y ~ x"), Map.of()).binaryResponse())
        .containsExactly(1, 0, 1);
    DataTable u = table(CategoricalColumn.of("y", "TRUE", "FALSE"), NumericColumn.of("x", 1, 2));
    assertThat(ModelFrame.build(u, Formula.parse("y ~ x"), Map.of()).binaryResponse())
        .containsExactly(1, 0);
  }

  @Test
  void binaryResponseFromTwoLevelsNonReferenceIsOne() {
    DataTable t =
        table(CategoricalColumn.of("y", "PD", "CR", "PD"), NumericColumn.of("x", 1, 2, 3));
    assertThat(ModelFrame.build(t, Formula.parse("y ~ x"), Map.of()).binaryResponse())
        .containsExactly(1, 0, 1);
    assertThat(ModelFrame.build(t, Formula.parse("y ~ x"), Map.of("y", "PD")).binaryResponse())
        .containsExactly(0, 1, 0);
  }

  @Test
  void threeLevelResponseIsNotBinary() {
    DataTable t = table(CategoricalColumn.of("y", "a", "b", "c"), NumericColumn.of("x", 1, 2, 3));
    ModelFrame f = ModelFrame.build(t, Formula.parse("y ~ x"), Map.of());
    assertThatThrownBy(f::binaryResponse)
        .isInstanceOf(InputException.class)
        .hasMessageContaining("lung.csv, row 3, column \"y\"")
        .hasMessageContaining("3 categories");
  }

  @Test
  void negativeZeroAndZeroAreOneLevel() {
    DataTable t =
        table(
            NumericColumn.of("t", 1, 2, 3),
            NumericColumn.of("e", 1, 1, 0),
            NumericColumn.of("g", -0.0, 0, 1));
    ModelFrame f = ModelFrame.build(t, Formula.parse("Surv(t, e) ~ factor(g)"), Map.of());
    assertThat(f.variables().get(0).levels()).containsExactly("0", "1");
    assertThat(f.variables().get(0).codes()).containsExactly(0, 0, 1);
  }

  @Test
  void eventCodingIsDecidedOnTheWholeColumnAsR() {
    // R evaluates Surv() before dropping rows: the 2 in a dropped row still makes the column 1/2
    // coded
    DataTable t =
        table(
            NumericColumn.of("t", 1, 2, 3),
            NumericColumn.of("e", 1, 1, 2),
            NumericColumn.of("x", 1, 2, NA));
    ModelFrame f = ModelFrame.build(t, Formula.parse("Surv(t, e) ~ x"), Map.of());
    assertThat(f.status()).containsExactly(0, 0);
    assertThat(f.eventCoding()).isEqualTo(EventCode.ONE_TWO);
  }

  @Test
  void infiniteTimeIsAnError() {
    DataTable t =
        table(NumericColumn.of("t", 1, Double.POSITIVE_INFINITY), NumericColumn.of("e", 1, 0));
    InputException e =
        catchThrowableOfType(
            InputException.class,
            () -> ModelFrame.build(t, Formula.parse("Surv(t, e) ~ 1"), Map.of()));
    assertThat(e.getMessage()).isEqualTo("lung.csv, row 2, column \"t\": infinite survival time");
  }

  @Test
  void resultArraysAreCopies() {
    ModelFrame f = ModelFrame.build(cohort(), Formula.parse("Surv(time, status) ~ age"), Map.of());
    f.time()[0] = -1;
    f.design().columns()[0][0] = -1;
    f.rows()[0] = 99;
    assertThat(f.time()[0]).isEqualTo(5);
    assertThat(f.design().get(0, 0)).isEqualTo(60);
    assertThat(f.rows()[0]).isEqualTo(1);
  }

  @Test
  void readOnlyColumnsAreTheDesignsOwnArraysInTheSameOrder() {
    // a factor's reference column is left out, an interaction's columns are products: the arrays
    // handed out without copying are exactly the ones get() reads, whatever the term
    ModelFrame f =
        ModelFrame.build(
            cohort(), Formula.parse("Surv(time, status) ~ age + stage + age:stage"), Map.of());
    DesignMatrix d = f.design();
    double[][] own = d.readOnlyColumns();
    double[][] copies = d.columns();
    assertThat(own.length).isEqualTo(d.columnCount()).isEqualTo(3);
    for (int j = 0; j < own.length; j++) {
      assertThat(own[j]).containsExactly(copies[j]);
      assertThat(own[j]).isSameAs(d.readOnlyColumns()[j]).isNotSameAs(copies[j]);
    }
    // the outer array is the caller's: replacing a column there leaves the design as it was
    own[0] = new double[own[0].length];
    assertThat(d.get(0, 0)).isEqualTo(60);
  }
}
