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
    JsonNode a = EXACT.valueToTree(before);
    JsonNode b = EXACT.valueToTree(after);
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

  /** Exact decimals in trees (150 stays 150, not 1.5E+2). */
  static final com.fasterxml.jackson.databind.ObjectMapper EXACT =
      CourseJson.mapper()
          .copy()
          .setNodeFactory(
              com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

  private static final com.fasterxml.jackson.databind.ObjectWriter PLAIN =
      CourseJson.mapper()
          .writer()
          .with(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
          .without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);

  /** Compact JSON with numbers as written (420, not 4.2E+2). */
  static String text(JsonNode n) {
    if (n.isMissingNode()) {
      return null;
    }
    try {
      return PLAIN.writeValueAsString(n);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return n.toString();
    }
  }
}
