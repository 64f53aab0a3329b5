package org.thyra.report.output;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table with right-aligned columns, as R prints a matrix. */
public final class TextTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  public TextTable(List<String> header) {
    this.header = List.copyOf(header);
  }

  public TextTable row(List<String> cells) {
    if (cells.size() != header.size()) {
      throw new IllegalArgumentException(
          "row has " + cells.size() + " cells, header " + header.size());
    }
    rows.add(List.copyOf(cells));
    return this;
  }

  public void print(PrintStream out) {
    int[] width = new int[header.size()];
    for (int j = 0; j < width.length; j++) {
      width[j] = header.get(j).length();
      for (List<String> r : rows) {
        width[j] = Math.max(width[j], r.get(j).length());
      }
    }
    printRow(out, header, width);
    for (List<String> r : rows) {
      printRow(out, r, width);
    }
  }

  private static void printRow(PrintStream out, List<String> cells, int[] width) {
    StringBuilder sb = new StringBuilder();
    for (int j = 0; j < width.length; j++) {
      if (j > 0) {
        sb.append("  ");
      }
      String c = cells.get(j);
      // First column (labels) left-aligned, numbers right-aligned.
      if (j == 0) {
        sb.append(c).append(" ".repeat(width[j] - c.length()));
      } else {
        sb.append(" ".repeat(width[j] - c.length())).append(c);
      }
    }
    out.println(sb.toString().stripTrailing());
  }
}
