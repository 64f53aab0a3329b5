package org.thyra.clinical;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.thyra.clinical.ablation.Complication;
import org.thyra.clinical.ablation.ComplicationClassification;
import org.thyra.clinical.ablation.ComplicationGrading;
import org.thyra.clinical.ablation.TechnicalSuccess;
import org.thyra.clinical.comorbidity.AgeAdjustedCharlson;
import org.thyra.clinical.comorbidity.EcogPerformanceStatus;
import org.thyra.clinical.course.Analyte;
import org.thyra.clinical.course.CourseException;
import org.thyra.clinical.course.LabResult;
import org.thyra.clinical.course.LesionMeasurement;
import org.thyra.clinical.course.LesionSite;
import org.thyra.clinical.course.LocalDiseaseStatus;
import org.thyra.clinical.course.LocalTreatment;
import org.thyra.clinical.course.Metastasis;
import org.thyra.clinical.course.MetastasisTiming;
import org.thyra.clinical.course.NodalDisease;
import org.thyra.clinical.course.PatientCourse;
import org.thyra.clinical.course.PrimaryTumour;
import org.thyra.clinical.course.ProgressionEvent;
import org.thyra.clinical.course.ProgressionType;
import org.thyra.clinical.course.RaiCourse;
import org.thyra.clinical.course.ResponseAssessment;
import org.thyra.clinical.course.Surgery;
import org.thyra.clinical.course.TreatmentKind;
import org.thyra.clinical.course.TshState;
import org.thyra.clinical.distant.LocalTreatmentEligibility;
import org.thyra.clinical.endpoint.EndpointDeriver;
import org.thyra.clinical.endpoint.Origin;
import org.thyra.clinical.endpoint.TimeToEvent;
import org.thyra.clinical.lesion.EllipsoidVolume;
import org.thyra.clinical.lesion.VolumeReductionRate;
import org.thyra.clinical.refractory.CriterionFinding;
import org.thyra.clinical.refractory.RairClassifier;
import org.thyra.clinical.refractory.RairOptions;
import org.thyra.clinical.refractory.RairResult;
import org.thyra.clinical.refractory.UptakePattern;
import org.thyra.clinical.response.InitialTherapy;
import org.thyra.clinical.response.RecistNonTarget;
import org.thyra.clinical.response.RecistResponse;
import org.thyra.clinical.response.RecistTimeline;
import org.thyra.clinical.response.RecistTimepoint;
import org.thyra.clinical.response.TargetAssessment;
import org.thyra.clinical.response.TargetLesionDiameter;
import org.thyra.clinical.response.TgResponse;
import org.thyra.clinical.rules.AtaResponseAdapter;
import org.thyra.clinical.rules.AtaRiskAdapter;
import org.thyra.clinical.rules.LocalTreatmentAdapter;
import org.thyra.clinical.staging.Ajcc7Staging;
import org.thyra.clinical.staging.Ajcc8Staging;
import org.thyra.clinical.staging.MCategory;
import org.thyra.clinical.staging.NCategory;
import org.thyra.clinical.staging.TCategory;
import org.thyra.clinical.units.Activity;
import org.thyra.clinical.units.ActivityUnit;
import org.thyra.clinical.units.TgUnit;

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

  /** How M is read from the course at staging. */
  static final String M_METHOD =
      "M1 when a distant lesion was detected within the AJCC staging time frame: up to 4 months after "
          + "diagnosis or until the first RAI course if that is later and ≤ 12 months after diagnosis";

  /** How lesion volumes are computed from the course's measurements. */
  static final String VOLUME_METHOD =
      "ellipsoid V = π/6 · a · b · c with diameters in mm, volume in mL (mm³ / 1000); disappeared = 0";

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
    PrimaryTumour p = c.primaryTumour();
    if (p == null) {
      out.add(
          new Finding(
              "ajcc8-stage",
              "patient",
              "",
              "no primary tumour recorded",
              List.of(),
              Ajcc8Staging.STAGE_METHOD));
      return;
    }
    if (p.histology() == null || !p.histology().isDifferentiated()) {
      out.add(
          new Finding(
              "ajcc8-stage",
              "patient",
              "",
              "histology " + p.histology() + " is not staged by the differentiated-carcinoma table",
              List.of(),
              Ajcc8Staging.STAGE_METHOD));
      return;
    }
    MCategory m = distantAtStaging(c) ? MCategory.M1 : MCategory.M0;
    String mWhy =
        (m == MCategory.M1 ? "distant lesion detected" : "no distant lesion detected")
            + " by "
            + stagingWindowEnd(c)
            + " (staging time frame) → "
            + m;
    NodalDisease nodes = p.nodes();
    Set<org.thyra.clinical.course.NodeRegion> regions =
        nodes == null || !nodes.assessed() ? null : nodes.regions();
    if (c.demographics().birthDate() == null) {
      out.add(
          new Finding(
              "ajcc8-stage",
              "patient",
              "",
              "birth date not recorded: age at diagnosis unknown",
              List.of(),
              Ajcc8Staging.STAGE_METHOD));
      return;
    }
    int age = c.demographics().ageAtDiagnosis();
    // 8th
    Derived<TCategory> t8 = Ajcc8Staging.tCategory(p.sizeCm(), p.extension());
    Derived<NCategory> n8 = Ajcc8Staging.nCategory(regions);
    out.add(Finding.of("ajcc8-t", "primary", t8));
    out.add(Finding.of("ajcc8-n", "primary", n8));
    out.add(new Finding("ajcc8-m", "patient", m.name(), mWhy, List.of(), M_METHOD));
    out.add(
        Finding.of("ajcc8-stage", "patient", Ajcc8Staging.stage(age, t8.value(), n8.value(), m)));
    // 7th
    Derived<TCategory> t7 = Ajcc7Staging.tCategory(p.sizeCm(), p.extension());
    Derived<NCategory> n7 = Ajcc7Staging.nCategory(regions);
    out.add(Finding.of("ajcc7-t", "primary", t7));
    out.add(Finding.of("ajcc7-n", "primary", n7));
    out.add(
        Finding.of("ajcc7-stage", "patient", Ajcc7Staging.stage(age, t7.value(), n7.value(), m)));
  }

  private static void ataRisk(PatientCourse c, Options o, List<Finding> out) {
    AtaRiskAdapter.finding(c, o.ataEdition(), distantAtStaging(c)).ifPresent(out::add);
  }

  // ------------------------------------------------------------------ timing

  private static void timing(PatientCourse c, List<Finding> out) {
    LocalDate dx = c.demographics().diagnosisDate();
    c.lesions().stream()
        .filter(m -> m.site().isDistant())
        .min(Comparator.comparing(Metastasis::detected))
        .ifPresent(
            m ->
                out.add(
                    Finding.of(
                        "metastasis-timing",
                        "lesion " + m.lesionId(),
                        lower(
                            guard(
                                c,
                                "lesion " + m.lesionId(),
                                () -> MetastasisTiming.classify(dx, m.detected()))))));
    Optional<Surgery> firstSurgery =
        c.surgeries().stream().min(Comparator.comparing(Surgery::date));
    if (firstSurgery.isPresent()) {
      LocalDate s = firstSurgery.get().date();
      c.lesions().stream()
          .filter(
              m ->
                  (m.site() == LesionSite.THYROID_BED || m.site() == LesionSite.CERVICAL_NODE)
                      && m.detected().isAfter(s))
          .min(Comparator.comparing(Metastasis::detected))
          .ifPresent(
              m ->
                  out.add(
                      Finding.of(
                          "local-disease",
                          "lesion " + m.lesionId(),
                          lower(LocalDiseaseStatus.classify(s, m.detected(), true))
                              .withWarning(
                                  "disease-free status assumed from the first surgery " + s))));
    }
  }

  // ------------------------------------------------------------------ RAI

  private static void rai(PatientCourse c, Options o, List<Finding> out) {
    if (c.raiCourses().isEmpty()) {
      return;
    }
    Activity total = Activity.of("0", ActivityUnit.MCI);
    int missing = 0;
    for (RaiCourse r : c.raiCourses()) {
      if (r.activity() == null) {
        missing++;
      } else {
        total = total.plus(r.activity());
      }
    }
    String mci =
        total
            .in(ActivityUnit.MCI)
            .round(new java.math.MathContext(10))
            .stripTrailingZeros()
            .toPlainString();
    String gbq =
        total
            .in(ActivityUnit.GBQ)
            .round(new java.math.MathContext(10))
            .stripTrailingZeros()
            .toPlainString();
    out.add(
        new Finding(
            "activity-units",
            "cumulative activity",
            mci + " mCi",
            c.raiCourses().size()
                + " course(s): "
                + mci
                + " mCi = "
                + gbq
                + " GBq (1 mCi = 37 MBq)",
            missing == 0
                ? List.of()
                : List.of(missing + " course(s) without activity: lower bound"),
            "sum of the administered activities, exact decimals; 1 mCi = 37 MBq exactly"));
    List<LocalDate> progressions =
        c.progressions().stream()
            .filter(p -> p.type() != ProgressionType.BIOCHEMICAL_PROGRESSION)
            .map(ProgressionEvent::date)
            .toList();
    RairResult r = RairClassifier.classify(c.raiCourses(), progressions, o.rair());
    String fired =
        r.fired().stream()
            .map(x -> x.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(";"));
    out.add(
        new Finding(
            "rair",
            "patient",
            r.refractory() ? "yes" : "no",
            r.reason(),
            r.warnings(),
            r.method()));
    for (CriterionFinding f : r.criteria()) {
      out.add(
          new Finding(
              "rair",
              "criterion " + f.criterion().name().toLowerCase(Locale.ROOT),
              f.fired() ? "fired" : "not fired",
              f.detail(),
              List.of(),
              r.method()));
    }
    if (r.subtype() != null) {
      out.add(
          new Finding(
              "rair",
              "subtype",
              r.subtype().name().toLowerCase(Locale.ROOT),
              "criteria fired: " + fired,
              List.of(),
              r.method()));
    }
    out.add(Finding.of("uptake-pattern", "patient", lower(UptakePattern.classify(c.raiCourses()))));
  }

  // ------------------------------------------------------------------ response

  private static BigDecimal ngPerMl(LabResult l) {
    return l.tgNgPerMl();
  }

  private static void response(PatientCourse c, Options o, List<Finding> out) {
    for (int i = 0; i < c.labs().size(); i++) {
      LabResult l = c.labs().get(i);
      if (l.analyte() == Analyte.TG
          && l.unit() != null
          && TgUnit.parse(l.unit()) != TgUnit.NG_PER_ML) {
        BigDecimal ng = ngPerMl(l);
        String v = ng.round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString();
        out.add(
            new Finding(
                "tg-units",
                "labs[" + i + "] " + l.date(),
                v + " ng/mL",
                BigDecimal.valueOf(l.value()).stripTrailingZeros().toPlainString()
                    + " "
                    + l.unit()
                    + " = "
                    + v
                    + " ng/mL",
                List.of(),
                "1 ng/mL = 1 µg/L = 1000 ng/L; exact decimal conversion"));
      }
    }
    List<LabResult> stimulated =
        c.labs().stream()
            .filter(l -> l.analyte() == Analyte.TG && l.tshState() == TshState.STIMULATED)
            .sorted(Comparator.comparing(LabResult::date))
            .toList();
    for (int i = 1; i < stimulated.size(); i++) {
      LabResult a = stimulated.get(i - 1);
      LabResult b = stimulated.get(i);
      out.add(
          Finding.of(
              "tg-response",
              a.date() + " → " + b.date(),
              TgResponse.classify(ngPerMl(a), ngPerMl(b), o.tgThresholdPercent(), o.tgBoundary())));
    }
    out.addAll(AtaResponseAdapter.findings(c, o.ataEdition()));
    recist(c, out);
  }

  /** The initial treatment before an assessment ({@link AtaResponseAdapter#initialTherapy}). */
  static Derived<InitialTherapy> initialTherapy(PatientCourse c, LocalDate assessment) {
    return AtaResponseAdapter.initialTherapy(c, assessment);
  }

  private static void recist(PatientCourse c, List<Finding> out) {
    Set<String> targets =
        c.lesions().stream()
            .filter(Metastasis::recistTarget)
            .map(Metastasis::lesionId)
            .collect(Collectors.toSet());
    Map<LocalDate, ResponseAssessment> byDate = new LinkedHashMap<>();
    c.assessments().forEach(a -> byDate.put(a.date(), a));
    Map<LocalDate, List<TargetLesionDiameter>> diameters = new java.util.TreeMap<>();
    for (LesionMeasurement m : c.measurements()) {
      if (!targets.contains(m.lesionId())) {
        continue;
      }
      boolean nodal = c.lesion(m.lesionId()).site().isNodal();
      Double d = m.disappeared() ? Double.valueOf(0) : nodal ? m.shortAxisMm() : m.aMm();
      if (d == null) {
        continue;
      }
      diameters
          .computeIfAbsent(m.date(), k -> new ArrayList<>())
          .add(TargetLesionDiameter.of(m.lesionId(), nodal, d));
    }
    List<TargetAssessment> series = new ArrayList<>();
    if (!targets.isEmpty()) {
      diameters.forEach(
          (date, list) ->
              series.add(
                  new TargetAssessment(
                      date,
                      list,
                      nonTarget(byDate.get(date)),
                      byDate.containsKey(date) && byDate.get(date).newLesions())));
    } else {
      for (ResponseAssessment a : c.assessments()) {
        if (a.nonTargetGone() != null) {
          series.add(new TargetAssessment(a.date(), List.of(), nonTarget(a), a.newLesions()));
        }
      }
    }
    if (series.size() < 2) {
      return;
    }
    List<RecistTimepoint> timeline;
    try {
      timeline = RecistTimeline.assess(series);
    } catch (IllegalArgumentException e) {
      throw new CourseException(c.patientId(), "RECIST target measurements", e.getMessage());
    }
    for (RecistTimepoint t : timeline) {
      if (t.target() != null) {
        out.add(
            new Finding(
                "recist-target",
                t.date().toString(),
                t.target().value().label(),
                t.target().reason(),
                t.target().warnings(),
                t.target().method()));
      }
      ResponseAssessment visit = byDate.get(t.date());
      if (visit != null && visit.nonTargetGone() != null) {
        Derived<RecistResponse> nt =
            RecistNonTarget.classify(visit.nonTargetGone(), null, visit.nonTargetProgression());
        out.add(
            new Finding(
                "recist-nontarget",
                t.date().toString(),
                nt.value().label(),
                nt.reason(),
                nt.warnings(),
                nt.method()));
      }
      Derived<RecistResponse> ov = t.overall();
      out.add(
          new Finding(
              "recist-overall",
              t.date().toString(),
              ov.value() == null ? "" : ov.value().label(),
              ov.reason(),
              ov.warnings(),
              ov.method()));
    }
  }

  private static RecistResponse nonTarget(ResponseAssessment a) {
    if (a == null || a.nonTargetGone() == null) {
      return null;
    }
    return RecistNonTarget.classify(a.nonTargetGone(), null, a.nonTargetProgression()).value();
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
    Map<String, List<LesionMeasurement>> byLesion = new LinkedHashMap<>();
    c.measurements().stream()
        .sorted(Comparator.comparing(LesionMeasurement::date))
        .forEach(m -> byLesion.computeIfAbsent(m.lesionId(), k -> new ArrayList<>()).add(m));
    List<Finding> volumes = new ArrayList<>();
    List<Finding> rates = new ArrayList<>();
    byLesion.forEach(
        (id, list) -> {
          Double v0 = null;
          LocalDate d0 = null;
          for (LesionMeasurement m : list) {
            Double v =
                m.disappeared()
                    ? Double.valueOf(0)
                    : m.aMm() != null && m.bMm() != null && m.cMm() != null
                        ? EllipsoidVolume.of(m.aMm(), m.bMm(), m.cMm()) / 1000.0
                        : null;
            if (v == null) {
              continue;
            }
            String subject = "lesion " + id + " " + m.date();
            if (m.disappeared()) {
              volumes.add(
                  new Finding(
                      "ellipsoid-volume",
                      subject,
                      "0 mL",
                      "lesion disappeared",
                      List.of(),
                      VOLUME_METHOD));
            } else {
              volumes.add(
                  new Finding(
                      "ellipsoid-volume",
                      subject,
                      number(v) + " mL",
                      "π/6 × "
                          + number(m.aMm())
                          + " × "
                          + number(m.bMm())
                          + " × "
                          + number(m.cMm())
                          + " mm³ / 1000",
                      List.of(),
                      VOLUME_METHOD));
            }
            if (v0 == null) {
              if (v > 0) {
                v0 = v;
                d0 = m.date();
              }
            } else {
              Derived<Double> vrr = VolumeReductionRate.of(v0, v);
              rates.add(
                  new Finding(
                      "vrr",
                      subject,
                      number(vrr.value()) + " %",
                      "(V0 − V) / V0 × 100 with V0 = "
                          + number(v0)
                          + " mL on "
                          + d0
                          + ", V = "
                          + number(v)
                          + " mL"
                          + (v == 0 ? " (disappeared)" : ""),
                      vrr.warnings(),
                      vrr.method() + "; V0 = the lesion's first measured volume"));
            }
          }
        });
    out.addAll(volumes);
    out.addAll(rates);
  }

  private static void ablation(PatientCourse c, Options o, List<Finding> out) {
    for (LocalTreatment t : c.treatments()) {
      if (t.kind() != TreatmentKind.THERMAL_ABLATION || t.ablation() == null) {
        continue;
      }
      String subject = "ablation " + t.date() + " " + t.lesionIds();
      Derived<Boolean> ts =
          TechnicalSuccess.assess(
              t.date(), t.ablation().ceusDate(), t.ablation().residualEnhancement());
      out.add(
          new Finding(
              "technical-success",
              subject,
              ts.value() == null ? "" : ts.value() ? "yes" : "no",
              ts.reason(),
              List.of(),
              ts.method()));
      for (Complication k : t.ablation().complications()) {
        ComplicationGrading g = ComplicationClassification.grade(k, o.complicationConvention());
        out.add(
            new Finding(
                "complication-grade",
                subject + " " + k.type().name().toLowerCase(Locale.ROOT),
                (g.major() ? "major" : "minor") + ", SIR " + g.sir() + ", CIRSE " + g.cirse(),
                g.reason(),
                List.of(),
                g.method()));
      }
    }
  }

  // ------------------------------------------------------------------ comorbidity and endpoints

  private static void comorbidity(PatientCourse c, List<Finding> out) {
    if (c.demographics().birthDate() != null) {
      out.add(
          Finding.of(
              "charlson-age-adjusted",
              "at diagnosis",
              AgeAdjustedCharlson.score(c.demographics().ageAtDiagnosis(), c.comorbidities())));
    }
    if (c.ecog() != null) {
      EcogPerformanceStatus e = EcogPerformanceStatus.of(c.ecog());
      out.add(
          new Finding(
              "ecog",
              "baseline",
              Integer.toString(e.grade()),
              e.description(),
              List.of(),
              "ECOG performance status as recorded (Oken 1982), 0–5"));
    }
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

  private static <T> Derived<T> guard(
      PatientCourse c, String entry, java.util.function.Supplier<Derived<T>> f) {
    try {
      return f.get();
    } catch (CourseException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new CourseException(c.patientId(), entry, e.getMessage());
    }
  }

  private static Derived<String> lower(Derived<?> d) {
    return d.lowerCase();
  }

  static String number(double v) {
    return new BigDecimal(v)
        .round(new java.math.MathContext(6))
        .stripTrailingZeros()
        .toPlainString();
  }
}
