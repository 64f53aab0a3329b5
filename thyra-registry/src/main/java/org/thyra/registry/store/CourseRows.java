package org.thyra.registry.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.thyra.clinical.ablation.Complication;
import org.thyra.clinical.ablation.ComplicationTherapy;
import org.thyra.clinical.ablation.ComplicationType;
import org.thyra.clinical.ablation.Sequelae;
import org.thyra.clinical.comorbidity.CharlsonCondition;
import org.thyra.clinical.course.Ablation;
import org.thyra.clinical.course.AblationModality;
import org.thyra.clinical.course.Analyte;
import org.thyra.clinical.course.Death;
import org.thyra.clinical.course.DeathCause;
import org.thyra.clinical.course.Demographics;
import org.thyra.clinical.course.ExtrathyroidalExtension;
import org.thyra.clinical.course.Histology;
import org.thyra.clinical.course.LabResult;
import org.thyra.clinical.course.LesionMeasurement;
import org.thyra.clinical.course.LesionSite;
import org.thyra.clinical.course.LesionUptake;
import org.thyra.clinical.course.LocalTreatment;
import org.thyra.clinical.course.Metastasis;
import org.thyra.clinical.course.NodalDisease;
import org.thyra.clinical.course.NodeRegion;
import org.thyra.clinical.course.PatientCourse;
import org.thyra.clinical.course.PrimaryTumour;
import org.thyra.clinical.course.ProgressionEvent;
import org.thyra.clinical.course.ProgressionRate;
import org.thyra.clinical.course.ProgressionType;
import org.thyra.clinical.course.RaiCourse;
import org.thyra.clinical.course.RaiPreparation;
import org.thyra.clinical.course.ResponseAssessment;
import org.thyra.clinical.course.Sex;
import org.thyra.clinical.course.Surgery;
import org.thyra.clinical.course.SurgeryType;
import org.thyra.clinical.course.TreatmentKind;
import org.thyra.clinical.course.TshState;
import org.thyra.clinical.response.ImagingFinding;
import org.thyra.clinical.response.TgAbTrend;
import org.thyra.clinical.units.Activity;
import org.thyra.clinical.units.ActivityUnit;

/**
 * Maps a {@link PatientCourse} to the rows of the registry's tables and back, field by field. The
 * position of an entry in its list is its {@code seq}, so a course is read back in the order it was
 * written; an activity keeps its decimal text and unit, so {@code 5.550 GBq} stays {@code 5.550
 * GBq}. Reading what was written gives an equal course (round-trip test over every example course).
 *
 * <p>Writing goes through {@link Writer}, which batches rows per table; reading loads every table
 * in one ordered query each (optionally for one patient), so exporting a large registry does not
 * issue one query per patient.
 */
public final class CourseRows {

  private CourseRows() {}

  /** Child tables in deletion order is irrelevant (cascades); listed for clearing a patient. */
  static final List<String> CHILD_TABLES =
      List.of(
          "death",
          "comorbidity",
          "primary_tumour",
          "surgery",
          "rai_course",
          "lab_result",
          "lesion",
          "lesion_measurement",
          "treatment",
          "assessment",
          "progression");

  /** Batches the inserts of many courses, table by table, in foreign-key order. */
  public static final class Writer {
    private final Handle h;
    private final Map<String, PreparedBatch> batches = new LinkedHashMap<>();
    private int pending;

