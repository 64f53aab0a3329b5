package org.thyra.analysis.paired;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.DoubleStream;
import org.thyra.analysis.CodedColumn;
import org.thyra.analysis.DataFile;
import org.thyra.analysis.ResponseOrder;
import org.thyra.frame.Column;
import org.thyra.frame.DataTable;
import org.thyra.frame.InputException;
import org.thyra.frame.LevelOrder;
import org.thyra.frame.NumericColumn;
import org.thyra.stats.Result;
import org.thyra.stats.contingency.ChiSquareResult;
import org.thyra.stats.contingency.McNemarTest;
import org.thyra.stats.rank.RankTestResult;
import org.thyra.stats.rank.WilcoxonSignedRankTest;

/**
 * A paired comparison of two measurements of the same units, e.g. the response to the first and to
 * the last radioiodine therapy (seed 001, Table 2 and Fig. 2): the workflow behind {@code thyra
 * paired} and a study's {@code paired} analysis. Wilcoxon signed-rank for numbers ({@code
 * wilcox.test(paired = TRUE)}), McNemar for a 2 × 2 table and the McNemar–Bowker test of symmetry
 * for k × k ({@code mcnemar.test}).
 */
public final class PairedAnalysis {
  private PairedAnalysis() {}

  /** Which paired test to run. */
  public enum Test {
    AUTO,
    WILCOXON,
    MCNEMAR,
    BOWKER
  }

  /**
   * @param before first measurement (rows of the k × k table)
   * @param after second measurement (columns)
   * @param test the test, or AUTO: Wilcoxon for numeric columns, McNemar for two categories (or
   *     numeric columns holding only two values), Bowker for more
   * @param factor read numeric columns as categories
   * @param correct McNemar continuity correction on a 2 × 2 table (R's default)
   * @param levels the categories' order ({@code --levels}), or null for {@link ResponseOrder}'s: a
   *     response scale's clinical order, else SPEC §5 level order
   */
  public record Request(
      String before,
      String after,
      Test test,
      boolean factor,
      boolean correct,
      List<String> levels) {
    /** In the default order. */
    public Request(String before, String after, Test test, boolean factor, boolean correct) {
      this(before, after, test, factor, correct, null);
    }
  }

  /**
   * The k × k table of (before, after) over the union of both columns' levels.
   *
   * @param levels the levels, in SPEC §5 level order
   * @param table counts, rows before and columns after
   * @param n complete pairs
   * @param dropped rows missing either measurement
   */
  public record Square(List<String> levels, long[][] table, int n, int dropped) {
    /** Pairs off the diagonal (whose category changed). */
    public long discordant() {
      long d = 0;
      for (int i = 0; i < table.length; i++) {
        for (int j = 0; j < table.length; j++) {
          d += i == j ? 0 : table[i][j];
        }
      }
      return d;
    }
  }

  /**
   * A paired comparison: either {@code wilcoxon} (with the two columns' values) or {@code square}
   * and {@code symmetry}.
   *
   * @param source the data's name
   * @param request what was asked
   * @param test the test run (never AUTO)
   * @param wilcoxon the signed-rank test, or null
   * @param beforeValues Wilcoxon: the first column's values (NaN missing), else null
   * @param afterValues Wilcoxon: the second column's values, else null
   * @param n complete pairs
   * @param dropped rows missing either measurement
   * @param square McNemar / Bowker: the table, else null
   * @param symmetry McNemar / Bowker: the test, else null
   */
  public record Report(
      String source,
      Request request,
      Test test,
      RankTestResult wilcoxon,
      double[] beforeValues,
      double[] afterValues,
      int n,
      int dropped,
      Square square,
      ChiSquareResult symmetry)
      implements Result {
    @Override
    public String method() {
      return wilcoxon != null ? wilcoxon.method() : symmetry.method();
    }

    @Override
    public List<String> warnings() {
      List<String> w = new ArrayList<>();
      if (dropped > 0) {
        w.add(
            dropped
                + " rows with a missing "
                + request.before()
                + " or "
                + request.after()
                + " were dropped");
      }
      w.addAll(wilcoxon != null ? wilcoxon.warnings() : symmetry.warnings());
      return w;
    }

    /** The test's p-value. */
    public double p() {
      return wilcoxon != null ? wilcoxon.p() : symmetry.p();
    }
  }

