package org.thyra.app.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.thyra.app.InputOptions;
import org.thyra.app.output.FigureOptions;
import org.thyra.frame.Column;
import org.thyra.frame.DataTable;
import org.thyra.frame.InputException;
import org.thyra.frame.LevelOrder;
import org.thyra.report.figure.BarFigure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code thyra plot bars}: the proportion with an outcome by subgroup (seed 000, Fig. 5). */
@Command(
    name = "bars",
    mixinStandardHelpOptions = true,
    description =
        "Bars of the percentage of rows with --outcome (0/1, yes/no, TRUE/FALSE) by --by, one bar per"
            + " level of --series, labelled events/n.")
public final class PlotBarsCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin FigureOptions figure;

  @Option(
      names = "--outcome",
      required = true,
      split = ",",
      description = "Binary column(s); several make one bar each (series).")
  List<String> outcomes;

  @Option(names = "--by", required = true, description = "Subgroup column (x axis).")
  String by;

  @Override
  public Integer call() throws Exception {
    if (!figure.requested()) {
      throw new IllegalArgumentException("plot bars draws a figure: give --figure FILE");
    }
    List<String> cols = new ArrayList<>(outcomes);
    cols.add(by);
    DataTable data = input.read(cols);
    Column g = data.column(by);
    List<String> levels = new ArrayList<>();
    for (int i = 0; i < g.size(); i++) {
      if (!g.isMissing(i) && !levels.contains(g.text(i))) {
        levels.add(g.text(i));
      }
    }
    levels.sort(LevelOrder.comparator(levels));
    long[][] events = new long[outcomes.size()][levels.size()];
    long[][] totals = new long[outcomes.size()][levels.size()];
    for (int s = 0; s < outcomes.size(); s++) {
      Column o = data.column(outcomes.get(s));
      for (int i = 0; i < o.size(); i++) {
        if (o.isMissing(i) || g.isMissing(i)) {
          continue;
        }
        int k = levels.indexOf(g.text(i));
        Boolean yes = binary(o.text(i));
        if (yes == null) {
          throw new InputException(
              input.source(),
              i + 2,
              outcomes.get(s),
              "\"" + o.text(i) + "\" is not a binary value (0/1, yes/no, TRUE/FALSE)");
        }
        totals[s][k]++;
        events[s][k] += yes ? 1 : 0;
      }
    }
    // the subgroup column names the x axis (the line under the figure)
    figure.write(
        spec ->
            new BarFigure(
                levels, outcomes, events, totals, "Patients with the outcome (%)", by, spec));
    return 0;
  }

  private static Boolean binary(String s) {
    return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "1", "yes", "true", "y" -> true;
      case "0", "no", "false", "n" -> false;
      default -> null;
    };
  }
}
