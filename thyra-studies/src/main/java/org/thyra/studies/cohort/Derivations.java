package org.thyra.studies.cohort;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.thyra.clinical.rules.Rule;
import org.thyra.clinical.rules.RuleOutput;
import org.thyra.clinical.rules.RuleRegistry;
import org.thyra.frame.CategoricalColumn;
import org.thyra.frame.Column;
import org.thyra.frame.DataTable;
import org.thyra.frame.NumericColumn;
import org.thyra.studies.protocol.Derivation;

/**
 * Applies a protocol's derivations to a table, appending their columns (see {@link Derivation}). A
 * derived column is numeric when every non-missing value is a number, otherwise categorical, as a
 * column read from a file (SPEC §5).
 */
public final class Derivations {

  private Derivations() {}

  /**
   * Applies every derivation in order.
   *
   * @throws DerivationException naming the derivation (by index), the row and the column
   */
  public static DataTable apply(DataTable table, List<Derivation> derivations) {
    DataTable t = table;
    for (int i = 0; i < derivations.size(); i++) {
      t = apply(t, derivations.get(i), i);
    }
    return t;
  }

  static DataTable apply(DataTable table, Derivation d, int index) {
    String kind = d.kind();
    if (kind == null) {
      throw new DerivationException(
          index, "give exactly one of rule, cut, split: true, composite: true, competing: true");
    }
    List<Column> added =
        switch (kind) {
          case "rule" -> rule(table, d, index);
          case "cut" -> List.of(cut(table, d, index));
          case "split" -> List.of(split(table, d, index));
          case "competing" -> competing(table, d, index);
          default -> List.of(composite(table, d, index));
        };
    List<Column> columns = new ArrayList<>();
    for (String name : table.columnNames()) {
      if (added.stream().noneMatch(c -> c.name().equals(name))) {
        columns.add(table.column(name));
      }
    }
    columns.addAll(added);
    return DataTable.of(table.source(), columns);
  }

  private static Column require(DataTable table, String column, int index, String key) {
    if (column == null) {
      throw new DerivationException(index, key + " is required");
    }
    if (!table.hasColumn(column)) {
      throw new DerivationException(
          index, key + ": no column '" + column + "' in " + table.source());
    }
    return table.column(column);
  }

  private static List<Column> rule(DataTable table, Derivation d, int index) {
    Rule rule =
        RuleRegistry.find(d.rule())
            .orElseThrow(() -> new DerivationException(index, "no rule '" + d.rule() + "'"));
    Map<String, Column> bound = new HashMap<>();
    d.columns().forEach((role, col) -> bound.put(role, require(table, col, index, "columns")));
    int n = table.rowCount();
    Map<String, String[]> values = new HashMap<>();
    for (String out : rule.outputs()) {
      values.put(out, new String[n]);
    }
    for (int r = 0; r < n; r++) {
      Map<String, String> cells = new HashMap<>();
      for (Map.Entry<String, Column> e : bound.entrySet()) {
        cells.put(e.getKey(), e.getValue().isMissing(r) ? "" : e.getValue().text(r));
      }
      RuleOutput o;
      try {
        o = rule.apply(cells, d.params());
      } catch (RuntimeException e) {
        throw new DerivationException(
            index, "rule " + rule.name() + ", data row " + (r + 1) + ": " + e.getMessage());
      }
      for (String out : rule.outputs()) {
        String v = o.values().get(out);
        values.get(out)[r] = v == null || v.isEmpty() ? null : v;
      }
    }
    List<Column> cols = new ArrayList<>();
    for (String out : rule.outputs()) {
      cols.add(column(out, values.get(out)));
    }
    return cols;
  }

  /** A column from text values: numeric when every non-missing value is a number. */
  static Column column(String name, String[] values) {
    double[] numbers = new double[values.length];
    boolean numeric = true;
    for (int i = 0; i < values.length && numeric; i++) {
      if (values[i] == null) {
        numbers[i] = Double.NaN;
      } else {
        try {
          numbers[i] = Double.parseDouble(values[i]);
          numeric = Double.isFinite(numbers[i]);
        } catch (NumberFormatException e) {
          numeric = false;
        }
      }
    }
    return numeric ? NumericColumn.of(name, numbers) : CategoricalColumn.of(name, values);
  }

  private static Column cut(DataTable table, Derivation d, int index) {
    Column c = require(table, d.cut(), index, "cut");
    if (!(c instanceof NumericColumn x)) {
      throw new DerivationException(index, "cut: column '" + d.cut() + "' is not numeric");
    }
    List<Double> at = d.at();
    if (at.isEmpty() || d.labels().size() != at.size() + 1) {
      throw new DerivationException(
          index, "cut needs at (cut-points) and one more label than cut-points");
    }
    boolean left = "left".equals(d.closed());
    String[] out = new String[x.size()];
    for (int r = 0; r < x.size(); r++) {
      if (x.isMissing(r)) {
        continue;
      }
      double v = x.value(r);
      int g = 0;
      while (g < at.size() && (left ? v >= at.get(g) : v > at.get(g))) {
        g++;
      }
      out[r] = d.labels().get(g);
    }
    return CategoricalColumn.of(name(d, index), out);
  }

