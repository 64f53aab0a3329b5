package org.thyra.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Large numeric CSV files are parsed as two halves on two threads. Here the size threshold is
 * lowered so small files take that path; every table and every message must be the one the
 * sequential reader gives.
 */
class CsvTwoHalvesTest {
  @TempDir Path dir;
  private long saved;

  @BeforeEach
  void splitSmallFiles() {
    saved = CsvTableReader.parallelMinBytes;
    CsvTableReader.parallelMinBytes = 1;
  }

  @AfterEach
  void restore() {
    CsvTableReader.parallelMinBytes = saved;
  }

  private DataTable sequential(Path file) {
    CsvTableReader.parallelMinBytes = Long.MAX_VALUE;
    try {
      return TableReader.read(file, null);
    } finally {
      CsvTableReader.parallelMinBytes = 1;
    }
  }

  private Path write(String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  /**
   * Random numbers, missing values, CRLF or LF, a quoted header (as write.csv), a trailing blank
   * line.
   */
  private static String randomCsv(long seed, int rows, boolean crlf, boolean quotedHeader) {
    Random rng = new Random(seed);
    String eol = crlf ? "\r\n" : "\n";
    StringBuilder sb =
        new StringBuilder(quotedHeader ? "\"time\",\"status\",\"x\"" : "time,status,x").append(eol);
    for (int i = 0; i < rows; i++) {
      sb.append(1 + rng.nextInt(500)).append(',').append(rng.nextInt(2)).append(',');
      int kind = rng.nextInt(20);
      sb.append(
          kind == 0
              ? "NA"
              : kind == 1 ? "" : kind == 2 ? "." : Double.toString(rng.nextGaussian()));
      sb.append(eol);
    }
    return sb.append(eol).toString();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4})
  void sameTableAsTheSequentialReader(long seed) throws IOException {
    Path f =
        write(
            "r" + seed + ".csv", randomCsv(seed, 3000 + (int) seed * 17, seed % 2 == 0, seed > 2));
    DataTable split =
        CsvTableReader.readInTwoHalves(
            f, f.getFileName().toString(), ',', null, ReadOptions.DEFAULT);
    assertThat(split).as("read as two halves").isNotNull();
    assertThat(TableReader.read(f, null).rowCount()).isEqualTo(split.rowCount());
    DataTable whole = sequential(f);
    assertThat(split.rowCount()).isEqualTo(whole.rowCount()).isEqualTo(3000 + (int) seed * 17);
    assertThat(split.columnNames()).isEqualTo(whole.columnNames());
    for (String c : whole.columnNames()) {
      assertThat(((NumericColumn) split.column(c)).toArray())
          .as(c)
          .isEqualTo(((NumericColumn) whole.column(c)).toArray());
    }
  }

  /**
   * The columns grow once to a size estimated from the first rows' length: rows much longer later
   * (the estimate too small, so it grows again) or much shorter (too large), and labels in
   * multi-byte characters, must still give every value in place, split or not.
   */
  @ParameterizedTest(name = "short rows first: {0}")
  @ValueSource(booleans = {true, false})
  void rowsOfUnevenLengthGrowTheColumnsCorrectly(boolean shortFirst) throws IOException {
    Random rng = new Random(shortFirst ? 11 : 12);
    int rows = 9000;
    double[] expected = new double[rows];
    StringBuilder sb = new StringBuilder("x,label,pad\n");
    for (int i = 0; i < rows; i++) {
      boolean shortRow = (i < 2000) == shortFirst;
      expected[i] = shortRow ? rng.nextInt(10) : rng.nextGaussian() * 1e6;
      sb.append(expected[i] == Math.rint(expected[i]) ? (long) expected[i] : expected[i])
          .append(',')
          .append(i % 3 == 0 ? "\u00e9t\u00e9" : "\u65e5\u672c")
          .append(',')
          .append(shortRow ? "" : "a".repeat(40))
          .append('\n');
    }
    Path f = write("uneven" + shortFirst + ".csv", sb.toString());
    for (DataTable t : List.of(TableReader.read(f, null), sequential(f))) {
      assertThat(t.rowCount()).isEqualTo(rows);
      assertThat(((NumericColumn) t.column("x")).toArray()).isEqualTo(expected);
      CategoricalColumn label = (CategoricalColumn) t.column("label");
      assertThat(label.label(0)).isEqualTo("\u00e9t\u00e9");
      assertThat(label.label(rows - 1))
          .isEqualTo(((rows - 1) % 3 == 0) ? "\u00e9t\u00e9" : "\u65e5\u672c");
    }
  }

  @Test
  void badValueInTheSecondHalfNamesItsRowInTheWholeFile() throws IOException {
    StringBuilder sb = new StringBuilder("time,status\n");
    for (int i = 1; i <= 4000; i++) {
      sb.append(i).append(',').append(i == 3500 ? "1,9" : "1").append('\n');
    }
    Path f = write("ragged.csv", sb.toString());
    InputException split =
        catchThrowableOfType(InputException.class, () -> TableReader.read(f, null));
    InputException whole = catchThrowableOfType(InputException.class, () -> sequential(f));
    assertThat(split.row()).isEqualTo(3500);
    assertThat(split.getMessage()).isEqualTo(whole.getMessage());
  }

