package org.thyra.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 11, cells: one odd cell in a numeric column (decimal comma, missing-value word, NaN, Inf,
 * out of range, a repeated header) on every command that reads the column is exit 2 with one line
 * naming the file, the data row and the column, and no file changes; pass-through columns are
 * copied byte for byte; factor(y) responses and any two-level treatment coding work.
 */
class BadInputCellTest {
  @TempDir Path tmp;

  static final String[][] CELLS = {
    {"\"61,5\"", "decimal comma"},
    {"N/A", "missing-value word"},
    {"?", "missing-value word"},
    {"NaN", "not a finite number"},
    {"Inf", "not a finite number"},
    {"1e400", "beyond the range"},
    {"age", "repeated header line"},
  };

  /** command, the column it reads as numbers (where the bad cell goes). */
  static final String[][] COMMANDS = {
    {"cox --data DATA --formula Surv(time,status)~age+sex", "age"},
    {"logistic --data DATA --formula bin~age", "age"},
    {"screen --data DATA --formula Surv(time,status)~age+grp --model cox", "age"},
    {"roc --data DATA --outcome bin --marker age", "age"},
    {"concordance --data DATA --time time --event status --predictor age", "age"},
    {"cutpoint --data DATA --time time --event status --variable age", "age"},
    {"tdroc --data DATA --time time --event status --marker age --at 24", "age"},
    {"table1 --data DATA --by grp --vars age,sex", "age"},
    {"paired --data DATA --before age --after kps", "age"},
    {"match --data DATA --treatment bin --covariates age,x --out-matched OUT2", "age"},
    {"impute --data DATA --m 2 --stacked OUT2", "age"},
    {"nomogram --data DATA --formula Surv(time,status)~age+sex --horizons 24 --svg OUT2", "age"},
    {"validate --data DATA --formula Surv(time,status)~age --bootstrap 0", "age"},
    {"km --data DATA --time age --event status", "age"},
    {"logrank --data DATA --time age --event status --group grp", "age"},
    {"rmst --data DATA --time age --event status --group grp --tau 30", "age"},
    {"cuminc --data DATA --time age --event status --censor-code 1", "age"},
    {"crr --data DATA --formula Surv(time,status)~age --censor-code 1 --cause 2", "age"},
    {"plot box --data DATA --variable age --group grp --figure FIG", "age"},
    {"derive --data DATA --rule ecog --column karnofsky=kps", "kps"},
  };

  static Stream<Arguments> cases() {
    List<Arguments> all = new ArrayList<>();
    for (String[] c : COMMANDS) {
      for (String[] cell : CELLS) {
        all.add(Arguments.of(c[0], c[1], cell[0], cell[1]));
      }
    }
    return all.stream();
  }