  /** Runs the comparison on the two columns of {@code data}. */
  public static Report run(DataTable data, String source, Request request) {
    String before = request.before();
    String after = request.after();
    if (before.equals(after)) {
      throw new InputException(source, null, before, "--before and --after name the same column");
    }
    Column a = data.column(before);
    Column b = data.column(after);
    boolean numeric = a instanceof NumericColumn && b instanceof NumericColumn && !request.factor();
    Test chosen = request.test();
    if (chosen == Test.WILCOXON && !numeric) {
      Column bad = a instanceof NumericColumn ? b : a;
      throw new InputException(
          source,
          null,
          bad.name(),
          "the Wilcoxon signed-rank test needs numeric columns; this one is categorical (or --factor was given)");
    }
    if (chosen == Test.AUTO && numeric) {
      // two numeric columns holding only two distinct values (0/1) are a paired binary outcome
      chosen =
          distinctValues((NumericColumn) a, (NumericColumn) b) == 2 ? Test.MCNEMAR : Test.WILCOXON;
    }
    if (chosen == Test.WILCOXON) {
      NumericColumn x = (NumericColumn) a;
      NumericColumn y = (NumericColumn) b;
      int n = 0;
      for (int i = 0; i < data.rowCount(); i++) {
        n += x.isMissing(i) || y.isMissing(i) ? 0 : 1;
      }
      if (n == 0) {
        throw new InputException(
            source, null, after, "no row has both " + before + " and " + after);
      }
      RankTestResult r =
          DataFile.analyse(
              source, null, () -> WilcoxonSignedRankTest.paired(x.toArray(), y.toArray()));
      return new Report(
          source,
          request,
          Test.WILCOXON,
          r,
          x.toArray(),
          y.toArray(),
          n,
          data.rowCount() - n,
          null,
          null);
    }
    Square sq = square(data, source, a, b, request.levels());
    if (sq.n() == 0) {
      throw new InputException(source, null, after, "no row has both " + before + " and " + after);
    }
    int k = sq.levels().size();
    if (k < 2) {
      throw new InputException(
          source,
          null,
          before,
          "a paired table needs at least 2 categories over both columns, got " + sq.levels());
    }
    if (chosen == Test.AUTO) {
      chosen = k == 2 ? Test.MCNEMAR : Test.BOWKER;
    }
    if (chosen == Test.MCNEMAR && k > 2) {
      throw new InputException(
          source,
          null,
          before,
          "McNemar's test needs 2 categories, these columns have "
              + k
              + " "
              + sq.levels()
              + ": use --test bowker");
    }
    boolean useCorrection = chosen == Test.MCNEMAR && request.correct();
    ChiSquareResult r =
        DataFile.analyse(source, null, () -> McNemarTest.test(sq.table(), useCorrection));
    return new Report(source, request, chosen, null, null, null, sq.n(), sq.dropped(), sq, r);
  }

  private static long distinctValues(NumericColumn a, NumericColumn b) {
    return DoubleStream.concat(Arrays.stream(a.toArray()), Arrays.stream(b.toArray()))
        .filter(v -> !Double.isNaN(v))
        .distinct()
        .limit(3)
        .count();
  }

  private static Square square(
      DataTable data, String source, Column a, Column b, List<String> order) {
    CodedColumn ca = CodedColumn.of(a);
    CodedColumn cb = CodedColumn.of(b);
    List<String> both = new ArrayList<>(ca.levels());
    both.addAll(cb.levels());
    TreeSet<String> union = new TreeSet<>(LevelOrder.comparator(both));
    union.addAll(ca.levels());
    union.addAll(cb.levels());
    if (order != null) {
      for (CodedColumn c : List.of(ca, cb)) {
        for (String l : c.levels()) {
          if (!order.contains(l)) {
            throw new InputException(
                source,
                null,
                c.name(),
                "the category \"" + l + "\" is not among --levels " + String.join(",", order));
          }
        }
      }
    }
    List<String> levels;
    try {
      levels = ResponseOrder.order(new ArrayList<>(union), order);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--levels: " + e.getMessage(), e);
    }
    int[] mapA = ca.levels().stream().mapToInt(levels::indexOf).toArray();
    int[] mapB = cb.levels().stream().mapToInt(levels::indexOf).toArray();
    long[][] t = new long[levels.size()][levels.size()];
    int n = 0;
    for (int i = 0; i < data.rowCount(); i++) {
      int x = ca.codes()[i];
      int y = cb.codes()[i];
      if (x >= 0 && y >= 0) {
        t[mapA[x]][mapB[y]]++;
        n++;
      }
    }
    return new Square(levels, t, n, data.rowCount() - n);
  }
}