    public Writer(Handle h) {
      this.h = h;
      // creation order = execution order = foreign-key order
      batch(
          "patient",
          "INSERT INTO patient (patient_id, site_code, sex, birth_date, diagnosis_date,"
              + " last_follow_up, ecog, life_expectancy_months, progression_rate, version)"
              + " VALUES (?,?,?,?,?,?,?,?,?,?)");
      batch("death", "INSERT INTO death (patient_id, death_date, cause) VALUES (?,?,?)");
      batch("comorbidity", "INSERT INTO comorbidity (patient_id, seq, condition) VALUES (?,?,?)");
      batch(
          "primary_tumour",
          "INSERT INTO primary_tumour (patient_id, histology, variant, size_cm, extension,"
              + " multifocal, vascular_invasion_foci, complete_resection,"
              + " tg_suggests_distant_metastasis) VALUES (?,?,?,?,?,?,?,?,?)");
      batch(
          "nodal_disease",
          "INSERT INTO nodal_disease (patient_id, assessed, clinically_evident,"
              + " pathologic_positive, examined, largest_node_cm) VALUES (?,?,?,?,?,?)");
      batch("nodal_region", "INSERT INTO nodal_region (patient_id, region) VALUES (?,?)");
      batch(
          "surgery",
          "INSERT INTO surgery (patient_id, seq, surgery_date, surgery_type, complete_resection,"
              + " note) VALUES (?,?,?,?,?,?)");
      batch(
          "rai_course",
          "INSERT INTO rai_course (patient_id, seq, course_date, activity_value, activity_unit,"
              + " activity_mbq, preparation, tsh_miu_per_l) VALUES (?,?,?,?,?,?,?,?)");
      batch(
          "rai_uptake",
          "INSERT INTO rai_uptake (patient_id, course_seq, seq, lesion_id, avid)"
              + " VALUES (?,?,?,?,?)");
      batch(
          "lab_result",
          "INSERT INTO lab_result (patient_id, seq, lab_date, analyte, lab_value, unit,"
              + " tsh_state, below_detection_limit) VALUES (?,?,?,?,?,?,?,?)");
      batch(
          "lesion",
          "INSERT INTO lesion (patient_id, seq, lesion_id, site, detected, biopsy_confirmed,"
              + " recist_target, fdg_avid, symptomatic, miliary) VALUES (?,?,?,?,?,?,?,?,?,?)");
      batch(
          "lesion_measurement",
          "INSERT INTO lesion_measurement (patient_id, seq, lesion_id, measured_on, modality,"
              + " a_mm, b_mm, c_mm, short_axis_mm, disappeared) VALUES (?,?,?,?,?,?,?,?,?,?)");
      batch(
          "treatment",
          "INSERT INTO treatment (patient_id, seq, start_date, end_date, kind, agent)"
              + " VALUES (?,?,?,?,?,?)");
      batch(
          "treatment_lesion",
          "INSERT INTO treatment_lesion (patient_id, treatment_seq, seq, lesion_id)"
              + " VALUES (?,?,?,?)");
      batch(
          "ablation",
          "INSERT INTO ablation (patient_id, treatment_seq, modality, power_w, energy_kj, time_s,"
              + " hydrodissection, ceus_date, residual_enhancement) VALUES (?,?,?,?,?,?,?,?,?)");
      batch(
          "ablation_complication",
          "INSERT INTO ablation_complication (patient_id, treatment_seq, seq, complication_type,"
              + " description, therapy, extra_hospital_hours, unplanned_increase_in_care,"
              + " sequelae, death) VALUES (?,?,?,?,?,?,?,?,?,?)");
      batch(
          "assessment",
          "INSERT INTO assessment (patient_id, seq, assessed_on, imaging, tg_ab, tg_rising,"
              + " new_lesions, non_target_gone, non_target_progression, recorded_category)"
              + " VALUES (?,?,?,?,?,?,?,?,?,?)");
      batch(
          "progression",
          "INSERT INTO progression (patient_id, seq, progression_date, progression_type,"
              + " lesion_id, note) VALUES (?,?,?,?,?,?)");
    }

    private void batch(String table, String sql) {
      batches.put(table, h.prepareBatch(sql));
    }

    private void row(String table, Object... values) {
      PreparedBatch b = batches.get(table);
      for (int i = 0; i < values.length; i++) {
        bind(b, i, values[i]);
      }
      b.add();
    }

