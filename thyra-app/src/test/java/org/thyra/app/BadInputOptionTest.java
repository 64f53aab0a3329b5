package org.thyra.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 11, messages: an option value out of range names the option before anything is read or
 * printed; resource limits are refused up front; a huge line, an all-censored nomogram and a
 * 1000-level table1 variable get messages in the user's words; no Java names, no stack trace, no
 * file changed.
 */
class BadInputOptionTest {
  @TempDir Path tmp;
  private Path data;

  @BeforeEach
  void cohort() {
    data = BadInputCorpus.write(tmp, "cohort.csv", BadInputCorpus.cohort(80, 11));
  }

  static Stream<Arguments> badOptions() {
    return Stream.of(
        Arguments.of("km --data DATA --time time --event status --conf-level 1.5", "--conf-level"),
        Arguments.of("km --data DATA --time time --event status --at -10", "--at"),
        Arguments.of(
            "cox --data DATA --formula Surv(time,status)~age --conf-level 0", "--conf-level"),
        Arguments.of("cox --data DATA --formula Surv(time,status)~age --ties exact", "--ties"),
        Arguments.of(
            "cox --data DATA --formula Surv(time,status)~age --impute 2 --ties exact", "--ties"),
        Arguments.of(
            "rmst --data DATA --time time --event status --tau 10 --conf-level 2", "--conf-level"),
        Arguments.of(
            "cuminc --data DATA --time time --event status --conf-level 0", "--conf-level"),
        Arguments.of(
            "logrank --data DATA --time time --event status --group grp --conf-level 95",
            "--conf-level"),
        Arguments.of("logistic --data DATA --formula bin~age --conf-level 1.5", "--conf-level"),
        Arguments.of("roc --data DATA --outcome bin --marker age --conf-level -1", "--conf-level"),
        Arguments.of("tdroc --data DATA --time time --event status --marker age --at -5", "--at"),
        Arguments.of(
            "nomogram --data DATA --formula Surv(time,status)~age --horizons -1", "--horizons"),
        Arguments.of(
            "validate --data DATA --formula Surv(time,status)~age --bootstrap 1000000000",
            "--bootstrap"),
        Arguments.of("validate --data DATA --formula Surv(time,status)~age --split 1.5", "--split"),
        Arguments.of("impute --data DATA --m 100000 --stacked OUT2", "--m"),
        Arguments.of("impute --data DATA --m 2 --maxit 100000000 --stacked OUT2", "--maxit"),
        Arguments.of("cox --data DATA --formula Surv(time,status)~age --impute 100000", "--impute"),
        Arguments.of("match --data DATA --treatment bin --covariates age --ratio 0", "--ratio"),
        Arguments.of(
            "match --data DATA --treatment bin --covariates age --ratio 1000000", "--ratio"),
        Arguments.of(
            "validate --data DATA --formula Surv(time,status)~age --bootstrap 10 --threads 100000",
            "--threads"),
        Arguments.of(
            "cutpoint --data DATA --time time --event status --variable age --groups 3"
                + " --max-candidates 100000",
            "--max-candidates"),
        Arguments.of("synth --design nomogram --n 1000000000", "--n"));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("badOptions")
  void anOptionOutOfRangeIsNamedBeforeAnythingHappens(String command, String option) {
    Map<String, String> before = BadInputCorpus.snapshot(tmp);
    List<String> a = new ArrayList<>();
    for (String w : command.split(" ")) {
      a.add(w.replace("DATA", data.toString()).replace("OUT2", tmp.resolve("s.csv").toString()));
    }
    a.addAll(List.of("--out", tmp.resolve("r.txt").toString()));
    CliRun run = CliRun.badInput(a.toArray(String[]::new));
    assertThat(run.err()).contains(": " + option + " ").doesNotContain("Exception");
    assertThat(run.err()).doesNotContain("confLevel");
    assertThat(BadInputCorpus.snapshot(tmp)).isEqualTo(before);
  }

  @Test
  void aFiftyMegabyteLineWithoutLineEndIsNotCalledAnUnclosedQuote() throws IOException {
    Path big = tmp.resolve("big.csv");
    try (OutputStream out = Files.newOutputStream(big)) {
      out.write("time,status\n1,2\n3,".getBytes(StandardCharsets.US_ASCII));
      byte[] nines = new byte[1 << 20];
      java.util.Arrays.fill(nines, (byte) '9');
      for (int i = 0; i < 50; i++) {
        out.write(nines);
      }
    }
    CliRun run =
        CliRun.badInput("km", "--data", big.toString(), "--time", "time", "--event", "status");
    assertThat(run.err())
        .contains("big.csv, row 2")
        .contains("no line end")
        .doesNotContainIgnoringCase("quot")
        .doesNotContain("buffer");
  }

  @Test
  void aNomogramOnAllCensoredDataSaysNoEvents() throws IOException {
    List<String> lines = new ArrayList<>(BadInputCorpus.cohort(80, 11));
    for (int r = 1; r < lines.size(); r++) {
      lines = BadInputCorpus.withCell(lines, r, "status", "0");
    }
    Path censored = BadInputCorpus.write(tmp, "censored.csv", lines);
    CliRun run =
        CliRun.badInput(
            "nomogram",
            "--data",
            censored.toString(),
            "--formula",
            "Surv(time,status)~age",
            "--horizons",
            "24");
    assertThat(run.err()).contains("censored.csv, column \"status\": no events");
  }

  @Test
  void aThousandLevelVariableInTable1IsRefusedAtOnce() throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("g,name");
    for (int i = 0; i < 2000; i++) {
      lines.add((i % 2 == 0 ? "a" : "b") + ",patient " + (i % 1000));
    }
    Path file = BadInputCorpus.write(tmp, "names.csv", lines);
    CliRun run =
        CliRun.badInput("table1", "--data", file.toString(), "--by", "g", "--vars", "name");
    assertThat(run.err()).contains("names.csv, column \"name\": has 1000 different values");
  }

