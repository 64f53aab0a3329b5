package org.thyra.clinical.endpoint;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.thyra.clinical.course.CourseException;
import org.thyra.clinical.course.LesionMeasurement;
import org.thyra.clinical.course.LesionSite;
import org.thyra.clinical.course.LocalTreatment;
import org.thyra.clinical.course.Metastasis;
import org.thyra.clinical.course.PatientCourse;
import org.thyra.clinical.course.ProgressionEvent;
import org.thyra.clinical.course.ProgressionType;
import org.thyra.clinical.course.RaiCourse;
import org.thyra.clinical.course.TreatmentKind;

/**
 * Derives time-to-event endpoints from a patient's course.
 *
 * <p>Conventions, the same for every endpoint:
 *
 * <ul>
 *   <li>time is counted in whole days from the origin to the end; months = days / 30.4375;
 *   <li>an event counts when it is dated <em>strictly after</em> the origin: a progression found on
 *       the origin date is baseline disease, not an event (seed 001 excludes progression within 6
 *       months by design; that is a cohort filter, not an endpoint rule);
 *   <li>without an event the patient is censored at the last follow-up; a patient who died is
 *       censored at death for endpoints where death is not the event (death ends observation, and
 *       may follow the last recorded visit);
 *   <li>a course without the chosen origin (e.g. PFS from first RAI in a patient never treated with
 *       RAI), or whose observation ends before its origin, raises a {@link CourseException}.
 * </ul>
 */
public final class EndpointDeriver {

  private EndpointDeriver() {}

  /** Seed 000's PFS events: local tumour progression, new nodal metastasis, distant metastasis. */
  public static final Set<ProgressionType> SEED_000_EVENTS =
      EnumSet.of(
          ProgressionType.LOCAL_TUMOUR_PROGRESSION,
          ProgressionType.NEW_NODAL_METASTASIS,
          ProgressionType.DISTANT_METASTASIS);

  /** Structural progression of any kind (not biochemical). */
  public static final Set<ProgressionType> STRUCTURAL_EVENTS =
      EnumSet.complementOf(EnumSet.of(ProgressionType.BIOCHEMICAL_PROGRESSION));

  /** The date of an origin in this course. */
  public static LocalDate origin(PatientCourse c, Origin origin) {
    Optional<LocalDate> d =
        switch (origin) {
          case DIAGNOSIS -> Optional.of(c.demographics().diagnosisDate());
          case FIRST_RAI ->
              c.raiCourses().stream().map(RaiCourse::date).min(Comparator.naturalOrder());
          case FIRST_ABLATION ->
              c.treatments().stream()
                  .filter(t -> t.kind() == TreatmentKind.THERMAL_ABLATION)
                  .map(LocalTreatment::date)
                  .min(Comparator.naturalOrder());
          case FIRST_LUNG_METASTASIS ->
              c.lesions().stream()
                  .filter(m -> m.site() == LesionSite.LUNG)
                  .map(Metastasis::detected)
                  .min(Comparator.naturalOrder());
          case FIRST_DISTANT_METASTASIS ->
              c.lesions().stream()
                  .filter(m -> m.site().isDistant())
                  .map(Metastasis::detected)
                  .min(Comparator.naturalOrder());
        };
    return d.orElseThrow(
        () ->
            new CourseException(
                c.patientId(),
                "origin " + origin,
                "the course has no "
                    + origin.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + " to start the clock"));
  }

  /**
   * Progression-free survival.
   *
   * @param origin time zero
   * @param events which progression types count
   * @param deathIsEvent whether death (any cause) is an event, as in the usual PFS definition
   */
  public static TimeToEvent progressionFree(
      PatientCourse c, Origin origin, Set<ProgressionType> events, boolean deathIsEvent) {
    LocalDate t0 = origin(c, origin);
    String method =
        "PFS from "
            + origin
            + "; events "
            + events.stream().map(Enum::name).sorted().collect(Collectors.joining(", "))
            + (deathIsEvent ? " or death" : "; death censors")
            + "; events strictly after origin; censored at last follow-up; months = days / 30.4375";
    Optional<ProgressionEvent> first =
        c.progressions().stream()
            .filter(p -> events.contains(p.type()) && p.date().isAfter(t0))
            .min(Comparator.comparing(ProgressionEvent::date));
    LocalDate deathDate = c.death() == null ? null : c.death().date();
    if (first.isPresent() && (deathDate == null || !deathDate.isBefore(first.get().date()))) {
      return make(
          c,
          "pfs",
          t0,
          first.get().date(),
          true,
          first.get().type() + " on " + first.get().date(),
          method);
    }
    if (deathDate != null && deathDate.isAfter(t0)) {
      return make(
          c,
          "pfs",
          t0,
          deathDate,
          deathIsEvent,
          deathIsEvent ? "death on " + deathDate : "censored at death " + deathDate,
          method);
    }
    return censored(c, "pfs", t0, method);
  }

