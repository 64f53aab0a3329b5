package org.thyra.clinical;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.thyra.clinical.ablation.ComplicationClassification;
import org.thyra.clinical.course.LesionSite;
import org.thyra.clinical.course.PatientCourse;
import org.thyra.clinical.course.RaiCourse;
import org.thyra.clinical.course.TreatmentKind;
import org.thyra.clinical.distant.LocalTreatmentEligibility;
import org.thyra.clinical.endpoint.EndpointDeriver;
import org.thyra.clinical.endpoint.Origin;
import org.thyra.clinical.endpoint.TimeToEvent;
import org.thyra.clinical.refractory.RairOptions;
import org.thyra.clinical.response.InitialTherapy;
import org.thyra.clinical.response.TgResponse;
import org.thyra.clinical.rules.AblationAdapter;
import org.thyra.clinical.rules.AtaResponseAdapter;
import org.thyra.clinical.rules.AtaRiskAdapter;
import org.thyra.clinical.rules.ComorbidityAdapter;
import org.thyra.clinical.rules.LocalTreatmentAdapter;
import org.thyra.clinical.rules.RairAdapter;
import org.thyra.clinical.rules.RecistAdapter;
import org.thyra.clinical.rules.StagingAdapter;
import org.thyra.clinical.rules.TgResponseAdapter;
import org.thyra.clinical.rules.TimingAdapter;
import org.thyra.clinical.rules.UnitsAdapter;
import org.thyra.clinical.rules.VolumeAdapter;

/**
 * Applies every rule that a patient's course has the data for, and returns each derived status with
 * its reason. Course-level conventions (in addition to each rule's own):
 *
 * <ul>
 *   <li><b>M at staging</b>: M1 when a distant lesion was detected within the AJCC staging time
 *       frame — up to 4 months after diagnosis or until the first RAI course, whichever is later,
 *       the RAI course counting only when it is part of initial therapy (≤ 12 months after
 *       diagnosis);
 *   <li><b>age</b> for staging and the Charlson index: completed years at diagnosis;
 *   <li><b>ATA risk</b>: distant metastasis as for M; RAI-avid neck foci = an avid cervical-node
 *       lesion on the first RAI course's scan; incomplete resection from the primary or any
 *       surgery;
 *   <li><b>synchronous/metachronous</b>: the first distant lesion;
 *   <li><b>recurrence/persistence</b>: the first thyroid-bed or cervical-node lesion detected after
 *       the first surgery, disease-free from that surgery (the course does not record "never
 *       disease-free"; a warning says so);
 *   <li><b>Tg response</b>: between consecutive stimulated Tg values (converted to ng/mL);
 *   <li><b>ATA response</b>: at each assessment with imaging, with the suppressed and stimulated Tg
 *       of the same day or up to 30 days before, by the table of the initial treatment before it
 *       ({@link #initialTherapy}: RAI → total thyroidectomy + RAI; total/completion thyroidectomy
 *       without RAI; lobectomy or subtotal without RAI);
 *   <li><b>RECIST</b>: target lesions' measurements by date (node short axis, otherwise the maximum
 *       diameter a; disappeared = 0), non-target and new lesions from the assessment of the same
 *       date;
 *   <li><b>volumes</b>: diameters in mm, volume in mL (mm³ / 1000), VRR against the first
 *       measurement of the lesion;
 *   <li><b>ATA edition</b>: risk and response by {@link Options#ataEdition()} (2015 by default;
 *       2025 only as far as a readable source states it);
 *   <li><b>local treatment</b> (seed 002): every distant lesion still present, each criterion as
 *       its own finding ({@link #localTreatment}).
 * </ul>
 */
public final class CourseClassifier {

