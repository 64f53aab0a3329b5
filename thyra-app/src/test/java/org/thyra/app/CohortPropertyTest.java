package org.thyra.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded property checks of {@code table1} and {@code match} on random cohorts: counts add up,
 * percentages sum to 100, a matched pair is within the caliper, and without replacement no control
 * is used twice.
 */
class CohortPropertyTest {
  @TempDir Path tmp;

  private Path cohort(long seed, int n) throws IOException {
    SplittableRandom rng = new SplittableRandom(seed);
    List<String> lines = new ArrayList<>();
    lines.add("group,age,stage,tg,treated");
    String[] stages = {"I", "II", "III", "IV"};
    for (int i = 0; i < n; i++) {
      int g = rng.nextInt(3);
      double age = 40 + 15 * rng.nextDouble() + 5 * g;
      String stage = rng.nextDouble() < 0.05 ? "" : stages[rng.nextInt(g == 0 ? 3 : 4)];
      String tg =
          rng.nextDouble() < 0.1
              ? "NA"
              : String.format(java.util.Locale.ROOT, "%.2f", Math.exp(rng.nextGaussian()));
      int treated = rng.nextDouble() < 1 / (1 + Math.exp(-(age - 50) / 10)) ? 1 : 0;
      String group = rng.nextDouble() < 0.02 ? "" : "g" + g;
      lines.add(
          group
              + ","
              + String.format(java.util.Locale.ROOT, "%.1f", age)
              + ","
              + stage
              + ","
              + tg
              + ","
              + treated);
    }
    Path p = tmp.resolve("cohort" + seed + ".csv");
    Files.write(p, lines);
    return p;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void table1CountsAndPercentagesAddUp(long seed) throws IOException {
    Path f = cohort(seed, 300 + (int) seed * 37);
    for (String preset : List.of("tableone", "gtsummary")) {
      CliRun run =
          CliRun.run(
              "table1",
              "--data",
              f.toString(),
              "--by",
              "group",
              "--vars",
              "age,stage,tg",
              "--preset",
              preset,
              "--format",
              "json");
      assertThat(run.exitCode()).as(run.err()).isZero();
      JsonNode j = run.json();
      int n = j.get("n").asInt();
      int sumGroups = 0;
      Map<String, Integer> groupN = new HashMap<>();
      for (JsonNode g : j.get("groups")) {
        sumGroups += g.get("n").asInt();
        groupN.put(g.get("group").asText(), g.get("n").asInt());
      }
      assertThat(sumGroups).isEqualTo(n);
      for (JsonNode v : j.get("variables")) {
        int missing = v.get("missing").get("overall").asInt();
        if (v.get("type").asText().equals("categorical")) {
          long count = 0;
          double pct = 0;
          for (JsonNode l : v.get("levels")) {
            count += l.get("overall").get("n").asLong();
            pct += l.get("overall").get("percent").asDouble();
          }
          assertThat(count + missing).isEqualTo(n);
          assertThat(pct).isCloseTo(100, within(1e-9));
          for (String g : groupN.keySet()) {
            long c = v.get("missing").get("groups").get(g).asLong();
            for (JsonNode l : v.get("levels")) {
              c += l.get("groups").get(g).get("n").asLong();
            }
            assertThat(c).isEqualTo((long) groupN.get(g));
          }
          // stage IV is absent from g0 by construction
          assertThat(v.get("levels").get(3).get("groups").get("g0").get("n").asInt()).isZero();
        } else {
          JsonNode s = v.get("levels").get(0).get("overall");
          assertThat(s.get("n").asInt() + missing).isEqualTo(n);
          assertThat(s.get("q1").asDouble())
              .isBetween(s.get("min").asDouble(), s.get("median").asDouble());
          assertThat(s.get("q3").asDouble())
              .isBetween(s.get("median").asDouble(), s.get("max").asDouble());
        }
        assertThat(v.get("p").asDouble()).isBetween(0.0, 1.0);
        assertThat(v.get("smd").asDouble()).isGreaterThanOrEqualTo(0);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14, 15, 16})
  void matchedPairsRespectTheCaliperAndUseEachControlOnce(long seed) throws IOException {
    Path f = cohort(seed, 400);
    SplittableRandom rng = new SplittableRandom(seed);
    String ratio = Integer.toString(1 + rng.nextInt(3));
    String order = List.of("largest", "smallest", "data", "random").get(rng.nextInt(4));
    String distance = rng.nextBoolean() ? "logit" : "probability";
    Path matched = tmp.resolve("m" + seed + ".csv");
    CliRun run =
        CliRun.run(
            "match",
            "--data",
            f.toString(),
            "--treatment",
            "treated",
            "--covariates",
            "age",
            "--caliper",
            "0.1",
            "--ratio",
            ratio,
            "--order",
            order,
            "--distance",
            distance,
            "--seed",
            Long.toString(seed),
            "--out-matched",
            matched.toString(),
            "--format",
            "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode j = run.json();
    double caliper = j.get("caliper_abs").asDouble();
    Map<Integer, Double> distanceOf = new HashMap<>();
    for (String line : Files.readAllLines(matched).subList(1, Files.readAllLines(matched).size())) {
      String[] c = line.split(",");
      distanceOf.put(Integer.parseInt(c[1]), Double.parseDouble(c[3]));
    }
    Set<Integer> controls = new HashSet<>();
    Set<Integer> treated = new HashSet<>();
    Map<Integer, Integer> perTreated = new HashMap<>();
    for (JsonNode p : j.get("pairs")) {
      int t = p.get("treated_row").asInt();
      int c = p.get("control_row").asInt();
      assertThat(controls.add(c)).as("control %d used twice", c).isTrue();
      treated.add(t);
      perTreated.merge(t, 1, Integer::sum);
      assertThat(Math.abs(distanceOf.get(t) - distanceOf.get(c))).isLessThanOrEqualTo(caliper);
    }
    assertThat(j.get("matched_treated").asInt()).isEqualTo(treated.size());
    assertThat(j.get("matched_control").asInt()).isEqualTo(controls.size());
    assertThat(perTreated.values()).allMatch(k -> k <= Integer.parseInt(ratio));
  }
}
