package org.thyra.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Options whose values an analysis names ({@code --distance}, {@code --order}, {@code --preset},
 * {@code --ties}) are read by {@link OptionChoice} as picocli read them when they were thyra-stats
 * enums: any case, and picocli's own message (exit 2) for an unknown value.
 */
class OptionChoiceTest {
  @TempDir Path tmp;
  private String data;

  @BeforeEach
  void cohort() {
    data = BadInputCorpus.write(tmp, "cohort.csv", BadInputCorpus.cohort(80, 11)).toString();
  }

  static Stream<Arguments> unknownValues() {
    return Stream.of(
        Arguments.of(
            "match --treatment bin --covariates age --distance far",
            "--distance",
            "[PROBABILITY, LOGIT]",
            "far"),
        Arguments.of(
            "match --treatment bin --covariates age --order first",
            "--order",
            "[LARGEST, SMALLEST, DATA, RANDOM]",
            "first"),
        Arguments.of(
            "table1 --by sex --vars age --preset spss",
            "--preset",
            "[TABLEONE, GTSUMMARY]",
            "spss"),
        Arguments.of(
            "screen --formula Surv(time,status)~age --model cox --ties exact",
            "--ties",
            "[EFRON, BRESLOW]",
            "exact"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("unknownValues")
  void anUnknownValueGetsPicocliEnumMessage(
      String command, String option, String names, String value) {
    CliRun run = CliRun.run(args(command));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "Invalid value for option '"
                + option
                + "': expected one of "
                + names
                + " (case-insensitive) but was '"
                + value
                + "'");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aValueIsReadInAnyCase() {
    CliRun lower =
        CliRun.run(
            args(
                "match --treatment bin --covariates age --distance logit --order smallest"
                    + " --format json"));
    CliRun mixed =
        CliRun.run(
            args(
                "match --treatment bin --covariates age --distance LOGIT --order Smallest"
                    + " --format json"));
    assertThat(lower.exitCode()).isZero();
    assertThat(mixed.out()).isEqualTo(lower.out());
    assertThat(lower.json().at("/method/distance").asText()).isEqualTo("logit");
    assertThat(lower.json().at("/method/order").asText()).isEqualTo("smallest");
  }

  private String[] args(String command) {
    String[] words = command.split(" ");
    String[] a = new String[words.length + 2];
    a[0] = words[0];
    a[1] = "--data";
    a[2] = data;
    System.arraycopy(words, 1, a, 3, words.length - 1);
    return a;
  }
}
