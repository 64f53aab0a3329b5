package org.thyra.report.document;

import java.util.List;
import org.thyra.report.output.TableLayout;

/**
 * A report: a title, a subtitle line and blocks in reading order. The same model is written as
 * HTML, PDF and DOCX, so the three show the same text and the same table cells.
 *
 * @param title the title
 * @param subtitle a line under the title (study id, date of the data, software)
 * @param blocks the content
 */
public record ReportDocument(String title, String subtitle, List<Block> blocks) {
  public ReportDocument {
    blocks = List.copyOf(blocks);
  }

  /** One block of content. */
  public sealed interface Block permits Heading, Paragraph, Table, Figure {}

  /**
   * A section heading.
   *
   * @param level 1 (section) or 2 (subsection)
   * @param text the heading
   */
  public record Heading(int level, String text) implements Block {}

  /**
   * A paragraph of plain text.
   *
   * @param text the text
   */
  public record Paragraph(String text) implements Block {}

  /**
   * A numbered table.
   *
   * @param number its number (Table 1, 2, ...)
   * @param caption the caption after "Table n."
   * @param layout the cells
   * @param footnote notes under the table (may be empty)
   */
  public record Table(int number, String caption, TableLayout layout, List<String> footnote)
      implements Block {
    public Table {
      footnote = List.copyOf(footnote);
    }
  }

  /**
   * A numbered figure.
   *
   * @param number its number (Figure 1, 2, ...)
   * @param caption the caption after "Figure n."
   * @param svg a complete SVG document (as the figure layer writes it)
   * @param file the figure's own file name in the report folder, e.g. {@code figures/figure1.svg}
   */
  public record Figure(int number, String caption, String svg, String file) implements Block {}
}