    /** Adds the rows of one course; the patient row only when {@code withPatientRow}. */
    public void add(String site, int version, PatientCourse c, boolean withPatientRow) {
      String id = c.patientId();
      Demographics d = c.demographics();
      if (withPatientRow) {
        row(
            "patient",
            id,
            site,
            name(d.sex()),
            d.birthDate(),
            d.diagnosisDate(),
            c.lastFollowUp(),
            c.ecog(),
            c.lifeExpectancyMonths(),
            name(c.progressionRate()),
            version);
      }
      if (c.death() != null) {
        row("death", id, c.death().date(), name(c.death().cause()));
      }
      for (int i = 0; i < c.comorbidities().size(); i++) {
        row("comorbidity", id, i, name(c.comorbidities().get(i)));
      }
      PrimaryTumour p = c.primaryTumour();
      if (p != null) {
        row(
            "primary_tumour",
            id,
            name(p.histology()),
            p.variant(),
            p.sizeCm(),
            name(p.extension()),
            p.multifocal(),
            p.vascularInvasionFoci(),
            p.completeResection(),
            p.tgSuggestsDistantMetastasis());
        NodalDisease n = p.nodes();
        if (n != null) {
          row(
              "nodal_disease",
              id,
              n.assessed(),
              n.clinicallyEvident(),
              n.pathologicPositive(),
              n.examined(),
              n.largestNodeCm());
          for (NodeRegion r : n.regions()) {
            row("nodal_region", id, r.name());
          }
        }
      }
      for (int i = 0; i < c.surgeries().size(); i++) {
        Surgery s = c.surgeries().get(i);
        row("surgery", id, i, s.date(), name(s.type()), s.completeResection(), s.note());
      }
      for (int i = 0; i < c.raiCourses().size(); i++) {
        RaiCourse r = c.raiCourses().get(i);
        Activity a = r.activity();
        row(
            "rai_course",
            id,
            i,
            r.date(),
            a == null ? null : a.value().toString(),
            a == null ? null : a.unit().symbol(),
            a == null ? null : a.megabecquerel(),
            name(r.preparation()),
            r.tshMiuPerL());
        for (int j = 0; j < r.scanUptake().size(); j++) {
          LesionUptake u = r.scanUptake().get(j);
          row("rai_uptake", id, i, j, u.lesionId(), u.avid());
        }
      }
      for (int i = 0; i < c.labs().size(); i++) {
        LabResult l = c.labs().get(i);
        row(
            "lab_result",
            id,
            i,
            l.date(),
            name(l.analyte()),
            l.value(),
            l.unit(),
            name(l.tshState()),
            l.belowDetectionLimit());
      }
      for (int i = 0; i < c.lesions().size(); i++) {
        Metastasis m = c.lesions().get(i);
        row(
            "lesion",
            id,
            i,
            m.lesionId(),
            name(m.site()),
            m.detected(),
            m.biopsyConfirmed(),
            m.recistTarget(),
            m.fdgAvid(),
            m.symptomatic(),
            m.miliary());
      }
      for (int i = 0; i < c.measurements().size(); i++) {
        LesionMeasurement m = c.measurements().get(i);
        row(
            "lesion_measurement",
            id,
            i,
            m.lesionId(),
            m.date(),
            m.modality(),
            m.aMm(),
            m.bMm(),
            m.cMm(),
            m.shortAxisMm(),
            m.disappeared());
      }
      for (int i = 0; i < c.treatments().size(); i++) {
        LocalTreatment t = c.treatments().get(i);
        row("treatment", id, i, t.date(), t.endDate(), name(t.kind()), t.agent());
        for (int j = 0; j < t.lesionIds().size(); j++) {
          row("treatment_lesion", id, i, j, t.lesionIds().get(j));
        }
        Ablation a = t.ablation();
        if (a != null) {
          row(
              "ablation",
              id,
              i,
              name(a.modality()),
              a.powerW(),
              a.energyKj(),
              a.timeS(),
              a.hydrodissection(),
              a.ceusDate(),
              a.residualEnhancement());
          for (int j = 0; j < a.complications().size(); j++) {
            Complication x = a.complications().get(j);
            row(
                "ablation_complication",
                id,
                i,
                j,
                name(x.type()),
                x.description(),
                name(x.therapy()),
                x.extraHospitalHours(),
                x.unplannedIncreaseInCare(),
                name(x.sequelae()),
                x.death());
          }
        }
      }
      for (int i = 0; i < c.assessments().size(); i++) {
        ResponseAssessment a = c.assessments().get(i);
        row(
            "assessment",
            id,
            i,
            a.date(),
            name(a.imaging()),
            name(a.tgAb()),
            a.tgRising(),
            a.newLesions(),
            a.nonTargetGone(),
            a.nonTargetProgression(),
            a.recordedCategory());
      }
      for (int i = 0; i < c.progressions().size(); i++) {
        ProgressionEvent e = c.progressions().get(i);
        row("progression", id, i, e.date(), name(e.type()), e.lesionId(), e.note());
      }
      pending++;
    }

