package org.thyra.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thyra.app.CliRun.badInput;
import static org.thyra.app.CliRun.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Splines and interactions at their edges: too few distinct values, where they are refused. */
class FormulaCliEdgeCaseTest {
  @TempDir Path tmp;

  static String data(String file) {
    return CliRun.resource("/golden/formula/data").resolve(file).toString();
  }

  @Test
  void aSplineWithFewerDistinctValuesThanKnotsIsOneClearMessage() {
    // ph.ecog has 4 distinct values (0-3)
    CliRun r =
        badInput(
            "cox",
            "--data",
            data("lung.csv"),
            "--formula",
            "Surv(time, status) ~ rcs(ph.ecog, 5) + age");
    assertThat(r.err())
        .contains("rcs(ph.ecog, 5)", "4 distinct values", "fewer than the 5 knots", "ph.ecog")
        .contains("lung.csv");
    assertThat(r.err().lines().filter(l -> l.contains("distinct values")).count()).isEqualTo(1);
    // the same in logistic and screen
    assertThat(
            badInput("logistic", "--data", data("lung.csv"), "--formula", "sex ~ rcs(ph.ecog, 4)")
                .err())
        .contains("4 distinct values, fewer than the 5 a spline needs");
  }

  @Test
  void moreKnotsThanInnerValuesUsesTheInnerValuesWithAWarning() throws IOException {
    // 6 distinct values and 4 knots: Hmisc puts the knots at the 4 inner values and warns
    Path f = tmp.resolve("few.csv");
    StringBuilder sb = new StringBuilder("t,s,x\n");
    for (int i = 0; i < 60; i++) {
      sb.append(10 + i)
          .append(',')
          .append(i % 3 == 0 ? 0 : 1)
          .append(',')
          .append(i % 6)
          .append('\n');
    }
    Files.writeString(f, sb.toString());
    JsonNode out =
        CliRun.MAPPER.readTree(
            ok(
                    "cox",
                    "--data",
                    f.toString(),
                    "--formula",
                    "Surv(t, s) ~ rcs(x, 4)",
                    "--format",
                    "json")
                .out());
    assertThat(out.get("warnings").toString()).contains("inner values");
    assertThat(out.get("terms")).hasSize(3);
  }

  @Test
  void aNomogramOfTwoNumericVariablesInteractingOrImputationWithOneIsRefused() {
    assertThat(
            badInput(
                    "nomogram",
                    "--data",
                    data("lung.csv"),
                    "--formula",
                    "Surv(time, status) ~ age * sex",
                    "--horizons",
                    "365")
                .err())
        .contains("lung.csv", "with one factor", "age:sex is not one");
    // two numeric variables: no level to draw an axis per; a factor interaction with --predict
    // reads the patient's file (here not a JSON object) instead of refusing the model
    assertThat(
            badInput(
                    "nomogram",
                    "--data",
                    data("lung.csv"),
                    "--formula",
                    "Surv(time, status) ~ age * factor(sex)",
                    "--horizons",
                    "365",
                    "--predict",
                    data("lung.csv"))
                .err())
        .contains("lung.csv", "--predict needs a JSON object")
        .doesNotContain("not available");
    assertThat(
            badInput(
                    "cox",
                    "--data",
                    data("lung.csv"),
                    "--formula",
                    "Surv(time, status) ~ age * sex",
                    "--impute",
                    "2")
                .err())
        .contains("interaction");
  }

  @Test
  void stepwiseSelectionWithAnInteractionIsRefused() {
    assertThat(
            badInput(
                    "screen",
                    "--data",
                    data("lung.csv"),
                    "--formula",
                    "Surv(time, status) ~ age * factor(sex)",
                    "--model",
                    "cox",
                    "--select",
                    "backward")
                .err())
        .contains("--select backward", "interaction");
  }
}
