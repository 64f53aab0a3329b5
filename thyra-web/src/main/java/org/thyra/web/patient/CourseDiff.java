package org.thyra.web.patient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.thyra.clinical.course.CourseJson;
import org.thyra.clinical.course.PatientCourse;

/**
 * The entries that differ between two versions of a course, as the audit trail records them: a list
 * field (surgeries, RAI courses, labs...) is compared element by element ({@code raiCourses[1]}),
 * any other field as a whole ({@code demographics}). Values are the entries' course JSON.
 */
final class CourseDiff {

  /** One changed entry. */
  record Delta(String action, String entry, String oldValue, String newValue) {}

  private CourseDiff() {}

  static List<Delta> between(PatientCourse before, PatientCourse after) {
    JsonNode a = CourseJson.mapper().valueToTree(before);
    JsonNode b = CourseJson.mapper().valueToTree(after);
    Set<String> fields = new LinkedHashSet<>();
    a.fieldNames().forEachRemaining(fields::add);
    b.fieldNames().forEachRemaining(fields::add);
    List<Delta> out = new ArrayList<>();
    for (String f : fields) {
      JsonNode x = a.path(f);
      JsonNode y = b.path(f);
      if (x.equals(y)) {
        continue;
      }
      if ((x.isArray() || x.isMissingNode()) && (y.isArray() || y.isMissingNode())) {
        int n = Math.max(x.size(), y.size());
        for (int i = 0; i < n; i++) {
          JsonNode xi = i < x.size() ? x.get(i) : MissingNode.getInstance();
          JsonNode yi = i < y.size() ? y.get(i) : MissingNode.getInstance();
          if (!xi.equals(yi)) {
            out.add(delta(f + "[" + i + "]", xi, yi));
          }
        }
      } else {
        out.add(delta(f, x, y));
      }
    }
    return out;
  }

  private static Delta delta(String entry, JsonNode x, JsonNode y) {
    String action = x.isMissingNode() ? "insert" : y.isMissingNode() ? "delete" : "update";
    return new Delta(action, entry, text(x), text(y));
  }

  private static String text(JsonNode n) {
    return n.isMissingNode() ? null : n.toString();
  }
}