    /** Courses added since the last flush. */
    public int pending() {
      return pending;
    }

    /** Executes every batch, in foreign-key order. */
    public void flush() {
      for (PreparedBatch b : batches.values()) {
        if (b.size() > 0) {
          b.execute();
        }
      }
      pending = 0;
    }
  }

  private static String name(Enum<?> e) {
    return e == null ? null : e.name();
  }

  private static void bind(SqlStatement<?> s, int i, Object v) {
    if (v == null) {
      s.bindNull(i, Types.NULL);
    } else if (v instanceof LocalDate d) {
      s.bind(i, d);
    } else if (v instanceof String t) {
      s.bind(i, t);
    } else if (v instanceof Integer n) {
      s.bind(i, n);
    } else if (v instanceof Double n) {
      s.bind(i, n);
    } else if (v instanceof Boolean b) {
      s.bind(i, b);
    } else if (v instanceof BigDecimal n) {
      s.bind(i, n);
    } else {
      throw new IllegalArgumentException("cannot bind " + v.getClass());
    }
  }

  /** Deletes every entry row of one patient (not the patient row). */
  static void deleteEntries(Handle h, String patientId) {
    for (String table : CHILD_TABLES) {
      h.createUpdate("DELETE FROM " + table + " WHERE patient_id = ?").bind(0, patientId).execute();
    }
  }

  // ------------------------------------------------------------------ reading

  /** A course being assembled from its rows. */
  private static final class Parts {
    String site;
    int version;
    String id;
    Sex sex;
    LocalDate birth;
    LocalDate diagnosis;
    LocalDate lastFollowUp;
    Integer ecog;
    Integer lifeExpectancyMonths;
    ProgressionRate progressionRate;
    Death death;
    final List<CharlsonCondition> comorbidities = new ArrayList<>();
    PrimaryTumour primary;
    NodalDisease nodes;
    final Set<NodeRegion> regions = EnumSet.noneOf(NodeRegion.class);
    final List<Surgery> surgeries = new ArrayList<>();
    final Map<Integer, RaiCourse> rai = new LinkedHashMap<>();
    final Map<Integer, List<LesionUptake>> uptake = new LinkedHashMap<>();
    final List<LabResult> labs = new ArrayList<>();
    final List<Metastasis> lesions = new ArrayList<>();
    final List<LesionMeasurement> measurements = new ArrayList<>();
    final Map<Integer, LocalTreatment> treatments = new LinkedHashMap<>();
    final Map<Integer, List<String>> treatmentLesions = new LinkedHashMap<>();
    final Map<Integer, Ablation> ablations = new LinkedHashMap<>();
    final Map<Integer, List<Complication>> complications = new LinkedHashMap<>();
    final List<ResponseAssessment> assessments = new ArrayList<>();
    final List<ProgressionEvent> progressions = new ArrayList<>();

    StoredCourse build() {
      PrimaryTumour p = primary;
      if (p != null && nodes != null) {
        NodalDisease n =
            new NodalDisease(
                nodes.assessed(),
                nodes.clinicallyEvident(),
                nodes.pathologicPositive(),
                nodes.examined(),
                nodes.largestNodeCm(),
                regions);
        p =
            new PrimaryTumour(
                p.histology(),
                p.variant(),
                p.sizeCm(),
                p.extension(),
                p.multifocal(),
                p.vascularInvasionFoci(),
                p.completeResection(),
                n,
                p.tgSuggestsDistantMetastasis());
      }
      List<RaiCourse> courses = new ArrayList<>();
      rai.forEach(
          (seq, r) ->
              courses.add(
                  new RaiCourse(
                      r.date(),
                      r.activity(),
                      r.preparation(),
                      r.tshMiuPerL(),
                      uptake.getOrDefault(seq, List.of()))));
      List<LocalTreatment> ts = new ArrayList<>();
      treatments.forEach(
          (seq, t) -> {
            Ablation a = ablations.get(seq);
            if (a != null) {
              a =
                  new Ablation(
                      a.modality(),
                      a.powerW(),
                      a.energyKj(),
                      a.timeS(),
                      a.hydrodissection(),
                      a.ceusDate(),
                      a.residualEnhancement(),
                      complications.getOrDefault(seq, List.of()));
            }
            ts.add(
                new LocalTreatment(
                    t.date(),
                    t.endDate(),
                    t.kind(),
                    treatmentLesions.getOrDefault(seq, List.of()),
                    t.agent(),
                    a));
          });
      PatientCourse c =
          new PatientCourse(
              id,
              new Demographics(sex, birth, diagnosis),
              p,
              surgeries,
              courses,
              labs,
              lesions,
              measurements,
              ts,
              assessments,
              progressions,
              death,
              lastFollowUp,
              comorbidities,
              ecog,
              lifeExpectancyMonths,
              progressionRate);
      return new StoredCourse(site, version, c);
    }
  }

