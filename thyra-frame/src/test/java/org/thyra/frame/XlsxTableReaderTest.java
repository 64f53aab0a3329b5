package org.thyra.frame;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class XlsxTableReaderTest {
    @TempDir
    Path dir;

    /** Writes a sheet; a cell value is a Double, Boolean, String or null (no cell). */
    private Path workbook(String name, Object[]... rows) throws IOException {
        Path p = dir.resolve(name);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(p)) {
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
        Path p = workbook("d.xlsx",
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
        Path p = workbook("b.xlsx",
                row("x", "g"),
                row(1, "a"),
                null,
                row(null, "b"),
                row(4, ""),
                null, null);
        DataTable t = TableReader.read(p, null);
        assertThat(t.rowCount()).isEqualTo(4); // trailing empty rows ignored, inner one kept
        assertThat(t.column("x").isMissing(1)).isTrue();
        assertThat(t.column("x").isMissing(2)).isTrue();
        assertThat(t.column("g").isMissing(3)).isTrue();
    }

    @Test
    void mixedNumbersAndTextAreCategoricalWithRLabels() throws IOException {
        Path p = workbook("m.xlsx", row("stage"), row(1), row("IVa"), row(2.0), row(0.5));
        CategoricalColumn c = (CategoricalColumn) TableReader.read(p, null).column("stage");
        assertThat(c.levels()).containsExactly("0.5", "1", "2", "IVa");
        assertThat(c.label(2)).isEqualTo("2");
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
        assertThat(e.getMessage()).isEqualTo("dup.xlsx, column \"a\": the header names column \"a\" twice (fields 1 and 2)");
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
        assertThatThrownBy(() -> TableReader.read(empty, null)).isInstanceOf(InputException.class)
                .hasMessage("e.xlsx: the first sheet is empty; a header row is required");
        Path header = workbook("h.xlsx", row("a", "b"));
        assertThatThrownBy(() -> TableReader.read(header, null))
                .hasMessage("h.xlsx: the sheet has a header but no data rows");
    }

    @Test
    void unknownColumnNamesTheWorkbook() throws IOException {
        Path p = workbook("u.xlsx", row("time", "status"), row(1, 1));
        InputException e = catchThrowableOfType(InputException.class, () -> TableReader.read(p, List.of("tme")));
        assertThat(e.getMessage()).startsWith("u.xlsx, column \"tme\": no column \"tme\" (did you mean \"time\"?)");
    }

    @Test
    void corruptWorkbookIsAnInputException() throws IOException {
        Path p = dir.resolve("bad.xlsx");
        Files.write(p, new byte[] {'P', 'K', 3, 4, 0, 0, 0});
        assertThatThrownBy(() -> TableReader.read(p, null)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("bad.xlsx: ");
        Path text = dir.resolve("text.xlsx");
        Files.writeString(text, "a,b\n1,2\n");
        assertThatThrownBy(() -> TableReader.read(text, null)).isInstanceOf(InputException.class)
                .hasMessage("text.xlsx: is not a valid .xlsx workbook");
    }
}
