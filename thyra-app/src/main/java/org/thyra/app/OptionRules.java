package org.thyra.app;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The ranges of option values shared by many commands, checked for every command before it reads
 * anything or prints a line, so a message names the option as the user typed it ({@code
 * --conf-level}, {@code --at}) and a resource limit ({@code --bootstrap}, {@code --m}) is refused
 * up front instead of after minutes or with an out-of-memory error.
 */
public final class OptionRules {
  /** More bootstrap replicates than this are refused (rms's examples use 150–1000). */
  public static final int MAX_BOOTSTRAP = 100_000;

  /** More imputations than this are refused (mice's guidance: m of 5–100). */
  public static final int MAX_IMPUTATIONS = 1_000;

  /** More iterations of the chained equations than this are refused (mice's default: 5). */
  public static final int MAX_ITERATIONS = 10_000;

  /** More worker threads than this are refused (a machine has far fewer cores). */
  public static final int MAX_THREADS = 256;

  /** More matched controls per treated patient than this are refused (MatchIt: 1–5 is usual). */
  public static final int MAX_RATIO = 100;

  /** More candidate cut values than this are refused: the three-group scan tries every pair. */
  public static final int MAX_CANDIDATES = 1_000;

  /** More synthetic patients than this are refused (the memory of a whole cohort at once). */
  public static final int MAX_SYNTHETIC = 1_000_000;

  private OptionRules() {}

  /**
   * @throws IllegalArgumentException naming the option, its allowed range and the value given
   */
  public static void check(ParseResult command) {
    for (OptionSpec option : command.matchedOptions()) {
      String name = option.longestName();
      Object value = option.getValue();
      switch (name) {
        case "--conf-level" ->
            each(name, value, v -> v > 0 && v < 1, "must be between 0 and 1 (e.g. 0.95)");
        case "--at", "--horizons" -> each(name, value, v -> v >= 0, "must be finite times >= 0");
        case "--split" ->
            each(name, value, v -> v > 0 && v < 1, "must be a fraction between 0 and 1 (e.g. 0.7)");
        case "--bootstrap" ->
            each(
                name,
                value,
                v -> v >= 0 && v <= MAX_BOOTSTRAP,
                "must be between 0 and "
                    + MAX_BOOTSTRAP
                    + " replicates (200 is the usual choice; 1000 is plenty for an interval)");
        case "--m", "--impute" ->
            each(
                name,
                value,
                v -> v >= 1 && v <= MAX_IMPUTATIONS,
                "must be between 1 and " + MAX_IMPUTATIONS + " imputations (20 is usual)");
        case "--maxit" ->
            each(
                name,
                value,
                v -> v >= 0 && v <= MAX_ITERATIONS,
                "must be between 0 and " + MAX_ITERATIONS + " iterations (5 is mice's default)");
        case "--threads" ->
            each(
                name,
                value,
                v -> v >= 1 && v <= MAX_THREADS,
                "must be between 1 and " + MAX_THREADS + " worker threads");
        case "--ratio" ->
            each(
                name,
                value,
                v -> v >= 1 && v <= MAX_RATIO,
                "must be between 1 and " + MAX_RATIO + " controls per treated patient");
        case "--max-candidates" ->
            each(
                name,
                value,
                v -> v >= 2 && v <= MAX_CANDIDATES,
                "must be between 2 and "
                    + MAX_CANDIDATES
                    + " cut values (every pair of them is tried: 100 is the default)");
        case "--n" ->
            each(
                name,
                value,
                v -> v >= 1 && v <= MAX_SYNTHETIC,
                "must be between 1 and " + MAX_SYNTHETIC + " patients");
        default -> {}
      }
    }
  }

  private interface Test {
    boolean ok(double v);
  }

  private static void each(String name, Object value, Test test, String rule) {
    for (Object raw : values(value)) {
      double v;
      if (raw instanceof Number n) {
        v = n.doubleValue();
      } else {
        try {
          v = Double.parseDouble(raw.toString().strip());
        } catch (NumberFormatException e) {
          continue; // not a number: the command's own parsing says so
        }
      }
      if (Double.isNaN(v) || Double.isInfinite(v) || !test.ok(v)) {
        String shown =
            raw instanceof Double d ? org.thyra.frame.DecimalText.format(d) : raw.toString();
        throw new IllegalArgumentException(name + " " + rule + ", got " + shown);
      }
    }
  }

  private static List<Object> values(Object value) {
    List<Object> out = new ArrayList<>();
    if (value == null) {
      return out;
    }
    if (value instanceof Collection<?> c) {
      out.addAll(c);
    } else if (value instanceof double[] a) {
      for (double d : a) {
        out.add(d);
      }
    } else if (value instanceof int[] a) {
      for (int d : a) {
        out.add(d);
      }
    } else if (value instanceof String s) {
      for (String part : s.split(",")) {
        if (!part.isBlank()) {
          out.add(part.strip());
        }
      }
    } else {
      out.add(value);
    }
    return out;
  }
}