  /** The course of one patient, or {@code null}. */
  public static StoredCourse read(Handle h, String patientId) {
    return readWhere(h, patientId).get(patientId);
  }

  /** Every course in the registry, by patient id (in patient-id order). */
  public static Map<String, StoredCourse> readAll(Handle h) {
    return readWhere(h, null);
  }

  /** The courses of the given patients that exist. */
  public static Map<String, StoredCourse> read(Handle h, Collection<String> patientIds) {
    if (patientIds.size() == 1) {
      String id = patientIds.iterator().next();
      StoredCourse c = read(h, id);
      return c == null ? Map.of() : Map.of(id, c);
    }
    Map<String, StoredCourse> all = readAll(h);
    Map<String, StoredCourse> out = new LinkedHashMap<>();
    for (String id : patientIds) {
      StoredCourse c = all.get(id);
      if (c != null) {
        out.put(id, c);
      }
    }
    return out;
  }

  private interface RowReader {
    void read(Parts p, ResultSet rs) throws SQLException;
  }

  private static Map<String, StoredCourse> readWhere(Handle h, String patientId) {
    Map<String, Parts> parts = new LinkedHashMap<>();
    String where = patientId == null ? "" : " WHERE patient_id = :id";
    query(
        h,
        "SELECT * FROM patient" + where + " ORDER BY patient_id",
        patientId,
        parts,
        true,
        (p, rs) -> {
          p.site = rs.getString("site_code");
          p.version = rs.getInt("version");
          p.sex = enumOf(Sex.class, rs.getString("sex"));
          p.birth = date(rs, "birth_date");
          p.diagnosis = date(rs, "diagnosis_date");
          p.lastFollowUp = date(rs, "last_follow_up");
          p.ecog = integer(rs, "ecog");
          p.lifeExpectancyMonths = integer(rs, "life_expectancy_months");
          p.progressionRate = enumOf(ProgressionRate.class, rs.getString("progression_rate"));
        });
    if (parts.isEmpty()) {
      return Map.of();
    }
    query(
        h,
        "SELECT * FROM death" + where,
        patientId,
        parts,
        false,
        (p, rs) ->
            p.death =
                new Death(date(rs, "death_date"), enumOf(DeathCause.class, rs.getString("cause"))));
    query(
        h,
        "SELECT * FROM comorbidity" + where + " ORDER BY patient_id, seq",
        patientId,
        parts,
        false,
        (p, rs) -> p.comorbidities.add(enumOf(CharlsonCondition.class, rs.getString("condition"))));
    query(
        h,
        "SELECT * FROM primary_tumour" + where,
        patientId,
        parts,
        false,
        (p, rs) ->
            p.primary =
                new PrimaryTumour(
                    enumOf(Histology.class, rs.getString("histology")),
                    rs.getString("variant"),
                    dbl(rs, "size_cm"),
                    enumOf(ExtrathyroidalExtension.class, rs.getString("extension")),
                    bool(rs, "multifocal"),
                    integer(rs, "vascular_invasion_foci"),
                    bool(rs, "complete_resection"),
                    null,
                    rs.getBoolean("tg_suggests_distant_metastasis")));
    query(
        h,
        "SELECT * FROM nodal_disease" + where,
        patientId,
        parts,
        false,
        (p, rs) ->
            p.nodes =
                new NodalDisease(
                    rs.getBoolean("assessed"),
                    rs.getBoolean("clinically_evident"),
                    rs.getInt("pathologic_positive"),
                    integer(rs, "examined"),
                    dbl(rs, "largest_node_cm"),
                    Set.of()));
    query(
        h,
        "SELECT * FROM nodal_region" + where,
        patientId,
        parts,
        false,
        (p, rs) -> p.regions.add(enumOf(NodeRegion.class, rs.getString("region"))));
    query(
        h,
        "SELECT * FROM surgery" + where + " ORDER BY patient_id, seq",
        patientId,
        parts,
        false,
        (p, rs) ->
            p.surgeries.add(
                new Surgery(
                    date(rs, "surgery_date"),
                    enumOf(SurgeryType.class, rs.getString("surgery_type")),
                    bool(rs, "complete_resection"),
                    rs.getString("note"))));
    query(
        h,
        "SELECT * FROM rai_course" + where + " ORDER BY patient_id, seq",
        patientId,
        parts,
        false,
        (p, rs) -> {
          String value = rs.getString("activity_value");
          Activity a =
              value == null
                  ? null
                  : new Activity(
                      new BigDecimal(value), ActivityUnit.parse(rs.getString("activity_unit")));
          p.rai.put(
              rs.getInt("seq"),
              new RaiCourse(
                  date(rs, "course_date"),
                  a,
                  enumOf(RaiPreparation.class, rs.getString("preparation")),
                  dbl(rs, "tsh_miu_per_l"),
                  List.of()));
        });
    query(
        h,
        "SELECT * FROM rai_uptake" + where + " ORDER BY patient_id, course_seq, seq",
        patientId,
        parts,
        false,
        (p, rs) ->
            p.uptake
                .computeIfAbsent(rs.getInt("course_seq"), k -> new ArrayList<>())
                .add(new LesionUptake(rs.getString("lesion_id"), rs.getBoolean("avid"))));
    query(
        h,
        "SELECT * FROM lab_result" + where + " ORDER BY patient_id, seq",
        patientId,
        parts,
        false,
        (p, rs) ->
            p.labs.add(
                new LabResult(
                    date(rs, "lab_date"),
                    enumOf(Analyte.class, rs.getString("analyte")),
                    dbl(rs, "lab_value"),
                    rs.getString("unit"),
                    enumOf(TshState.class, rs.getString("tsh_state")),
                    rs.getBoolean("below_detection_limit"))));
    query(
        h,
        "SELECT * FROM lesion" + where + " ORDER BY patient_id, seq",
        patientId,
        parts,
        false,
        (p, rs) ->
            p.lesions.add(
                new Metastasis(
                    rs.getString("lesion_id"),
                    enumOf(LesionSite.class, rs.getString("site")),
                    date(rs, "detected"),
                    rs.getBoolean("biopsy_confirmed"),
                    rs.getBoolean("recist_target"),
                    bool(rs, "fdg_avid"),
                    bool(rs, "symptomatic"),
                    bool(rs, "miliary"))));
    query(
        h,
        "SELECT * FROM lesion_measurement" + where + " ORDER BY patient_id, seq",
        patientId,
        parts,
        false,
        (p, rs) ->
            p.measurements.add(
                new LesionMeasurement(
                    rs.getString("lesion_id"),
                    date(rs, "measured_on"),
                    rs.getString("modality"),
                    dbl(rs, "a_mm"),
                    dbl(rs, "b_mm"),
                    dbl(rs, "c_mm"),
                    dbl(rs, "short_axis_mm"),
                    rs.getBoolean("disappeared"))));
    query(
        h,
        "SELECT * FROM treatment" + where + " ORDER BY patient_id, seq",
        patientId,
        parts,
        false,
        (p, rs) ->
            p.treatments.put(
                rs.getInt("seq"),
                new LocalTreatment(
                    date(rs, "start_date"),
                    date(rs, "end_date"),
                    enumOf(TreatmentKind.class, rs.getString("kind")),
                    List.of(),
                    rs.getString("agent"),
                    null)));
    query(
        h,
        "SELECT * FROM treatment_lesion" + where + " ORDER BY patient_id, treatment_seq, seq",
        patientId,
        parts,
        false,
        (p, rs) ->
            p.treatmentLesions
                .computeIfAbsent(rs.getInt("treatment_seq"), k -> new ArrayList<>())
                .add(rs.getString("lesion_id")));
    query(
        h,
        "SELECT * FROM ablation" + where + " ORDER BY patient_id, treatment_seq",
        patientId,
        parts,
        false,
        (p, rs) ->
            p.ablations.put(
                rs.getInt("treatment_seq"),
                new Ablation(
                    enumOf(AblationModality.class, rs.getString("modality")),
                    dbl(rs, "power_w"),
                    dbl(rs, "energy_kj"),
                    dbl(rs, "time_s"),
                    bool(rs, "hydrodissection"),
                    date(rs, "ceus_date"),
                    bool(rs, "residual_enhancement"),
                    List.of())));
    query(
        h,
        "SELECT * FROM ablation_complication" + where + " ORDER BY patient_id, treatment_seq, seq",
        patientId,
        parts,
        false,
        (p, rs) ->
            p.complications
                .computeIfAbsent(rs.getInt("treatment_seq"), k -> new ArrayList<>())
                .add(
                    new Complication(
                        enumOf(ComplicationType.class, rs.getString("complication_type")),
                        rs.getString("description"),
                        enumOf(ComplicationTherapy.class, rs.getString("therapy")),
                        rs.getInt("extra_hospital_hours"),
                        rs.getBoolean("unplanned_increase_in_care"),
                        enumOf(Sequelae.class, rs.getString("sequelae")),
                        rs.getBoolean("death"))));
    query(
        h,
        "SELECT * FROM assessment" + where + " ORDER BY patient_id, seq",
        patientId,
        parts,
        false,
        (p, rs) ->
            p.assessments.add(
                new ResponseAssessment(
                    date(rs, "assessed_on"),
                    enumOf(ImagingFinding.class, rs.getString("imaging")),
                    enumOf(TgAbTrend.class, rs.getString("tg_ab")),
                    bool(rs, "tg_rising"),
                    rs.getBoolean("new_lesions"),
                    bool(rs, "non_target_gone"),
                    rs.getBoolean("non_target_progression"),
                    rs.getString("recorded_category"))));
    query(
        h,
        "SELECT * FROM progression" + where + " ORDER BY patient_id, seq",
        patientId,
        parts,
        false,
        (p, rs) ->
            p.progressions.add(
                new ProgressionEvent(
                    date(rs, "progression_date"),
                    enumOf(ProgressionType.class, rs.getString("progression_type")),
                    rs.getString("lesion_id"),
                    rs.getString("note"))));
    Map<String, StoredCourse> out = new LinkedHashMap<>();
    parts.forEach((id, p) -> out.put(id, p.build()));
    return out;
  }

