package org.thyra.analysis.competing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.thyra.analysis.DataFile;
import org.thyra.frame.DataTable;
import org.thyra.frame.InputException;
import org.thyra.frame.formula.Term;
import org.thyra.frame.formula.TermKind;
import org.thyra.frame.formula.Variable;
import org.thyra.stats.competing.CumulativeIncidence;
import org.thyra.stats.competing.GrayTestResult;
import org.thyra.stats.competing.IncidenceCurve;

/**
 * Cumulative incidence of each cause of failure per group of a data file, with Gray's variance, and
 * Gray's k-sample test among the groups: the workflow behind {@code thyra cuminc} (SPEC §5), as
 * {@code cmprsk::cuminc}.
 */
public final class CumincAnalysis {
  private CumincAnalysis() {}

  /**
   * What to estimate.
   *
   * @param time follow-up time column
   * @param event status column: the censoring code or the code of the cause of failure
   * @param censorCode the status value of a censored row (cmprsk's {@code cencode})
   * @param group grouping column, or null for one curve per cause of all rows
   * @param strata stratification column of Gray's test, or null
   * @param rho power of Gray's weight {@code (1 - F(t-))^rho}
   * @param at times at which the incidence is reported (may be empty: every jump)
   * @param confLevel confidence level of the log(-log) limits
   */
  public record Request(
      String time,
      String event,
      String censorCode,
      String group,
      String strata,
      double rho,
      List<Double> at,
      double confLevel) {
    public Request {
      at = List.copyOf(at);
    }
  }

  /**
   * Reads the file, estimates each cause's incidence in each group present and runs Gray's test
   * when there are two groups or more.
   *
   * @throws InputException for a level outside (0, 1), a non-finite rho, strata without a group, a
   *     censoring code that does not occur, or a file in which every row is censored
   */
  public static CumincReport run(DataFile input, Request request) {
    List<Term> terms = terms(input.source(), request);
    return run(
        CompetingOutcome.read(input, request.time(), request.event(), request.censorCode(), terms),
        input.source(),
        request);
  }

  /**
   * As {@link #run(DataFile, Request)}, on a table already read (a study's cohort).
   *
   * @param source the data's name, as messages cite it
   * @param references reference levels, variable to level
   */
  public static CumincReport run(
      DataTable table, String source, Map<String, String> references, Request request) {
    List<Term> terms = terms(source, request);
    return run(
        CompetingOutcome.of(
            table,
            source,
            references,
            request.time(),
            request.event(),
            request.censorCode(),
            terms),
        source,
        request);
  }

  /** Checks the options; the model terms: the group as a factor, the strata of Gray's test. */
  private static List<Term> terms(String source, Request request) {
    double confLevel = request.confLevel();
    String group = request.group();
    String strata = request.strata();
    if (!(confLevel > 0 && confLevel < 1)) {
      throw new InputException(
          source, null, null, "--conf-level must be in (0, 1), got " + confLevel);
    }
    if (!Double.isFinite(request.rho())) {
      throw new InputException(source, null, null, "--rho must be a number, got " + request.rho());
    }
    if (strata != null && group == null) {
      throw new InputException(
          source, null, null, "--strata stratifies Gray's test and needs --group");
    }
    List<Term> terms = new ArrayList<>();
    if (group != null) {
      terms.add(new Term(group, TermKind.FACTOR));
    }
    if (strata != null) {
      terms.add(new Term(strata, TermKind.STRATA));
    }
    return terms;
  }

  private static CumincReport run(CompetingOutcome data, String source, Request request) {
    String group = request.group();
    String strata = request.strata();
    int n = data.time().length;
    List<String> levels;
    int[] codes;
    if (group == null) {
      levels = List.of("all");
      codes = new int[n];
    } else {
      Variable v = data.frame().variables().get(0);
      levels = v.levels();
      codes = v.codes();
    }
    int[] strataCodes = strata == null ? new int[n] : data.frame().strata();
    List<String> warnings = new ArrayList<>(data.frame().warnings());
    if (data.causes().isEmpty()) {
      throw new InputException(
          source, null, request.event(), "no failure of any cause: every row is censored");
    }
    List<Integer> present = new ArrayList<>();
    for (int g = 0; g < levels.size(); g++) {
      int gg = g;
      if (IntStream.of(codes).anyMatch(c -> c == gg)) {
        present.add(g);
      }
    }
    int causes = data.causes().size();
    IncidenceCurve[][] curves = new IncidenceCurve[causes][levels.size()];
    GrayTestResult[] gray = new GrayTestResult[causes];
    for (int k = 1; k <= causes; k++) {
      for (int g : present) {
        int[] rows = IntStream.range(0, n).filter(i -> codes[i] == g).toArray();
        double[] t = IntStream.of(rows).mapToDouble(i -> data.time()[i]).toArray();
        int[] c = IntStream.of(rows).map(i -> data.cause()[i]).toArray();
        int kk = k;
        curves[k - 1][g] =
            DataFile.analyse(source, request.time(), () -> CumulativeIncidence.curve(t, c, kk));
        if (curves[k - 1][g].events() == 0) {
          warnings.add(
              "no failure from cause "
                  + data.causes().get(k - 1)
                  + " in "
                  + CumincReport.label(group, levels, g)
                  + ": its cumulative incidence is 0");
        }
      }
      if (present.size() > 1) {
        int kk = k;
        gray[k - 1] =
            DataFile.analyse(
                source,
                group,
                () ->
                    CumulativeIncidence.grayTest(
                        data.time(), data.cause(), kk, codes, strataCodes, request.rho()));
        if (Double.isNaN(gray[k - 1].statistic())) {
          warnings.add(
              "Gray's test for cause "
                  + data.causes().get(k - 1)
                  + " is not defined: its variance matrix is singular (cmprsk reports -1)");
        }
      }
    }
    if (present.size() < levels.size()) {
      warnings.add("levels without rows are left out, as cuminc does");
    }
    List<List<IncidenceCurve>> byCause = new ArrayList<>();
    for (IncidenceCurve[] row : curves) {
      // null where a level has no row: the report keeps the levels' positions
      byCause.add(Collections.unmodifiableList(Arrays.asList(row)));
    }
    return new CumincReport(
        source,
        request,
        data,
        levels,
        present,
        byCause,
        Collections.unmodifiableList(Arrays.asList(gray)),
        warnings);
  }
}