  private static String[] args(String template, Path data, Path out2) {
    List<String> a = new ArrayList<>();
    for (String w : template.split(" ")) {
      a.add(
          w.replace("DATA", data.toString())
              .replace("OUT2", out2.toString())
              .replace("FIG", out2.resolveSibling("figure.svg").toString()));
    }
    return a.toArray(String[]::new);
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("cases")
  void anOddCellIsOneMessageNamingFileRowAndColumnAndNothingIsWritten(
      String command, String column, String cell, String what) throws IOException {
    List<String> lines = BadInputCorpus.cohort(80, 11);
    // the repeated header line is the column's own name
    String text = cell.equals("age") ? column : cell;
    Path data =
        BadInputCorpus.write(tmp, "cohort.csv", BadInputCorpus.withCell(lines, 7, column, text));
    Path out = tmp.resolve("result.txt");
    Path out2 = tmp.resolve("second.out");
    Files.writeString(out, "an earlier result");
    Map<String, String> before = BadInputCorpus.snapshot(tmp);
    List<String> a = new ArrayList<>(List.of(args(command, data, out2)));
    if (!command.startsWith("plot")) { // plot writes its --figure only
      a.add("--out");
      a.add(out.toString());
    }
    CliRun run = CliRun.badInput(a.toArray(String[]::new));
    assertThat(run.err())
        .contains("cohort.csv, row 7, column \"" + column + "\"")
        .contains(what)
        .doesNotContain("Exception")
        .doesNotContain("java.");
    assertThat(BadInputCorpus.snapshot(tmp)).isEqualTo(before);
  }

  @Test
  void naAndDecimalCommaAreTheWayOut() throws IOException {
    List<String> lines = BadInputCorpus.cohort(80, 11);
    lines = BadInputCorpus.withCell(lines, 7, "age", "N/A");
    lines = BadInputCorpus.withCell(lines, 9, "age", "?");
    Path data = BadInputCorpus.write(tmp, "cohort.csv", lines);
    CliRun refused =
        CliRun.badInput("cox", "--data", data.toString(), "--formula", "Surv(time,status)~age+sex");
    assertThat(refused.err()).contains("--na \"N/A,?\"");
    JsonNode j =
        CliRun.ok(
                "cox",
                "--data",
                data.toString(),
                "--formula",
                "Surv(time,status)~age+sex",
                "--na",
                "N/A,?",
                "--format",
                "json")
            .json();
    assertThat(j.get("n").asInt()).isEqualTo(78);
    assertThat(j.get("terms")).hasSize(2);
    // semicolon file with decimal commas
    List<String> semi = new ArrayList<>();
    for (String l : BadInputCorpus.cohort(80, 11)) {
      semi.add(l.replace(',', ';').replace('.', ','));
    }
    Path european = BadInputCorpus.write(tmp, "eu.csv", semi);
    CliRun.badInput("cox", "--data", european.toString(), "--formula", "Surv(time,status)~x");
    JsonNode eu =
        CliRun.ok(
                "cox",
                "--data",
                european.toString(),
                "--formula",
                "Surv(time,status)~x",
                "--decimal-comma",
                "--format",
                "json")
            .json();
    JsonNode us =
        CliRun.ok(
                "cox",
                "--data",
                BadInputCorpus.write(tmp, "us.csv", BadInputCorpus.cohort(80, 11)).toString(),
                "--formula",
                "Surv(time,status)~x",
                "--format",
                "json")
            .json();
    assertThat(eu.get("terms").get(0).get("coef").asDouble())
        .isEqualTo(us.get("terms").get(0).get("coef").asDouble());
  }

  // ---------------------------------------------------------------- pass-through columns

  private static List<CsvRecord> readCsv(Path p) throws IOException {
    try (CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(p)) {
      return r.stream().toList();
    }
  }

  /** The cell of the input's data row (1-based) in the named column, as written. */
  private static String inputCell(List<String> lines, int row, String column) {
    List<String> header = List.of(lines.get(0).split(",", -1));
    return lines.get(row).split(",", -1)[header.indexOf(column)];
  }

  @Test
  void deriveMatchAndImputeCopyOtherColumnsByteForByte() throws IOException {
    List<String> lines = BadInputCorpus.cohort(80, 11);
    lines = BadInputCorpus.withCell(lines, 3, "x", "");
    lines = BadInputCorpus.withCell(lines, 10, "x", "NA");
    Path data = BadInputCorpus.write(tmp, "cohort.csv", lines);
    List<String> copied = List.of("id", "code", "note");

    Path derived = tmp.resolve("derived.csv");
    CliRun.ok(
        "derive",
        "--data",
        data.toString(),
        "--rule",
        "ecog",
        "--column",
        "karnofsky=kps",
        "--format",
        "csv",
        "--out",
        derived.toString());
    List<CsvRecord> d = readCsv(derived);
    for (int row = 1; row <= 80; row++) {
      for (String c : copied) {
        assertThat(d.get(row).getField(d.get(0).getFields().indexOf(c)))
            .as("derive row %d %s", row, c)
            .isEqualTo(inputCell(lines, row, c));
      }
    }

    Path matched = tmp.resolve("matched.csv");
    CliRun.ok(
        "match",
        "--data",
        data.toString(),
        "--treatment",
        "bin",
        "--covariates",
        "age",
        "--out-matched",
        matched.toString());
    List<CsvRecord> m = readCsv(matched);
    assertThat(m.size()).isGreaterThan(10);
    int rowCol = m.get(0).getFields().indexOf("row");
    for (CsvRecord rec : m.subList(1, m.size())) {
      int row = Integer.parseInt(rec.getField(rowCol));
      for (String c : copied) {
        assertThat(rec.getField(m.get(0).getFields().indexOf(c)))
            .isEqualTo(inputCell(lines, row, c));
      }
    }

    Path stacked = tmp.resolve("stacked.csv");
    CliRun.ok(
        "impute",
        "--data",
        data.toString(),
        "--m",
        "2",
        "--vars",
        "x,age",
        "--stacked",
        stacked.toString());
    List<CsvRecord> s = readCsv(stacked);
    assertThat(s).hasSize(161);
    int xCol = s.get(0).getFields().indexOf("x");
    for (CsvRecord rec : s.subList(1, s.size())) {
      int row = Integer.parseInt(rec.getField(1));
      for (String c : List.of("id", "code", "note", "age")) {
        assertThat(rec.getField(s.get(0).getFields().indexOf(c)))
            .isEqualTo(inputCell(lines, row, c));
      }
      String x = rec.getField(xCol);
      if (row == 3 || row == 10) {
        assertThat(Double.parseDouble(x)).as("imputed").isFinite();
      } else {
        assertThat(x).isEqualTo(inputCell(lines, row, "x"));
      }
    }
  }

  // ---------------------------------------------------------------- factor(y), treatment coding

  @Test
  void factorResponseCodedOneTwoIsTheSameModelAsZeroOne() throws IOException {
    List<String> lines = BadInputCorpus.cohort(120, 5);
    List<String> withSex01 = new ArrayList<>();
    withSex01.add(lines.get(0) + ",sex01");
    List<String> header = List.of(lines.get(0).split(","));
    for (String l : lines.subList(1, lines.size())) {
      int sex = Integer.parseInt(l.split(",", -1)[header.indexOf("sex")]);
      withSex01.add(l + "," + (sex - 1));
    }
    Path data = BadInputCorpus.write(tmp, "c.csv", withSex01);
    CliRun refused = CliRun.badInput("logistic", "--data", data.toString(), "--formula", "sex~age");
    assertThat(refused.err()).contains("factor(sex) ~");
    JsonNode f =
        CliRun.ok(
                "logistic",
                "--data",
                data.toString(),
                "--formula",
                "factor(sex)~age+x",
                "--format",
                "json")
            .json();
    JsonNode z =
        CliRun.ok(
                "logistic",
                "--data",
                data.toString(),
                "--formula",
                "sex01~age+x",
                "--format",
                "json")
            .json();
    assertThat(f.get("outcome_coding").asText()).contains("\"2\" = 1");
    for (int k = 0; k < 2; k++) {
      assertThat(f.get("terms").get(k).get("coef").asDouble())
          .isCloseTo(
              z.get("terms").get(k).get("coef").asDouble(),
              org.assertj.core.data.Offset.offset(1e-12));
    }
    for (String[] cmd :
        new String[][] {
          {"screen", "--model", "logistic"},
          {"nomogram"},
          {"validate", "--bootstrap", "0"},
        }) {
      List<String> a = new ArrayList<>(List.of(cmd));
      a.addAll(List.of("--data", data.toString(), "--format", "json", "--formula"));
      List<String> b = new ArrayList<>(a);
      a.add("factor(sex)~age+x");
      b.add("sex01~age+x");
      String fa = CliRun.ok(a.toArray(String[]::new)).out();
      String zb = CliRun.ok(b.toArray(String[]::new)).out();
      assertThat(
              fa.replace("factor(sex)", "Y")
                  .replace("\\\"2\\\" = 1 (reference \\\"1\\\" = 0)", "C")
                  .replace("\"2\" = 1 (reference \"1\" = 0)", "C"))
          .as(cmd[0])
          .isEqualTo(zb.replace("sex01", "Y").replace("0/1", "C"));
    }
  }

  @Test
  void matchTreatmentOfAnyTwoLevelCodingSaysWhichIsTreated() throws IOException {
    Path data = BadInputCorpus.write(tmp, "c.csv", BadInputCorpus.cohort(120, 5));
    JsonNode j =
        CliRun.ok(
                "match",
                "--data",
                data.toString(),
                "--treatment",
                "sex",
                "--covariates",
                "age,x",
                "--format",
                "json")
            .json();
    assertThat(j.get("method").get("treated").asText())
        .isEqualTo("sex \"2\" = 1 (reference \"1\" = 0)");
    long twos =
        BadInputCorpus.cohort(120, 5).stream()
            .skip(1)
            .filter(l -> l.split(",")[6].equals("2"))
            .count();
    assertThat(j.get("n_treated").asLong()).isEqualTo(twos);
    JsonNode g =
        CliRun.ok(
                "match",
                "--data",
                data.toString(),
                "--treatment",
                "grp",
                "--covariates",
                "age,x",
                "--ref",
                "grp=b",
                "--format",
                "json")
            .json();
    assertThat(g.get("method").get("treated").asText())
        .isEqualTo("grp \"a\" = 1 (reference \"b\" = 0)");
  }
}
