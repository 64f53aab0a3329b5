package org.thyra.registry.export;

import java.math.BigDecimal;
import java.math.MathContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.thyra.clinical.CourseClassifier;
import org.thyra.clinical.Finding;
import org.thyra.clinical.course.CourseException;
import org.thyra.clinical.course.LesionMeasurement;
import org.thyra.clinical.course.Metastasis;
import org.thyra.clinical.course.PatientCourse;
import org.thyra.clinical.course.PrimaryTumour;
import org.thyra.clinical.course.RaiCourse;
import org.thyra.clinical.course.TreatmentKind;
import org.thyra.clinical.endpoint.EndpointDeriver;
import org.thyra.clinical.endpoint.TimeToEvent;
import org.thyra.clinical.lesion.EllipsoidVolume;
import org.thyra.clinical.units.Activity;
import org.thyra.clinical.units.ActivityUnit;
import org.thyra.registry.RegistryException;
import org.thyra.registry.store.StoredCourse;

/**
 * Builds the analysis frame from stored courses. Columns are named as the analysis commands expect
 * them (lower case, underscores); a derived rule's column is its name with {@code -} → {@code _}
 * ({@code ajcc8_stage}); an endpoint gives {@code NAME_months} (days / 30.4375) and {@code
 * NAME_status} (1 event, 0 censored). A cell the course cannot fill is empty (missing), never a
 * guess.
 *
 * <p>De-identified: the patient id is replaced by a random subject number (a new random order on
 * every export, so subject numbers cannot be linked across exports), the birth date is dropped (age
 * at diagnosis stays), and every date becomes days from the stated origin (default: diagnosis).
 */
public final class FrameExport {

  private FrameExport() {}

  /** The rule names {@code --derive} accepts (those the course classifier reports). */
  public static final List<String> RULES =
      List.of(
          "ajcc8-t",
          "ajcc8-n",
          "ajcc8-m",
          "ajcc8-stage",
          "ajcc7-t",
          "ajcc7-n",
          "ajcc7-stage",
          "ata-risk",
          "rair",
          "uptake-pattern",
          "metastasis-timing",
          "local-disease",
          "ata-response",
          "tg-response",
          "recist-overall",
          "charlson-age-adjusted");

  /** Builds the frame of these courses (in the map's order). */
  public static AnalysisFrame build(Map<String, StoredCourse> courses, ExportOptions o) {
    return build(courses, Map.of(), o);
  }

