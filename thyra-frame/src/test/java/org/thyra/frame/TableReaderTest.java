package org.thyra.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableReaderTest {
  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  private static NumericColumn num(DataTable t, String name) {
    return (NumericColumn) t.column(name);
  }

  private static CategoricalColumn cat(DataTable t, String name) {
    return (CategoricalColumn) t.column(name);
  }

  @Test
  void readsCommaSeparatedNumbersAndCategories() throws IOException {
    DataTable t =
        TableReader.read(write("a.csv", "time,status,sex\n5,1,m\n3.5,0,f\n-2e1,1,m\n"), null);
    assertThat(t.source()).isEqualTo("a.csv");
    assertThat(t.rowCount()).isEqualTo(3);
    assertThat(t.columnNames()).containsExactly("time", "status", "sex");
    assertThat(num(t, "time").toArray()).containsExactly(5, 3.5, -20);
    assertThat(cat(t, "sex").levels()).containsExactly("f", "m");
    assertThat(cat(t, "sex").code(0)).isEqualTo(1);
    assertThat(cat(t, "sex").label(1)).isEqualTo("f");
  }

  @Test
  void detectsSemicolonWithDecimalPoints() throws IOException {
    DataTable t = TableReader.read(write("s.csv", "a;b;c\n1.5;x,y;2\n2.25;z;3\n"), null);
    assertThat(t.columnNames()).containsExactly("a", "b", "c");
    assertThat(num(t, "a").toArray()).containsExactly(1.5, 2.25);
    assertThat(cat(t, "b").levels()).containsExactly("x,y", "z");
  }

  @Test
  void detectsTabs() throws IOException {
    DataTable t = TableReader.read(write("t.tsv", "a\tb\n1\t2\n"), null);
    assertThat(num(t, "b").value(0)).isEqualTo(2);
  }

  @Test
  void commaInQuotedHeaderDoesNotMisleadDetection() throws IOException {
    DataTable t = TableReader.read(write("q.csv", "\"a,b,c\";d\n1;2\n"), null);
    assertThat(t.columnNames()).containsExactly("a,b,c", "d");
  }

  @Test
  void quotedFieldsWithSeparatorNewlineAndQuotes() throws IOException {
    DataTable t =
        TableReader.read(
            write(
                "q.csv",
                "id,note,x\n1,\"a, b\",1\n2,\"line1\nline2\",2\n3,\"say \"\"hi\"\"\",3\n4,plain,4\n"),
            null);
    assertThat(t.rowCount()).isEqualTo(4);
    CategoricalColumn note = cat(t, "note");
    assertThat(note.label(0)).isEqualTo("a, b");
    assertThat(note.label(1)).isEqualTo("line1\nline2");
    assertThat(note.label(2)).isEqualTo("say \"hi\"");
    assertThat(num(t, "x").toArray()).containsExactly(1, 2, 3, 4);
  }

  @Test
  void bomIsRemovedFromFirstHeader() throws IOException {
    Path p = dir.resolve("bom.csv");
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "age;Größe\n61;1,70\n".getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, 3);
    System.arraycopy(body, 0, all, 3, body.length);
    Files.write(p, all);
    DataTable t = TableReader.read(p, null, new ReadOptions(Set.of(), true, Set.of()));
    assertThat(t.columnNames()).containsExactly("age", "Größe");
    assertThat(num(t, "Größe").value(0)).isEqualTo(1.70);
    assertThat(num(t, "age").value(0)).isEqualTo(61);
    assertThat(t.hasColumn("age")).isTrue();
  }

  @Test
  void missingValuesEmptyNaAndDotAfterTrimming() throws IOException {
    DataTable t =
        TableReader.read(write("m.csv", "x,g\n1,a\n,b\nNA,NA\n . , \n 2 ,\" c \"\n"), null);
    NumericColumn x = num(t, "x");
    assertThat(x.isMissing(1)).isTrue();
    assertThat(x.isMissing(2)).isTrue();
    assertThat(x.isMissing(3)).isTrue();
    assertThat(x.value(4)).isEqualTo(2);
    CategoricalColumn g = cat(t, "g");
    assertThat(g.levels()).containsExactly("a", "b", "c");
    assertThat(g.code(2)).isEqualTo(-1);
    assertThat(g.code(3)).isEqualTo(-1);
    assertThat(g.label(3)).isNull();
  }

  @Test
  void naIsCaseSensitiveAndOtherWordsBesideNumbersAreAnError() throws IOException {
    // "na" is not NA: beside numbers it is a missing-value word the user must name (issue 11)
    Path numbers = write("m.csv", "x\n1\nna\n");
    assertThatThrownBy(() -> TableReader.read(numbers, null))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("m.csv, row 2, column \"x\"")
        .hasMessageContaining("--na \"na\"");
    DataTable named =
        TableReader.read(
            numbers, null, new ReadOptions(java.util.Set.of("na"), false, java.util.Set.of()));
    assertThat(num(named, "x").isMissing(1)).isTrue();
    // beside text it is a category like any other
    DataTable t = TableReader.read(write("w.csv", "x\nyes\nna\n"), null);
    assertThat(cat(t, "x").levels()).containsExactly("na", "yes");
  }

  @Test
  void columnBecomesCategoricalAfterNumbersAndIsReread() throws IOException {
    StringBuilder sb = new StringBuilder("x,y\n");
    for (int i = 0; i < 3000; i++) {
      sb.append(i % 7).append(',').append(i).append('\n');
    }
    sb.append("unknown,3000\n");
    Path file = write("r.csv", sb.toString());
    assertThatThrownBy(() -> TableReader.read(file, null))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("r.csv, row 3001, column \"x\": ")
        .hasMessageContaining("\"unknown\" (a missing-value word)")
        .hasMessageContaining("--na \"unknown\"");
    DataTable t = TableReader.read(file, null, ReadOptions.DEFAULT.withCategorical(List.of("x")));
    CategoricalColumn x = cat(t, "x");
    assertThat(x.levels()).containsExactly("0", "1", "2", "3", "4", "5", "6", "unknown");
    assertThat(x.label(10)).isEqualTo("3");
    assertThat(x.label(3000)).isEqualTo("unknown");
    assertThat(num(t, "y").value(2999)).isEqualTo(2999);
    assertThat(t.rowCount()).isEqualTo(3001);
  }

  @Test
  void leadingMissingThenTextIsCategoricalWithoutLosingRows() throws IOException {
    DataTable t = TableReader.read(write("r.csv", "x\nNA\n\"\"\nb\na\n"), null);
    CategoricalColumn x = cat(t, "x");
    assertThat(x.code(0)).isEqualTo(-1);
    assertThat(x.code(1)).isEqualTo(-1);
    assertThat(x.label(2)).isEqualTo("b");
    assertThat(x.levels()).containsExactly("a", "b");
  }

  @Test
  void levelsSortByCodePoint() throws IOException {
    DataTable t = TableReader.read(write("l.csv", "g\nb\nB\na\nä\nZ\n10\n9\n"), null);
    assertThat(cat(t, "g").levels()).containsExactly("10", "9", "B", "Z", "a", "b", "ä");
  }

  @Test
  void allMissingColumnIsNumeric() throws IOException {
    DataTable t = TableReader.read(write("n.csv", "x,y\nNA,1\n.,2\n"), null);
    assertThat(t.column("x")).isInstanceOf(NumericColumn.class);
    assertThat(t.column("x").isMissing(0)).isTrue();
  }

  @Test
  void readsOnlyRequestedColumns() throws IOException {
    DataTable t = TableReader.read(write("o.csv", "a,junk,b\n1,x,2\n3,y,4\n"), List.of("b", "a"));
    assertThat(t.columnNames()).containsExactly("a", "b");
    assertThat(t.hasColumn("junk")).isFalse();
    InputException e = catchThrowableOfType(InputException.class, () -> t.column("junk"));
    assertThat(e.file()).isEqualTo("o.csv");
    assertThat(e.column()).isEqualTo("junk");
  }

  @Test
  void unknownRequestedColumnSuggestsCloseName() throws IOException {
    Path p = write("lung.csv", "time,status,age\n1,1,60\n");
    InputException e =
        catchThrowableOfType(
            InputException.class, () -> TableReader.read(p, List.of("time", "staus")));
    assertThat(e.file()).isEqualTo("lung.csv");
    assertThat(e.column()).isEqualTo("staus");
    assertThat(e.row()).isNull();
    assertThat(e.getMessage())
        .startsWith("lung.csv, column \"staus\": no column \"staus\"")
        .contains("did you mean \"status\"?")
        .contains("\"time\", \"status\", \"age\"");
  }

  @Test
  void unknownColumnOnTableIgnoringCaseSuggestion() throws IOException {
    DataTable t = TableReader.read(write("lung.csv", "Time,status\n1,1\n"), null);
    assertThatThrownBy(() -> t.column("time"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("lung.csv")
        .hasMessageContaining("column \"time\"")
        .hasMessageContaining("did you mean \"Time\"?");
    assertThatThrownBy(() -> t.column("zzzzzz")).hasMessageNotContaining("did you mean");
  }

  @Test
  void raggedRowIsAnErrorNamingTheRow() throws IOException {
    Path p = write("rag.csv", "a,b,c\n1,2,3\n4,5\n6,7,8\n");
    InputException e = catchThrowableOfType(InputException.class, () -> TableReader.read(p, null));
    assertThat(e.file()).isEqualTo("rag.csv");
    assertThat(e.row()).isEqualTo(2);
    assertThat(e.getMessage())
        .isEqualTo(
            "rag.csv, row 2: the row has 2 fields but the header has 3 (check quotes and the separator)");
  }

  @Test
  void extraFieldIsAnErrorEvenWhenColumnNotRequested() throws IOException {
    Path p = write("rag.csv", "a,b\n1,2\n3,4\n5,6,7\n");
    InputException e =
        catchThrowableOfType(InputException.class, () -> TableReader.read(p, List.of("a")));
    assertThat(e.row()).isEqualTo(3);
    assertThat(e.getMessage()).contains("rag.csv, row 3").contains("3 fields");
  }

  @Test
  void rowNumbersCountRecordsNotLines() throws IOException {
    Path p = write("rag.csv", "a,b\n\"x\ny\",2\n3\n");
    InputException e = catchThrowableOfType(InputException.class, () -> TableReader.read(p, null));
    assertThat(e.row()).isEqualTo(2);
  }

  @Test
  void duplicateHeaderIsAnError() throws IOException {
    Path p = write("d.csv", "a,b,a\n1,2,3\n");
    InputException e = catchThrowableOfType(InputException.class, () -> TableReader.read(p, null));
    assertThat(e.file()).isEqualTo("d.csv");
    assertThat(e.column()).isEqualTo("a");
    assertThat(e.row()).isNull();
    assertThat(e.getMessage()).contains("d.csv, column \"a\"").contains("twice (fields 1 and 3)");
  }

  @Test
  void emptyHeaderNameIsAnError() throws IOException {
    Path p = write("e.csv", "a,,c\n1,2,3\n");
    assertThatThrownBy(() -> TableReader.read(p, null))
        .isInstanceOf(InputException.class)
        .hasMessage("e.csv: the header's field 2 is empty; every column needs a name");
  }

  @Test
  void trailingSeparatorInHeaderGetsAHint() throws IOException {
    Path p = write("x.csv", "a;b;\n1;2;\n");
    assertThatThrownBy(() -> TableReader.read(p, null))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "x.csv: the header's field 3 is empty; every column needs a name "
                + "(trailing separators? delete the empty columns at the end)");
  }

  @Test
  void whitespaceOnlyLineIsBlankButSeparatorsOnlyIsAMissingRow() throws IOException {
    DataTable t = TableReader.read(write("w.csv", "a,b\n1,2\n   \n,\n3,4\n  \t\n"), null);
    assertThat(t.rowCount()).isEqualTo(3);
    assertThat(num(t, "a").toArray()).containsExactly(1, Double.NaN, 3);
    assertThat(num(t, "b").toArray()).containsExactly(2, Double.NaN, 4);
  }

  @Test
  void blankLinesBeforeTheHeaderAreSkipped() throws IOException {
    DataTable t = TableReader.read(write("lead.csv", "\n  \n\na;b\n1;2\n"), null);
    assertThat(t.columnNames()).containsExactly("a", "b");
    assertThat(t.rowCount()).isEqualTo(1);
  }

  @Test
  void latin1FileIsAnErrorNamingTheRow() throws IOException {
    Path p = dir.resolve("latin1.csv");
    StringBuilder sb = new StringBuilder("name,x\n");
    for (int i = 0; i < 20000; i++) {
      sb.append("a,").append(i).append('\n'); // past the separator detection's buffer
    }
    sb.append("Müller,1\n");
    Files.write(p, sb.toString().getBytes(StandardCharsets.ISO_8859_1));
    InputException e = catchThrowableOfType(InputException.class, () -> TableReader.read(p, null));
    assertThat(e.file()).isEqualTo("latin1.csv");
    assertThat(e.row()).isEqualTo(20001);
    assertThat(e.column()).isEqualTo("name");
    assertThat(e.getMessage())
        .isEqualTo(
            "latin1.csv, row 20001, column \"name\": \"M\uFFFDller\" is not valid UTF-8 "
                + "text; the file is probably Latin-1 / Windows-1252: save it as \"CSV UTF-8\"");
  }

  @Test
  void emptyFileIsAnError() throws IOException {
    Path p = write("empty.csv", "");
    assertThatThrownBy(() -> TableReader.read(p, null))
        .isInstanceOf(InputException.class)
        .hasMessage("empty.csv: the file is empty; a header row is required");
    Path blank = write("blank.csv", "\n\n  \n");
    assertThatThrownBy(() -> TableReader.read(blank, null))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("blank.csv")
        .hasMessageContaining("empty");
  }

  @Test
  void headerOnlyFileIsAnError() throws IOException {
    Path p = write("h.csv", "a,b\n");
    assertThatThrownBy(() -> TableReader.read(p, null))
        .isInstanceOf(InputException.class)
        .hasMessage("h.csv: the file has a header but no data rows");
  }

  @Test
  void missingFileIsAnError() {
    assertThatThrownBy(() -> TableReader.read(dir.resolve("nope.csv"), null))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("nope.csv: file not found");
  }

  @Test
  void blankLinesAreSkippedAndCrLfAccepted() throws IOException {
    DataTable t = TableReader.read(write("c.csv", "a,b\r\n1,2\r\n\r\n3,4\r\n"), null);
    assertThat(t.rowCount()).isEqualTo(2);
    assertThat(num(t, "a").toArray()).containsExactly(1, 3);
  }

  @Test
  void growsBeyondInitialCapacity() throws IOException {
    StringBuilder sb = new StringBuilder("i,g\n");
    for (int i = 0; i < 5000; i++) {
      sb.append(i).append(',').append(i % 2 == 0 ? "even" : "odd").append('\n');
    }
    DataTable t = TableReader.read(write("g.csv", sb.toString()), null);
    assertThat(t.rowCount()).isEqualTo(5000);
    assertThat(num(t, "i").value(4999)).isEqualTo(4999);
    assertThat(cat(t, "g").label(4999)).isEqualTo("odd");
  }

  @Test
  void unclosedQuoteIsAnErrorNotASwallowedFile() throws IOException {
    Path p = write("uq.csv", "a,b\n1,2\n3,\"abc\n4,5\n");
    InputException e = catchThrowableOfType(InputException.class, () -> TableReader.read(p, null));
    assertThat(e.file()).isEqualTo("uq.csv");
    assertThat(e.row()).isEqualTo(2);
    assertThat(e.getMessage())
        .contains("uq.csv, row 2: malformed CSV")
        .contains("Unclosed quoted field");
  }

  @Test
  void textAfterClosingQuoteIsAnError() throws IOException {
    Path p = write("aq.csv", "a,b\n1,\"ab\"c\n");
    assertThatThrownBy(() -> TableReader.read(p, null))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("aq.csv, row 1: malformed CSV");
  }

  @Test
  void bomWithQuotedHeaderAndSemicolons() throws IOException {
    Path p = dir.resolve("bq.csv");
    Files.write(p, "\uFEFF\"x\";\"y\"\n1;2\n".getBytes(StandardCharsets.UTF_8));
    DataTable t = TableReader.read(p, null);
    assertThat(t.columnNames()).containsExactly("x", "y");
  }

  @Test
  void oldExcelFormatIsRejected() throws IOException {
    Path p = write("old.xls", "x");
    assertThatThrownBy(() -> TableReader.read(p, null))
        .hasMessageStartingWith("old.xls: the old Excel .xls");
  }
}
