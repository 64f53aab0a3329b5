package org.thyra.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The typing rule of docs/CLI.md: numeric, categorical, or an error naming the odd cells. */
class ColumnTypingTest {
  @TempDir Path dir;

  /** A column of n cells "1".."n" (id column beside it) with the given cells replaced. */
  private Path column(int n, String... replacements) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("id,age");
    for (int i = 1; i <= n; i++) {
      lines.add(i + "," + (40 + i % 30));
    }
    for (int k = 0; k < replacements.length; k += 2) {
      int row = Integer.parseInt(replacements[k]);
      lines.set(row, row + "," + replacements[k + 1]);
    }
    Path p = dir.resolve("c.csv");
    Files.write(p, lines);
    return p;
  }

  @ParameterizedTest(name = "{1} in row {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "7|\"61,5\"|a decimal comma|--decimal-comma",
        "7|N/A|a missing-value word|--na \"N/A\"",
        "7|?|a missing-value word|--na \"?\"",
        "7|NaN|not a finite number|--na \"NaN\"",
        "7|Inf|not a finite number|factor(age)",
        "7|-Inf|not a finite number|factor(age)",
        "7|1e400|a number beyond the range|factor(age)",
        "7|age|a repeated header line|factor(age)",
        "58|1e400|a number beyond the range|factor(age)",
      })
  void oneOddCellInANumericColumnIsAnErrorNamingItsDataRow(
      int row, String cell, String what, String wayOut) throws IOException {
    Path p = column(60, Integer.toString(row), cell);
    String shown = cell.replace("\"", "");
    assertThatThrownBy(() -> TableReader.read(p, List.of("age")))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("c.csv, row " + row + ", column \"age\": ")
        .hasMessageContaining("1 of its 60 values is not")
        .hasMessageContaining("row " + row + " \"" + shown + "\" (" + what)
        .hasMessageContaining(wayOut);
  }

  @Test
  void theWayOutsWork() throws IOException {
    Path p = column(60, "7", "N/A", "9", "?");
    assertThatThrownBy(() -> TableReader.read(p, null))
        .hasMessageContaining("2 of its 60 values are not")
        .hasMessageContaining("--na \"N/A,?\"");
    DataTable t = TableReader.read(p, null, new ReadOptions(Set.of("N/A", "?"), false, Set.of()));
    NumericColumn age = (NumericColumn) t.column("age");
    assertThat(age.isMissing(6)).isTrue();
    assertThat(age.isMissing(8)).isTrue();
    assertThat(age.value(7)).isEqualTo(48);
    DataTable f = TableReader.read(p, null, ReadOptions.DEFAULT.withCategorical(List.of("age")));
    assertThat(((CategoricalColumn) f.column("age")).levels()).contains("N/A", "?");
  }

  @Test
  void decimalCommaReadsNumbersAndRefusesAFullStop() throws IOException {
    Path p = dir.resolve("dc.csv");
    Files.writeString(p, "a;b\n61,5;1\n70;2\n1.5;3\n");
    ReadOptions comma = new ReadOptions(Set.of(), true, Set.of());
    assertThatThrownBy(() -> TableReader.read(p, List.of("a"), comma))
        .hasMessageStartingWith("dc.csv, row 3, column \"a\"");
    Files.writeString(p, "a;b\n61,5;1\n70;2\n-1,25e2;3\n");
    NumericColumn a = (NumericColumn) TableReader.read(p, List.of("a"), comma).column("a");
    assertThat(a.toArray()).containsExactly(61.5, 70, -125);
    // without the option, a whole column of decimal commas is not silently a factor
    assertThatThrownBy(() -> TableReader.read(p, List.of("a")))
        .hasMessageStartingWith("dc.csv, row 1, column \"a\"")
        .hasMessageContaining("--decimal-comma");
  }

  @Test
  void theBoundaryOfAFewIsFiveCellsOrFivePercent() throws IOException {
    // 5 text cells of 20: a few (≤ 5 cells) → error
    assertThatThrownBy(
            () ->
                TableReader.read(
                    column(20, "1", "x", "2", "x", "3", "x", "4", "x", "5", "x"), null))
        .hasMessageContaining("5 of its 20 values are not");
    // 6 of 20 (30 %): a categorical column
    assertThat(
            TableReader.read(
                    column(20, "1", "x", "2", "x", "3", "x", "4", "x", "5", "x", "6", "x"), null)
                .column("age"))
        .isInstanceOf(CategoricalColumn.class);
    // 6 of 200 (3 %): still a few → error
    String[] six = {"1", "x", "20", "x", "40", "x", "60", "x", "80", "x", "100", "x"};
    assertThatThrownBy(() -> TableReader.read(column(200, six), null))
        .hasMessageContaining("6 of its 200 values are not");
    // 6 of 100 (6 %): categorical
    assertThat(TableReader.read(column(100, six), null).column("age"))
        .isInstanceOf(CategoricalColumn.class);
  }

  @Test
  void aMostlyTextColumnStaysCategoricalEvenWithNumbersOrInf() throws IOException {
    Path p = dir.resolve("t.csv");
    Files.writeString(p, "stage\nI\nII\nIII\n4\nIV\n");
    assertThat(TableReader.read(p, null).column("stage")).isInstanceOf(CategoricalColumn.class);
    // Inf beside numbers is always an error, however many
    StringBuilder sb = new StringBuilder("x\n");
    for (int i = 0; i < 40; i++) {
      sb.append(i % 2 == 0 ? "Inf" : Integer.toString(i)).append('\n');
    }
    Files.writeString(p, sb.toString());
    assertThatThrownBy(() -> TableReader.read(p, null))
        .hasMessageStartingWith("t.csv, row 1, column \"x\"")
        .hasMessageContaining("not a finite number");
  }

  @Test
  void columnsNotReadAreNotTyped() throws IOException {
    Path p = column(60, "7", "N/A");
    assertThat(TableReader.read(p, List.of("id")).column("id")).isInstanceOf(NumericColumn.class);
  }

  @Test
  void missingValueWordsBesideNumbersAreAnErrorHoweverMany() throws IOException {
    // 12 of 40 cells (30 %) "N/A" or "unknown", the rest numbers: not a factor of ages
    String[] many = new String[24];
    for (int k = 0; k < 12; k++) {
      many[2 * k] = Integer.toString(3 * k + 2);
      many[2 * k + 1] = k % 2 == 0 ? "N/A" : "unknown";
    }
    assertThatThrownBy(() -> TableReader.read(column(40, many), null))
        .hasMessageStartingWith("c.csv, row 2, column \"age\": ")
        .hasMessageContaining("12 of its 40 values are not")
        .hasMessageContaining("(a missing-value word)")
        .hasMessageContaining("--na \"N/A,unknown\"");
    DataTable t =
        TableReader.read(
            column(40, many), null, new ReadOptions(Set.of("N/A", "unknown"), false, Set.of()));
    assertThat(t.column("age")).isInstanceOf(NumericColumn.class);
    // words beside text categories are a category like any other
    Path p = dir.resolve("s.csv");
    Files.writeString(p, "stage\nI\nII\nunknown\nIII\nunknown\nII\n");
    assertThat(TableReader.read(p, null).column("stage")).isInstanceOf(CategoricalColumn.class);
  }
}
