package org.thyra.app.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thyra.app.ThyraCli;
import picocli.CommandLine;

/** A clinician's spreadsheet: date cells arrive as Excel serials and are read as dates. */
class DeriveXlsxTest {

  @TempDir Path dir;

  @Test
  void dateCellsInXlsxDecideTheTwelveMonthBoundary() throws Exception {
    Path xlsx = dir.resolve("cohort.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(xlsx)) {
      Sheet sheet = wb.createSheet("cohort");
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
      Row h = sheet.createRow(0);
      h.createCell(0).setCellValue("id");
      h.createCell(1).setCellValue("diagnosis");
      h.createCell(2).setCellValue("metastasis");
      LocalDate[][] rows = {
        {LocalDate.of(2015, 2, 10), LocalDate.of(2016, 2, 10)},
        {LocalDate.of(2015, 2, 10), LocalDate.of(2016, 2, 11)},
      };
      for (int i = 0; i < rows.length; i++) {
        Row r = sheet.createRow(i + 1);
        r.createCell(0).setCellValue("P" + (i + 1));
        r.createCell(1).setCellValue(rows[i][0]);
        r.getCell(1).setCellStyle(date);
        r.createCell(2).setCellValue(rows[i][1]);
        r.getCell(2).setCellStyle(date);
      }
      wb.write(out);
    }
    Path out = dir.resolve("out.csv");
    StringWriter err = new StringWriter();
    CommandLine cli = ThyraCli.commandLine();
    cli.setErr(new PrintWriter(err, true));
    int rc =
        cli.execute(
            "derive",
            "--data",
            xlsx.toString(),
            "--rule",
            "metastasis-timing",
            "--column",
            "diagnosis_date=diagnosis",
            "--column",
            "metastasis_date=metastasis",
            "--format",
            "csv",
            "--out",
            out.toString());
    assertThat(rc).as(err.toString()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(1)).endsWith(",synchronous"); // exactly 12 months
    assertThat(lines.get(2)).endsWith(",metachronous"); // one day more
  }
}
