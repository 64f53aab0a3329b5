package org.thyra.studies.protocol;

import java.util.List;

/**
 * A study protocol: everything needed to rerun a study from one file a reviewer can read.
 *
 * <p>YAML keys are kebab-case, as the command line's options ({@code conf-type}, {@code entry-p}).
 * Every text value is read as written: YAML 1.1 would turn a level such as {@code no} into a
 * boolean, which {@link ProtocolReader} prevents.
 *
 * @param protocol format version (1)
 * @param id short name, e.g. {@code seed000-ablation}
 * @param title the study's title (report title)
 * @param description what the study asks, in one paragraph
 * @param source where the design comes from (paper, section)
 * @param data the data source
 * @param variables labels, level order and reference levels of the columns the report shows
 * @param derive derived columns, applied in order before the cohort steps
 * @param cohort labelled inclusion and exclusion steps, applied in order
 * @param analyses the analyses, each with an id the report refers to
 * @param report the report layout
 */
public record Protocol(
    Integer protocol,
    String id,
    String title,
    String description,
    String source,
    DataSource data,
    List<VariableLabel> variables,
    List<Derivation> derive,
    List<CohortStep> cohort,
    List<Analysis> analyses,
    ReportLayout report) {

  public Protocol {
    variables = Lists.copy(variables);
    derive = Lists.copy(derive);
    cohort = Lists.copy(cohort);
    analyses = analyses == null ? List.of() : nonNull(analyses);
  }

  private static <T> List<T> nonNull(List<T> list) {
    // an element Jackson could not bind is null, one naming no analysis is Invalid; the reader
    // has reported both
    return list.stream().filter(x -> x != null).toList();
  }

  /** The analysis with this id, or null. */
  public Analysis analysis(String analysisId) {
    return analyses.stream().filter(a -> analysisId.equals(a.id())).findFirst().orElse(null);
  }
}
