package org.thyra.app.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.thyra.app.InputOptions;
import org.thyra.app.output.FigureOptions;
import org.thyra.frame.Column;
import org.thyra.frame.DataTable;
import org.thyra.frame.InputException;
import org.thyra.frame.NumericColumn;
import org.thyra.report.figure.FlowChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code thyra plot flow}: a flow chart of cohort selection from a table of steps (columns {@code
 * label}, {@code n}, {@code excluded}): a row with {@code excluded} empty is a step with the count
 * remaining; a row with a reason in {@code excluded} is an exclusion (n excluded) on the way to the
 * next step.
 */
@Command(
    name = "flow",
    mixinStandardHelpOptions = true,
    description =
        "Flow chart of cohort selection from rows (label, n, excluded): a step, or an exclusion reason"
            + " with its count before the next step.")
public final class PlotFlowCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin FigureOptions figure;

  @Option(names = "--label", defaultValue = "label", description = "Label column.")
  String label;

  @Option(names = "--n", defaultValue = "n", description = "Count column.")
  String count;

  @Option(
      names = "--excluded",
      defaultValue = "excluded",
      description = "Column marking exclusion rows (the reason; empty on a step row).")
  String excluded;

  @Override
  public Integer call() throws Exception {
    if (!figure.requested()) {
      throw new IllegalArgumentException("plot flow draws a figure: give --figure FILE");
    }
    DataTable data = input.read(List.of(label, count, excluded));
    Column l = data.column(label);
    Column x = data.column(excluded);
    if (!(data.column(count) instanceof NumericColumn n)) {
      throw new InputException(input.source(), null, count, "must hold whole counts");
    }
    List<FlowChart.Step> steps = new ArrayList<>();
    List<FlowChart.Exclusion> pending = new ArrayList<>();
    for (int i = 0; i < data.rowCount(); i++) {
      if (n.isMissing(i) || n.value(i) < 0 || n.value(i) != Math.rint(n.value(i))) {
        throw new InputException(input.source(), i + 2, count, "must be a whole count >= 0");
      }
      long c = (long) n.value(i);
      if (!x.isMissing(i) && !x.text(i).isBlank()) {
        pending.add(new FlowChart.Exclusion(x.text(i), c));
      } else {
        if (l.isMissing(i)) {
          throw new InputException(input.source(), i + 2, label, "a step needs a label");
        }
        steps.add(new FlowChart.Step(l.text(i), c, pending));
        pending = new ArrayList<>();
      }
    }
    if (!pending.isEmpty() || steps.isEmpty()) {
      throw new InputException(
          input.source(), null, excluded, "the table must start and end with a step row");
    }
    figure.write(spec -> FlowChart.of(steps, spec));
    return 0;
  }
}
