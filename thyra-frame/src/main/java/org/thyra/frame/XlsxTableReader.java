package org.thyra.frame;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * XLSX input (first sheet) with Apache POI. The header is the first non-empty row; data row 1 is
 * the sheet row below it, and an empty sheet row inside the data is a row of missing values (so
 * row numbers in messages match the sheet). Trailing empty rows are ignored.
 */
final class XlsxTableReader {
    private XlsxTableReader() {
    }

    static DataTable read(Path file, String source, Collection<String> onlyColumns) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
             XSSFWorkbook workbook = new XSSFWorkbook(pkg)) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new InputException(source, null, null, "the workbook has no sheet");
            }
            return read(workbook.getSheetAt(0), source, onlyColumns);
        } catch (InvalidFormatException | org.apache.poi.ooxml.POIXMLException
                 | org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException e) {
            throw new InputException(source, null, null, "is not a readable .xlsx workbook: " + e.getMessage(), e);
        }
    }

    private static DataTable read(Sheet sheet, String source, Collection<String> onlyColumns) {
        int first = -1;
        for (int r = sheet.getFirstRowNum(); r >= 0 && r <= sheet.getLastRowNum(); r++) {
            if (!isEmpty(sheet.getRow(r))) {
                first = r;
                break;
            }
        }
        if (first < 0) {
            throw new InputException(source, null, null, "the first sheet is empty; a header row is required");
        }
        Row headerRow = sheet.getRow(first);
        int width = headerRow.getLastCellNum();
        while (width > 0 && isBlank(headerRow.getCell(width - 1))) {
            width--;
        }
        List<String> header = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            Cell cell = headerRow.getCell(c);
            header.add(isBlank(cell) ? "" : TableReader.trim(headerText(cell)));
        }
        int last = sheet.getLastRowNum();
        while (last > first && isEmpty(sheet.getRow(last))) {
            last--;
        }
        int rows = last - first;
        if (rows == 0) {
            throw new InputException(source, null, null, "the sheet has a header but no data rows");
        }
        int[] slotOf = TableReader.selectColumns(source, header, onlyColumns);
        List<String> names = TableReader.selectedNames(header, slotOf);
        int k = names.size();
        double[][] numbers = new double[k][rows];
        String[][] texts = new String[k][];
        boolean[] categorical = new boolean[k];
        for (double[] a : numbers) {
            Arrays.fill(a, Double.NaN);
        }
        for (int i = 0; i < rows; i++) {
            Row row = sheet.getRow(first + 1 + i);
            if (row == null) {
                continue;
            }
            for (int c = Math.max(width, 0); c < row.getLastCellNum(); c++) {
                if (!isBlank(row.getCell(c))) {
                    throw new InputException(source, i + 1, null, "cell " + row.getCell(c).getAddress()
                            + " has a value but its column has no header");
                }
            }
            for (int c = 0; c < width; c++) {
                int slot = slotOf[c];
                if (slot < 0) {
                    continue;
                }
                Cell cell = row.getCell(c);
                if (isBlank(cell)) {
                    continue;
                }
                CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType()
                        : cell.getCellType();
                switch (type) {
                    case NUMERIC -> numbers[slot][i] = cell.getNumericCellValue();
                    case BOOLEAN -> setText(texts, categorical, slot, rows, i,
                            cell.getBooleanCellValue() ? "TRUE" : "FALSE");
                    case STRING -> {
                        String text = TableReader.trim(cell.getStringCellValue());
                        if (TableReader.isMissing(text)) {
                            break;
                        }
                        double v = DecimalText.parse(text);
                        if (!Double.isNaN(v)) {
                            numbers[slot][i] = v;
                        } else {
                            setText(texts, categorical, slot, rows, i, text);
                        }
                    }
                    case ERROR -> throw new InputException(source, i + 1, names.get(slot), "cell "
                            + cell.getAddress() + " holds the error "
                            + FormulaError.forInt(cell.getErrorCellValue()).getString());
                    default -> {
                    }
                }
            }
        }
        List<Column> columns = new ArrayList<>(k);
        for (int s = 0; s < k; s++) {
            if (!categorical[s]) {
                columns.add(new NumericColumn(names.get(s), numbers[s], rows));
                continue;
            }
            int[] codes = new int[rows];
            Map<String, Integer> dictionary = new HashMap<>();
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                String label = texts[s][i];
                if (label == null && !Double.isNaN(numbers[s][i])) {
                    label = DecimalText.format(numbers[s][i]);
                }
                if (label == null) {
                    codes[i] = -1;
                } else {
                    codes[i] = dictionary.computeIfAbsent(label, l -> {
                        seen.add(l);
                        return seen.size() - 1;
                    });
                }
            }
            columns.add(CategoricalColumn.fromUnsorted(names.get(s), codes, rows, seen));
        }
        return new DataTable(source, rows, columns, header);
    }

    private static void setText(String[][] texts, boolean[] categorical, int slot, int rows, int i, String text) {
        if (texts[slot] == null) {
            texts[slot] = new String[rows];
        }
        texts[slot][i] = text;
        categorical[slot] = true;
    }

    private static String headerText(Cell cell) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType()
                : cell.getCellType();
        return switch (type) {
            case NUMERIC -> DecimalText.format(cell.getNumericCellValue());
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case STRING -> cell.getStringCellValue();
            default -> "";
        };
    }

    private static boolean isBlank(Cell cell) {
        if (cell == null) {
            return true;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType()
                : cell.getCellType();
        return type == CellType.BLANK || type == CellType._NONE
                || type == CellType.STRING && TableReader.trim(cell.getStringCellValue()).isEmpty();
    }

    private static boolean isEmpty(Row row) {
        if (row == null) {
            return true;
        }
        for (int c = Math.max(row.getFirstCellNum(), 0); c < row.getLastCellNum(); c++) {
            if (!isBlank(row.getCell(c))) {
                return false;
            }
        }
        return true;
    }
}