  /**
   * Options for course-level classification.
   *
   * @param ataEdition the ATA edition of the risk and response rules (2015 unless a user chooses)
   * @param localTreatment the thresholds of the local-treatment rule
   */
  public record Options(
      RairOptions rair,
      ComplicationClassification.Convention complicationConvention,
      java.math.BigDecimal tgThresholdPercent,
      TgResponse.Boundary tgBoundary,
      AtaEdition ataEdition,
      LocalTreatmentEligibility.Thresholds localTreatment) {

    public Options {
      java.util.Objects.requireNonNull(ataEdition, "ataEdition");
      java.util.Objects.requireNonNull(localTreatment, "localTreatment");
    }

    /** The ATA 2015 edition and the default local-treatment thresholds. */
    public Options(
        RairOptions rair,
        ComplicationClassification.Convention complicationConvention,
        java.math.BigDecimal tgThresholdPercent,
        TgResponse.Boundary tgBoundary) {
      this(
          rair,
          complicationConvention,
          tgThresholdPercent,
          tgBoundary,
          AtaEdition.ATA_2015,
          LocalTreatmentEligibility.Thresholds.defaults());
    }

    /** ATA RAIR criteria only, thyroid-ablation complication convention, ΔTg ≥ 25 %, ATA 2015. */
    public static Options defaults() {
      return new Options(
          RairOptions.ataOnly(),
          ComplicationClassification.Convention.THYROID_ABLATION,
          TgResponse.DEFAULT_THRESHOLD_PERCENT,
          TgResponse.Boundary.INCLUSIVE);
    }

    /** These options with another ATA edition. */
    public Options withAtaEdition(AtaEdition edition) {
      return new Options(
          rair, complicationConvention, tgThresholdPercent, tgBoundary, edition, localTreatment);
    }
  }

  private CourseClassifier() {}

  /**
   * Every finding, in a fixed order: staging, risk, timing, RAI, response, lesions, ablation,
   * comorbidity, endpoints.
   */
  public static List<Finding> classify(PatientCourse c, Options o) {
    List<Finding> out = new ArrayList<>();
    staging(c, out);
    ataRisk(c, o, out);
    timing(c, out);
    rai(c, o, out);
    response(c, o, out);
    lesions(c, out);
    localTreatment(c, o, out);
    ablation(c, o, out);
    comorbidity(c, out);
    endpoints(c, out);
    return out;
  }

  // ------------------------------------------------------------------ staging and risk

  static LocalDate stagingWindowEnd(PatientCourse c) {
    LocalDate dx = c.demographics().diagnosisDate();
    LocalDate end = dx.plusMonths(4);
    // the first RAI course extends the window only when it is part of initial therapy (≤ 12 months)
    Optional<LocalDate> firstRai =
        c.raiCourses().stream().map(RaiCourse::date).min(Comparator.naturalOrder());
    return firstRai.filter(d -> d.isAfter(end) && !d.isAfter(dx.plusMonths(12))).orElse(end);
  }

  static boolean distantAtStaging(PatientCourse c) {
    LocalDate end = stagingWindowEnd(c);
    return c.lesions().stream().anyMatch(m -> m.site().isDistant() && !m.detected().isAfter(end));
  }

  private static void staging(PatientCourse c, List<Finding> out) {
    out.addAll(StagingAdapter.findings(c, distantAtStaging(c), stagingWindowEnd(c)));
  }

  private static void ataRisk(PatientCourse c, Options o, List<Finding> out) {
    AtaRiskAdapter.finding(c, o.ataEdition(), distantAtStaging(c)).ifPresent(out::add);
  }

  // ------------------------------------------------------------------ timing

  private static void timing(PatientCourse c, List<Finding> out) {
    out.addAll(TimingAdapter.findings(c));
  }

  // ------------------------------------------------------------------ RAI

  private static void rai(PatientCourse c, Options o, List<Finding> out) {
    if (c.raiCourses().isEmpty()) {
      return;
    }
    out.addAll(UnitsAdapter.activityFindings(c));
    out.addAll(RairAdapter.findings(c, o.rair()));
  }

  // ------------------------------------------------------------------ response

  private static void response(PatientCourse c, Options o, List<Finding> out) {
    out.addAll(UnitsAdapter.tgFindings(c));
    out.addAll(TgResponseAdapter.findings(c, o.tgThresholdPercent(), o.tgBoundary()));
    out.addAll(AtaResponseAdapter.findings(c, o.ataEdition()));
    recist(c, out);
  }

