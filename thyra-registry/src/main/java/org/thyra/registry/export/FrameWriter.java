package org.thyra.registry.export;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes an analysis frame as CSV (comma, header row, missing = empty cell) or XLSX (first sheet,
 * numbers as numeric cells), the two inputs every analysis command reads.
 */
public final class FrameWriter {

  private FrameWriter() {}

  /** CSV, UTF-8, header first. */
  public static void csv(AnalysisFrame f, OutputStream out) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    CsvWriter csv =
        CsvWriter.builder().lineDelimiter(de.siegmar.fastcsv.writer.LineDelimiter.LF).build(w);
    csv.writeRecord(f.columns());
    for (List<String> row : f.rows()) {
      csv.writeRecord(row.stream().map(c -> c == null ? "" : c).toList());
    }
    csv.flush();
    w.flush();
  }

  /** XLSX, one sheet named "frame", streamed (large registries fit in little memory). */
  public static void xlsx(AnalysisFrame f, OutputStream out) throws IOException {
    try (SXSSFWorkbook wb = new SXSSFWorkbook(1000)) {
      SXSSFSheet sheet = wb.createSheet("frame");
      Row header = sheet.createRow(0);
      for (int j = 0; j < f.columns().size(); j++) {
        header.createCell(j).setCellValue(f.columns().get(j));
      }
      int i = 1;
      for (List<String> row : f.rows()) {
        Row r = sheet.createRow(i++);
        for (int j = 0; j < row.size(); j++) {
          String v = row.get(j);
          if (v == null) {
            continue;
          }
          Cell c = r.createCell(j);
          if (v.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
            c.setCellValue(Double.parseDouble(v));
          } else {
            c.setCellValue(v);
          }
        }
      }
      wb.write(out);
    }
  }
}