  /** Overall survival from the origin: death of any cause, censored at last follow-up. */
  public static TimeToEvent overall(PatientCourse c, Origin origin) {
    LocalDate t0 = origin(c, origin);
    String method =
        "OS from "
            + origin
            + "; death of any cause; censored at last follow-up; months = days / 30.4375";
    if (c.death() != null) {
      return make(
          c,
          "os",
          t0,
          c.death().date(),
          true,
          "death (" + c.death().cause() + ") on " + c.death().date(),
          method);
    }
    return censored(c, "os", t0, method);
  }

  /** Time to a new nodal metastasis (seed 000's "new LNM"); death censors. */
  public static TimeToEvent newNodalMetastasis(PatientCourse c, Origin origin) {
    TimeToEvent t =
        progressionFree(c, origin, EnumSet.of(ProgressionType.NEW_NODAL_METASTASIS), false);
    return new TimeToEvent(
        "time_to_new_nodal_metastasis",
        t.origin(),
        t.end(),
        t.event(),
        t.eventDescription(),
        t.days(),
        t.months(),
        t.method().replace("PFS", "time to new nodal metastasis"));
  }

  /**
   * Time to disappearance of one lesion (seed 000, Figure 3): from its first thermal ablation (or,
   * if never ablated, its first local treatment) to the first measurement recording it as
   * disappeared; censored at the last measurement of the lesion, or the last follow-up if later.
   */
  public static TimeToEvent lesionDisappearance(PatientCourse c, String lesionId) {
    Metastasis lesion = c.lesion(lesionId);
    if (lesion == null) {
      throw new CourseException(c.patientId(), "lesion " + lesionId, "no such lesion");
    }
    LocalDate t0 =
        c.treatments().stream()
            .filter(t -> t.lesionIds().contains(lesionId))
            .sorted(
                Comparator.comparing(
                        (LocalTreatment t) -> t.kind() != TreatmentKind.THERMAL_ABLATION)
                    .thenComparing(LocalTreatment::date))
            .map(LocalTreatment::date)
            .findFirst()
            .orElseThrow(
                () ->
                    new CourseException(
                        c.patientId(),
                        "lesion " + lesionId,
                        "the lesion was never treated: no origin for time to disappearance"));
    String method =
        "time to disappearance of lesion "
            + lesionId
            + " from its first ablation/treatment; first measurement marked disappeared; "
            + "censored at last follow-up; months = days / 30.4375";
    Optional<LesionMeasurement> gone =
        c.measurements().stream()
            .filter(m -> m.lesionId().equals(lesionId) && m.disappeared() && m.date().isAfter(t0))
            .min(Comparator.comparing(LesionMeasurement::date));
    if (gone.isPresent()) {
      return make(
          c,
          "time_to_disappearance",
          t0,
          gone.get().date(),
          true,
          "lesion " + lesionId + " disappeared on " + gone.get().date(),
          method);
    }
    return censored(c, "time_to_disappearance", t0, method);
  }

  private static TimeToEvent censored(PatientCourse c, String name, LocalDate t0, String method) {
    if (c.death() != null) {
      // death ends observation: an endpoint death does not count for is censored there
      return make(
          c, name, t0, c.death().date(), false, "censored at death " + c.death().date(), method);
    }
    LocalDate end = c.lastFollowUp();
    if (end == null) {
      throw new CourseException(
          c.patientId(),
          "lastFollowUp",
          "no event and no last follow-up date: cannot censor " + name);
    }
    return make(c, name, t0, end, false, "censored at last follow-up " + end, method);
  }

  private static TimeToEvent make(
      PatientCourse c,
      String name,
      LocalDate t0,
      LocalDate end,
      boolean event,
      String what,
      String method) {
    if (end.isBefore(t0)) {
      throw new CourseException(
          c.patientId(), name, "observation ends " + end + " before the origin " + t0);
    }
    long days = ChronoUnit.DAYS.between(t0, end);
    return new TimeToEvent(
        name, t0, end, event, what, days, days / TimeToEvent.DAYS_PER_MONTH, method);
  }
}
