package org.thyra.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
 * Issue 11, output onto the input: every output option of every command, naming the input directly,
 * through {@code ..} and through a symbolic link, is refused (exit 2, one line naming the option)
 * and no file in the folder changes.
 */
class BadInputOutputPathTest {
  @TempDir Path tmp;
  private Path data;

  @BeforeEach
  void cohort() {
    data = BadInputCorpus.write(tmp, "cohort.csv", BadInputCorpus.cohort(80, 11));
  }

  /** command arguments with DATA for the input; OPTION is the output option under test. */
  static Stream<Arguments> outputs() {
    List<Arguments> cases = new ArrayList<>();
    String[][] commands = {
      {"--out", "km --data DATA --time time --event status"},
      {"--out", "logrank --data DATA --time time --event status --group grp"},
      {"--out", "cox --data DATA --formula Surv(time,status)~age+sex"},
      {"--out", "logistic --data DATA --formula bin~age"},
      {"--out", "screen --data DATA --formula Surv(time,status)~age+grp --model cox"},
      {"--out", "roc --data DATA --outcome bin --marker age"},
      {"--out", "concordance --data DATA --time time --event status --predictor age"},
      {"--out", "cutpoint --data DATA --time time --event status --variable age"},
      {"--out", "tdroc --data DATA --time time --event status --marker age --at 24"},
      {"--out", "table1 --data DATA --by grp --vars age,sex"},
      {"--out", "paired --data DATA --before before --after after"},
      {"--out", "match --data DATA --treatment bin --covariates age,x"},
      {"--out-matched", "match --data DATA --treatment bin --covariates age,x"},
      {"--out", "impute --data DATA --m 2 --stacked STACKED"},
      {"--stacked", "impute --data DATA --m 2"},
      {"--out", "derive --data DATA --rule ecog --column karnofsky=kps"},
      {"--out", "nomogram --data DATA --formula Surv(time,status)~age+sex --horizons 24"},
      {"--svg", "nomogram --data DATA --formula Surv(time,status)~age+sex --horizons 24"},
      {"--out", "validate --data DATA --formula Surv(time,status)~age --bootstrap 0"},
      {"--figure", "km --data DATA --time time --event status"},
      {"--figure", "cox --data DATA --formula Surv(time,status)~age+sex"},
      {"--figure", "validate --data DATA --formula bin~age --bootstrap 0"},
      {"--figure", "plot box --data DATA --variable age --group grp"},
      {"--out", "rmst --data DATA --time time --event status --group grp --tau 60"},
      {"--out", "cuminc --data DATA --time time --event status --censor-code 1"},
      {"--out", "crr --data DATA --formula Surv(time,status)~age --censor-code 1 --cause 2"},
    };
    for (String[] c : commands) {
      for (String spelling : List.of("direct", "dotdot", "symlink")) {
        cases.add(Arguments.of(c[1], c[0], spelling));
      }
    }
    return cases.stream();
  }

  private String[] args(String template, Path dataFile) {
    List<String> a = new ArrayList<>();
    for (String w : template.split(" ")) {
      a.add(
          w.replace("DATA", dataFile.toString())
              .replace("STACKED", tmp.resolve("stacked.csv").toString()));
    }
    return a.toArray(String[]::new);
  }

  @ParameterizedTest(name = "{0} {1} ({2})")
  @MethodSource("outputs")
  void anOutputNamingTheInputIsRefusedAndNothingChanges(
      String command, String option, String spelling) throws IOException {
    Path target =
        switch (spelling) {
          case "direct" -> data;
          case "dotdot" -> {
            Files.createDirectories(tmp.resolve("sub"));
            yield tmp.resolve("sub").resolve("..").resolve("cohort.csv");
          }
          // a figure's name must end .svg, .pdf, ...: only a link so named can reach the data
          default ->
              Files.createSymbolicLink(
                  tmp.resolve(option.equals("--figure") ? "link.svg" : "link.csv"), data);
        };
    // the command itself works: the same arguments with a fresh output succeed
    Path fresh = tmp.resolve(option.equals("--figure") ? "fresh.svg" : "fresh.out");
    String[] good = args(command + " " + option + " " + fresh, data);
    CliRun control = CliRun.run(good);
    assertThat(control.exitCode())
        .as("control run: %s\n%s", String.join(" ", good), control.err())
        .isZero();
    Files.delete(fresh);
    Files.deleteIfExists(tmp.resolve("stacked.csv"));

    Map<String, String> before = BadInputCorpus.snapshot(tmp);
    String[] bad = args(command + " " + option + " " + target, data);
    CliRun run = CliRun.badInput(bad);
    if (option.equals("--figure") && !spelling.equals("symlink")) {
      // cohort.csv is no figure name: refused for its extension before anything runs
      assertThat(run.err()).contains("--figure").contains("extension");
    } else {
      assertThat(run.err()).contains(option).contains("--data").contains("never writes over");
    }
    assertThat(BadInputCorpus.snapshot(tmp)).isEqualTo(before);
  }

