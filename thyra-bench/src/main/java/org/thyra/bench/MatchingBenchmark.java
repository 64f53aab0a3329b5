package org.thyra.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.thyra.stats.matching.CaliperScale;
import org.thyra.stats.matching.DistanceComparison;
import org.thyra.stats.matching.MatchResult;
import org.thyra.stats.matching.MatchingOptions;
import org.thyra.stats.matching.NearestNeighbourMatching;

/**
 * Wall-clock benchmark of 1:1 caliper matching (not a unit test; run by hand, see
 * docs/PERFORMANCE.md). Input: the CSV written by {@code src/test/r/matching_benchmark.R} (treat,
 * ps); optionally, as a third argument, MatchIt's pairs from the same script, compared with the
 * MatchIt 4.5.1 compatibility rule.
 */
public final class MatchingBenchmark {
  private MatchingBenchmark() {}

  public static void main(String[] args) throws IOException {
    List<String> lines = Files.readAllLines(Path.of(args[0]));
    int n = lines.size() - 1;
    boolean[] treated = new boolean[n];
    double[] ps = new double[n];
    for (int i = 0; i < n; i++) {
      String[] f = lines.get(i + 1).split(",");
      treated[i] = f[0].equals("1");
      ps[i] = Double.parseDouble(f[1]);
    }
    MatchingOptions o =
        MatchingOptions.defaults().withCaliper(0.05, CaliperScale.STANDARD_DEVIATIONS);
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    double[] ms = new double[reps];
    MatchResult r = null;
    for (int w = 0; w < 3; w++) {
      r = NearestNeighbourMatching.match(ps, treated, null, o);
    }
    for (int k = 0; k < reps; k++) {
      long t0 = System.nanoTime();
      r = NearestNeighbourMatching.match(ps, treated, null, o);
      ms[k] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    System.out.printf(
        "Thyra nearest 1:1 caliper 0.05 SD, n1 = %d, n0 = %d: median %.1f ms (min %.1f, max %.1f)"
            + ", matched treated %d%n",
        r.nTreated(), r.nControl(), ms[reps / 2], ms[0], ms[reps - 1], r.matchedTreated());
    if (args.length > 2) {
      List<String> pairs = Files.readAllLines(Path.of(args[2]));
      MatchResult compat =
          NearestNeighbourMatching.match(
              ps, treated, null, o.withComparison(DistanceComparison.MATCHIT_4_5_1_TRUNCATED));
      int same = 0;
      for (int t = 0; t < compat.treatedRows().length; t++) {
        String[] f = pairs.get(t + 1).split(",");
        int want = f[1].equals("NA") ? -1 : Integer.parseInt(f[1]) - 1;
        if (Integer.parseInt(f[0]) - 1 == compat.treatedRows()[t]
            && compat.matches()[t][0] == want) {
          same++;
        }
      }
      System.out.printf(
          "MatchIt 4.5.1 compatibility rule: %d of %d pairs identical to MatchIt's%n",
          same, compat.treatedRows().length);
    }
  }
}
