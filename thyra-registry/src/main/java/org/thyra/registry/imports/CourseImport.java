package org.thyra.registry.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.thyra.clinical.course.CourseException;
import org.thyra.clinical.course.CourseJson;
import org.thyra.clinical.course.Demographics;
import org.thyra.clinical.course.LabResult;
import org.thyra.clinical.course.LesionMeasurement;
import org.thyra.clinical.course.LocalTreatment;
import org.thyra.clinical.course.Metastasis;
import org.thyra.clinical.course.PatientCourse;
import org.thyra.clinical.course.PrimaryTumour;
import org.thyra.clinical.course.ProgressionEvent;
import org.thyra.clinical.course.RaiCourse;
import org.thyra.clinical.course.ResponseAssessment;
import org.thyra.clinical.course.Surgery;
import org.thyra.frame.Column;
import org.thyra.frame.DataTable;
import org.thyra.frame.InputException;
import org.thyra.frame.TableReader;
import org.thyra.registry.Registry;
import org.thyra.registry.RegistryException;
import org.thyra.registry.audit.AuditEntry;
import org.thyra.registry.audit.AuditTrail;
import org.thyra.registry.store.CourseDiff;
import org.thyra.registry.store.CourseRows;
import org.thyra.registry.store.CourseStore;
import org.thyra.registry.store.StoredCourse;

/**
 * Imports files into the registry as one transaction: every file is read and every course validated
 * first, all problems are collected, and only when there is none (and it is not a dry run) are the
 * changes written, together with their audit lines, and committed at once. A process killed in the
 * middle leaves the registry as it was (the transaction never committed).
 *
 * <p>A course JSON file (one course, or an array of courses) replaces the stored course of its
 * patient; a flat CSV/XLSX file adds or replaces entries of one kind ({@link Mapping}). A patient
 * whose course is unchanged is not touched: importing the same files twice changes nothing.
 */
public final class CourseImport {

  private CourseImport() {}

  /**
   * How to import.
   *
   * @param site the site new patients belong to, or {@code null} (allowed while the registry has at
   *     most one site; a new registry gets the site {@code default})
   * @param dryRun report, write nothing
   * @param actor who imports (audit trail)
   * @param reason why (audit trail); {@code null} means "import of FILE"
   * @param mapping the mapping of the flat files, or {@code null} for each file's {@code
   *     NAME.mapping.json} beside it
   * @param progress told the number of patients written so far (every 1000), or {@code null}
   */
  public record Options(
      String site,
      boolean dryRun,
      String actor,
      String reason,
      Path mapping,
      IntConsumer progress) {}

  /**
   * What a patient's import does.
   *
   * @param patientId the patient
   * @param action ADD or UPDATE
   * @param file the file the course (or its last change) came from
   * @param entries the entry changes (for ADD, one entry "course")
   */
  public record PatientChange(
      String patientId, String action, String file, List<CourseDiff.Change> entries) {}

  /**
   * The outcome.
   *
   * @param problems every problem found (nothing was written when not empty)
   * @param changes the patients added or changed (written unless dry run or problems)
   * @param unchanged patients whose stored course equals the imported one
   * @param written whether the changes were committed
   */
  public record Report(
      List<Problem> problems, List<PatientChange> changes, int unchanged, boolean written) {

    public long added() {
      return changes.stream().filter(c -> c.action().equals("ADD")).count();
    }

    public long updated() {
      return changes.stream().filter(c -> c.action().equals("UPDATE")).count();
    }
  }

  /** A patient's course being assembled from the files of this import. */
  private static final class Working {
    final String patientId;
    StoredCourse stored;
    ObjectNode tree;
    final Map<String, String> recorded = new TreeMap<>();
    Map<String, String> storedRecorded = Map.of();
    String file;
    String sha;
    PatientCourse course;

    /** entry path ("labs[3]") → where it came from, for flat files. */
    final Map<String, Origin> origins = new LinkedHashMap<>();

    Working(String patientId) {
      this.patientId = patientId;
    }
  }

  private record Origin(String file, int row, Map<String, String> columns) {}

  private record Source(Path file, String sha256) {}

