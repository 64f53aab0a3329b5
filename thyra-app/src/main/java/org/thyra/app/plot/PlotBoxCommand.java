package org.thyra.app.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.thyra.analysis.comparison.GroupedValues;
import org.thyra.analysis.comparison.RankComparison;
import org.thyra.app.InputOptions;
import org.thyra.app.output.FigureOptions;
import org.thyra.frame.Column;
import org.thyra.frame.DataTable;
import org.thyra.frame.InputException;
import org.thyra.frame.NumericColumn;
import org.thyra.report.figure.BoxDotFigure;
import org.thyra.report.figure.PValues;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code thyra plot box}: a numeric variable by group, box and dots, with the rank test's p. */
@Command(
    name = "box",
    mixinStandardHelpOptions = true,
    description =
        "Box-and-dot plot of --variable by --group with the Wilcoxon rank-sum (2 groups) or"
            + " Kruskal-Wallis p (seed 003, Fig. 3A).")
public final class PlotBoxCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin FigureOptions figure;

  @Option(names = "--variable", required = true, description = "Numeric column to plot.")
  String variable;

  @Option(names = "--group", description = "Grouping column.")
  String group;

  @Option(names = "--log", description = "Logarithmic axis (positive values).")
  boolean log;

  @Override
  public Integer call() throws Exception {
    if (!figure.requested()) {
      throw new IllegalArgumentException("plot box draws a figure: give --figure FILE");
    }
    List<String> cols = new ArrayList<>(List.of(variable));
    if (group != null) {
      cols.add(group);
    }
    DataTable data = input.read(cols);
    Column v = data.column(variable);
    if (!(v instanceof NumericColumn n)) {
      throw new InputException(
          input.source(), null, variable, "must be numeric to draw a box plot");
    }
    GroupedValues g = GroupedValues.of(n.toArray(), group == null ? null : data.column(group));
    RankComparison c = g.compare();
    String test = c == null ? null : c.test() + " " + PValues.equation(c.p());
    figure.write(spec -> new BoxDotFigure(variable, g.levels(), g.values(), test, log, spec));
    return 0;
  }
}
