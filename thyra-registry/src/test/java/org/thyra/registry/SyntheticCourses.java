package org.thyra.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.thyra.clinical.ablation.Complication;
import org.thyra.clinical.ablation.ComplicationTherapy;
import org.thyra.clinical.ablation.ComplicationType;
import org.thyra.clinical.ablation.Sequelae;
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
import org.thyra.registry.store.CourseDiff;

/**
 * Seeded synthetic courses for the kill test and the benchmark: every course is valid (it passes
 * the course validator) and uses every table (surgery, RAI with uptake, labs, lesions with
 * measurements, ablation with complications, assessments, progressions, death), about 30 rows per
 * patient.
 */
public final class SyntheticCourses {

  private SyntheticCourses() {}

  /** The {@code i}-th course of a seeded series (ids {@code S000001}, ...). */
  public static PatientCourse course(SplittableRandom rnd, int i) {
    String id = String.format("S%06d", i);
    LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(rnd.nextInt(60 * 365));
    LocalDate dx = birth.plusYears(18 + rnd.nextInt(50)).plusDays(rnd.nextInt(365));
    var nodes =
        new NodalDisease(
            true,
            rnd.nextBoolean(),
            rnd.nextInt(6),
            6 + rnd.nextInt(20),
            rnd.nextBoolean() ? null : 0.2 + rnd.nextInt(30) / 10.0,
            rnd.nextBoolean()
                ? Set.of(NodeRegion.LEVEL_VI)
                : Set.of(NodeRegion.LEVEL_VI, NodeRegion.LATERAL));
    var primary =
        new PrimaryTumour(
            rnd.nextInt(10) < 8 ? Histology.PAPILLARY : Histology.FOLLICULAR,
            rnd.nextInt(10) == 0 ? "tall cell" : "classic",
            0.3 + rnd.nextInt(60) / 10.0,
            ExtrathyroidalExtension.values()[rnd.nextInt(ExtrathyroidalExtension.values().length)],
            rnd.nextBoolean(),
            rnd.nextInt(4),
            true,
            nodes,
            rnd.nextInt(8) == 0);
    List<Surgery> surgeries = List.of(new Surgery(dx, SurgeryType.TOTAL_THYROIDECTOMY, true, null));
    List<Metastasis> lesions = new ArrayList<>();
    LocalDate lesionDate = dx.plusDays(30 + rnd.nextInt(400));
    int nLesions = rnd.nextInt(3);
    for (int k = 0; k < nLesions; k++) {
      LesionSite site = k == 0 ? LesionSite.LUNG : LesionSite.CERVICAL_NODE;
      lesions.add(new Metastasis("L" + (k + 1), site, lesionDate, rnd.nextBoolean(), k == 0));
    }
    List<RaiCourse> rai = new ArrayList<>();
    List<LabResult> labs = new ArrayList<>();
    LocalDate d = dx.plusDays(40 + rnd.nextInt(60));
    int courses = 1 + rnd.nextInt(3);
    for (int k = 0; k < courses; k++) {
      List<LesionUptake> uptake = new ArrayList<>();
      if (!d.isBefore(lesionDate)) {
        for (Metastasis m : lesions) {
          uptake.add(new LesionUptake(m.lesionId(), rnd.nextBoolean()));
        }
      }
      Activity a =
          rnd.nextBoolean()
              ? Activity.of(String.valueOf(100 + 50 * rnd.nextInt(3)), ActivityUnit.MCI)
              : Activity.of("5.55", ActivityUnit.GBQ);
      rai.add(
          new RaiCourse(
              d,
              a,
              rnd.nextBoolean() ? RaiPreparation.WITHDRAWAL : RaiPreparation.RHTSH,
              30.0 + rnd.nextInt(100),
              uptake));
      labs.add(
          new LabResult(
              d, Analyte.TG, rnd.nextInt(5000) / 10.0, "ng/mL", TshState.STIMULATED, false));
      labs.add(new LabResult(d, Analyte.TSH, 30.0 + rnd.nextInt(100), "mIU/L", null, false));
      d = d.plusDays(180 + rnd.nextInt(300));
    }
    List<LesionMeasurement> measurements = new ArrayList<>();
    List<LocalTreatment> treatments = new ArrayList<>();
    LocalDate m0 = lesionDate.plusDays(5);
    for (Metastasis m : lesions) {
      double a = 5 + rnd.nextInt(25);
      measurements.add(
          new LesionMeasurement(m.lesionId(), m0, "CT", a, a * 0.8, a * 0.6, a * 0.6, false));
      measurements.add(
          new LesionMeasurement(
              m.lesionId(), m0.plusDays(200), "CT", a * 0.7, a * 0.5, a * 0.4, a * 0.4, false));
    }
    if (!lesions.isEmpty() && rnd.nextInt(4) == 0) {
      treatments.add(
          new LocalTreatment(
              m0.plusDays(10),
              null,
              TreatmentKind.THERMAL_ABLATION,
              List.of(lesions.get(lesions.size() - 1).lesionId()),
              null,
              new Ablation(
                  AblationModality.MWA,
                  30.0,
                  20.0 + rnd.nextInt(20),
                  120.0 + rnd.nextInt(200),
                  true,
                  m0.plusDays(12),
                  false,
                  rnd.nextBoolean()
                      ? List.of()
                      : List.of(
                          new Complication(
                              ComplicationType.PAIN,
                              null,
                              ComplicationTherapy.NOMINAL,
                              0,
                              false,
                              Sequelae.NONE,
                              false)))));
    }
    LocalDate end = d.plusDays(100 + rnd.nextInt(2000));
    List<ResponseAssessment> assessments =
        List.of(
            new ResponseAssessment(
                m0.plusDays(200),
                lesions.isEmpty()
                    ? ImagingFinding.NEGATIVE
                    : ImagingFinding.STRUCTURAL_OR_FUNCTIONAL,
                TgAbTrend.UNDETECTABLE,
                null,
                false,
                null,
                false,
                null));
    List<ProgressionEvent> progressions = new ArrayList<>();
    if (!lesions.isEmpty() && rnd.nextInt(3) == 0) {
      progressions.add(
          new ProgressionEvent(
              m0.plusDays(300),
              ProgressionType.STRUCTURAL_PROGRESSION,
              lesions.get(0).lesionId(),
              null));
    }
    LocalDate last = end;
    for (var p : progressions) {
      if (p.date().isAfter(last)) {
        last = p.date().plusDays(30);
      }
    }
    for (var a : assessments) {
      if (a.date().isAfter(last)) {
        last = a.date().plusDays(30);
      }
    }
    for (var m : measurements) {
      if (m.date().isAfter(last)) {
        last = m.date().plusDays(30);
      }
    }
    for (var t : treatments) {
      if (t.ablation().ceusDate().isAfter(last)) {
        last = t.ablation().ceusDate().plusDays(30);
      }
    }
    // the local-treatment fields from their own generator, so the other fields stay as before;
    // each is absent (not recorded), true or false
    SplittableRandom local = new SplittableRandom(id.hashCode());
    List<Metastasis> described = new ArrayList<>();
    for (Metastasis m : lesions) {
      described.add(
          new Metastasis(
              m.lesionId(),
              m.site(),
              m.detected(),
              m.biopsyConfirmed(),
              m.recistTarget(),
              maybe(local),
              maybe(local),
              maybe(local)));
    }
    lesions = described;
    Integer lifeExpectancy = local.nextInt(3) == 0 ? null : local.nextInt(240);
    ProgressionRate rate =
        switch (local.nextInt(3)) {
          case 0 -> null;
          case 1 -> ProgressionRate.SLOW;
          default -> ProgressionRate.RAPID;
        };
    Death death =
        rnd.nextInt(5) == 0
            ? new Death(last.plusDays(rnd.nextInt(200)), DeathCause.THYROID_CANCER)
            : null;
    return new PatientCourse(
        id,
        new Demographics(rnd.nextInt(4) == 0 ? Sex.MALE : Sex.FEMALE, birth, dx),
        primary,
        surgeries,
        rai,
        labs,
        lesions,
        measurements,
        treatments,
        assessments,
        progressions,
        death,
        last,
        List.of(),
        rnd.nextInt(3),
        lifeExpectancy,
        rate);
  }

  private static Boolean maybe(SplittableRandom r) {
    int k = r.nextInt(3);
    return k == 0 ? null : k == 1;
  }

  /** Writes {@code n} courses (seeded) as one JSON array file. */
  public static void writeArray(Path file, int n, long seed) throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed);
    try (OutputStream out = Files.newOutputStream(file);
        var g = CourseDiff.mapper().getFactory().createGenerator(out)) {
      g.writeStartArray();
      for (int i = 1; i <= n; i++) {
        CourseDiff.mapper().writeValue(nonClosing(g), course(rnd, i));
      }
      g.writeEndArray();
    }
  }

  private static com.fasterxml.jackson.core.JsonGenerator nonClosing(
      com.fasterxml.jackson.core.JsonGenerator g) {
    g.disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    return g;
  }

  /** {@code java ... SyntheticCourses FILE N SEED}: writes a course array file. */
  public static void main(String[] args) throws IOException {
    writeArray(Path.of(args[0]), Integer.parseInt(args[1]), Long.parseLong(args[2]));
  }
}
