package org.thyra.frame;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a CSV or XLSX file into a {@link DataTable} (SPEC §5).
 *
 * <ul>
 *   <li>CSV: comma, semicolon or tab separated (detected from the header line), RFC 4180 quotes,
 *       UTF-8 with or without a byte-order mark. XLSX: the first sheet; numeric cells are numbers,
 *       text cells text, booleans {@code TRUE}/{@code FALSE}, dates their serial numbers.
 *   <li>A header row is required; names are trimmed and matched exactly (case-sensitive); an empty
 *       or duplicate name is an error. Row numbers count data rows after the header (blank lines
 *       skipped, as R's {@code read.csv} does).
 *   <li>Missing: an empty cell, {@code NA} or {@code .} (after trimming spaces and tabs).
 *   <li>A column is numeric when every non-missing value parses as a decimal number, otherwise
 *       categorical.
 *   <li>A row with more or fewer fields than the header is an error naming the row.
 *   <li>All or nothing: any problem throws {@link InputException}; no partial table is returned.
 * </ul>
 */
public final class TableReader {
  private TableReader() {}

  /**
   * Reads every column.
   *
   * @param file CSV or XLSX file
   * @return the table
   * @throws InputException for any problem with the file, naming file, row and column
   */
  public static DataTable read(Path file) {
    return read(file, null);
  }

  /**
   * @param file CSV or XLSX file (XLSX recognised by its content, not only its name)
   * @param onlyColumns names of the columns to read, or {@code null} for all; only these are
   *     parsed, which keeps memory proportional to what an analysis uses
   * @return the table
   * @throws InputException for any problem with the file, naming file, row and column
   */
  public static DataTable read(Path file, Collection<String> onlyColumns) {
    return read(file, onlyColumns, ReadOptions.DEFAULT);
  }

  /**
   * As {@link #read(Path, Collection)} with the user's reading options (missing-value words,
   * decimal comma, columns declared categorical), and the typing rule of {@link ColumnTyping}.
   */
  public static DataTable read(Path file, Collection<String> onlyColumns, ReadOptions options) {
    DataTable table = readTyped(file, onlyColumns, options);
    for (String name : table.columnNames()) {
      ColumnTyping.check(table.source(), table.column(name), options);
    }
    return table;
  }

  /**
   * Every column of the file as the exact text of its cells (untrimmed; {@code NA} and other
   * missing-value words kept; an empty cell is the empty text), on the same data rows as {@link
   * #read}. Outputs that copy columns unchanged ({@code derive}, {@code match --out-matched},
   * {@code impute}) copy this text, so {@code 007}, {@code 1e5} and 20-digit ids stay as written.
   *
   * @throws InputException for any problem with the file
   */
  public static DataTable readText(Path file) {
    String source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    try {
      if (Files.exists(file) && !Files.isDirectory(file) && isZip(file)) {
        return XlsxTableReader.readText(file, source);
      }
    } catch (IOException e) {
      throw new InputException(source, null, null, "cannot be read: " + e.getMessage(), e);
    }
    if (!Files.isRegularFile(file)) {
      return readTyped(file, null, ReadOptions.DEFAULT); // its message says what is wrong
    }
    try {
      return CsvTableReader.readText(file, source);
    } catch (IOException e) {
      throw new InputException(source, null, null, "cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * The cell's exact text in a table from {@link #readText}: the empty text for a cell the file
   * leaves empty.
   */
  public static String cellText(Column column, int row0) {
    return column.isMissing(row0) ? "" : column.text(row0);
  }

  private static DataTable readTyped(
      Path file, Collection<String> onlyColumns, ReadOptions options) {
    String source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    if (!Files.exists(file)) {
      throw new InputException(source, null, null, "file not found (" + file + ")");
    }
    if (Files.isDirectory(file)) {
      throw new InputException(source, null, null, "is a directory, not a data file");
    }
    String lower = source.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".xls")) {
      throw new InputException(
          source,
          null,
          null,
          "the old Excel .xls format is not supported; save the sheet as .xlsx or CSV");
    }
    try {
      if (isZip(file)) {
        return XlsxTableReader.read(file, source, onlyColumns, options);
      }
      if (lower.endsWith(".xlsx")) {
        throw new InputException(source, null, null, "is not a valid .xlsx workbook");
      }
      return CsvTableReader.read(file, source, onlyColumns, options);
    } catch (NoSuchFileException e) {
      throw new InputException(source, null, null, "file not found (" + file + ")", e);
    } catch (IOException e) {
      throw new InputException(source, null, null, "cannot be read: " + e.getMessage(), e);
    }
  }

  private static boolean isZip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] magic = in.readNBytes(4);
      return magic.length == 4
          && magic[0] == 'P'
          && magic[1] == 'K'
          && magic[2] == 3
          && magic[3] == 4;
    }
  }

  /**
   * Checks a header and chooses the columns to read.
   *
   * @return for each header field, the index among the columns read, or -1
   */
  static int[] selectColumns(String source, List<String> header, Collection<String> onlyColumns) {
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i);
      if (name.isEmpty()) {
        boolean trailing = header.subList(i, header.size()).stream().allMatch(String::isEmpty);
        throw new InputException(
            source,
            null,
            null,
            "the header's field "
                + (i + 1)
                + " is empty; every column needs a name"
                + (trailing ? " (trailing separators? delete the empty columns at the end)" : ""));
      }
      Integer previous = position.put(name, i);
      if (previous != null) {
        throw new InputException(
            source,
            null,
            name,
            "the header names column \""
                + name
                + "\" twice (fields "
                + (previous + 1)
                + " and "
                + (i + 1)
                + ")");
      }
    }
    int[] slotOf = new int[header.size()];
    if (onlyColumns == null) {
      for (int i = 0; i < slotOf.length; i++) {
        slotOf[i] = i;
      }
      return slotOf;
    }
    java.util.Arrays.fill(slotOf, -1);
    for (String wanted : new LinkedHashSet<>(onlyColumns)) {
      if (!position.containsKey(wanted)) {
        throw ColumnNames.unknown(source, wanted, header);
      }
      slotOf[position.get(wanted)] = 0;
    }
    int slot = 0;
    for (int i = 0; i < slotOf.length; i++) {
      if (slotOf[i] == 0) {
        slotOf[i] = slot++;
      }
    }
    return slotOf;
  }

  /**
   * @return the header names of the columns read, in file order
   */
  static List<String> selectedNames(List<String> header, int[] slotOf) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < slotOf.length; i++) {
      if (slotOf[i] >= 0) {
        names.add(header.get(i));
      }
    }
    return names;
  }

  /**
   * @return whether the trimmed text marks a missing value: empty, {@code NA} or {@code .}
   */
  static boolean isMissing(char[] buf, int off, int len) {
    return len == 0
        || len == 1 && buf[off] == '.'
        || len == 2 && buf[off] == 'N' && buf[off + 1] == 'A';
  }

  /**
   * @see #isMissing(char[], int, int)
   */
  static boolean isMissing(String trimmed) {
    return trimmed.isEmpty() || trimmed.equals(".") || trimmed.equals("NA");
  }

  /** Trims spaces and tabs. */
  static String trim(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && isBlank(s.charAt(a))) {
      a++;
    }
    while (b > a && isBlank(s.charAt(b - 1))) {
      b--;
    }
    return s.substring(a, b);
  }

  static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\u00A0';
  }
}