  /** The initial treatment before an assessment ({@link AtaResponseAdapter#initialTherapy}). */
  static Derived<InitialTherapy> initialTherapy(PatientCourse c, LocalDate assessment) {
    return AtaResponseAdapter.initialTherapy(c, assessment);
  }

  private static void recist(PatientCourse c, List<Finding> out) {
    out.addAll(RecistAdapter.findings(c));
  }

  // ------------------------------------------------------------------ lesions and ablation

  // ------------------------------------------------------------------ local treatment

  /**
   * The local-treatment rule for every distant lesion still present ({@link
   * LocalTreatmentAdapter}).
   */
  private static void localTreatment(PatientCourse c, Options o, List<Finding> out) {
    out.addAll(LocalTreatmentAdapter.findings(c, o.localTreatment()));
  }

  private static void lesions(PatientCourse c, List<Finding> out) {
    out.addAll(VolumeAdapter.findings(c));
  }

  private static void ablation(PatientCourse c, Options o, List<Finding> out) {
    out.addAll(AblationAdapter.findings(c, o.complicationConvention()));
  }

  // ------------------------------------------------------------------ comorbidity and endpoints

  private static void comorbidity(PatientCourse c, List<Finding> out) {
    out.addAll(ComorbidityAdapter.findings(c));
  }

  private static void endpoints(PatientCourse c, List<Finding> out) {
    if (c.lastFollowUp() == null && c.death() == null) {
      out.add(
          new Finding(
              "endpoints",
              "patient",
              "",
              "no last follow-up and no death: endpoints cannot be censored",
              List.of(),
              "censoring at last follow-up or death"));
      return;
    }
    out.add(endpoint("os", "from diagnosis", EndpointDeriver.overall(c, Origin.DIAGNOSIS)));
    if (!c.raiCourses().isEmpty()) {
      out.add(
          endpoint(
              "pfs",
              "from first RAI, structural events or death",
              EndpointDeriver.progressionFree(
                  c, Origin.FIRST_RAI, EndpointDeriver.STRUCTURAL_EVENTS, true)));
    }
    if (c.lesions().stream().anyMatch(m -> m.site() == LesionSite.LUNG)) {
      out.add(
          endpoint(
              "pfs",
              "from first lung metastasis (seed 003), structural events or death",
              EndpointDeriver.progressionFree(
                  c, Origin.FIRST_LUNG_METASTASIS, EndpointDeriver.STRUCTURAL_EVENTS, true)));
    }
    if (c.treatments().stream().anyMatch(t -> t.kind() == TreatmentKind.THERMAL_ABLATION)) {
      out.add(
          endpoint(
              "pfs",
              "from first ablation (seed 000: LTP, new nodal, distant, or death)",
              EndpointDeriver.progressionFree(
                  c, Origin.FIRST_ABLATION, EndpointDeriver.SEED_000_EVENTS, true)));
      out.add(
          endpoint(
              "time-to-new-nodal-metastasis",
              "from first ablation",
              EndpointDeriver.newNodalMetastasis(c, Origin.FIRST_ABLATION)));
      c.treatments().stream()
          .filter(t -> t.kind() == TreatmentKind.THERMAL_ABLATION)
          .flatMap(t -> t.lesionIds().stream())
          .distinct()
          .forEach(
              id ->
                  out.add(
                      endpoint(
                          "time-to-disappearance",
                          "lesion " + id,
                          EndpointDeriver.lesionDisappearance(c, id))));
    }
  }

  private static Finding endpoint(String rule, String subject, TimeToEvent t) {
    String value = number(t.months()) + " months, " + (t.event() ? "event" : "censored");
    return new Finding(
        rule,
        subject,
        value,
        t.origin() + " → " + t.end() + " (" + t.days() + " days): " + t.eventDescription(),
        List.of(),
        t.method());
  }

  // ------------------------------------------------------------------ helpers

  private static Derived<String> lower(Derived<?> d) {
    return d.lowerCase();
  }

  static String number(double v) {
    return VolumeAdapter.number(v);
  }
}