  private static String name(Derivation d, int index) {
    if (d.name() == null) {
      throw new DerivationException(index, "name (the new column) is required");
    }
    return d.name();
  }

  /**
   * A seeded random split: the rows are permuted (commons-rng {@code XO_RO_SHI_RO_128_PP} from the
   * seed) and the first round(p₁·n) rows of the permutation get the first label, and so on.
   */
  private static Column split(DataTable table, Derivation d, int index) {
    if (d.seed() == null) {
      throw new DerivationException(index, "split needs a seed (so the split can be rerun)");
    }
    List<Double> p = d.proportions();
    if (p.size() != d.labels().size() || p.size() < 2) {
      throw new DerivationException(index, "split needs one proportion per label (2 or more)");
    }
    int n = table.rowCount();
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(d.seed());
    int[] perm = PermutationSampler.natural(n);
    PermutationSampler.shuffle(rng, perm);
    String[] out = new String[n];
    double cum = 0;
    int from = 0;
    for (int g = 0; g < p.size(); g++) {
      cum += p.get(g);
      int to = g == p.size() - 1 ? n : (int) Math.round(cum * n);
      for (int i = from; i < to; i++) {
        out[perm[i]] = d.labels().get(g);
      }
      from = to;
    }
    return CategoricalColumn.of(name(d, index), out);
  }

  private static Column composite(DataTable table, Derivation d, int index) {
    if (d.events().isEmpty()) {
      throw new DerivationException(index, "composite needs events (0/1 columns)");
    }
    require(table, d.time(), index, "time");
    int n = table.rowCount();
    double[] e = new double[n];
    List<NumericColumn> ev = new ArrayList<>();
    for (String name : d.events()) {
      if (!(require(table, name, index, "events") instanceof NumericColumn x)) {
        throw new DerivationException(index, "events: column '" + name + "' is not 0/1");
      }
      ev.add(x);
    }
    for (int r = 0; r < n; r++) {
      boolean any = false;
      boolean missing = false;
      for (NumericColumn x : ev) {
        if (x.isMissing(r)) {
          missing = true;
        } else if (x.value(r) == 1) {
          any = true;
        }
      }
      e[r] = any ? 1 : missing ? Double.NaN : 0;
    }
    return NumericColumn.of(name(d, index), e);
  }

  /**
   * A competing-risks outcome (see {@link Derivation}): time = the earliest of the causes' times;
   * status = the first listed cause whose event (1) occurred at that time, else 0. A row missing
   * any of the columns gets missing time and status.
   */
  private static List<Column> competing(DataTable table, Derivation d, int index) {
    String name = name(d, index);
    if (d.events().isEmpty() || d.events().size() != d.times().size()) {
      throw new DerivationException(
          index, "competing needs events (0/1 columns) and one time column per event (times)");
    }
    List<NumericColumn> ev = new ArrayList<>();
    List<NumericColumn> tm = new ArrayList<>();
    for (int k = 0; k < d.events().size(); k++) {
      if (!(require(table, d.events().get(k), index, "events") instanceof NumericColumn x)) {
        throw new DerivationException(
            index, "events: column '" + d.events().get(k) + "' is not 0/1");
      }
      if (!(require(table, d.times().get(k), index, "times") instanceof NumericColumn t)) {
        throw new DerivationException(
            index, "times: column '" + d.times().get(k) + "' is not numeric");
      }
      ev.add(x);
      tm.add(t);
    }
    int n = table.rowCount();
    double[] status = new double[n];
    double[] time = new double[n];
    for (int r = 0; r < n; r++) {
      boolean missing = false;
      double first = Double.POSITIVE_INFINITY;
      for (int k = 0; k < ev.size(); k++) {
        missing |= ev.get(k).isMissing(r) || tm.get(k).isMissing(r);
        if (!missing) {
          first = Math.min(first, tm.get(k).value(r));
        }
      }
      if (missing) {
        status[r] = Double.NaN;
        time[r] = Double.NaN;
        continue;
      }
      int cause = 0;
      for (int k = 0; k < ev.size() && cause == 0; k++) {
        double e = ev.get(k).value(r);
        if (e != 0 && e != 1) {
          throw new DerivationException(
              index,
              "events: column '"
                  + d.events().get(k)
                  + "', data row "
                  + (r + 1)
                  + ": "
                  + e
                  + " is not 0/1");
        }
        if (e == 1 && tm.get(k).value(r) == first) {
          cause = k + 1;
        }
      }
      status[r] = cause;
      time[r] = first;
    }
    return List.of(NumericColumn.of(name, status), NumericColumn.of(name + "_time", time));
  }
}
