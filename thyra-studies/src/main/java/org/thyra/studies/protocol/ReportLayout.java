package org.thyra.studies.protocol;

import java.util.List;

/**
 * The report's layout: sections in order, each with paragraphs and numbered tables and figures.
 * Tables and figures are numbered in order of appearance (Table 1, Table 2, Figure 1, ...).
 *
 * @param title the report title (default: the protocol's title)
 * @param authors the author line
 * @param sections the sections
 */
public record ReportLayout(String title, String authors, List<Section> sections) {

  public ReportLayout {
    sections = Lists.copy(sections);
  }

  /**
   * A section.
   *
   * @param title the heading
   * @param methods true: the methods paragraph written from the analyses' conventions goes here
   * @param flow true: the cohort flow (each step's count) goes here
   * @param text paragraphs of free text
   * @param items the tables and figures, in order
   */
  public record Section(
      String title, Boolean methods, Boolean flow, List<String> text, List<Item> items) {
    public Section {
      text = Lists.copy(text);
      items = Lists.copy(items);
    }
  }

  /**
   * A numbered table or figure: {@code table: ANALYSIS-ID} or {@code figure: ANALYSIS-ID}.
   *
   * @param table the analysis whose table this is
   * @param figure the analysis whose figure this is
   * @param caption the caption (after "Table n." / "Figure n.")
   * @param footnote abbreviations and notes under a table
   */
  public record Item(String table, String figure, String caption, String footnote) {}
}
