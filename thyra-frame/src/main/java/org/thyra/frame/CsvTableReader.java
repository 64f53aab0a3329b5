package org.thyra.frame;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import de.siegmar.fastcsv.reader.RecordType;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * CSV input with fastcsv's callback API, so numeric fields are parsed straight from the parser's
 * character buffer into a growing {@code double[]} without a {@code String} per value.
 *
 * <p>Pass 1 reads every requested column as numeric. A column that meets a non-number after it has
 * held numbers is re-read as categorical in pass 2 (only those columns); a column whose first
 * non-missing value is not a number switches to categorical on the spot.
 */
final class CsvTableReader {
  private static final Object RECORD = new Object();
  private static final int HEADER_SCAN_LIMIT = 1 << 20;

  private CsvTableReader() {}

  static DataTable read(
      Path file, String source, Collection<String> onlyColumns, ReadOptions options)
      throws IOException {
    char separator = detectSeparator(file, source);
    DataTable table = readInTwoHalves(file, source, separator, onlyColumns, options);
    if (table != null) {
      return table;
    }
    long size = Files.size(file);
    ColumnHandler pass1 = new ColumnHandler(source, onlyColumns, null, options);
    pass1.inputChars = size;
    run(file, source, separator, Files.newInputStream(file), pass1);
    if (pass1.header == null) {
      throw new InputException(source, null, null, "the file is empty; a header row is required");
    }
    if (pass1.rows == 0) {
      throw new InputException(source, null, null, "the file has a header but no data rows");
    }
    boolean[] reread = pass1.rereadSlots();
    ColumnHandler pass2 = null;
    if (reread != null) {
      pass2 = new ColumnHandler(source, onlyColumns, reread, options);
      pass2.inputChars = size;
      run(file, source, separator, Files.newInputStream(file), pass2);
      if (pass2.rows != pass1.rows) {
        throw new InputException(source, null, null, "the file changed while it was read");
      }
    }
    List<Column> columns = new ArrayList<>();
    for (int s = 0; s < pass1.names.size(); s++) {
      ColumnHandler from = reread != null && reread[s] ? pass2 : pass1;
      columns.add(from.build(s));
    }
    return new DataTable(source, pass1.rows, columns, pass1.header);
  }

  /**
   * Every column as the text of its cells, exactly as written (untrimmed, missing-value words
   * kept), on the same data rows as {@link #read}: for outputs that copy columns unchanged.
   */
  static DataTable readText(Path file, String source) throws IOException {
    char separator = detectSeparator(file, source);
    ColumnHandler raw = new ColumnHandler(source, null, null, ReadOptions.DEFAULT);
    raw.raw = true;
    run(file, source, separator, Files.newInputStream(file), raw);
    if (raw.header == null) {
      throw new InputException(source, null, null, "the file is empty; a header row is required");
    }
    List<Column> columns = new ArrayList<>();
    for (int s = 0; s < raw.names.size(); s++) {
      columns.add(raw.build(s));
    }
    return new DataTable(source, raw.rows, columns, raw.header);
  }

  /** Files from this size are parsed as two halves on two threads when that is safe. */
  static volatile long parallelMinBytes = 8L << 20; // not final: tests split small files

