package org.thyra.web.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.thyra.clinical.course.CourseException;
import org.thyra.clinical.course.CourseJson;
import org.thyra.clinical.course.PatientCourse;

/**
 * Binds an entry form to a course: reads each input by its type (errors beside the field), puts the
 * entry into the course JSON and reads the whole course back through {@link CourseJson}, so that a
 * form entry meets exactly the validation of an import. A validation error that names one of the
 * form's fields is shown beside it; any other (an impossible sequence with another entry) above the
 * form.
 */
public final class EntryForm {
  /**
   * The course mapper with exact decimals in trees: the default node factory normalises 150 to
   * 1.5E+2, which would change an activity's written form on every save.
   */
  private static final ObjectMapper M =
      CourseJson.mapper()
          .copy()
          .setNodeFactory(
              com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

  /**
   * The outcome of a submission.
   *
   * @param values the submitted text per field (shown again on error)
   * @param errors message per field path
   * @param formError a message about the entry as a whole, or {@code null}
   * @param course the new course when there is no error, else {@code null}
   */
  public record Outcome(
      Map<String, String> values,
      Map<String, String> errors,
      String formError,
      PatientCourse course) {
    public boolean ok() {
      return course != null;
    }
  }

  /** One existing entry, for lists. */
  public record Summary(int index, String text) {}

  private EntryForm() {}

  /** Number of entries of a repeating kind (1 or 0 for a single kind). */
  public static int count(PatientCourse c, EntryKind k) {
    JsonNode e = container(tree(c), k);
    return k.repeating() ? e.size() : (e.isMissingNode() || e.isNull() ? 0 : 1);
  }

  /** The form values of entry {@code index} (ignored for a single kind). */
  public static Map<String, String> values(PatientCourse c, EntryKind k, int index) {
    JsonNode entry = entry(tree(c), k, index);
    Map<String, String> out = new LinkedHashMap<>();
    for (Field f : k.fields()) {
      out.put(f.path(), text(entry, f));
    }
    return out;
  }

  /** A one-line summary of each entry of a kind. */
  public static List<Summary> summaries(PatientCourse c, EntryKind k) {
    List<Summary> out = new ArrayList<>();
    int n = k.repeating() ? count(c, k) : 1;
    for (int i = 0; i < n; i++) {
      Map<String, String> v = values(c, k, i);
      List<String> parts = new ArrayList<>();
      for (Field f : k.fields()) {
        String s = v.get(f.path());
        if (s != null && !s.isEmpty()) {
          parts.add(
              f.type() == Field.Type.CHECKBOX
                      || f.type() == Field.Type.YES_NO
                      || f.type() == Field.Type.LIST
                  ? f.label().toLowerCase(Locale.ROOT) + ": " + s
                  : f.type() == Field.Type.CHOICE ? Field.optionLabel(s) : s + suffix(f));
        }
      }
      out.add(new Summary(i, parts.isEmpty() ? "(empty)" : String.join(" · ", parts)));
    }
    return out;
  }

  private static String suffix(Field f) {
    return f.type() == Field.Type.NUMBER && !f.hint().isEmpty() ? " " + f.hint() : "";
  }

  /**
   * Applies a submitted form: {@code index} −1 adds an entry of a repeating kind, otherwise
   * corrects entry {@code index} (a single kind ignores it).
   */
  public static Outcome apply(
      PatientCourse c, EntryKind k, int index, Map<String, String> submitted) {
    return apply(tree(c), k, index, submitted);
  }

  /** A new course holding only the id and the demographics of the submitted form. */
  public static Outcome createDemographics(String patientId, Map<String, String> submitted) {
    ObjectNode root = M.createObjectNode().put("patientId", patientId);
    return apply(root, EntryKind.DEMOGRAPHICS, 0, submitted);
  }

  private static Outcome apply(
      ObjectNode root, EntryKind k, int index, Map<String, String> submitted) {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> errors = new LinkedHashMap<>();
    JsonNode existing = index < 0 && k.repeating() ? M.createObjectNode() : entry(root, k, index);
    ObjectNode entry =
        existing.isObject() ? ((ObjectNode) existing).deepCopy() : M.createObjectNode();
    List<ObjectNode> uptake = new ArrayList<>();
    boolean uptakeForm = false;
    for (Field f : k.fields()) {
      String raw = submitted.get(f.path());
      String v = raw == null ? "" : raw.strip();
      values.put(f.path(), f.type() == Field.Type.CHECKBOX ? (checked(v) ? "true" : "") : v);
      if (f.path().startsWith("scanUptake.")) {
        uptakeForm = true;
        boolean avid = f.path().equals("scanUptake.avid");
        for (String id : items(v)) {
          uptake.add(M.createObjectNode().put("lesionId", id).put("avid", avid));
        }
        continue;
      }
      try {
        JsonNode node = read(f, v);
        if (node == null) {
          if (f.required()) {
            errors.put(f.path(), f.label() + " is required");
          }
          remove(entry, f.path());
        } else {
          put(entry, f.path(), node);
        }
      } catch (IllegalArgumentException e) {
        errors.put(f.path(), e.getMessage());
      }
    }
    if (uptakeForm) {
      ArrayNode a = M.createArrayNode();
      uptake.forEach(a::add);
      if (a.isEmpty()) {
        entry.remove("scanUptake");
      } else {
        entry.set("scanUptake", a);
      }
    }
    if (!errors.isEmpty()) {
      return new Outcome(values, errors, null, null);
    }
    int at = index;
    if (k == EntryKind.OUTCOME) {
      root = entry;
    } else if (k.repeating()) {
      ArrayNode list = array(root, k.jsonField());
      if (index < 0) {
        list.add(entry);
        at = list.size() - 1;
      } else {
        list.set(index, entry);
      }
    } else {
      root.set(k.jsonField(), entry);
    }
    return validate(root, k, at, values);
  }

  /**
   * Removes entry {@code index} of a repeating kind (validated: a lesion still referred to stays).
   */
  public static Outcome remove(PatientCourse c, EntryKind k, int index) {
    if (!k.repeating()) {
      throw new IllegalArgumentException(k.label() + " cannot be deleted, only corrected");
    }
    ObjectNode root = tree(c);
    ArrayNode list = array(root, k.jsonField());
    if (index < 0 || index >= list.size()) {
      throw new IllegalArgumentException("no " + k.label() + " number " + (index + 1));
    }
    list.remove(index);
    return validate(root, k, -1, values(c, k, index));
  }

  private static Outcome validate(
      ObjectNode root, EntryKind k, int at, Map<String, String> values) {
    try {
      return new Outcome(values, Map.of(), null, CourseJson.read(root.toString(), "form"));
    } catch (CourseException e) {
      String prefix =
          k == EntryKind.OUTCOME
              ? ""
              : k.repeating() ? k.jsonField() + "[" + at + "]." : k.jsonField() + ".";
      String where = e.entry() == null ? "" : e.entry().replaceFirst(" \\(line .*$", "");
      String why =
          e.patientId() == null ? e.getMessage().replaceFirst("^form: [^:]*: ", "") : why(e);
      for (Field f : k.fields()) {
        if (where.equals(prefix + f.path())) {
          return new Outcome(values, Map.of(f.path(), why), null, null);
        }
      }
      // "raiCourses[2] (2019-05-01): dated before the diagnosis ...": about this entry's date
      String self = prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
      if (!self.isEmpty()
          && (where.equals(self) || where.startsWith(self + " "))
          && why.startsWith("dated ")) {
        for (Field f : k.fields()) {
          if (f.type() == Field.Type.DATE) {
            return new Outcome(values, Map.of(f.path(), why), null, null);
          }
        }
      }
      return new Outcome(values, Map.of(), e.patientId() == null ? why : where + ": " + why, null);
    }
  }

  private static String why(CourseException e) {
    String m = e.getMessage();
    String head = "patient " + e.patientId() + ", " + e.entry() + ": ";
    return m.startsWith(head) ? m.substring(head.length()) : m;
  }

  private static boolean checked(String v) {
    return v.equals("on") || v.equals("true");
  }

  private static JsonNode read(Field f, String v) {
    if (f.type() == Field.Type.CHECKBOX) {
      return M.getNodeFactory().booleanNode(checked(v));
    }
    if (v.isEmpty()) {
      return null;
    }
    switch (f.type()) {
      case DATE:
        try {
          return M.getNodeFactory().textNode(LocalDate.parse(v).toString());
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException(
              f.label() + ": '" + v + "' is not a date (yyyy-mm-dd)");
        }
      case NUMBER:
        try {
          BigDecimal d = new BigDecimal(v);
          return M.getNodeFactory().numberNode(d);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(f.label() + ": '" + v + "' is not a number");
        }
      case INTEGER:
        try {
          return M.getNodeFactory().numberNode(Integer.parseInt(v));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(f.label() + ": '" + v + "' is not a whole number");
        }
      case CHOICE:
        if (!f.options().contains(v)) {
          throw new IllegalArgumentException(
              f.label() + ": '" + v + "' is not one of " + String.join(", ", f.options()));
        }
        return M.getNodeFactory().textNode(v);
      case YES_NO:
        if (v.equals("yes") || v.equals("no")) {
          return M.getNodeFactory().booleanNode(v.equals("yes"));
        }
        throw new IllegalArgumentException(f.label() + ": answer yes, no or leave empty");
      case LIST:
        ArrayNode a = M.createArrayNode();
        for (String item : items(v)) {
          String x = f.options().isEmpty() ? item : item.toUpperCase(Locale.ROOT).replace(' ', '_');
          if (!f.options().isEmpty() && !f.options().contains(x)) {
            throw new IllegalArgumentException(
                f.label() + ": '" + item + "' is not one of " + String.join(", ", f.options()));
          }
          a.add(x);
        }
        return a.isEmpty() ? null : a;
      default:
        return M.getNodeFactory().textNode(v);
    }
  }

  private static List<String> items(String v) {
    List<String> out = new ArrayList<>();
    for (String s : v.split(",")) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }

  private static ArrayNode array(ObjectNode root, String field) {
    JsonNode a = root.get(field);
    if (a instanceof ArrayNode arr) {
      return arr;
    }
    ArrayNode created = M.createArrayNode();
    root.set(field, created);
    return created;
  }

  private static ObjectNode tree(PatientCourse c) {
    return (ObjectNode) M.valueToTree(c);
  }

  private static JsonNode container(ObjectNode root, EntryKind k) {
    return k == EntryKind.OUTCOME ? root : root.path(k.jsonField());
  }

  private static JsonNode entry(ObjectNode root, EntryKind k, int index) {
    JsonNode c = container(root, k);
    if (!k.repeating()) {
      return c;
    }
    if (index < 0 || index >= c.size()) {
      throw new IllegalArgumentException("no " + k.label() + " number " + (index + 1));
    }
    return c.get(index);
  }

  private static String text(JsonNode entry, Field f) {
    if (f.path().startsWith("scanUptake.")) {
      boolean avid = f.path().equals("scanUptake.avid");
      List<String> ids = new ArrayList<>();
      for (JsonNode u : entry.path("scanUptake")) {
        if (u.path("avid").asBoolean() == avid) {
          ids.add(u.path("lesionId").asText());
        }
      }
      return String.join(", ", ids);
    }
    JsonNode n = at(entry, f.path());
    if (n.isMissingNode() || n.isNull()) {
      return "";
    }
    switch (f.type()) {
      case CHECKBOX:
        return n.asBoolean() ? "true" : "";
      case YES_NO:
        return n.asBoolean() ? "yes" : "no";
      case LIST:
        List<String> items = new ArrayList<>();
        n.forEach(x -> items.add(x.asText()));
        return String.join(", ", items);
      case NUMBER:
        return n.isNumber() ? n.decimalValue().stripTrailingZeros().toPlainString() : n.asText();
      default:
        return n.asText();
    }
  }

  private static JsonNode at(JsonNode n, String path) {
    for (String p : path.split("\\.")) {
      n = n.path(p);
    }
    return n;
  }

  private static void put(ObjectNode entry, String path, JsonNode value) {
    String[] p = path.split("\\.");
    ObjectNode o = entry;
    for (int i = 0; i < p.length - 1; i++) {
      JsonNode next = o.path(p[i]);
      if (!next.isObject()) {
        next = M.createObjectNode();
        o.set(p[i], next);
      }
      o = (ObjectNode) next;
    }
    o.set(p[p.length - 1], value);
  }

  private static void remove(ObjectNode entry, String path) {
    String[] p = path.split("\\.");
    if (p.length == 1) {
      entry.remove(p[0]);
      return;
    }
    JsonNode parent = entry.path(p[0]);
    if (parent.isObject()) {
      ((ObjectNode) parent).remove(p[1]);
      if (parent.isEmpty()) {
        entry.remove(p[0]); // an object with nothing left in it is absent (e.g. no activity)
      }
    }
  }
}
