package org.thyra.studies.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.thyra.report.output.TableLayout;

/**
 * What one analysis gave: its numbers (results.json), its table as the seeds print it, the sentence
 * the methods paragraph uses, and its warnings.
 *
 * @param json every number of the analysis
 * @param table the report table, or null
 * @param method the conventions, as a sentence for the methods paragraph
 * @param warnings warnings
 */
public record AnalysisOutput(
    ObjectNode json, TableLayout table, String method, List<String> warnings) {
  public AnalysisOutput {
    warnings = List.copyOf(warnings);
  }
}
