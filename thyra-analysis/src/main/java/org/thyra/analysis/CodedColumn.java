package org.thyra.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.thyra.frame.CategoricalColumn;
import org.thyra.frame.Column;
import org.thyra.frame.DecimalText;
import org.thyra.frame.NumericColumn;

/**
 * A column read as categories: its levels in SPEC §5 order (numeric order for a numeric column,
 * labelled as R labels factor levels, else the column's sorted levels) and a level index per row.
 *
 * @param name column name
 * @param levels level labels, sorted
 * @param codes per row the index into {@code levels}, -1 when missing
 */
public record CodedColumn(String name, List<String> levels, int[] codes) {
  public CodedColumn {
    levels = List.copyOf(levels);
  }

  public static CodedColumn of(Column column) {
    if (column instanceof CategoricalColumn c) {
      int[] codes = new int[c.size()];
      for (int i = 0; i < codes.length; i++) {
        codes[i] = c.code(i);
      }
      return new CodedColumn(c.name(), c.levels(), codes);
    }
    NumericColumn x = (NumericColumn) column;
    double[] v = x.toArray();
    double[] distinct =
        Arrays.stream(v).filter(d -> !Double.isNaN(d)).sorted().distinct().toArray();
    List<String> labels = new ArrayList<>(distinct.length);
    for (double d : distinct) {
      labels.add(DecimalText.format(d));
    }
    int[] codes = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      codes[i] = Double.isNaN(v[i]) ? -1 : Arrays.binarySearch(distinct, v[i]);
    }
    return new CodedColumn(x.name(), labels, codes);
  }

  public int size() {
    return codes.length;
  }
}
