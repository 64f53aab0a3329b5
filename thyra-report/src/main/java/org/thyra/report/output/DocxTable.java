package org.thyra.report.output;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
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
      fill(t.getRow(0), table.header(), true, false, false);
      for (int i = 0; i < table.rows().size(); i++) {
        TableLayout.Row r = table.rows().get(i);
        XWPFTableRow row = t.getRow(i + 1);
        fill(row, r.cells(), false, r.kind() == TableLayout.Kind.VARIABLE, r.indented());
      }
      for (String note : table.notes()) {
        XWPFParagraph p = doc.createParagraph();
        XWPFRun run = p.createRun();
        run.setFontSize(8);
        run.setText(note);
      }
      doc.write(out);
    }
  }

  private static void fill(
      XWPFTableRow row, List<String> cells, boolean bold, boolean boldLabel, boolean indent) {
    for (int j = 0; j < cells.size(); j++) {
      XWPFTableCell cell = row.getCell(j);
      XWPFParagraph p = cell.getParagraphs().get(0);
      p.setAlignment(j == 0 ? ParagraphAlignment.LEFT : ParagraphAlignment.RIGHT);
      if (j == 0 && indent) {
        p.setIndentationLeft(INDENT_TWIPS);
      }
      XWPFRun run = p.createRun();
      run.setBold(bold || (j == 0 && boldLabel));
      run.setFontSize(9);
      run.setText(cells.get(j));
    }
  }
}
