package org.thyra.frame;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.RecordType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV input with fastcsv's callback API, so numeric fields are parsed straight from the parser's
 * character buffer into a growing {@code double[]} without a {@code String} per value.
 *
 * <p>Pass 1 reads every requested column as numeric. A column that meets a non-number after it
 * has held numbers is re-read as categorical in pass 2 (only those columns); a column whose
 * first non-missing value is not a number switches to categorical on the spot.
 */
final class CsvTableReader {
    private static final Object RECORD = new Object();
    private static final int HEADER_SCAN_LIMIT = 1 << 20;

    private CsvTableReader() {
    }

    static DataTable read(Path file, String source, Collection<String> onlyColumns) throws IOException {
        char separator = detectSeparator(file, source);
        ColumnHandler pass1 = new ColumnHandler(source, onlyColumns, null);
        run(file, source, separator, pass1);
        if (pass1.header == null) {
            throw new InputException(source, null, null, "the file is empty; a header row is required");
        }
        if (pass1.rows == 0) {
            throw new InputException(source, null, null,
                    "the file has a header but no data rows");
        }
        boolean[] reread = pass1.rereadSlots();
        ColumnHandler pass2 = null;
        if (reread != null) {
            pass2 = new ColumnHandler(source, onlyColumns, reread);
            run(file, source, separator, pass2);
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

    private static void run(Path file, String source, char separator, ColumnHandler handler) throws IOException {
        try (CsvReader<Object> reader = CsvReader.builder()
                .fieldSeparator(separator)
                .quoteCharacter('"')
                .skipEmptyLines(true)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .detectBomHeader(true)
                .build(handler, file, StandardCharsets.UTF_8)) {
            for (Object ignored : reader) {
                // the handler stores every value as it is parsed
            }
        } catch (CsvParseException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InputException ie) {
                throw new InputException(ie.file(), ie.row(), ie.column(), ie.detail());
            }
            if (cause instanceof UncheckedIOException uio) {
                throw uio.getCause();
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            Integer row = handler.header == null ? null : handler.rows + 1;
            throw new InputException(source, row, null, "malformed CSV: "
                    + (cause != null && cause.getMessage() != null ? cause.getMessage() : e.getMessage()), e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
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
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
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
                        default -> {
                        }
                    }
                }
                if (!Character.isWhitespace(c) || c == '\t') {
                    any = true;
                }
            }
        } catch (CharacterCodingException e) {
            throw new InputException(source, null, null, "is not UTF-8 text (save it as CSV UTF-8)", e);
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

        private final String source;
        private final Collection<String> onlyColumns;
        private final boolean[] onlySlots;

        List<String> header;
        List<String> names;
        private int[] slotOf;
        int rows;

        private byte[] mode;
        private double[][] numbers;
        private boolean[] sawNumber;
        private int[][] codes;
        private List<Map<String, Integer>> dictionaries;
        private List<List<String>> seenLevels;
        private int capacity;

        /**
         * @param onlySlots null for pass 1 (all requested columns, numeric first); otherwise the
         *                  slots to read as categorical in pass 2
         */
        ColumnHandler(String source, Collection<String> onlyColumns, boolean[] onlySlots) {
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
                String name = new String(buf, offset, len);
                if (fieldIdx == 0 && !name.isEmpty() && name.charAt(0) == '\uFEFF') {
                    name = name.substring(1);
                }
                headerFields.add(TableReader.trim(name));
                return;
            }
            if (fieldIdx >= slotOf.length) {
                return; // ragged row, reported in buildRecord
            }
            int slot = slotOf[fieldIdx];
            if (slot < 0) {
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
                default -> {
                }
            }
        }

        private final List<String> headerFields = new ArrayList<>();

        private void storeNumber(int slot, char[] buf, int offset, int len) {
            if (TableReader.isMissing(buf, offset, len)) {
                numbers[slot][rows] = Double.NaN;
                return;
            }
            double v = DecimalText.parse(buf, offset, len);
            if (!Double.isNaN(v)) {
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
                dictionaries.set(slot, new HashMap<>());
                seenLevels.set(slot, new ArrayList<>());
                storeLabel(slot, buf, offset, len);
            }
        }

        private void storeLabel(int slot, char[] buf, int offset, int len) {
            if (TableReader.isMissing(buf, offset, len)) {
                codes[slot][rows] = -1;
                return;
            }
            String label = new String(buf, offset, len);
            Map<String, Integer> dictionary = dictionaries.get(slot);
            Integer code = dictionary.get(label);
            if (code == null) {
                List<String> seen = seenLevels.get(slot);
                code = seen.size();
                seen.add(label);
                dictionary.put(label, code);
            }
            codes[slot][rows] = code;
        }

        @Override
        protected Object buildRecord() {
            if (getRecordType() != RecordType.DATA) {
                return RECORD;
            }
            if (header == null) {
                startColumns();
                return RECORD;
            }
            if (getFieldCount() != header.size()) {
                throw new InputException(source, rows + 1, null, "the row has " + getFieldCount()
                        + (getFieldCount() == 1 ? " field" : " fields") + " but the header has "
                        + header.size() + " (check quotes and the separator)");
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
            dictionaries = new ArrayList<>();
            seenLevels = new ArrayList<>();
            capacity = 1024;
            for (int s = 0; s < k; s++) {
                dictionaries.add(null);
                seenLevels.add(null);
                if (onlySlots == null) {
                    mode[s] = NUMERIC;
                    numbers[s] = new double[capacity];
                } else if (onlySlots[s]) {
                    mode[s] = CATEGORICAL;
                    codes[s] = new int[capacity];
                    dictionaries.set(s, new HashMap<>());
                    seenLevels.set(s, new ArrayList<>());
                } else {
                    mode[s] = SKIP;
                }
            }
        }

        private void grow() {
            int next = capacity > (Integer.MAX_VALUE - 8) / 2 ? Integer.MAX_VALUE - 8 : capacity * 2;
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

        /** @return the slots to re-read as categorical, or null when none */
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
            return CategoricalColumn.fromUnsorted(name, codes[slot], rows, seenLevels.get(slot));
        }
    }
}