  @Test
  void theEarliestBadRowWinsWhenBothHalvesHaveOne() throws IOException {
    StringBuilder sb = new StringBuilder("time,status\n");
    for (int i = 1; i <= 4000; i++) {
      sb.append(i).append(',').append(i == 10 || i == 3900 ? "1,9" : "1").append('\n');
    }
    Path f = write("two.csv", sb.toString());
    assertThat(catchThrowableOfType(InputException.class, () -> TableReader.read(f, null)).row())
        .isEqualTo(10);
  }

  @Test
  void textInTheSecondHalfGivesTheSequentialCategoricalColumn() throws IOException {
    StringBuilder sb = new StringBuilder("time,group\n");
    for (int i = 1; i <= 4000; i++) {
      sb.append(i).append(',').append(i == 3999 ? "b" : "1").append('\n');
    }
    Path f = write("text.csv", sb.toString());
    assertThat(CsvTableReader.readInTwoHalves(f, "text.csv", ',', null, ReadOptions.DEFAULT))
        .as("falls back")
        .isNull();
    // mostly numbers: refused unless declared categorical (ColumnTyping)
    assertThatThrownBy(() -> TableReader.read(f, null))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("row 3999, column \"group\"");
    Column split =
        TableReader.read(f, null, ReadOptions.DEFAULT.withCategorical(List.of("group")))
            .column("group");
    assertThat(split).isInstanceOf(CategoricalColumn.class);
    assertThat(((CategoricalColumn) split).levels()).containsExactly("1", "b");
    assertThat(((CategoricalColumn) split).label(3998)).isEqualTo("b");
  }

  @Test
  void aQuotedLineBreakInsideTheSecondHalfIsKept() throws IOException {
    StringBuilder sb = new StringBuilder("time,note\n");
    for (int i = 1; i <= 2000; i++) {
      sb.append(i).append(',').append(i == 1500 ? "\"two\nlines\"" : "x").append('\n');
    }
    Path f = write("quoted.csv", sb.toString());
    // the quoted field lies wholly in the second half, which parses it as the whole file would
    DataTable t = CsvTableReader.readInTwoHalves(f, "quoted.csv", ',', null, ReadOptions.DEFAULT);
    assertThat(t).as("read as two halves").isNotNull();
    assertThat(t.rowCount()).isEqualTo(2000);
    assertThat(((CategoricalColumn) t.column("note")).label(1499)).isEqualTo("two\nlines");
  }

  @Test
  void aQuotedFieldAcrossTheMiddleGivesTheSequentialTable() throws IOException {
    StringBuilder sb = new StringBuilder("id,note\n1,a\n2,\"");
    for (int i = 0; i < 3000; i++) {
      sb.append("line ").append(i).append('\n'); // one field spanning the middle of the file
    }
    sb.append("\"\n3,b\n");
    Path f = write("spanning.csv", sb.toString());
    assertThat(CsvTableReader.readInTwoHalves(f, "spanning.csv", ',', null, ReadOptions.DEFAULT))
        .isNull();
    DataTable t = TableReader.read(f, null);
    assertThat(t.rowCount()).isEqualTo(3);
    assertThat(((CategoricalColumn) t.column("note")).label(1))
        .startsWith("line 0\n")
        .endsWith("line 2999\n");
  }

  @Test
  void quotedNumbersAfterTheHeaderStillReadAsNumbers() throws IOException {
    StringBuilder sb = new StringBuilder("\"time\",\"status\"\n");
    for (int i = 1; i <= 3000; i++) {
      sb.append('"').append(i).append("\",1\n");
    }
    Path f = write("quotednum.csv", sb.toString());
    DataTable split =
        CsvTableReader.readInTwoHalves(f, "quotednum.csv", ',', null, ReadOptions.DEFAULT);
    assertThat(split).isNotNull();
    assertThat(((NumericColumn) split.column("time")).toArray())
        .isEqualTo(((NumericColumn) sequential(f).column("time")).toArray());
  }

  @Test
  void labelsInBothHalvesJoinIntoOneDictionary() throws IOException {
    StringBuilder sb = new StringBuilder("time,group,site\n");
    for (int i = 1; i <= 4000; i++) {
      String group =
          i <= 2000 ? (i % 2 == 0 ? "A" : "B") : (i % 3 == 0 ? "C" : i % 3 == 1 ? "A" : "NA");
      String site = i <= 2000 ? "" : (i % 2 == 0 ? "lung" : "bone"); // first half all missing
      sb.append(i).append(',').append(group).append(',').append(site).append('\n');
    }
    Path f = write("labels.csv", sb.toString());
    DataTable split =
        CsvTableReader.readInTwoHalves(f, "labels.csv", ',', null, ReadOptions.DEFAULT);
    assertThat(split).as("read as two halves").isNotNull();
    DataTable whole = sequential(f);
    for (String c : new String[] {"group", "site"}) {
      CategoricalColumn a = (CategoricalColumn) split.column(c);
      CategoricalColumn b = (CategoricalColumn) whole.column(c);
      assertThat(a.levels()).as(c).isEqualTo(b.levels());
      for (int i = 0; i < 4000; i++) {
        assertThat(a.code(i)).as(c + " row " + (i + 1)).isEqualTo(b.code(i));
      }
    }
    assertThat(((CategoricalColumn) split.column("group")).levels()).containsExactly("A", "B", "C");
  }
}
