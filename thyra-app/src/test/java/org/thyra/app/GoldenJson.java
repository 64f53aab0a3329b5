package org.thyra.app;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Compares thyra's JSON with an R golden that uses the same field names: every field of the golden
 * must be present and equal; numbers within a relative tolerance of 1e-6 (plus an absolute 1e-10,
 * so that values at 0 and p-values below 1e-10 compare absolutely); R's NA (golden null) must be
 * null; arrays must have the same length. Fields only in thyra's output are not checked.
 */
final class GoldenJson {
  static final double RELATIVE = 1e-6;
  static final double ABSOLUTE = 1e-10;

  private GoldenJson() {}

  /** The number of numeric values in a golden (all of them must be compared). */
  static int numbers(JsonNode node) {
    if (node.isNumber()) {
      return 1;
    }
    int count = 0;
    for (JsonNode child : node) {
      count += numbers(child);
    }
    return count;
  }

  /**
   * @return the number of numeric values compared
   */
  static int assertMatches(String name, JsonNode expected, JsonNode actual) {
    List<String> problems = new ArrayList<>();
    int[] count = {0};
    compare("$", expected, actual, problems, count);
    if (!problems.isEmpty()) {
      fail(
          name
              + ": "
              + problems.size()
              + " difference(s) from R:\n  "
              + String.join("\n  ", problems.subList(0, Math.min(40, problems.size()))));
    }
    return count[0];
  }

  private static void compare(
      String path, JsonNode e, JsonNode a, List<String> problems, int[] count) {
    if (a == null || a.isMissingNode()) {
      problems.add(path + ": missing in thyra's output (R: " + e + ")");
      return;
    }
    if (e.isNull()) {
      if (!a.isNull()) {
        problems.add(path + ": R gives NA (null), thyra gives " + a);
      }
      return;
    }
    if (e.isNumber()) {
      count[0]++;
      if (!a.isNumber()) {
        problems.add(path + ": R gives " + e + ", thyra gives " + a);
        return;
      }
      double x = e.doubleValue();
      double y = a.doubleValue();
      if (!(Math.abs(x - y) <= RELATIVE * Math.abs(x) + ABSOLUTE)) {
        problems.add(path + ": R gives " + x + ", thyra gives " + y);
      }
      return;
    }
    if (e.isTextual() || e.isBoolean()) {
      if (!e.equals(a)) {
        problems.add(path + ": R gives " + e + ", thyra gives " + a);
      }
      return;
    }
    if (e.isArray()) {
      if (!a.isArray() || a.size() != e.size()) {
        problems.add(
            path
                + ": R has "
                + e.size()
                + " elements, thyra "
                + (a.isArray() ? a.size() : a.getNodeType()));
        return;
      }
      for (int i = 0; i < e.size(); i++) {
        compare(path + "[" + i + "]", e.get(i), a.get(i), problems, count);
      }
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      compare(path + "." + f.getKey(), f.getValue(), a.get(f.getKey()), problems, count);
    }
  }
}