  /** Runs an import. */
  public static Report run(Registry registry, List<Path> files, Options o) {
    if (files.isEmpty()) {
      throw new RegistryException("import: name at least one file");
    }
    List<Problem> problems = new ArrayList<>();
    // read every file before touching the database
    List<Source> json = new ArrayList<>();
    List<Source> flat = new ArrayList<>();
    Map<Path, byte[]> bytes = new LinkedHashMap<>();
    for (Path f : files) {
      byte[] b;
      try {
        b = Files.readAllBytes(f);
      } catch (IOException e) {
        problems.add(new Problem(f.toString(), "", null, "cannot be read: " + e.getMessage()));
        continue;
      }
      bytes.put(f, b);
      String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
      Source s = new Source(f, sha256(b));
      if (name.endsWith(".json")) {
        json.add(s);
      } else if (name.endsWith(".csv") || name.endsWith(".xlsx")) {
        flat.add(s);
      } else {
        problems.add(
            new Problem(
                f.toString(),
                "",
                null,
                "not a course JSON (.json) nor a flat table (.csv, .xlsx) file"));
      }
    }
    Map<String, Working> work = new LinkedHashMap<>();
    for (Source s : json) {
      readJson(s, new String(bytes.get(s.file()), StandardCharsets.UTF_8), work, problems);
    }
    return registry.inTransaction(
        h -> {
          String site = site(h, o.site(), o.dryRun());
          List<String> ids = new ArrayList<>(work.keySet());
          Map<String, StoredCourse> stored = ids.isEmpty() ? Map.of() : CourseRows.read(h, ids);
          for (Working w : work.values()) {
            w.stored = stored.get(w.patientId);
            if (w.stored != null && !flat.isEmpty()) {
              // flat files may carry recorded values: compare them with the stored ones
              w.storedRecorded = recorded(h, w.patientId);
              w.recorded.putAll(w.storedRecorded);
            }
          }
          for (Source s : flat) {
            readFlat(h, s, o.mapping(), work, problems);
          }
          for (Working w : work.values()) {
            if (w.stored == null && w.patientId != null) {
              w.stored = CourseRows.read(h, w.patientId);
            }
            if (w.course == null && w.tree != null) {
              validateFlat(w, problems);
            }
            if (w.stored != null && o.site() != null && !w.stored.site().equals(site)) {
              problems.add(
                  new Problem(
                      w.file,
                      "patient " + w.patientId,
                      null,
                      "belongs to site "
                          + w.stored.site()
                          + ", not "
                          + site
                          + " (an import does not move patients between sites)"));
            }
          }
          List<PatientChange> changes = new ArrayList<>();
          int unchanged = 0;
          List<PatientCourse> toAdd = new ArrayList<>();
          List<CourseStore.Provenance> addWhy = new ArrayList<>();
          List<Working> toUpdate = new ArrayList<>();
          for (Working w : work.values()) {
            if (w.course == null) {
              continue;
            }
            if (w.stored == null) {
              changes.add(
                  new PatientChange(
                      w.patientId,
                      "ADD",
                      w.file,
                      List.of(
                          new CourseDiff.Change(
                              "INSERT", "course", null, CourseDiff.json(w.course)))));
              toAdd.add(w.course);
              addWhy.add(provenance(o, w));
            } else {
              List<CourseDiff.Change> diff = CourseDiff.diff(w.stored.course(), w.course);
              List<CourseDiff.Change> all = new ArrayList<>(diff);
              all.addAll(recordedChanges(w));
              if (all.isEmpty()) {
                unchanged++;
              } else {
                changes.add(new PatientChange(w.patientId, "UPDATE", w.file, all));
                toUpdate.add(w);
              }
            }
          }
          if (!problems.isEmpty() || o.dryRun()) {
            h.rollback();
            return new Report(problems, changes, unchanged, false);
          }
          if (changes.isEmpty()) {
            return new Report(problems, changes, unchanged, false);
          }
          CourseStore.ensureSite(h, site);
          int done = 0;
          for (int from = 0; from < toAdd.size(); from += 500) {
            int to = Math.min(toAdd.size(), from + 500);
            CourseStore.insert(h, site, toAdd.subList(from, to), addWhy.subList(from, to));
            done = report(o, done, to - from);
          }
          for (Working w : toUpdate) {
            CourseStore.update(
                h, w.stored.course(), w.course, w.stored.version(), provenance(o, w));
            done = report(o, done, 1);
          }
          for (Working w : work.values()) {
            writeRecorded(h, w, provenance(o, w));
          }
          List<AuditEntry> fileLines = new ArrayList<>();
          for (Source s : concat(json, flat)) {
            fileLines.add(
                AuditEntry.of(
                    o.actor(),
                    "IMPORT",
                    null,
                    "file",
                    null,
                    null,
                    reason(o, s.file().toString()),
                    s.file().toAbsolutePath().toString(),
                    s.sha256()));
          }
          AuditTrail.append(h, fileLines);
          return new Report(problems, changes, unchanged, true);
        });
  }

