package org.thyra.registry.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.thyra.clinical.course.CourseJson;
import org.thyra.clinical.course.PatientCourse;

/**
 * The entry-by-entry difference between two versions of a course, as the audit trail records it.
 * Single sections (demographics, primaryTumour, death, lastFollowUp, ecog, comorbidities) are
 * compared whole; list entries are matched by their natural key (e.g. a lab by date, analyte and
 * TSH state; a lesion by its id), so a corrected value is one UPDATE with old and new value, not a
 * DELETE and an INSERT.
 */
public final class CourseDiff {

  private CourseDiff() {}

  /**
   * One changed entry.
   *
   * @param action INSERT, UPDATE or DELETE
   * @param entry the entry ({@code labs[3]} is the fourth lab in the new course, or in the old one
   *     for a DELETE)
   * @param oldValue compact JSON before, or {@code null}
   * @param newValue compact JSON after, or {@code null}
   */
  public record Change(String action, String entry, String oldValue, String newValue) {}

  static final ObjectMapper COMPACT =
      CourseJson.mapper()
          .copy()
          .disable(SerializationFeature.INDENT_OUTPUT)
          // numbers as written (1110.0, not 1.11E+3) in the audit trail
          .configure(
              com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES,
              false)
          .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  /** Natural keys of list entries, by the course JSON field holding the list. */
  static final Map<String, List<String>> KEYS =
      Map.of(
          "surgeries", List.of("date", "type"),
          "raiCourses", List.of("date"),
          "labs", List.of("date", "analyte", "tshState"),
          "lesions", List.of("lesionId"),
          "measurements", List.of("lesionId", "date", "modality"),
          "treatments", List.of("date", "kind", "lesionIds"),
          "assessments", List.of("date"),
          "progressions", List.of("date", "type", "lesionId"));

  /**
   * The course JSON mapper as the registry uses it for trees: decimals keep their scale (an
   * activity of 5.550 GBq stays 5.550, not 5.55 nor 5.55E+0), so a course read back from a tree is
   * equal to the one written.
   */
  public static ObjectMapper mapper() {
    return COMPACT;
  }

  /** The course as a JSON tree (as {@code CourseJson} writes it). */
  public static ObjectNode tree(PatientCourse c) {
    return COMPACT.valueToTree(c);
  }

  /** Compact JSON of a node. */
  public static String json(JsonNode n) {
    try {
      return n == null ? null : COMPACT.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Compact JSON of a whole course. */
  public static String json(PatientCourse c) {
    return json(tree(c));
  }

  /** The changes from {@code before} to {@code after} (empty when they are equal). */
  public static List<Change> diff(PatientCourse before, PatientCourse after) {
    List<Change> out = new ArrayList<>();
    if (before.equals(after)) {
      return out;
    }
    ObjectNode a = tree(before);
    ObjectNode b = tree(after);
    Set<String> fields = new LinkedHashSet<>();
    a.fieldNames().forEachRemaining(fields::add);
    b.fieldNames().forEachRemaining(fields::add);
    for (String f : fields) {
      JsonNode x = a.get(f);
      JsonNode y = b.get(f);
      if (Objects.equals(x, y)) {
        continue;
      }
      if (KEYS.containsKey(f)) {
        diffList(f, x, y, out);
      } else {
        String action = x == null ? "INSERT" : y == null ? "DELETE" : "UPDATE";
        out.add(new Change(action, f, json(x), json(y)));
      }
    }
    return out;
  }

  private static void diffList(String field, JsonNode before, JsonNode after, List<Change> out) {
    List<String> key = KEYS.get(field);
    Map<String, List<Integer>> oldByKey = new LinkedHashMap<>();
    List<JsonNode> olds = elements(before);
    List<JsonNode> news = elements(after);
    boolean[] oldUsed = new boolean[olds.size()];
    boolean[] newUsed = new boolean[news.size()];
    // identical entries first (wherever they moved), then same natural key = update
    for (int j = 0; j < news.size(); j++) {
      for (int i = 0; i < olds.size(); i++) {
        if (!oldUsed[i] && olds.get(i).equals(news.get(j))) {
          oldUsed[i] = true;
          newUsed[j] = true;
          break;
        }
      }
    }
    for (int i = 0; i < olds.size(); i++) {
      if (!oldUsed[i]) {
        oldByKey.computeIfAbsent(keyOf(olds.get(i), key), k -> new ArrayList<>()).add(i);
      }
    }
    for (int j = 0; j < news.size(); j++) {
      if (newUsed[j]) {
        continue;
      }
      List<Integer> same = oldByKey.get(keyOf(news.get(j), key));
      if (same != null && !same.isEmpty()) {
        int i = same.remove(0);
        oldUsed[i] = true;
        out.add(new Change("UPDATE", field + "[" + j + "]", json(olds.get(i)), json(news.get(j))));
      } else {
        out.add(new Change("INSERT", field + "[" + j + "]", null, json(news.get(j))));
      }
    }
    for (int i = 0; i < olds.size(); i++) {
      if (!oldUsed[i]) {
        out.add(new Change("DELETE", field + "[" + i + "]", json(olds.get(i)), null));
      }
    }
  }

  private static List<JsonNode> elements(JsonNode list) {
    List<JsonNode> out = new ArrayList<>();
    if (list != null) {
      Iterator<JsonNode> it = list.elements();
      it.forEachRemaining(out::add);
    }
    return out;
  }

  /** The natural key of a list entry (its key fields' JSON, in order). */
  static String keyOf(JsonNode entry, List<String> key) {
    StringBuilder sb = new StringBuilder();
    for (String k : key) {
      JsonNode v = entry.get(k);
      sb.append(v == null ? "null" : v.toString()).append('\u0001');
    }
    return sb.toString();
  }
}
