package org.thyra.app.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.thyra.analysis.comparison.GroupedValues;
import org.thyra.analysis.comparison.RankComparison;
import org.thyra.app.InputOptions;
import org.thyra.app.output.FigureOptions;
import org.thyra.frame.Column;
import org.thyra.frame.DataTable;
import org.thyra.frame.InputException;
import org.thyra.frame.NumericColumn;
import org.thyra.report.figure.PValues;
import org.thyra.report.figure.VolumeFigure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code thyra plot volume}: lesion volume over follow-up visits and the volume reduction rate at
 * the last visit by subgroup (seed 000, Fig. 2), from one row per lesion and visit.
 */
@Command(
    name = "volume",
    mixinStandardHelpOptions = true,
    description =
        "Lesion volume over visits (one line per lesion) and VRR = (V0 - Vlast)/V0 x 100%% by --group,"
            + " from one row per lesion and visit.")
public final class PlotVolumeCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin FigureOptions figure;

  @Option(names = "--id", required = true, description = "Lesion identifier column.")
  String id;

  @Option(names = "--time", required = true, description = "Visit time column.")
  String time;

  @Option(names = "--volume", required = true, description = "Volume column (e.g. ml).")
  String volume;

  @Option(names = "--group", description = "Subgroup column (constant within a lesion).")
  String group;

  @Override
  public Integer call() throws Exception {
    if (!figure.requested()) {
      throw new IllegalArgumentException("plot volume draws a figure: give --figure FILE");
    }
    List<String> cols = new ArrayList<>(List.of(id, time, volume));
    if (group != null) {
      cols.add(group);
    }
    DataTable data = input.read(cols);
    Column ids = data.column(id);
    NumericColumn t = numeric(data, time);
    NumericColumn v = numeric(data, volume);
    Column g = group == null ? null : data.column(group);
    Map<String, List<double[]>> visits = new LinkedHashMap<>();
    Map<String, String> groups = new LinkedHashMap<>();
    for (int i = 0; i < data.rowCount(); i++) {
      if (ids.isMissing(i) || t.isMissing(i) || v.isMissing(i) || (g != null && g.isMissing(i))) {
        continue;
      }
      String key = ids.text(i);
      String grp = g == null ? "All" : g.text(i);
      String before = groups.putIfAbsent(key, grp);
      if (before != null && !before.equals(grp)) {
        throw new InputException(
            input.source(),
            i + 2,
            group,
            "lesion " + key + " is in group " + before + " on an earlier row and " + grp + " here");
      }
      if (v.value(i) < 0) {
        throw new InputException(input.source(), i + 2, volume, "a volume cannot be negative");
      }
      visits
          .computeIfAbsent(key, k -> new ArrayList<>())
          .add(new double[] {t.value(i), v.value(i)});
    }
    if (visits.isEmpty()) {
      throw new InputException(
          input.source(), null, volume, "no row has a lesion, time and volume");
    }
    List<VolumeFigure.Lesion> lesions = new ArrayList<>();
    for (var e : visits.entrySet()) {
      List<double[]> rows = e.getValue();
      rows.sort((a, b) -> Double.compare(a[0], b[0]));
      lesions.add(
          new VolumeFigure.Lesion(
              e.getKey(),
              groups.get(e.getKey()),
              rows.stream().mapToDouble(r -> r[0]).toArray(),
              rows.stream().mapToDouble(r -> r[1]).toArray()));
    }
    List<String> order = new ArrayList<>(new java.util.LinkedHashSet<>(groups.values()));
    order.sort(org.thyra.frame.LevelOrder.comparator(order));
    lesions.sort((a, b) -> Integer.compare(order.indexOf(a.group()), order.indexOf(b.group())));
    double[] vrr = lesions.stream().mapToDouble(VolumeFigure.Lesion::vrr).toArray();
    String[] labels = lesions.stream().map(VolumeFigure.Lesion::group).toArray(String[]::new);
    RankComparison c =
        GroupedValues.of(vrr, org.thyra.frame.CategoricalColumn.of("group", labels)).compare();
    String test = c == null ? null : c.test() + " " + PValues.equation(c.p());
    figure.write(
        spec -> VolumeFigure.withVrr(lesions, spec.timeUnit().axisTitle(time), volume, test, spec));
    return 0;
  }

  private NumericColumn numeric(DataTable data, String name) {
    if (data.column(name) instanceof NumericColumn n) {
      return n;
    }
    throw new InputException(input.source(), null, name, "must be numeric");
  }
}