  /**
   * Parses a large file as two halves concurrently: the header line plus the first half, and the
   * header line again plus the second half, split at a line end, when the header is the first line.
   * When the first half ends inside a quoted field (a parse error) or a column turns out not to be
   * numeric, the whole file is read again the ordinary way, so the result is always the one the
   * sequential reader gives, and so are error messages (a row of the second half is numbered after
   * the first half's rows).
   *
   * @return the table, or null when the file is not split (read it sequentially)
   */
  static DataTable readInTwoHalves(
      Path file, String source, char separator, Collection<String> onlyColumns, ReadOptions options)
      throws IOException {
    long size = Files.size(file);
    if (size < parallelMinBytes || Runtime.getRuntime().availableProcessors() < 2) {
      return null;
    }
    // The header is the first line; its names may be quoted (R's write.csv) if no line end is
    // quoted. The split is the first line end after the middle. Whether that line end is inside
    // a quoted field is learnt from the first half itself: it then ends in an unclosed quote,
    // a parse error, and the file is read again sequentially.
    long headerEnd = -1;
    long split = -1;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer block = ByteBuffer.allocate(1 << 16);
      byte[] bytes = block.array();
      boolean quoted = false;
      boolean blank = true;
      long base = 0;
      int got;
      header:
      while (base < HEADER_SCAN_LIMIT && (got = channel.read(block.clear(), base)) > 0) {
        for (int i = 0; i < got; i++) {
          byte b = bytes[i];
          if (b == '"') {
            quoted = !quoted;
          } else if (b == '\n') {
            if (quoted || blank) {
              return null; // a quoted line end, or blank lines before the header
            }
            headerEnd = base + i + 1;
            break header;
          } else if (b != ' ' && b != '\t' && b != '\r') {
            blank = false;
          }
        }
        base += got;
      }
      if (headerEnd < 0) {
        return null;
      }
      base = Math.max(size / 2, headerEnd);
      search:
      while ((got = channel.read(block.clear(), base)) > 0) {
        for (int i = 0; i < got; i++) {
          if (bytes[i] == '\n') {
            split = base + i + 1;
            break search;
          }
        }
        base += got;
      }
    }
    if (split < 0 || split >= size) {
      return null;
    }
    ColumnHandler first = new ColumnHandler(source, onlyColumns, null, options);
    ColumnHandler second = new ColumnHandler(source, onlyColumns, null, options);
    // the first half's arrays are sized for the whole file, so the join appends the second half
    // in place instead of copying both into new arrays
    first.inputChars = size;
    second.inputChars = headerEnd + size - split;
    long secondStart = split;
    long headerLength = headerEnd;
    CompletableFuture<Void> secondHalf =
        CompletableFuture.runAsync(
            () -> {
              try {
                run(
                    file,
                    source,
                    separator,
                    new SequenceInputStream(
                        range(file, 0, headerLength), range(file, secondStart, size - secondStart)),
                    second);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    InputException firstError = null;
    try {
      run(file, source, separator, range(file, 0, split), first);
    } catch (InputException e) {
      firstError = e;
    }
    if (firstError != null && firstError.getCause() instanceof CsvParseException) {
      // perhaps the split fell inside a quoted field: only the whole file can tell
      secondHalf.exceptionally(e -> null).join();
      return null;
    }
    try {
      secondHalf.join();
    } catch (CompletionException e) {
      if (firstError == null) {
        Throwable cause = e.getCause();
        if (cause instanceof InputException ie) {
          throw ie.row() == null
              ? ie
              : new InputException(ie.file(), ie.row() + first.rows, ie.column(), ie.detail(), ie);
        }
        if (cause instanceof UncheckedIOException uio) {
          throw uio.getCause();
        }
        throw e;
      }
    }
    if (firstError != null) {
      throw firstError;
    }
    if (first.rows == 0 || second.rows == 0) {
      return null; // an empty half: the sequential reader handles it
    }
    int rows = first.rows + second.rows;
    List<Column> columns = new ArrayList<>();
    for (int s = 0; s < first.names.size(); s++) {
      Column joined = join(first, second, s, rows);
      if (joined == null) {
        return null; // numbers in one half, text in the other: the sequential reader decides
      }
      columns.add(joined);
    }
    return new DataTable(source, rows, columns, first.header);
  }

  /**
   * One column from its two halves, as the sequential reader would have read it: numbers followed
   * by numbers; labels followed by labels (the second half's codes renumbered into one dictionary);
   * a half with no value at all (numeric mode, nothing seen) beside labels. Null for any other mix
   * (numbers then text is re-read as text by the sequential reader).
   */
  private static Column join(ColumnHandler first, ColumnHandler second, int s, int rows) {
    String name = first.names.get(s);
    boolean firstText = first.isText(s);
    boolean secondText = second.isText(s);
    if (!firstText && !secondText) {
      if (!first.isNumber(s) || !second.isNumber(s)) {
        return null;
      }
      double[] values = first.numbers[s];
      if (values.length < rows) {
        values = Arrays.copyOf(values, rows);
      }
      System.arraycopy(second.numbers[s], 0, values, first.rows, second.rows);
      return new NumericColumn(name, values, rows);
    }
    if ((!firstText && !first.isEmpty(s)) || (!secondText && !second.isEmpty(s))) {
      return null;
    }
    List<String> labels = new ArrayList<>(firstText ? first.dictionaries[s].labels() : List.of());
    int[] codes = new int[rows];
    if (firstText) {
      System.arraycopy(first.codes[s], 0, codes, 0, first.rows);
    } else {
      Arrays.fill(codes, 0, first.rows, -1);
    }
    if (secondText) {
      List<String> more = second.dictionaries[s].labels();
      java.util.Map<String, Integer> index = new java.util.HashMap<>();
      for (int k = 0; k < labels.size(); k++) {
        index.put(labels.get(k), k);
      }
      int[] renumber = new int[more.size()];
      for (int k = 0; k < more.size(); k++) {
        Integer at = index.get(more.get(k));
        if (at == null) {
          at = labels.size();
          labels.add(more.get(k));
        }
        renumber[k] = at;
      }
      int[] c2 = second.codes[s];
      for (int i = 0; i < second.rows; i++) {
        codes[first.rows + i] = c2[i] < 0 ? -1 : renumber[c2[i]];
      }
    } else {
      Arrays.fill(codes, first.rows, rows, -1);
    }
    return CategoricalColumn.fromUnsorted(name, codes, rows, labels);
  }

  /** The bytes [start, start + length) of a file. */
  private static InputStream range(Path file, long start, long length) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    channel.position(start);
    return new FilterInputStream(Channels.newInputStream(channel)) {
      private long left = length;

      @Override
      public int read() throws IOException {
        if (left <= 0) {
          return -1;
        }
        int b = super.read();
        if (b >= 0) {
          left--;
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        if (left <= 0) {
          return -1;
        }
        int n = super.read(buf, off, (int) Math.min(len, left));
        if (n > 0) {
          left -= n;
        }
        return n;
      }
    };
  }

  private static void run(
      Path file, String source, char separator, InputStream bytes, ColumnHandler handler)
      throws IOException {
    // invalid UTF-8 decodes to U+FFFD, which the handler reports with its row and column
    try (Reader in =
            withoutBom(
                new BufferedReader(new InputStreamReader(bytes, StandardCharsets.UTF_8), 1 << 16));
        CsvReader<Object> reader =
            CsvReader.builder()
                .fieldSeparator(separator)
                .quoteCharacter('"')
                .allowUnclosedQuote(
                    false) // else a stray quote silently swallows the rest of the file
                .skipEmptyLines(true)
                .extraFieldStrategy(
                    FieldMismatchStrategy.IGNORE) // counted and reported by the handler
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .build(handler, in)) {
      for (Object ignored : reader) {
        // the handler stores every value as it is parsed
      }
    } catch (CsvParseException e) {
      Throwable cause = e.getCause();
      if (cause instanceof InputException ie) {
        throw ie;
      }
      if (cause instanceof UncheckedIOException uio) {
        throw uio.getCause();
      }
      if (cause instanceof IOException io) {
        throw io;
      }
      Integer row = handler.header == null ? null : handler.rows + 1;
      String text = cause != null && cause.getMessage() != null ? cause.getMessage() : "";
      if (text.contains("maximum buffer size") || e.getMessage().contains("maximum buffer size")) {
        // fastcsv blames an unclosed quotation for any field beyond its buffer; say which it is
        throw new InputException(
            source,
            row,
            null,
            quotedFieldStartsIn(file, handler.header != null)
                ? "a quoted field is longer than 16 MiB: a quotation mark that never closes?"
                    + " (check this row for a stray \")"
                : "a field is longer than 16 MiB with no line end: is the file cut off, or not"
                    + " a table at all?",
            e);
      }
      throw new InputException(
          source,
          row,
          null,
          "malformed CSV: "
              + (cause != null && cause.getMessage() != null ? cause.getMessage() : e.getMessage()),
          e);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * @return whether a quotation mark occurs after the header line (the start of a quoted field)
   */
  private static boolean quotedFieldStartsIn(Path file, boolean afterHeader) {
    try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      boolean pastHeader = !afterHeader;
      int b;
      while ((b = in.read()) != -1) {
        if (b == '\n') {
          pastHeader = true;
        } else if (b == '"' && pastHeader) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return true; // cannot tell: keep the parser's reading
    }
  }

  /** Skips a leading byte-order mark (U+FEFF). */
  private static Reader withoutBom(BufferedReader in) throws IOException {
    in.mark(1);
    if (in.read() != '\uFEFF') {
      in.reset();
    }
    return in;
  }

  private static InputException notUtf8(String source, Integer row, String column, String text) {
    return new InputException(
        source,
        row,
        column,
        "\""
            + text
            + "\" is not valid UTF-8 text; the file is "
            + "probably Latin-1 / Windows-1252: save it as \"CSV UTF-8\"");
  }

  /**
   * Chooses the field separator by counting commas, semicolons and tabs outside quotes in the
   * header line; ties go to the comma.
   */
  static char detectSeparator(Path file, String source) throws IOException {
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    boolean any = false;
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
      boolean quoted = false;
      int c;
      int read = 0;
      while ((c = in.read()) != -1 && read++ < HEADER_SCAN_LIMIT) {
        if (c == '\uFEFF' && read == 1) {
          continue;
        }
        if (c == '"') {
          quoted = !quoted;
        } else if (!quoted && (c == '\n' || c == '\r')) {
          if (any) {
            break;
          }
          continue; // leading blank lines
        } else if (!quoted) {
          switch (c) {
            case ',' -> commas++;
            case ';' -> semicolons++;
            case '\t' -> tabs++;
            default -> {}
          }
        }
        if (!Character.isWhitespace(c) || c == '\t') {
          any = true;
        }
      }
    }
    if (!any) {
      throw new InputException(source, null, null, "the file is empty; a header row is required");
    }
    if (semicolons > commas && semicolons >= tabs) {
      return ';';
    }
    if (tabs > commas && tabs > semicolons) {
      return '\t';
    }
    return ',';
  }

  /** Receives the parser's callbacks and stores the requested columns. */
  private static final class ColumnHandler extends AbstractBaseCsvCallbackHandler<Object> {
    private static final byte NUMERIC = 0;
    private static final byte CATEGORICAL = 1;
    private static final byte REREAD = 2;
    private static final byte SKIP = 3;
    private static final int INITIAL_CAPACITY = 1024;

    private final String source;
    private final Collection<String> onlyColumns;
    private final boolean[] onlySlots;
    private final ReadOptions options;
    boolean raw; // every cell stored as its exact text (readText)

    List<String> header;
    List<String> names;
    private int[] slotOf;
    int rows;

    private byte[] mode;
    private double[][] numbers;
    private boolean[] sawNumber;
    private int[][] codes;
    private LabelDictionary[] dictionaries;
    private int capacity;

    /** Length of the whole input in bytes (an upper bound of its characters), or -1. */
    long inputChars = -1;

    private long headerChars; // characters of the header's fields and separators
    private long dataChars; // the same for the data rows so far
    private final List<String> headerFields = new ArrayList<>();
    private boolean firstFieldBlank;

    /**
     * @param onlySlots null for pass 1 (all requested columns, numeric first); otherwise the slots
     *     to read as categorical in pass 2
     */
    ColumnHandler(
        String source, Collection<String> onlyColumns, boolean[] onlySlots, ReadOptions options) {
      this.options = options;
      this.source = source;
      this.onlyColumns = onlyColumns;
      this.onlySlots = onlySlots;
    }

    @Override
    protected void handleBegin(long startingOffset) {
      if (header != null && rows == capacity) {
        grow();
      }
    }

    @Override
    protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean quoted) {
      if (header == null) {
        headerChars += len + 1;
        String name = new String(buf, offset, len);
        if (fieldIdx == 0 && !name.isEmpty() && name.charAt(0) == '\uFEFF') {
          name = name.substring(1);
        }
        if (name.indexOf('\uFFFD') >= 0) {
          throw notUtf8(source, null, null, name);
        }
        headerFields.add(TableReader.trim(name));
        return;
      }
      dataChars += len + 1; // the field and its separator or line end
      if (fieldIdx == 0) {
        firstFieldBlank = isBlankText(buf, offset, len);
      }
      if (fieldIdx >= slotOf.length) {
        return; // ragged row, reported in buildRecord
      }
      int slot = slotOf[fieldIdx];
      if (slot < 0) {
        return;
      }
      if (raw) {
        codes[slot][rows] = label(slot, buf, offset, len);
        return;
      }
      int end = offset + len;
      while (offset < end && TableReader.isBlank(buf[offset])) {
        offset++;
      }
      while (end > offset && TableReader.isBlank(buf[end - 1])) {
        end--;
      }
      len = end - offset;
      switch (mode[slot]) {
        case NUMERIC -> storeNumber(slot, buf, offset, len);
        case CATEGORICAL -> storeLabel(slot, buf, offset, len);
        default -> {}
      }
    }

    private static boolean isBlankText(char[] buf, int offset, int len) {
      for (int i = offset; i < offset + len; i++) {
        if (!TableReader.isBlank(buf[i])) {
          return false;
        }
      }
      return true;
    }

    private void storeNumber(int slot, char[] buf, int offset, int len) {
      if (options.isMissing(buf, offset, len)) {
        numbers[slot][rows] = Double.NaN;
        return;
      }
      double v = options.parse(buf, offset, len);
      if (Double.isFinite(v)) { // 1e400 is not a number Thyra can hold: typed as text, then refused
        numbers[slot][rows] = v;
        sawNumber[slot] = true;
        return;
      }
      numbers[slot] = null;
      if (sawNumber[slot]) {
        mode[slot] = REREAD;
      } else {
        // every earlier value was missing: continue as categorical without a second pass
        mode[slot] = CATEGORICAL;
        codes[slot] = new int[capacity];
        Arrays.fill(codes[slot], 0, rows, -1);
        dictionaries[slot] = new LabelDictionary();
        storeLabel(slot, buf, offset, len);
      }
    }

    private void storeLabel(int slot, char[] buf, int offset, int len) {
      if (options.isMissing(buf, offset, len)) {
        codes[slot][rows] = -1;
        return;
      }
      codes[slot][rows] = label(slot, buf, offset, len);
    }

    private int label(int slot, char[] buf, int offset, int len) {
      LabelDictionary dictionary = dictionaries[slot];
      int known = dictionary.labels().size();
      int code = dictionary.code(buf, offset, len);
      if (code == known && dictionary.labels().get(code).indexOf('\uFFFD') >= 0) {
        // checked once per distinct label: invalid UTF-8 was decoded to U+FFFD
        throw notUtf8(source, rows + 1, names.get(slot), dictionary.labels().get(code));
      }
      return code;
    }

    @Override
    protected Object buildRecord() {
      if (getRecordType() != RecordType.DATA) {
        return RECORD;
      }
      if (header == null) {
        if (headerFields.size() == 1 && headerFields.get(0).isEmpty()) {
          headerFields.clear(); // a line of spaces before the header
          return RECORD;
        }
        startColumns();
        return RECORD;
      }
      if (getFieldCount() == 1 && header.size() > 1 && firstFieldBlank) {
        return RECORD; // a line of spaces counts as a blank line; its values are overwritten
      }
      if (getFieldCount() != header.size()) {
        throw new InputException(
            source,
            rows + 1,
            null,
            "the row has "
                + getFieldCount()
                + (getFieldCount() == 1 ? " field" : " fields")
                + " but the header has "
                + header.size()
                + " (check quotes and the separator)");
      }
      rows++;
      return RECORD;
    }

    private void startColumns() {
      header = List.copyOf(headerFields);
      slotOf = TableReader.selectColumns(source, header, onlyColumns);
      names = TableReader.selectedNames(header, slotOf);
      int k = names.size();
      mode = new byte[k];
      numbers = new double[k][];
      sawNumber = new boolean[k];
      codes = new int[k][];
      dictionaries = new LabelDictionary[k];
      capacity = INITIAL_CAPACITY;
      for (int s = 0; s < k; s++) {
        if (raw) {
          mode[s] = CATEGORICAL;
          codes[s] = new int[capacity];
          dictionaries[s] = new LabelDictionary();
        } else if (onlySlots == null) {
          mode[s] = NUMERIC;
          numbers[s] = new double[capacity];
        } else if (onlySlots[s]) {
          mode[s] = CATEGORICAL;
          codes[s] = new int[capacity];
          dictionaries[s] = new LabelDictionary();
        } else {
          mode[s] = SKIP;
        }
      }
    }

    /**
     * Grows every column's array. At the first growth, when the input's length is known, the rows
     * still to come are estimated from the characters per row so far (plus 5 %): one copy instead
     * of a doubling series, which on a large file allocated three times the final columns and made
     * the collector copy them (docs/PERFORMANCE.md). Multi-byte characters, quotes and carriage
     * returns (not counted) only make the estimate larger, at most to the two characters a row
     * takes at least; a row longer than the first ones falls back to doubling.
     */
    private void grow() {
      int next = capacity > (Integer.MAX_VALUE - 8) / 2 ? Integer.MAX_VALUE - 8 : capacity * 2;
      if (inputChars > 0 && rows == INITIAL_CAPACITY && dataChars > 0) {
        double perRow = (double) dataChars / rows;
        long estimate = (long) ((inputChars - headerChars) / perRow * 1.05) + INITIAL_CAPACITY;
        estimate = Math.min(estimate, inputChars / 2 + INITIAL_CAPACITY);
        if (estimate > next && estimate < Integer.MAX_VALUE - 8) {
          next = (int) estimate;
        }
      }
      if (next <= capacity) {
        throw new InputException(source, null, null, "has more rows than Thyra can hold");
      }
      for (int s = 0; s < mode.length; s++) {
        if (numbers[s] != null) {
          numbers[s] = Arrays.copyOf(numbers[s], next);
        }
        if (codes[s] != null) {
          codes[s] = Arrays.copyOf(codes[s], next);
        }
      }
      capacity = next;
    }

    /**
     * @return whether the slot was read as labels (categorical from its first value on)
     */
    boolean isText(int slot) {
      return mode[slot] == CATEGORICAL;
    }

    /**
     * @return whether the slot holds numbers (numeric mode, not to be re-read)
     */
    boolean isNumber(int slot) {
      return mode[slot] == NUMERIC;
    }

    /**
     * @return whether the slot is numeric with no value seen (every value missing so far)
     */
    boolean isEmpty(int slot) {
      return mode[slot] == NUMERIC && !sawNumber[slot];
    }

    /**
     * @return the slots to re-read as categorical, or null when none
     */
    boolean[] rereadSlots() {
      if (mode == null) {
        return null;
      }
      boolean[] reread = new boolean[mode.length];
      boolean any = false;
      for (int s = 0; s < mode.length; s++) {
        if (mode[s] == REREAD) {
          reread[s] = true;
          any = true;
        }
      }
      return any ? reread : null;
    }

    Column build(int slot) {
      String name = names.get(slot);
      if (mode[slot] == NUMERIC) {
        return new NumericColumn(name, numbers[slot], rows);
      }
      return CategoricalColumn.fromUnsorted(name, codes[slot], rows, dictionaries[slot].labels());
    }
  }
}