  private static void query(
      Handle h,
      String sql,
      String patientId,
      Map<String, Parts> parts,
      boolean create,
      RowReader reader) {
    var q = h.createQuery(sql).setFetchSize(10_000);
    if (patientId != null) {
      q.bind("id", patientId);
    }
    q.scanResultSet(
        (supplier, ctx) -> {
          ResultSet rs = supplier.get();
          while (rs.next()) {
            String id = rs.getString("patient_id");
            Parts p = create ? parts.computeIfAbsent(id, k -> new Parts()) : parts.get(id);
            if (p == null) {
              continue;
            }
            p.id = id;
            reader.read(p, rs);
          }
          return null;
        });
  }

  private static LocalDate date(ResultSet rs, String col) throws SQLException {
    return rs.getObject(col, LocalDate.class);
  }

  private static Double dbl(ResultSet rs, String col) throws SQLException {
    double v = rs.getDouble(col);
    return rs.wasNull() ? null : v;
  }

  private static Integer integer(ResultSet rs, String col) throws SQLException {
    int v = rs.getInt(col);
    return rs.wasNull() ? null : v;
  }

  private static Boolean bool(ResultSet rs, String col) throws SQLException {
    boolean v = rs.getBoolean(col);
    return rs.wasNull() ? null : v;
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
    return name == null ? null : Enum.valueOf(type, name);
  }
}
