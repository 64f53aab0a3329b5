package org.thyra.analysis.imputation;

import java.util.List;
import org.thyra.frame.DataTable;

/**
 * The completed data sets a pooled model is fitted on: imputed by chained equations ({@code
 * --impute M}) or read stacked from the file ({@code --imputed COLUMN}).
 *
 * @param tables one table per imputation, holding the formula's variables
 * @param droppedMissing rows dropped before imputation (missing outcome)
 * @param chained how they were imputed, or null when read stacked
 * @param stackedColumn the column numbering the stacked data sets, or null when imputed here
 * @param stackedImputations the imputation numbers analysed (stacked only; else empty)
 * @param warnings warnings
 */
public record CompletedData(
    List<DataTable> tables,
    int droppedMissing,
    ImputedModel.Imputation chained,
    String stackedColumn,
    List<String> stackedImputations,
    List<String> warnings) {
  public CompletedData {
    tables = List.copyOf(tables);
    stackedImputations = List.copyOf(stackedImputations);
    warnings = List.copyOf(warnings);
  }

  /** The data sets imputed by chained equations ({@link ImputedModel#impute}). */
  public static CompletedData of(ImputedModel.Completed c) {
    return new CompletedData(
        c.tables(), c.droppedMissing(), c.imputation(), null, List.of(), c.warnings());
  }

  /** Where the data sets come from, in words. */
  public String source() {
    return chained != null
        ? "chained equations (thyra)"
        : "stacked completed data sets in column " + stackedColumn;
  }

  /** The imputation's description (its models and predictors), or null when read stacked. */
  public String description() {
    return chained == null ? null : chained.result().method();
  }
}
