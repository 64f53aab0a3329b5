package org.thyra.report.output;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** One CSV table (RFC 4180 quoting), the machine-readable form of a command's main table. */
public final class CsvTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  public CsvTable(List<String> header) {
    this.header = List.copyOf(header);
  }

  public CsvTable row(List<String> cells) {
    if (cells.size() != header.size()) {
      throw new IllegalArgumentException(
          "row has " + cells.size() + " cells, header " + header.size());
    }
    rows.add(cells);
    return this;
  }

  public void print(PrintStream out) {
    StringWriter sw = new StringWriter();
    try (CsvWriter csv = CsvWriter.builder().build(sw)) {
      csv.writeRecord(header);
      for (List<String> r : rows) {
        csv.writeRecord(r);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.print(sw);
  }
}
