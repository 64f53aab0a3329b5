package org.thyra.frame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A categorical column: each row holds a code into {@link #levels()}, -1 = missing.
 *
 * <p>Levels are sorted numerically when every level parses as a number, otherwise by Unicode code
 * point ({@link LevelOrder}); code {@code k} is the {@code k}-th level in that order.
 */
public final class CategoricalColumn implements Column {
  private final String name;
  private final int[] codes;
  private final int size;
  private final List<String> levels;

  private CategoricalColumn(String name, int[] codes, int size, List<String> levels) {
    this.name = name;
    this.codes = codes;
    this.size = size;
    this.levels = levels;
  }

  /**
   * Builds a column from codes into levels in first-seen order, sorting the levels.
   *
   * @param name column name
   * @param codes codes into {@code seenLevels}, -1 = missing; rewritten in place
   * @param size number of rows
   * @param seenLevels distinct labels in any order
   * @return the column with sorted levels
   */
  static CategoricalColumn fromUnsorted(
      String name, int[] codes, int size, List<String> seenLevels) {
    int k = seenLevels.size();
    Integer[] order = new Integer[k];
    for (int i = 0; i < k; i++) {
      order[i] = i;
    }
    java.util.Comparator<String> cmp = LevelOrder.comparator(seenLevels);
    java.util.Arrays.sort(order, (a, b) -> cmp.compare(seenLevels.get(a), seenLevels.get(b)));
    int[] newCode = new int[k];
    List<String> sorted = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      newCode[order[i]] = i;
      sorted.add(seenLevels.get(order[i]));
    }
    for (int i = 0; i < size; i++) {
      int c = codes[i];
      if (c >= 0) {
        codes[i] = newCode[c];
      }
    }
    return new CategoricalColumn(name, codes, size, List.copyOf(sorted));
  }

  /**
   * @param name column name
   * @param labels one label per row, {@code null} = missing
   * @return a categorical column with sorted levels
   */
  public static CategoricalColumn of(String name, String... labels) {
    Objects.requireNonNull(name);
    Map<String, Integer> dictionary = new HashMap<>();
    List<String> seen = new ArrayList<>();
    int[] codes = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      String label = labels[i];
      if (label == null) {
        codes[i] = -1;
      } else {
        codes[i] =
            dictionary.computeIfAbsent(
                label,
                l -> {
                  seen.add(l);
                  return seen.size() - 1;
                });
      }
    }
    return fromUnsorted(name, codes, labels.length, seen);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int size() {
    return size;
  }

  /**
   * @param row0 0-based row index
   * @return the index of the row's level in {@link #levels()}, -1 when missing
   */
  public int code(int row0) {
    return codes[Objects.checkIndex(row0, size)];
  }

  /**
   * @return the distinct labels, sorted (numerically when all numeric, else by code point)
   */
  public List<String> levels() {
    return levels;
  }

  /**
   * @param row0 0-based row index
   * @return the row's label, {@code null} when missing
   */
  public String label(int row0) {
    int c = code(row0);
    return c < 0 ? null : levels.get(c);
  }

  @Override
  public boolean isMissing(int row0) {
    return code(row0) < 0;
  }

  @Override
  public String text(int row0) {
    int c = code(row0);
    return c < 0 ? "NA" : levels.get(c);
  }

  @Override
  public String toString() {
    return "CategoricalColumn[" + name + ", " + size + " rows, levels " + levels + "]";
  }
}