  /**
   * Builds the frame of these courses (in the map's order) with, when {@code o.recorded()}, the
   * recorded values (patient → item → value) as columns named by the item, in item order. A
   * recorded item with the name of a built-in column replaces that column (the source's own
   * variable wins, as a study protocol names it), and a warning names it.
   */
  public static AnalysisFrame build(
      Map<String, StoredCourse> courses,
      Map<String, Map<String, String>> recordedValues,
      ExportOptions o) {
    for (String r : o.derive()) {
      if (!RULES.contains(r)) {
        throw new RegistryException("--derive: unknown rule '" + r + "'; known rules: " + RULES);
      }
    }
    if (o.recorded() && o.deidentified()) {
      throw new RegistryException(
          "--recorded with --deidentified: recorded values are exported as the sources gave them"
              + " and may hold dates or identifiers; export them identified, or leave --recorded"
              + " out");
    }
    List<Endpoint> endpoints = o.endpoints().stream().map(Endpoint::parse).toList();
    Set<String> names = new LinkedHashSet<>();
    for (Endpoint e : endpoints) {
      if (!names.add(e.name())) {
        throw new RegistryException("--endpoint: two endpoints make the column " + e.name());
      }
    }
    List<String> warnings = new ArrayList<>();
    List<String> columns = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    Map<String, String> subject = subjects(courses, o.deidentified());
    boolean header = true;
    int noOrigin = 0;
    Set<String> recordedItems = new java.util.TreeSet<>();
    if (o.recorded()) {
      recordedValues.values().forEach(m -> recordedItems.addAll(m.keySet()));
    }
    Set<String> replaced = new java.util.TreeSet<>();
    Map<String, Integer> missingEndpoint = new TreeMap<>();
    for (StoredCourse sc : courses.values()) {
      if (o.site() != null && !o.site().equals(sc.site())) {
        continue;
      }
      PatientCourse c = sc.course();
      LocalDate origin = null;
      if (o.deidentified()) {
        try {
          origin = EndpointDeriver.origin(c, o.dateOrigin());
        } catch (CourseException e) {
          noOrigin++;
        }
      }
      Row base = new Row();
      patientColumns(base, sc, subject.get(c.patientId()), o, origin);
      List<Finding> findings =
          o.derive().isEmpty()
              ? List.of()
              : CourseClassifier.classify(c, CourseClassifier.Options.defaults());
      for (String r : o.derive()) {
        base.put(r.replace('-', '_'), derived(findings, r));
      }
      for (Endpoint e : endpoints) {
        TimeToEvent t = null;
        try {
          t = e.of(c);
        } catch (CourseException ex) {
          missingEndpoint.merge(e.spec(), 1, Integer::sum);
        }
        base.put(e.name() + "_months", t == null ? null : num(t.months()));
        base.put(e.name() + "_status", t == null ? null : Integer.toString(t.status()));
      }
      Map<String, String> rec = recordedValues.getOrDefault(c.patientId(), Map.of());
      for (String item : recordedItems) {
        if (base.cells.containsKey(item) && header) {
          replaced.add(item);
        }
        base.put(item, rec.get(item));
      }
      List<Row> unitRows =
          switch (o.unit()) {
            case PATIENT -> List.of(base);
            case LESION -> lesionRows(base, c, o, origin);
            case RAI_COURSE -> raiRows(base, c, o, origin);
          };
      for (Row r : unitRows) {
        if (header) {
          columns.addAll(r.cells.keySet());
          header = false;
        }
        List<String> cells = new ArrayList<>(columns.size());
        for (String col : columns) {
          cells.add(r.cells.get(col));
        }
        rows.add(cells);
      }
    }
    if (columns.isEmpty()) {
      columns.addAll(emptyHeader(o, endpoints));
    }
    if (!replaced.isEmpty()) {
      warnings.add(
          "recorded values replace the built-in column(s) of the same name: "
              + String.join(", ", replaced));
    }
    if (noOrigin > 0) {
      warnings.add(
          noOrigin
              + " patient(s) have no "
              + o.dateOrigin().name().toLowerCase(Locale.ROOT)
              + ": their day intervals are missing");
    }
    missingEndpoint.forEach(
        (spec, n) ->
            warnings.add(
                n + " patient(s) lack the origin of endpoint " + spec + ": its cells are missing"));
    if (o.deidentified()) {
      // subject numbers follow the random order, rows are sorted by them
      rows.sort(Comparator.comparing((List<String> r) -> Integer.parseInt(r.get(0))));
    }
    String method =
        "one row per "
            + o.unit().name().toLowerCase(Locale.ROOT).replace('_', ' ')
            + "; months = days / 30.4375; status 1 = event, 0 = censored; activities in mCi (1 mCi ="
            + " 37 MBq); volumes π/6·a·b·c in mL"
            + (o.deidentified()
                ? "; de-identified: random subject numbers, no birth date, dates as days from "
                    + o.dateOrigin().name().toLowerCase(Locale.ROOT)
                : "")
            + (o.derive().isEmpty()
                ? ""
                : "; derived by thyra-clinical's CourseClassifier (defaults)")
            + (o.recorded() && !recordedItems.isEmpty()
                ? "; recorded values as the sources gave them: " + String.join(", ", recordedItems)
                : "");
    return new AnalysisFrame(columns, rows, method, warnings);
  }

