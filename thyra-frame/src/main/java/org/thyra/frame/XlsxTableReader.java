package org.thyra.frame;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * XLSX input (first sheet), streamed with SAX so that memory follows the columns read, not the
 * workbook size (POI's in-memory model needs several GB for a million-row sheet).
 *
 * <p>Cells keep their stored type: numeric cells give their exact stored number (no display
 * format), text cells their text (a text cell holding a number counts as a number), booleans {@code
 * TRUE}/{@code FALSE}, formula cells their cached result, and an error cell in a column read is an
 * error. The header is the first non-empty row; data row 1 is the sheet row below it, an empty
 * sheet row inside the data is a row of missing values (so row numbers match the sheet), and
 * trailing empty rows are ignored.
 */
final class XlsxTableReader {
  private XlsxTableReader() {}

  static DataTable read(
      Path file, String source, Collection<String> onlyColumns, ReadOptions options)
      throws IOException {
    return read(file, source, onlyColumns, options, false);
  }

  /** Every cell as text: a number as the workbook stores it, text as written. */
  static DataTable readText(Path file, String source) throws IOException {
    return read(file, source, null, ReadOptions.DEFAULT, true);
  }

  private static DataTable read(
      Path file, String source, Collection<String> onlyColumns, ReadOptions options, boolean raw)
      throws IOException {
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      reader.setUseReadOnlySharedStringsTable(true);
      SharedStrings strings = reader.getSharedStringsTable();
      XSSFReader.SheetIterator sheets = reader.getSheetIterator();
      if (!sheets.hasNext()) {
        throw new InputException(source, null, null, "the workbook has no sheet");
      }
      SheetHandler handler = new SheetHandler(source, onlyColumns, strings, options);
      handler.raw = raw;
      try (InputStream sheet = sheets.next()) {
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(handler);
        xml.parse(new InputSource(sheet));
      }
      return handler.table();
    } catch (InputException e) {
      throw e;
    } catch (SAXException e) {
      if (e.getCause() instanceof InputException ie) {
        throw ie;
      }
      throw new InputException(
          source, null, null, "is not a readable .xlsx workbook: " + e.getMessage(), e);
    } catch (OpenXML4JException | ParserConfigurationException | RuntimeException e) {
      throw new InputException(
          source, null, null, "is not a readable .xlsx workbook: " + e.getMessage(), e);
    }
  }

  /**
   * Receives the sheet XML ({@code row}, {@code c}, {@code v}, {@code is/t}) and stores columns.
   */
  private static final class SheetHandler extends DefaultHandler {
    private final String source;
    private final Collection<String> onlyColumns;
    private final SharedStrings strings;

    // header
    private int headerRow = -1;
    private List<String> header;
    private int[] slotOf;
    private List<String> names;

    // storage per slot
    private double[][] numbers;
    private int[][] textCodes;
    private List<Map<String, Integer>> dictionaries;
    private List<List<String>> textLevels;
    private int capacity;
    private int lastDataRow; // 1-based data row of the last non-empty row, 0 = none

    // parse state
    private int rowIndex = -1; // 0-based sheet row
    private int columnIndex = -1; // 0-based column of the current cell
    private String cellType;
    private String cellRef;
    private boolean inValue;
    private boolean inInlineText;
    private final StringBuilder text = new StringBuilder();
    private final Map<Integer, String> headerCells = new HashMap<>();

    private final ReadOptions options;
    boolean raw;

    SheetHandler(
        String source, Collection<String> onlyColumns, SharedStrings strings, ReadOptions options) {
      this.options = options;
      this.source = source;
      this.onlyColumns = onlyColumns;
      this.strings = strings;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
      switch (localName) {
        case "row" -> {
          String r = attributes.getValue("r");
          rowIndex = r != null ? Integer.parseInt(r) - 1 : rowIndex + 1;
          columnIndex = -1;
        }
        case "c" -> {
          cellRef = attributes.getValue("r");
          columnIndex = cellRef != null ? columnOf(cellRef) : columnIndex + 1;
          cellType = attributes.getValue("t");
          text.setLength(0);
        }
        case "v" -> {
          inValue = true;
          text.setLength(0);
        }
        case "t" -> inInlineText = "inlineStr".equals(cellType);
        default -> {}
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (inValue || inInlineText) {
        text.append(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
      switch (localName) {
        case "v" -> inValue = false;
        case "t" -> inInlineText = false;
        case "c" -> {
          try {
            cell();
          } catch (InputException e) {
            throw new SAXException(e);
          }
        }
        case "row" -> {
          if (headerRow < 0 && !headerCells.isEmpty()) {
            startColumns();
          }
        }
        default -> {}
      }
    }

    /** Interprets the finished cell: text (trimmed), a number, or missing. */
    private void cell() {
      String value = text.toString();
      String label = null;
      double number = Double.NaN;
      String type = cellType == null ? "n" : cellType;
      switch (type) {
        case "s" -> {
          if (value.isEmpty()) {
            return;
          }
          label = strings.getItemAt(Integer.parseInt(value.trim())).getString();
        }
        case "inlineStr", "str", "d" -> label = value;
        case "b" -> {
          if (value.isEmpty()) {
            return;
          }
          label = value.trim().equals("1") ? "TRUE" : "FALSE";
        }
        case "e" -> {
          if (headerRow >= 0 && dataRow() > 0 && slotOf(columnIndex) >= 0) {
            throw new InputException(
                source,
                dataRow(),
                names.get(slotOf(columnIndex)),
                "cell " + reference() + " holds the error " + value);
          }
          return;
        }
        default -> {
          if (value.isEmpty()) {
            return; // a styled but empty cell
          }
          if (raw && headerRow >= 0) {
            // the stored number in plain decimal, as Excel shows it (100000.0 → 100000)
            String stored = value.trim();
            try {
              label = new java.math.BigDecimal(stored).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
              label = stored;
            }
          } else {
            number = Double.parseDouble(value.trim());
          }
        }
      }
      if (label != null) {
        label = TableReader.trim(label);
        if (label.isEmpty()) {
          return;
        }
      }
      if (headerRow < 0) {
        headerCells.put(columnIndex, label != null ? label : DecimalText.format(number));
        return;
      }
      int row = dataRow(); // 1-based
      if (columnIndex >= header.size()) {
        throw new InputException(
            source, row, null, "cell " + reference() + " has a value but its column has no header");
      }
      if (label != null && !raw && options.isMissing(label)) {
        lastDataRow = Math.max(lastDataRow, row);
        return;
      }
      lastDataRow = Math.max(lastDataRow, row);
      int slot = slotOf[columnIndex];
      if (slot < 0) {
        return;
      }
      ensureCapacity(row);
      if (raw) {
        storeText(slot, row - 1, label);
      } else if (label != null) {
        double parsed = options.parse(label);
        if (Double.isFinite(parsed)) {
          numbers[slot][row - 1] = parsed;
        } else {
          storeText(slot, row - 1, label);
        }
      } else {
        numbers[slot][row - 1] = number;
      }
    }

    private void storeText(int slot, int row0, String label) {
      if (textCodes[slot] == null) {
        textCodes[slot] = new int[capacity];
        Arrays.fill(textCodes[slot], -1);
        dictionaries.set(slot, new HashMap<>());
        textLevels.set(slot, new ArrayList<>());
      }
      List<String> levels = textLevels.get(slot);
      textCodes[slot][row0] =
          dictionaries
              .get(slot)
              .computeIfAbsent(
                  label,
                  l -> {
                    levels.add(l);
                    return levels.size() - 1;
                  });
    }

    private void startColumns() {
      headerRow = rowIndex;
      int width = headerCells.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
      header = new ArrayList<>(width);
      for (int c = 0; c < width; c++) {
        header.add(headerCells.getOrDefault(c, ""));
      }
      slotOf = TableReader.selectColumns(source, header, onlyColumns);
      names = TableReader.selectedNames(header, slotOf);
      int k = names.size();
      capacity = 1024;
      numbers = new double[k][capacity];
      for (double[] a : numbers) {
        Arrays.fill(a, Double.NaN);
      }
      textCodes = new int[k][];
      dictionaries = new ArrayList<>();
      textLevels = new ArrayList<>();
      for (int s = 0; s < k; s++) {
        dictionaries.add(null);
        textLevels.add(null);
      }
    }

    private void ensureCapacity(int rows) {
      if (rows <= capacity) {
        return;
      }
      int next = capacity;
      while (next < rows) {
        next *= 2;
      }
      for (int s = 0; s < numbers.length; s++) {
        numbers[s] = Arrays.copyOf(numbers[s], next);
        Arrays.fill(numbers[s], capacity, next, Double.NaN);
        if (textCodes[s] != null) {
          textCodes[s] = Arrays.copyOf(textCodes[s], next);
          Arrays.fill(textCodes[s], capacity, next, -1);
        }
      }
      capacity = next;
    }

    DataTable table() {
      if (headerRow < 0) {
        throw new InputException(
            source, null, null, "the first sheet is empty; a header row is required");
      }
      int rows = lastDataRow;
      if (rows == 0) {
        throw new InputException(source, null, null, "the sheet has a header but no data rows");
      }
      ensureCapacity(rows);
      List<Column> columns = new ArrayList<>(names.size());
      for (int s = 0; s < names.size(); s++) {
        if (textCodes[s] == null) {
          columns.add(new NumericColumn(names.get(s), numbers[s], rows));
          continue;
        }
        // categorical: numbers in this column become labels written as R prints them
        List<String> levels = textLevels.get(s);
        Map<String, Integer> dictionary = dictionaries.get(s);
        int[] codes = textCodes[s];
        for (int i = 0; i < rows; i++) {
          if (codes[i] < 0 && !Double.isNaN(numbers[s][i])) {
            codes[i] =
                dictionary.computeIfAbsent(
                    DecimalText.format(numbers[s][i]),
                    l -> {
                      levels.add(l);
                      return levels.size() - 1;
                    });
          }
        }
        columns.add(CategoricalColumn.fromUnsorted(names.get(s), codes, rows, levels));
      }
      return new DataTable(source, rows, columns, header);
    }

    private int dataRow() {
      return rowIndex - headerRow;
    }

    private int slotOf(int column) {
      return column < slotOf.length ? slotOf[column] : -1;
    }

    private String reference() {
      return cellRef != null ? cellRef : columnName(columnIndex) + (rowIndex + 1);
    }

    /**
     * @return 0-based column of a reference such as {@code AB12}
     */
    static int columnOf(String ref) {
      int col = 0;
      for (int i = 0; i < ref.length(); i++) {
        char c = ref.charAt(i);
        if (c < 'A' || c > 'Z') {
          break;
        }
        col = col * 26 + (c - 'A' + 1);
      }
      return col - 1;
    }

    static String columnName(int column) {
      StringBuilder sb = new StringBuilder();
      for (int c = column + 1; c > 0; c = (c - 1) / 26) {
        sb.insert(0, (char) ('A' + (c - 1) % 26));
      }
      return sb.toString();
    }
  }
}
