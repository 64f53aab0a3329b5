package org.thyra.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxTableReaderTest {
  @TempDir Path dir;

  /** Writes a sheet; a cell value is a Double, Boolean, String or null (no cell). */
  private Path workbook(String name, Object[]... rows) throws IOException {
    Path p = dir.resolve(name);
    try (XSSFWorkbook wb = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(p)) {
      Sheet sheet = wb.createSheet("data");
      wb.createSheet("second").createRow(0).createCell(0).setCellValue("ignored");
      for (int r = 0; r < rows.length; r++) {
        if (rows[r] == null) {
          continue;
        }
        Row row = sheet.createRow(r);
        for (int c = 0; c < rows[r].length; c++) {
          Object v = rows[r][c];
          if (v == null) {
            continue;
          }
          Cell cell = row.createCell(c);
          if (v instanceof Double d) {
            cell.setCellValue(d);
          } else if (v instanceof Integer i) {
            cell.setCellValue(i);
          } else if (v instanceof Boolean b) {
            cell.setCellValue(b);
          } else {
            cell.setCellValue((String) v);
          }
        }
      }
      wb.write(out);
    }
    return p;
  }

  private static Object[] row(Object... values) {
    return values;
  }

  @Test
  void numericAndTextCellsAreTyped() throws IOException {
    Path p =
        workbook(
            "d.xlsx",
            row("time", "status", "sex", "grade"),
            row(5.5, 1, "m", 1),
            row(3, 0, "f", "2"),
            row(7, "NA", " m ", 0.5));
    DataTable t = TableReader.read(p, null);
    assertThat(t.source()).isEqualTo("d.xlsx");
    assertThat(t.rowCount()).isEqualTo(3);
    assertThat(((NumericColumn) t.column("time")).toArray()).containsExactly(5.5, 3, 7);
    assertThat(t.column("status").isMissing(2)).isTrue();
    assertThat(((CategoricalColumn) t.column("sex")).levels()).containsExactly("f", "m");
    // a text cell holding a number counts as a number
    assertThat(((NumericColumn) t.column("grade")).toArray()).containsExactly(1, 2, 0.5);
  }

  @Test
  void blankCellsAndEmptyRowsAreMissing() throws IOException {
    Path p =
        workbook(
            "b.xlsx", row("x", "g"), row(1, "a"), null, row(null, "b"), row(4, ""), null, null);
    DataTable t = TableReader.read(p, null);
    assertThat(t.rowCount()).isEqualTo(4); // trailing empty rows ignored, inner one kept
    assertThat(t.column("x").isMissing(1)).isTrue();
    assertThat(t.column("x").isMissing(2)).isTrue();
    assertThat(t.column("g").isMissing(3)).isTrue();
  }

  @Test
  void mixedNumbersAndTextAreCategoricalWithRLabels() throws IOException {
    Path p = workbook("m.xlsx", row("stage"), row(1), row("IVa"), row(2.0), row(0.5));
    CategoricalColumn c =
        (CategoricalColumn)
            TableReader.read(p, null, ReadOptions.DEFAULT.withCategorical(List.of("stage")))
                .column("stage");
    assertThat(c.levels()).containsExactly("0.5", "1", "2", "IVa");
    assertThat(c.label(2)).isEqualTo("2");
  }

  @Test
  void aMissingWordInANumericSheetColumnIsNamedWithItsRowUnlessDeclared() throws IOException {
    Path p =
        workbook("na.xlsx", row("age"), row(61), row("N/A"), row(70), row(55), row(48), row(66));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TableReader.read(p, null))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("na.xlsx, row 2, column \"age\"")
        .hasMessageContaining("--na \"N/A\"");
    NumericColumn age =
        (NumericColumn)
            TableReader.read(
                    p, null, new ReadOptions(java.util.Set.of("N/A"), false, java.util.Set.of()))
                .column("age");
    assertThat(age.isMissing(1)).isTrue();
    assertThat(age.value(2)).isEqualTo(70);
  }

  @Test
  void textOfEveryCellIsKeptForCopying() throws IOException {
    Path p = workbook("t.xlsx", row("id", "code"), row(100000, "007"), row(2.5, "NA"));
    DataTable t = TableReader.readText(p);
    assertThat(TableReader.cellText(t.column("id"), 0)).isEqualTo("100000");
    assertThat(TableReader.cellText(t.column("code"), 0)).isEqualTo("007");
    assertThat(TableReader.cellText(t.column("code"), 1)).isEqualTo("NA");
    assertThat(TableReader.cellText(t.column("id"), 1)).isEqualTo("2.5");
  }

  @Test
  void booleanCellsBecomeLogicalLabels() throws IOException {
    Path p = workbook("l.xlsx", row("t", "dead"), row(1, true), row(2, false));
    DataTable t = TableReader.read(p, null);
    assertThat(EventCoding.read(t, "dead").status()).containsExactly(1, 0);
    assertThat(EventCoding.detect(t, "dead")).isEqualTo(EventCode.LOGICAL);
  }

  @Test
  void readsOnlyRequestedColumns() throws IOException {
    Path p = workbook("o.xlsx", row("a", "b", "c"), row(1, "x", 3));
    DataTable t = TableReader.read(p, List.of("c"));
    assertThat(t.columnNames()).containsExactly("c");
  }

  @Test
  void duplicateHeaderIsAnError() throws IOException {
    Path p = workbook("dup.xlsx", row("a", "a"), row(1, 2));
    InputException e = catchThrowableOfType(InputException.class, () -> TableReader.read(p, null));
    assertThat(e.getMessage())
        .isEqualTo("dup.xlsx, column \"a\": the header names column \"a\" twice (fields 1 and 2)");
  }

  @Test
  void emptyHeaderCellIsAnError() throws IOException {
    Path p = workbook("eh.xlsx", row("a", null, "c"), row(1, 2, 3));
    assertThatThrownBy(() -> TableReader.read(p, null))
        .hasMessage("eh.xlsx: the header's field 2 is empty; every column needs a name");
  }

  @Test
  void valueOutsideTheHeaderIsARaggedRow() throws IOException {
    Path p = workbook("r.xlsx", row("a", "b"), row(1, 2), row(1, 2, 3));
    InputException e = catchThrowableOfType(InputException.class, () -> TableReader.read(p, null));
    assertThat(e.file()).isEqualTo("r.xlsx");
    assertThat(e.row()).isEqualTo(2);
    assertThat(e.getMessage()).contains("C3").contains("no header");
  }

  @Test
  void emptySheetAndHeaderOnly() throws IOException {
    Path empty = workbook("e.xlsx");
    assertThatThrownBy(() -> TableReader.read(empty, null))
        .isInstanceOf(InputException.class)
        .hasMessage("e.xlsx: the first sheet is empty; a header row is required");
    Path header = workbook("h.xlsx", row("a", "b"));
    assertThatThrownBy(() -> TableReader.read(header, null))
        .hasMessage("h.xlsx: the sheet has a header but no data rows");
  }

  @Test
  void unknownColumnNamesTheWorkbook() throws IOException {
    Path p = workbook("u.xlsx", row("time", "status"), row(1, 1));
    InputException e =
        catchThrowableOfType(InputException.class, () -> TableReader.read(p, List.of("tme")));
    assertThat(e.getMessage())
        .startsWith("u.xlsx, column \"tme\": no column \"tme\" (did you mean \"time\"?)");
  }

  @Test
  void formulaCellsUseCachedResultsAndErrorCellsAreErrors() throws IOException {
    Path p = dir.resolve("f.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(p)) {
      Sheet sheet = wb.createSheet("data");
      Row h = sheet.createRow(0);
      h.createCell(0).setCellValue("x");
      h.createCell(1).setCellValue("twice");
      h.createCell(2).setCellValue("ratio");
      h.createCell(3).setCellValue("label");
      for (int r = 1; r <= 3; r++) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(r - 1);
        row.createCell(1).setCellFormula("A" + (r + 1) + "*2");
        row.createCell(2).setCellFormula("1/A" + (r + 1));
        row.createCell(3).setCellFormula("IF(A" + (r + 1) + ">0,\"pos\",\"zero\")");
      }
      wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
      wb.write(out);
    }
    DataTable t = TableReader.read(p, List.of("x", "twice", "label"));
    assertThat(((NumericColumn) t.column("twice")).toArray()).containsExactly(0, 2, 4);
    assertThat(((CategoricalColumn) t.column("label")).levels()).containsExactly("pos", "zero");
    InputException e =
        catchThrowableOfType(InputException.class, () -> TableReader.read(p, List.of("ratio")));
    assertThat(e.file()).isEqualTo("f.xlsx");
    assertThat(e.row()).isEqualTo(1);
    assertThat(e.column()).isEqualTo("ratio");
    assertThat(e.getMessage())
        .isEqualTo("f.xlsx, row 1, column \"ratio\": cell C2 holds the error #DIV/0!");
  }

  @Test
  void streamedWorkbookWithInlineStringsAndManyRows() throws IOException {
    Path p = dir.resolve("big.xlsx");
    try (org.apache.poi.xssf.streaming.SXSSFWorkbook wb =
            new org.apache.poi.xssf.streaming.SXSSFWorkbook(100);
        OutputStream out = Files.newOutputStream(p)) {
      Sheet sheet = wb.createSheet("data");
      Row h = sheet.createRow(0);
      h.createCell(0).setCellValue("value");
      h.createCell(1).setCellValue("arm");
      for (int r = 1; r <= 5000; r++) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(r * 0.1);
        row.createCell(1).setCellValue(r % 3 == 0 ? "control" : "treated");
      }
      wb.write(out);
      wb.dispose();
    }
    DataTable t = TableReader.read(p, null);
    assertThat(t.rowCount()).isEqualTo(5000);
    assertThat(((NumericColumn) t.column("value")).value(4999)).isEqualTo(5000 * 0.1);
    assertThat(((NumericColumn) t.column("value")).value(2))
        .isEqualTo(3 * 0.1); // exact stored double
    CategoricalColumn arm = (CategoricalColumn) t.column("arm");
    assertThat(arm.levels()).containsExactly("control", "treated");
    assertThat(arm.label(2)).isEqualTo("control");
  }

  @Test
  void headerBelowEmptyRowsNumbersDataFromTheHeader() throws IOException {
    Path p = workbook("late.xlsx", null, null, row("a", "b"), row(1, "x"), row(2, "y"));
    DataTable t = TableReader.read(p, null);
    assertThat(t.rowCount()).isEqualTo(2);
    assertThat(((NumericColumn) t.column("a")).toArray()).containsExactly(1, 2);
  }

  @Test
  void sameTableAsTheCsvOfARealDataSet() throws Exception {
    // R's veteran data (semicolon CSV written by src/test/r/model_frame.R) copied cell by cell into
    // a sheet
    Path csv = Path.of(getClass().getResource("/golden/veteran_semicolon.csv").toURI());
    DataTable expected = TableReader.read(csv, null);
    Path p = dir.resolve("veteran.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(p)) {
      Sheet sheet = wb.createSheet("veteran");
      Row h = sheet.createRow(0);
      List<String> names = expected.columnNames();
      for (int c = 0; c < names.size(); c++) {
        h.createCell(c).setCellValue(names.get(c));
      }
      for (int r = 0; r < expected.rowCount(); r++) {
        Row row = sheet.createRow(r + 1);
        for (int c = 0; c < names.size(); c++) {
          Column col = expected.column(names.get(c));
          if (col.isMissing(r)) {
            continue;
          }
          if (col instanceof NumericColumn n) {
            row.createCell(c).setCellValue(n.value(r));
          } else {
            row.createCell(c).setCellValue(((CategoricalColumn) col).label(r));
          }
        }
      }
      wb.write(out);
    }
    DataTable actual = TableReader.read(p, null);
    assertThat(actual.rowCount()).isEqualTo(expected.rowCount());
    assertThat(actual.columnNames()).isEqualTo(expected.columnNames());
    for (String name : expected.columnNames()) {
      Column e = expected.column(name);
      Column a = actual.column(name);
      assertThat(a.getClass()).as(name).isEqualTo(e.getClass());
      for (int r = 0; r < expected.rowCount(); r++) {
        assertThat(a.text(r)).as(name + " row " + (r + 1)).isEqualTo(e.text(r));
      }
    }
    assertThat(((CategoricalColumn) actual.column("celltype")).levels())
        .containsExactly("adeno", "large", "smallcell", "squamous");
    assertThat(actual.column("karno").isMissing(3)).isTrue();
  }

  @Test
  void corruptWorkbookIsAnInputException() throws IOException {
    Path p = dir.resolve("bad.xlsx");
    Files.write(p, new byte[] {'P', 'K', 3, 4, 0, 0, 0});
    assertThatThrownBy(() -> TableReader.read(p, null))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("bad.xlsx: ");
    Path text = dir.resolve("text.xlsx");
    Files.writeString(text, "a,b\n1,2\n");
    assertThatThrownBy(() -> TableReader.read(text, null))
        .isInstanceOf(InputException.class)
        .hasMessage("text.xlsx: is not a valid .xlsx workbook");
  }
}