  private static int report(Options o, int done, int more) {
    int now = done + more;
    if (o.progress() != null && now / 1000 > done / 1000) {
      o.progress().accept(now);
    }
    return now;
  }

  private static List<Source> concat(List<Source> a, List<Source> b) {
    List<Source> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static String reason(Options o, String file) {
    return o.reason() != null && !o.reason().isBlank() ? o.reason() : "import of " + file;
  }

  private static CourseStore.Provenance provenance(Options o, Working w) {
    return new CourseStore.Provenance(
        o.actor(),
        reason(o, w.file),
        w.file == null ? null : Path.of(w.file).toAbsolutePath().toString(),
        w.sha);
  }

  /** The site of this import: given, or the registry's only one, or {@code default}. */
  private static String site(Handle h, String given, boolean dryRun) {
    List<String> sites = CourseStore.sites(h);
    if (given != null && !given.isBlank()) {
      return given.trim();
    }
    if (sites.size() > 1) {
      throw new RegistryException(
          "--site is required: the registry has " + sites.size() + " sites " + sites);
    }
    return sites.isEmpty() ? "default" : sites.get(0);
  }

  // ------------------------------------------------------------------ course JSON

  private static void readJson(
      Source s, String text, Map<String, Working> work, List<Problem> problems) {
    String file = s.file().toString();
    JsonNode root;
    try {
      root = CourseDiff.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      problems.add(new Problem(file, where, null, "not valid JSON: " + e.getOriginalMessage()));
      return;
    }
    List<JsonNode> courses = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    if (root != null && root.isArray()) {
      for (int i = 0; i < root.size(); i++) {
        courses.add(root.get(i));
        sources.add(file + " [" + i + "]");
      }
    } else {
      courses.add(root);
      sources.add(file);
    }
    for (int i = 0; i < courses.size(); i++) {
      JsonNode n = courses.get(i);
      String src = sources.get(i);
      PatientCourse c;
      try {
        // one course re-read through CourseJson: its path and line numbers are relative to it
        c = CourseJson.read(root.isArray() ? CourseDiff.json(n) : text, src);
      } catch (CourseException e) {
        problems.add(problemOf(src, e));
        continue;
      }
      Working w = work.get(c.patientId());
      if (w != null) {
        problems.add(
            new Problem(
                src,
                "patientId",
                null,
                "patient "
                    + c.patientId()
                    + " is also in "
                    + w.file
                    + " (one course per patient)"));
        continue;
      }
      w = new Working(c.patientId());
      w.course = c;
      w.file = file;
      w.sha = s.sha256();
      work.put(c.patientId(), w);
    }
  }

  private static Problem problemOf(String src, CourseException e) {
    if (e.patientId() == null) {
      // a format error: the message already starts with the source
      String msg = e.getMessage();
      String prefix = src + ": ";
      return new Problem(
          src, "", null, msg.startsWith(prefix) ? msg.substring(prefix.length()) : msg);
    }
    String msg = e.getMessage();
    String prefix = "patient " + e.patientId() + ", " + e.entry() + ": ";
    String why = msg.startsWith(prefix) ? msg.substring(prefix.length()) : msg;
    return new Problem(src, "patient " + e.patientId() + ", " + e.entry(), null, why);
  }

  // ------------------------------------------------------------------ flat tables

  private static void readFlat(
      Handle h, Source s, Path mappingOption, Map<String, Working> work, List<Problem> problems) {
    String file = s.file().toString();
    Path mapFile = mappingOption;
    if (mapFile == null) {
      String name = s.file().getFileName().toString();
      String base = name.substring(0, name.lastIndexOf('.'));
      mapFile = s.file().resolveSibling(base + ".mapping.json");
      if (!Files.exists(mapFile)) {
        problems.add(
            new Problem(
                file,
                "",
                null,
                "no mapping: give --mapping FILE or put "
                    + mapFile.getFileName()
                    + " beside it (docs/REGISTRY.md)"));
        return;
      }
    }
    List<Mapping> mappings;
    DataTable t;
    try {
      mappings = Mapping.readAll(mapFile);
      t = TableReader.read(s.file());
    } catch (RegistryException | InputException e) {
      problems.add(new Problem(file, "", null, e.getMessage()));
      return;
    }
    for (Mapping m : mappings) {
      List<String> needed = new ArrayList<>();
      if (m.patientId() != null) {
        needed.add(m.patientId());
      }
      needed.addAll(m.columns().values());
      needed.addAll(m.where().keySet());
      for (String col : needed) {
        if (!t.hasColumn(col)) {
          problems.add(
              new Problem(
                  file, "header", col, "no such column (the mapping " + mapFile + " names it)"));
        }
      }
    }
    if (problems.stream().anyMatch(p -> p.file().equals(file))) {
      return;
    }
    for (Mapping m : mappings) {
      readFlat(h, s, m, t, work, problems);
    }
  }

  private static void readFlat(
      Handle h,
      Source s,
      Mapping m,
      DataTable t,
      Map<String, Working> work,
      List<Problem> problems) {
    String file = s.file().toString();
    Column idCol = m.patientId() == null ? null : t.column(m.patientId());
    rows:
    for (int r = 0; r < t.rowCount(); r++) {
      int row = r + 1;
      for (Map.Entry<String, List<String>> cond : m.where().entrySet()) {
        Column c = t.column(cond.getKey());
        String v = c.isMissing(r) ? "" : c.text(r).trim();
        if (!cond.getValue().contains(v)) {
          continue rows;
        }
      }
      String id;
      if (idCol == null) {
        // zero-padded to the width of the last row number, so ids sort in row order
        id = m.patientIdFromRow() + pad(row, t.rowCount());
      } else {
        id = idCol.isMissing(r) ? null : idCol.text(r).trim();
      }
      if (id == null || id.isEmpty()) {
        problems.add(new Problem(file, "row " + row, m.patientId(), "the patient id is empty"));
        continue;
      }
      Working w = work.get(id);
      if (w == null) {
        w = new Working(id);
        w.stored = CourseRows.read(h, id);
        w.storedRecorded = recorded(h, id);
        w.recorded.putAll(w.storedRecorded);
        work.put(id, w);
      }
      if (w.tree == null) {
        if (w.course != null) {
          // a course of this import's JSON files: the flat rows apply on top of it
          w.tree = CourseDiff.tree(w.course);
        } else if (w.stored != null) {
          w.tree = CourseDiff.tree(w.stored.course());
        } else if (m.kind().equals("patients")) {
          w.tree = JsonNodeFactory.instance.objectNode();
          w.tree.put("patientId", id);
        } else {
          problems.add(
              new Problem(
                  file,
                  "row " + row,
                  m.patientId(),
                  "patient "
                      + id
                      + " is neither in the registry nor in a patients file of this import"));
          continue;
        }
      }
      w.course = null; // re-read from the tree (validated) once every row is applied
      w.file = file;
      w.sha = s.sha256();
      applyRow(w, m, t, r, file, problems);
    }
  }

  private static String pad(int row, int rows) {
    String n = Integer.toString(row);
    int width = Integer.toString(Math.max(rows, 1)).length();
    return "0".repeat(Math.max(0, width - n.length())) + n;
  }

  private static void applyRow(
      Working w, Mapping m, DataTable t, int r, String file, List<Problem> problems) {
    int row = r + 1;
    ObjectNode entry = JsonNodeFactory.instance.objectNode();
    Map<String, String> columnOf = new LinkedHashMap<>();
    String age = null;
    m.constants().forEach((field, value) -> put(entry, m.kind(), field, value));
    for (Map.Entry<String, String> fc : m.columns().entrySet()) {
      String field = fc.getKey();
      Column c = t.column(fc.getValue());
      columnOf.put(field, fc.getValue());
      if (c.isMissing(r)) {
        continue;
      }
      String value = c.text(r).trim();
      Map<String, String> coded = m.values().get(field);
      if (coded != null) {
        String to = coded.get(value);
        if (to == null) {
          problems.add(
              new Problem(
                  file,
                  "row " + row + " (patient " + w.patientId + ")",
                  fc.getValue(),
                  "'"
                      + value
                      + "' is not one of the values the mapping lists for "
                      + field
                      + " "
                      + coded.keySet()));
          continue;
        }
        if (to.isEmpty()) {
          continue; // coded as not recorded
        }
        value = to;
      }
      if (field.equals("age")) {
        age = value;
        continue;
      }
      if (field.startsWith("recorded.")) {
        w.recorded.put(field.substring("recorded.".length()), value);
        continue;
      }
      put(entry, m.kind(), field, value);
    }
    if (age != null) {
      birthDateFromAge(w, entry, age, file, row, m.columns().get("age"), problems);
    }
    switch (m.kind()) {
      case "patients" -> {
        ObjectNode demo = object(w.tree, "demographics");
        for (String f : List.of("sex", "birthDate", "diagnosisDate")) {
          if (entry.has(f)) {
            demo.set(f, entry.get(f));
            w.origins.put("demographics." + f, new Origin(file, row, columnOf));
          }
        }
        for (String f :
            List.of("lastFollowUp", "ecog", "lifeExpectancyMonths", "progressionRate", "death")) {
          if (entry.has(f)) {
            w.tree.set(f, entry.get(f));
          }
        }
        w.origins.put("demographics", new Origin(file, row, columnOf));
        w.origins.put("death", new Origin(file, row, columnOf));
        w.origins.put("lastFollowUp", new Origin(file, row, columnOf));
        w.origins.put("ecog", new Origin(file, row, columnOf));
        w.origins.put("lifeExpectancyMonths", new Origin(file, row, columnOf));
        w.origins.put("progressionRate", new Origin(file, row, columnOf));
      }
      case "primaryTumour" -> {
        ObjectNode p = object(w.tree, "primaryTumour");
        entry.fields().forEachRemaining(e -> p.set(e.getKey(), e.getValue()));
        w.origins.put("primaryTumour", new Origin(file, row, columnOf));
      }
      default -> {
        ArrayNode list =
            w.tree.has(m.kind()) ? (ArrayNode) w.tree.get(m.kind()) : w.tree.putArray(m.kind());
        int at = -1;
        List<String> key = naturalKey(m.kind());
        String k = keyOf(entry, key);
        for (int i = 0; i < list.size(); i++) {
          if (keyOf(list.get(i), key).equals(k)) {
            at = i;
            break;
          }
        }
        if (at < 0) {
          list.add(entry);
          at = list.size() - 1;
        } else {
          list.set(at, entry);
        }
        w.origins.put(m.kind() + "[" + at + "]", new Origin(file, row, columnOf));
      }
    }
  }

  /**
   * A source that gives the age at diagnosis but no birth date: the birth date is set exactly
   * {@code age} years before the diagnosis date, so the age in completed years at diagnosis (as the
   * AJCC cut-off reads it) is {@code age}.
   */
  private static void birthDateFromAge(
      Working w,
      ObjectNode entry,
      String age,
      String file,
      int row,
      String column,
      List<Problem> problems) {
    String where = "row " + row + " (patient " + w.patientId + ")";
    int years;
    try {
      years = new BigDecimal(age).intValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      problems.add(new Problem(file, where, column, "age '" + age + "' is not a whole number"));
      return;
    }
    if (years < 0 || years > 150) {
      problems.add(new Problem(file, where, column, "age " + years + " is outside 0–150"));
      return;
    }
    JsonNode dx = entry.get("diagnosisDate");
    if (dx == null && w.tree.get("demographics") != null) {
      dx = w.tree.get("demographics").get("diagnosisDate");
    }
    java.time.LocalDate d;
    try {
      d = dx == null ? null : java.time.LocalDate.parse(dx.asText());
    } catch (java.time.format.DateTimeParseException e) {
      d = null;
    }
    if (d == null) {
      problems.add(
          new Problem(
              file, where, column, "age needs the diagnosis date (map diagnosisDate as well)"));
      return;
    }
    entry.put("birthDate", d.minusYears(years).toString());
  }

  private static List<String> naturalKey(String kind) {
    return switch (kind) {
      case "surgeries" -> List.of("date", "type");
      case "raiCourses" -> List.of("date");
      case "labs" -> List.of("date", "analyte", "tshState");
      case "lesions" -> List.of("lesionId");
      case "measurements" -> List.of("lesionId", "date", "modality");
      case "treatments" -> List.of("date", "kind", "lesionIds");
      case "assessments" -> List.of("date");
      default -> List.of("date", "type", "lesionId");
    };
  }

  private static String keyOf(JsonNode entry, List<String> key) {
    StringBuilder sb = new StringBuilder();
    for (String k : key) {
      JsonNode v = entry.get(k);
      String text = v == null ? "" : v.isTextual() ? v.asText() : v.toString();
      if (k.equals("analyte") || k.equals("tshState") || k.equals("type") || k.equals("kind")) {
        text = text.toUpperCase(Locale.ROOT);
      }
      if (k.equals("tshState") && text.isEmpty()) {
        text = "UNSPECIFIED";
      }
      sb.append(text).append('\u0001');
    }
    return sb.toString();
  }

  private static ObjectNode object(ObjectNode parent, String field) {
    JsonNode n = parent.get(field);
    if (n instanceof ObjectNode o) {
      return o;
    }
    return parent.putObject(field);
  }

  /** The course record whose fields a row of this kind holds (patients: also demographics). */
  private static final Map<String, List<Class<?>>> RECORDS =
      Map.ofEntries(
          Map.entry("patients", List.of(PatientCourse.class, Demographics.class)),
          Map.entry("primaryTumour", List.of(PrimaryTumour.class)),
          Map.entry("surgeries", List.of(Surgery.class)),
          Map.entry("raiCourses", List.of(RaiCourse.class)),
          Map.entry("labs", List.of(LabResult.class)),
          Map.entry("lesions", List.of(Metastasis.class)),
          Map.entry("measurements", List.of(LesionMeasurement.class)),
          Map.entry("treatments", List.of(LocalTreatment.class)),
          Map.entry("assessments", List.of(ResponseAssessment.class)),
          Map.entry("progressions", List.of(ProgressionEvent.class)));

  /**
   * Puts a cell's text as the JSON value the course reader expects: the reader refuses numbers and
   * booleans written as text, so a cell bound to a number field becomes a JSON number and one bound
   * to a boolean field a JSON boolean. Text that is not a number (or a boolean) stays text, so the
   * reader reports it with the row and column.
   */
  private static void put(ObjectNode entry, String kind, String dotted, String value) {
    String[] parts = dotted.split("\\.");
    ObjectNode at = entry;
    for (int i = 0; i < parts.length - 1; i++) {
      at = object(at, parts[i]);
    }
    String name = parts[parts.length - 1];
    String v = value.trim();
    String lower = v.toLowerCase(Locale.ROOT);
    Class<?> type = fieldType(RECORDS.getOrDefault(kind, List.of()), parts);
    if (type != null && java.util.Collection.class.isAssignableFrom(type)) {
      // a list field (lesionIds, nodes.regions): items separated by ';'
      ArrayNode items = at.putArray(name);
      for (String part : v.split(";")) {
        if (!part.isBlank()) {
          items.add(part.trim());
        }
      }
      return;
    }
    if (type == Boolean.class || type == boolean.class) {
      if (lower.equals("true") || lower.equals("yes")) {
        at.put(name, true);
        return;
      }
      if (lower.equals("false") || lower.equals("no")) {
        at.put(name, false);
        return;
      }
    } else if (type != null && (Number.class.isAssignableFrom(type) || type.isPrimitive())) {
      try {
        BigDecimal n = new BigDecimal(v);
        boolean whole =
            type == Integer.class || type == int.class || type == Long.class || type == long.class;
        if (whole && n.stripTrailingZeros().scale() <= 0) {
          at.put(name, n.longValueExact());
        } else {
          at.put(name, n);
        }
        return;
      } catch (NumberFormatException | ArithmeticException e) {
        // not a number: left as text for the reader to report with row and column
      }
    }
    at.put(name, v);
  }

  /** The Java type of a (dotted) course field, or {@code null} when it is not known. */
  private static Class<?> fieldType(List<Class<?>> records, String[] path) {
    for (Class<?> record : records) {
      Class<?> t = record;
      for (String part : path) {
        Class<?> next = null;
        if (t.isRecord()) {
          for (RecordComponent rc : t.getRecordComponents()) {
            if (rc.getName().equals(part)) {
              next = rc.getType();
            }
          }
        }
        t = next;
        if (t == null) {
          break;
        }
      }
      if (t != null) {
        return t;
      }
    }
    return null;
  }

  private static final Pattern ENTRY = Pattern.compile("^([A-Za-z]+)(\\[(\\d+)\\])?(\\.(\\w+))?");

  private static void validateFlat(Working w, List<Problem> problems) {
    try {
      w.course = CourseJson.read(w.tree.toString(), w.file);
      // flat rows are re-read through the course JSON reader: types, units and the validator apply
    } catch (CourseException e) {
      String entry = e.entry() == null ? "" : e.entry();
      Matcher mt = ENTRY.matcher(entry);
      Origin origin = null;
      String field = null;
      if (mt.find()) {
        String key = mt.group(1) + (mt.group(2) == null ? "" : mt.group(2));
        field = mt.group(5);
        origin = w.origins.get(key);
        if (origin == null && field != null) {
          origin = w.origins.get(key + "." + field);
        }
      }
      String msg = e.getMessage();
      String why = msg.substring(msg.lastIndexOf(": ") + 2);
      if (origin == null) {
        problems.add(
            new Problem(
                w.file,
                "patient " + w.patientId + ", " + entry.replaceAll(" \\(line.*", ""),
                null,
                why));
      } else {
        String column = field == null ? null : origin.columns().get(field);
        problems.add(
            new Problem(
                origin.file(),
                "row " + origin.row() + " (patient " + w.patientId + ")",
                column,
                why));
      }
    }
  }

  // ------------------------------------------------------------------ recorded values

  private static Map<String, String> recorded(Handle h, String patientId) {
    Map<String, String> out = new TreeMap<>();
    h.createQuery("SELECT item, item_value FROM recorded_value WHERE patient_id = :p")
        .bind("p", patientId)
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static List<CourseDiff.Change> recordedChanges(Working w) {
    List<CourseDiff.Change> out = new ArrayList<>();
    for (Map.Entry<String, String> e : w.recorded.entrySet()) {
      String old = w.storedRecorded.get(e.getKey());
      if (!e.getValue().equals(old)) {
        out.add(
            new CourseDiff.Change(
                old == null ? "INSERT" : "UPDATE", "recorded." + e.getKey(), old, e.getValue()));
      }
    }
    return out;
  }

  private static void writeRecorded(Handle h, Working w, CourseStore.Provenance why) {
    List<CourseDiff.Change> changes = recordedChanges(w);
    if (changes.isEmpty()) {
      return;
    }
    List<AuditEntry> lines = new ArrayList<>();
    for (CourseDiff.Change c : changes) {
      String item = c.entry().substring("recorded.".length());
      h.createUpdate("DELETE FROM recorded_value WHERE patient_id = :p AND item = :i")
          .bind("p", w.patientId)
          .bind("i", item)
          .execute();
      h.createUpdate(
              "INSERT INTO recorded_value (patient_id, item, item_value) VALUES (:p, :i, :v)")
          .bind("p", w.patientId)
          .bind("i", item)
          .bind("v", c.newValue())
          .execute();
      lines.add(why.audit(w.patientId, c));
    }
    AuditTrail.append(h, lines);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