  @Test
  void twoOutputsNamingOneFileAreRefused() {
    Path same = tmp.resolve("result.txt");
    Map<String, String> before = BadInputCorpus.snapshot(tmp);
    CliRun run =
        CliRun.badInput(
            "nomogram",
            "--data",
            data.toString(),
            "--formula",
            "Surv(time,status)~age",
            "--horizons",
            "24",
            "--svg",
            same.toString(),
            "--out",
            tmp.resolve("x").resolve("..").resolve("result.txt").toString());
    assertThat(run.err()).contains("--svg").contains("--out").contains("same file");
    assertThat(BadInputCorpus.snapshot(tmp)).isEqualTo(before);
  }

  @Test
  void anImputationFileInOutDirThatIsTheInputIsRefused() throws IOException {
    Path in = Files.copy(data, tmp.resolve("imputation_1.csv"));
    Map<String, String> before = BadInputCorpus.snapshot(tmp);
    CliRun run =
        CliRun.badInput("impute", "--data", in.toString(), "--m", "2", "--out-dir", tmp.toString());
    assertThat(run.err()).contains("imputation_1.csv").contains("never writes over");
    assertThat(BadInputCorpus.snapshot(tmp)).isEqualTo(before);
  }

  @Test
  void aFailingNomogramKeepsAnExistingFigureAndResult() throws IOException {
    Path figure = Files.writeString(tmp.resolve("fig.svg"), "<svg>old figure</svg>");
    Path result = Files.writeString(tmp.resolve("res.json"), "{\"old\": true}");
    Map<String, String> before = BadInputCorpus.snapshot(tmp);
    // the predicted patient file is bad: the run fails after the model was fitted
    Path patient = Files.writeString(tmp.resolve("p.json"), "{\"age\": 60, \"age\": 61}");
    before = BadInputCorpus.snapshot(tmp);
    CliRun run =
        CliRun.badInput(
            "nomogram",
            "--data",
            data.toString(),
            "--formula",
            "Surv(time,status)~age",
            "--horizons",
            "24",
            "--predict",
            patient.toString(),
            "--svg",
            figure.toString(),
            "--out",
            result.toString());
    assertThat(run.err()).contains("p.json");
    assertThat(BadInputCorpus.snapshot(tmp)).isEqualTo(before);
  }

  @Test
  void aFailingMatchWritesNeitherOutput() throws IOException {
    Path matched = tmp.resolve("matched.csv");
    Path blocker = Files.writeString(tmp.resolve("blocker"), "a file, not a folder");
    Path report = blocker.resolve("report.json");
    Map<String, String> before = BadInputCorpus.snapshot(tmp);
    // --out cannot be written (a file is in the way of its folder): --out-matched must not appear
    CliRun run =
        CliRun.run(
            "match",
            "--data",
            data.toString(),
            "--treatment",
            "bin",
            "--covariates",
            "age,x",
            "--out-matched",
            matched.toString(),
            "--out",
            report.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains("blocker");
    assertThat(BadInputCorpus.snapshot(tmp)).isEqualTo(before);
  }

  /** Inputs other than --data: the validation file, the predicted patient, a course. */
  static Stream<Arguments> otherInputs() {
    return Stream.of(
        Arguments.of(
            "validate --data DATA --formula Surv(time,status)~age --bootstrap 0"
                + " --validate-on OTHER --out OTHER",
            "--validate-on",
            "other.csv"),
        Arguments.of(
            "nomogram --data DATA --formula Surv(time,status)~age --horizons 24"
                + " --predict OTHER --svg OTHER",
            "--predict",
            "patient.json"),
        Arguments.of("classify --patient OTHER --out OTHER", "--patient", "course.json"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("otherInputs")
  void anOutputNamingAnotherInputIsRefused(String command, String input, String name)
      throws IOException {
    Path other = tmp.resolve(name);
    switch (name) {
      case "other.csv" -> Files.copy(data, other);
      case "patient.json" -> Files.writeString(other, "{\"age\": 60}");
      default -> Files.copy(Path.of("..", "examples", "courses", "seed003-rair-lung.json"), other);
    }
    Map<String, String> before = BadInputCorpus.snapshot(tmp);
    List<String> a = new ArrayList<>();
    for (String w : command.split(" ")) {
      a.add(w.replace("DATA", data.toString()).replace("OTHER", other.toString()));
    }
    CliRun run = CliRun.badInput(a.toArray(String[]::new));
    assertThat(run.err()).contains(input).contains("never writes over");
    assertThat(BadInputCorpus.snapshot(tmp)).isEqualTo(before);
  }
}
