package org.thyra.studies.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.thyra.report.figure.Figure;
import org.thyra.report.output.TableLayout;

/**
 * What one analysis gave: its numbers (results.json), its table as the seeds print it, the sentence
 * the methods paragraph uses, its warnings and its figure (drawn from the same fitted objects, so
 * the report never recomputes a statistic).
 *
 * @param json every number of the analysis
 * @param table the report table, or null
 * @param method the conventions, as a sentence for the methods paragraph
 * @param warnings warnings
 * @param figure the analysis's figure, or null when it has none
 */
public record AnalysisOutput(
    ObjectNode json, TableLayout table, String method, List<String> warnings, Figure figure) {
  public AnalysisOutput {
    warnings = List.copyOf(warnings);
  }

  /** An output with no figure. */
  public AnalysisOutput(ObjectNode json, TableLayout table, String method, List<String> warnings) {
    this(json, table, method, warnings, null);
  }
}
