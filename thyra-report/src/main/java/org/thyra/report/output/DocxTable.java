package org.thyra.report.output;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Renders a {@link TableLayout} as a Word document (.docx, POI XWPF): the title, one Word table
 * (header row bold, row labels left-aligned and levels indented, numbers right-aligned) and the
 * notes as small paragraphs.
 */
public final class DocxTable {
  /** Indentation of level rows, in twentieths of a point (0.5 cm). */
  private static final int INDENT_TWIPS = 284;

  private DocxTable() {}

  public static void write(TableLayout table, OutputStream out) throws IOException {
    try (XWPFDocument doc = new XWPFDocument()) {
      XWPFParagraph title = doc.createParagraph();
      XWPFRun tr = title.createRun();
      tr.setBold(true);
      tr.setText(table.title());
      int columns = table.header().size();
      XWPFTable t = doc.createTable(table.rows().size() + 1, columns);
      t.setWidth("100%");
      fill(t, table, 9, UnaryOperator.identity());
      for (String note : table.notes()) {
        XWPFParagraph p = doc.createParagraph();
        XWPFRun run = p.createRun();
        run.setFontSize(8);
        run.setText(note);
      }
      doc.write(out);
    }
  }

  /**
   * Fills a Word table of {@code layout.rows().size() + 1} rows with the layout: the header row
   * bold, variable labels bold, level labels indented, labels left and numbers right.
   *
   * @param t the table, created with enough rows and columns
   * @param layout what to write
   * @param pointSize font size of every cell
   * @param text how a cell's text is written (e.g. markup removed)
   */
  public static void fill(
      XWPFTable t, TableLayout layout, int pointSize, UnaryOperator<String> text) {
    fill(t.getRow(0), layout.header(), true, false, false, pointSize, text);
    for (int i = 0; i < layout.rows().size(); i++) {
      TableLayout.Row r = layout.rows().get(i);
      fill(
          t.getRow(i + 1),
          r.cells(),
          false,
          r.kind() == TableLayout.Kind.VARIABLE,
          r.indented(),
          pointSize,
          text);
    }
  }

  private static void fill(
      XWPFTableRow row,
      List<String> cells,
      boolean bold,
      boolean boldLabel,
      boolean indent,
      int pointSize,
      UnaryOperator<String> text) {
    for (int j = 0; j < cells.size(); j++) {
      XWPFTableCell cell = row.getCell(j);
      XWPFParagraph p = cell.getParagraphs().get(0);
      p.setAlignment(j == 0 ? ParagraphAlignment.LEFT : ParagraphAlignment.RIGHT);
      if (j == 0 && indent) {
        p.setIndentationLeft(INDENT_TWIPS);
      }
      XWPFRun run = p.createRun();
      run.setBold(bold || (j == 0 && boldLabel));
      run.setFontSize(pointSize);
      run.setText(text.apply(cells.get(j)));
    }
  }
}