  /** Commands that would take a column as categories: NAME is a 300-value text column. */
  static Stream<Arguments> manyLevels() {
    return Stream.of(
        Arguments.of("cox --data DATA --formula Surv(time,status)~age+NAME"),
        Arguments.of("cox --data DATA --formula Surv(time,status)~age+NAME --impute 2"),
        Arguments.of("logistic --data DATA --formula bin~NAME"),
        Arguments.of("screen --data DATA --formula Surv(time,status)~age+NAME --model cox"),
        Arguments.of("screen --data DATA --formula bin~age+NAME --model logistic"),
        Arguments.of("nomogram --data DATA --formula Surv(time,status)~age+NAME --horizons 24"),
        Arguments.of("validate --data DATA --formula Surv(time,status)~age+NAME --bootstrap 50"),
        Arguments.of("tdroc --data DATA --formula Surv(time,status)~age+NAME --at 24"),
        Arguments.of("crr --data DATA --formula Surv(time,status)~age+NAME"),
        Arguments.of("match --data DATA --treatment bin --covariates age,NAME"),
        Arguments.of("impute --data DATA --m 2 --vars age,x,NAME --stacked OUT2"),
        Arguments.of("km --data DATA --time time --event status --group NAME"),
        Arguments.of("logrank --data DATA --time time --event status --group NAME"),
        Arguments.of("table1 --data DATA --by grp --vars age,NAME"),
        Arguments.of("cox --data DATA --formula Surv(time,status)~age+factor(code)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("manyLevels")
  void aVariableWithHundredsOfCategoriesIsRefusedUpFrontNamingItsColumnAndCount(String command)
      throws IOException {
    List<String> lines = new ArrayList<>(BadInputCorpus.cohort(300, 11));
    lines.set(0, lines.get(0) + ",name");
    for (int r = 1; r < lines.size(); r++) {
      lines.set(r, lines.get(r) + ",patient " + r);
    }
    Path named = BadInputCorpus.write(tmp, "named.csv", lines);
    Map<String, String> before = BadInputCorpus.snapshot(tmp);
    List<String> a = new ArrayList<>();
    for (String w : command.split(" ")) {
      a.add(
          w.replace("DATA", named.toString())
              .replace("NAME", "name")
              .replace("OUT2", tmp.resolve("s.csv").toString()));
    }
    a.addAll(List.of("--out", tmp.resolve("r.txt").toString()));
    CliRun run = CliRun.badInput(a.toArray(String[]::new));
    String column = command.contains("factor(code)") ? "code" : "name";
    assertThat(run.err())
        .contains("named.csv, column \"" + column + "\": has 300 different values")
        .containsAnyOf("group its values into fewer categories", "identifier")
        .doesNotContain("Exception");
    assertThat(BadInputCorpus.snapshot(tmp)).isEqualTo(before);
  }

  @Test
  void aMistypedOptionIsOneLineNamingItWithASuggestionNotTheWholeUsage() {
    CliRun notANumber =
        CliRun.badInput(
            "km",
            "--data",
            data.toString(),
            "--time",
            "time",
            "--event",
            "status",
            "--conf-level",
            "abc");
    assertThat(notANumber.err())
        .startsWith("km: ")
        .contains("--conf-level")
        .contains("'abc'")
        .contains("see 'thyra km --help'")
        .doesNotContain("Usage");
    CliRun unknown =
        CliRun.badInput(
            "validate",
            "--data",
            data.toString(),
            "--formula",
            "Surv(time,status)~age",
            "--horizons",
            "24");
    assertThat(unknown.err()).contains("'--horizons'").contains("Did you mean --horizon?");
    CliRun missing = CliRun.badInput("cox", "--formula", "Surv(time,status)~age");
    assertThat(missing.err()).contains("--data").doesNotContain("Usage");
  }
}