  private static List<String> emptyHeader(ExportOptions o, List<Endpoint> endpoints) {
    // a registry without a patient still gets its header: build it from a minimal course
    PatientCourse c =
        new PatientCourse(
            "x",
            new org.thyra.clinical.course.Demographics(null, null, LocalDate.of(2000, 1, 1)),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    Row r = new Row();
    patientColumns(r, new StoredCourse("", 1, c), "1", o, null);
    for (String d : o.derive()) {
      r.put(d.replace('-', '_'), null);
    }
    for (Endpoint e : endpoints) {
      r.put(e.name() + "_months", null);
      r.put(e.name() + "_status", null);
    }
    List<String> out = new ArrayList<>(r.cells.keySet());
    if (o.unit() == ExportOptions.Unit.LESION) {
      out.addAll(
          List.of(
              "lesion_id",
              "lesion_site",
              "lesion_distant",
              o.deidentified() ? "lesion_detected_day" : "lesion_detected",
              "biopsy_confirmed",
              "recist_target",
              "fdg_avid",
              "symptomatic",
              "miliary",
              "first_volume_ml",
              "last_volume_ml",
              "vrr_percent",
              "disappeared",
              "ablated",
              "disappearance_months",
              "disappearance_status"));
    } else if (o.unit() == ExportOptions.Unit.RAI_COURSE) {
      out.addAll(
          List.of(
              "course",
              o.deidentified() ? "course_day" : "course_date",
              "activity_mci",
              "preparation",
              "tsh_miu_per_l",
              "scanned_lesions",
              "avid_lesions"));
    }
    return out;
  }

  /** Cells by column, in insertion order. */
  private static final class Row {
    final Map<String, String> cells = new java.util.LinkedHashMap<>();

    void put(String col, String value) {
      cells.put(col, value);
    }

    Row copy() {
      Row r = new Row();
      r.cells.putAll(cells);
      return r;
    }
  }

  private static void patientColumns(
      Row r, StoredCourse sc, String subject, ExportOptions o, LocalDate origin) {
    PatientCourse c = sc.course();
    if (o.deidentified()) {
      r.put("subject", subject);
    } else {
      r.put("patient_id", c.patientId());
    }
    r.put("site", sc.site());
    r.put("sex", name(c.demographics().sex()));
    r.put(
        "age_at_diagnosis",
        c.demographics().birthDate() == null
            ? null
            : Integer.toString(c.demographics().ageAtDiagnosis()));
    if (!o.deidentified()) {
      r.put("birth_date", str(c.demographics().birthDate()));
    }
    date(r, "diagnosis", c.demographics().diagnosisDate(), o, origin);
    PrimaryTumour p = c.primaryTumour();
    r.put("histology", p == null ? null : name(p.histology()));
    r.put("variant", p == null ? null : p.variant());
    r.put("size_cm", p == null ? null : num(p.sizeCm()));
    r.put("extension", p == null ? null : name(p.extension()));
    r.put("multifocal", p == null ? null : bool(p.multifocal()));
    r.put("vascular_invasion_foci", p == null ? null : str(p.vascularInvasionFoci()));
    var n = p == null ? null : p.nodes();
    r.put("nodes_positive", n == null ? null : Integer.toString(n.pathologicPositive()));
    r.put("nodes_examined", n == null ? null : str(n.examined()));
    r.put("largest_node_cm", n == null ? null : num(n.largestNodeCm()));
    r.put("surgeries", Integer.toString(c.surgeries().size()));
    r.put("rai_courses", Integer.toString(c.raiCourses().size()));
    Activity total = null;
    boolean allKnown = true;
    for (RaiCourse rc : c.raiCourses()) {
      if (rc.activity() == null) {
        allKnown = false;
      } else {
        total = total == null ? rc.activity() : total.plus(rc.activity());
      }
    }
    r.put(
        "cumulative_activity_mci",
        total == null || !allKnown ? (c.raiCourses().isEmpty() ? "0" : null) : mci(total));
    r.put(
        "first_activity_mci",
        c.raiCourses().stream()
            .min(Comparator.comparing(RaiCourse::date))
            .map(RaiCourse::activity)
            .map(FrameExport::mci)
            .orElse(null));
    r.put("lesions", Integer.toString(c.lesions().size()));
    r.put(
        "distant_metastasis",
        bool(c.lesions().stream().anyMatch(m -> m.site() != null && m.site().isDistant())));
    for (String site : List.of("LUNG", "BONE", "LIVER", "BRAIN")) {
      r.put(
          site.toLowerCase(Locale.ROOT) + "_metastasis",
          bool(
              c.lesions().stream()
                  .anyMatch(m -> m.site() != null && m.site().name().equals(site))));
    }
    r.put(
        "ablated",
        bool(c.treatments().stream().anyMatch(t -> t.kind() == TreatmentKind.THERMAL_ABLATION)));
    r.put(
        "kinase_inhibitor",
        bool(c.treatments().stream().anyMatch(t -> t.kind() == TreatmentKind.KINASE_INHIBITOR)));
    r.put("ecog", str(c.ecog()));
    r.put("life_expectancy_months", str(c.lifeExpectancyMonths()));
    r.put("progression_rate", name(c.progressionRate()));
    r.put("comorbidities", Integer.toString(c.comorbidities().size()));
    r.put("dead", bool(c.death() != null));
    r.put("death_cause", c.death() == null ? null : name(c.death().cause()));
    date(r, "death", c.death() == null ? null : c.death().date(), o, origin);
    date(r, "last_follow_up", c.lastFollowUp(), o, origin);
    LocalDate end = c.endOfObservation();
    r.put(
        "follow_up_months",
        end == null
            ? null
            : num(
                ChronoUnit.DAYS.between(c.demographics().diagnosisDate(), end) / (365.25 / 12.0)));
  }

  private static List<Row> lesionRows(
      Row base, PatientCourse c, ExportOptions o, LocalDate origin) {
    List<Row> out = new ArrayList<>();
    for (Metastasis m : c.lesions()) {
      Row r = base.copy();
      r.put("lesion_id", m.lesionId());
      r.put("lesion_site", name(m.site()));
      r.put("lesion_distant", bool(m.site() != null && m.site().isDistant()));
      date(r, "lesion_detected", m.detected(), o, origin);
      r.put("biopsy_confirmed", bool(m.biopsyConfirmed()));
      r.put("recist_target", bool(m.recistTarget()));
      // not assessed / not recorded stays an empty cell, never 0
      r.put("fdg_avid", bool(m.fdgAvid()));
      r.put("symptomatic", bool(m.symptomatic()));
      r.put("miliary", bool(m.miliary()));
      List<LesionMeasurement> ms =
          c.measurements().stream()
              .filter(x -> m.lesionId().equals(x.lesionId()))
              .sorted(Comparator.comparing(LesionMeasurement::date))
              .toList();
      Double first = ms.isEmpty() ? null : volume(ms.get(0));
      Double last = ms.isEmpty() ? null : volume(ms.get(ms.size() - 1));
      r.put("first_volume_ml", num(first));
      r.put("last_volume_ml", num(last));
      r.put(
          "vrr_percent",
          first == null || last == null || first == 0 ? null : num((first - last) / first * 100));
      r.put("disappeared", bool(ms.stream().anyMatch(LesionMeasurement::disappeared)));
      boolean treated = c.treatments().stream().anyMatch(t -> t.lesionIds().contains(m.lesionId()));
      r.put(
          "ablated",
          bool(
              c.treatments().stream()
                  .anyMatch(
                      t ->
                          t.kind() == TreatmentKind.THERMAL_ABLATION
                              && t.lesionIds().contains(m.lesionId()))));
      TimeToEvent t = null;
      if (treated) {
        try {
          t = EndpointDeriver.lesionDisappearance(c, m.lesionId());
        } catch (CourseException e) {
          t = null;
        }
      }
      r.put("disappearance_months", t == null ? null : num(t.months()));
      r.put("disappearance_status", t == null ? null : Integer.toString(t.status()));
      out.add(r);
    }
    return out;
  }

  private static Double volume(LesionMeasurement m) {
    if (m.disappeared()) {
      return 0.0;
    }
    if (m.aMm() == null || m.bMm() == null || m.cMm() == null) {
      return null;
    }
    return EllipsoidVolume.of(m.aMm(), m.bMm(), m.cMm()) / 1000.0;
  }

  private static List<Row> raiRows(Row base, PatientCourse c, ExportOptions o, LocalDate origin) {
    List<Row> out = new ArrayList<>();
    List<RaiCourse> courses =
        c.raiCourses().stream().sorted(Comparator.comparing(RaiCourse::date)).toList();
    for (int i = 0; i < courses.size(); i++) {
      RaiCourse rc = courses.get(i);
      Row r = base.copy();
      r.put("course", Integer.toString(i + 1));
      date(r, "course", rc.date(), o, origin);
      r.put("activity_mci", rc.activity() == null ? null : mci(rc.activity()));
      r.put("preparation", name(rc.preparation()));
      r.put("tsh_miu_per_l", num(rc.tshMiuPerL()));
      r.put("scanned_lesions", Integer.toString(rc.scanUptake().size()));
      r.put("avid_lesions", Long.toString(rc.scanUptake().stream().filter(u -> u.avid()).count()));
      out.add(r);
    }
    return out;
  }

  /** The value of a rule: the patient-level finding, else the only one, else the latest. */
  static String derived(List<Finding> findings, String rule) {
    List<Finding> of = findings.stream().filter(f -> f.rule().equals(rule)).toList();
    if (of.isEmpty()) {
      return null;
    }
    Finding pick =
        of.stream()
            .filter(f -> f.subject().equals("patient"))
            .findFirst()
            .orElse(of.get(of.size() - 1));
    return pick.value() == null || pick.value().isEmpty() ? null : pick.value();
  }

  private static void date(Row r, String name, LocalDate d, ExportOptions o, LocalDate origin) {
    if (o.deidentified()) {
      r.put(
          name + "_day",
          d == null || origin == null ? null : Long.toString(ChronoUnit.DAYS.between(origin, d)));
    } else {
      r.put(
          name.endsWith("_date") || name.equals("last_follow_up") || name.endsWith("detected")
              ? name
              : name + "_date",
          str(d));
    }
  }

  private static Map<String, String> subjects(Map<String, StoredCourse> courses, boolean deid) {
    Map<String, String> out = new java.util.HashMap<>();
    if (!deid) {
      return out;
    }
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    List<String[]> keyed = new ArrayList<>();
    for (String id : courses.keySet()) {
      keyed.add(new String[] {hash(salt, id), id});
    }
    keyed.sort(Comparator.comparing((String[] a) -> a[0]));
    for (int i = 0; i < keyed.size(); i++) {
      out.put(keyed.get(i)[1], Integer.toString(i + 1));
    }
    return out;
  }

  private static String hash(byte[] salt, String id) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(salt);
      return HexFormat.of()
          .formatHex(md.digest(id.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String mci(Activity a) {
    return a.in(ActivityUnit.MCI).round(new MathContext(12)).stripTrailingZeros().toPlainString();
  }

  private static String name(Enum<?> e) {
    return e == null ? null : e.name().toLowerCase(Locale.ROOT);
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }

  private static String bool(Boolean b) {
    return b == null ? null : b ? "1" : "0";
  }

  static String num(Double d) {
    if (d == null || d.isNaN()) {
      return null;
    }
    return BigDecimal.valueOf(d).round(new MathContext(12)).stripTrailingZeros().toPlainString();
  }
}
