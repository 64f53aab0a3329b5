package org.thyra.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thyra.app.CliRun.badInput;
import static org.thyra.app.CliRun.ok;
import static org.thyra.app.CliRun.warnings;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cluster()}: where it is refused, a cluster of one row, the JSON shape. */
class CoxClusterCliEdgeCaseTest {
  @TempDir Path tmp;

  static String data(String file) {
    return CliRun.resource("/golden/coxcluster/data").resolve(file).toString();
  }

  static JsonNode json(String... args) throws IOException {
    String[] full = new String[args.length + 2];
    System.arraycopy(args, 0, full, 0, args.length);
    full[args.length] = "--format";
    full[args.length + 1] = "json";
    return CliRun.MAPPER.readTree(ok(full).out());
  }

  @Test
  void clusterIsRefusedOutsideCox() {
    assertThat(
            badInput(
                    "logistic",
                    "--data",
                    data("lung.csv"),
                    "--formula",
                    "sex ~ age + cluster(inst)")
                .err())
        .contains("cluster()", "thyra cox only");
    assertThat(
            badInput(
                    "validate",
                    "--data",
                    data("lung.csv"),
                    "--formula",
                    "Surv(time, status) ~ age + cluster(inst)",
                    "--model",
                    "cox",
                    "--bootstrap",
                    "0")
                .err())
        .contains("cluster()");
    // a formula error shows the formula with a caret under the place: more than one line
    CliRun twice =
        CliRun.run(
            "cox",
            "--data",
            data("lung.csv"),
            "--formula",
            "Surv(time, status) ~ age + cluster(inst) + cluster(sex)");
    assertThat(twice.exitCode()).isEqualTo(2);
    assertThat(twice.err()).contains("only one cluster()");
  }

  @Test
  void clustersOfOneRowAndTheJsonShape() throws IOException {
    Path f = tmp.resolve("one.csv");
    StringBuilder sb = new StringBuilder("id,t,s,x\n");
    double[] t = {5, 8, 8, 12, 15, 20, 22, 30, 31, 40};
    int[] s = {1, 1, 0, 1, 1, 0, 1, 0, 1, 1};
    int[] x = {1, 0, 1, 0, 1, 1, 0, 0, 1, 0};
    for (int i = 0; i < t.length; i++) {
      sb.append(i + 1).append(',').append(t[i]).append(',').append(s[i]).append(',');
      sb.append(x[i]).append('\n');
    }
    Files.writeString(f, sb.toString());
    JsonNode j = json("cox", "--data", f.toString(), "--formula", "Surv(t, s) ~ x + cluster(id)");
    JsonNode term = j.get("terms").get(0);
    assertThat(term.get("robust_se").asDouble()).isPositive();
    assertThat(term.get("z").asDouble())
        .isCloseTo(
            term.get("coef").asDouble() / term.get("robust_se").asDouble(),
            org.assertj.core.data.Offset.offset(1e-12));
    assertThat(j.get("tests").get("robust_score").get("df").asInt()).isEqualTo(1);
    assertThat(j.get("concordance").get("se").isNull()).isTrue();
    assertThat(warnings(j)).anyMatch(w -> w.contains("concordance SE"));
    assertThat(j.get("method").get("variance").asText()).contains("10 clusters");
  }
}
