package org.thyra.report.output;

import java.util.ArrayList;
import java.util.List;

/**
 * A presentation table: a title, a header, rows of text cells and notes. One model that the text,
 * CSV, XHTML and Word renderers all draw, so every format shows the same cells.
 *
 * @param title caption above the table
 * @param header column headings; the first heads the row labels
 * @param rows the rows, each with as many cells as the header
 * @param notes lines below the table (method, warnings)
 */
public record TableLayout(String title, List<String> header, List<Row> rows, List<String> notes) {

  /** What a row shows, which decides its indentation and emphasis. */
  public enum Kind {
    /** Counts of units per column (the "n" row). */
    COUNT,
    /** The first row of a variable: its name and, for a numeric variable, its summary. */
    VARIABLE,
    /** A level of a categorical variable, shown indented under the variable. */
    LEVEL,
    /** The number of missing values of a variable, indented. */
    MISSING
  }

  /**
   * One row.
   *
   * @param kind what the row shows
   * @param variable the variable the row belongs to (empty for the count row)
   * @param cells the cells, the first being the row label (not indented: renderers indent by kind)
   */
  public record Row(Kind kind, String variable, List<String> cells) {
    public Row {
      cells = List.copyOf(cells);
    }

    /**
     * @return whether renderers indent the label
     */
    public boolean indented() {
      return kind == Kind.LEVEL || kind == Kind.MISSING;
    }
  }

  public TableLayout {
    header = List.copyOf(header);
    rows = List.copyOf(rows);
    notes = List.copyOf(notes);
    for (Row r : rows) {
      if (r.cells().size() != header.size()) {
        throw new IllegalArgumentException(
            "row has " + r.cells().size() + " cells, header " + header.size());
      }
    }
  }

  /** As a plain-text table; level and missing rows indented by two spaces. */
  public TextTable text() {
    TextTable t = new TextTable(header);
    for (Row r : rows) {
      List<String> cells = new ArrayList<>(r.cells());
      if (r.indented()) {
        cells.set(0, "  " + cells.get(0));
      }
      t.row(cells);
    }
    return t;
  }

  /** As CSV: the row kind and variable first, then the cells. */
  public CsvTable csv() {
    List<String> h = new ArrayList<>(List.of("row_type", "variable"));
    h.add(header.get(0).isEmpty() ? "label" : header.get(0));
    h.addAll(header.subList(1, header.size()));
    CsvTable t = new CsvTable(h);
    for (Row r : rows) {
      List<String> cells = new ArrayList<>();
      cells.add(r.kind().name().toLowerCase(java.util.Locale.ROOT));
      cells.add(r.variable());
      cells.addAll(r.cells());
      t.row(cells);
    }
    return t;
  }
}
