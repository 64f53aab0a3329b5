package org.thyra.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.thyra.clinical.course.Examples;
import org.thyra.clinical.course.PatientCourse;
import org.thyra.clinical.refractory.RairOptions;

/**
 * The example courses classified end to end; every expected value worked out by hand from the
 * rules.
 */
class CourseClassifierTest {

  static List<Finding> classify(String file) {
    return CourseClassifier.classify(Examples.load(file), CourseClassifier.Options.defaults());
  }

  static String value(List<Finding> f, String rule, String subject) {
    List<Finding> hits =
        f.stream().filter(x -> x.rule().equals(rule) && x.subject().equals(subject)).toList();
    assertThat(hits)
        .as(
            "%s / %s in %s",
            rule,
            subject,
            f.stream().map(x -> x.rule() + "/" + x.subject()).collect(Collectors.joining(", ")))
        .hasSize(1);
    return hits.get(0).value();
  }

  @Test
  void rairLungCourse() {
    List<Finding> f = classify("seed003-rair-lung.json");
    assertThat(value(f, "ajcc8-t", "primary")).isEqualTo("T3b");
    assertThat(value(f, "ajcc8-n", "primary")).isEqualTo("N1a");
    assertThat(value(f, "ajcc8-m", "patient")).isEqualTo("M1");
    assertThat(value(f, "ajcc8-stage", "patient")).isEqualTo("IVB"); // age exactly 55 at diagnosis
    assertThat(value(f, "ajcc7-t", "primary")).isEqualTo("T3");
    assertThat(value(f, "ajcc7-stage", "patient")).isEqualTo("IVC");
    assertThat(value(f, "ata-risk", "patient")).isEqualTo("high");
    assertThat(value(f, "metastasis-timing", "lesion LU1")).isEqualTo("synchronous");
    assertThat(value(f, "rair", "patient")).isEqualTo("yes");
    assertThat(value(f, "rair", "criterion lost_avidity")).isEqualTo("fired");
    assertThat(value(f, "rair", "criterion mixed_avidity")).isEqualTo("fired");
    assertThat(value(f, "rair", "criterion never_avid")).isEqualTo("not fired");
    assertThat(value(f, "rair", "criterion progression_despite_uptake")).isEqualTo("not fired");
    assertThat(value(f, "rair", "subtype")).isEqualTo("partial_or_lost_avidity");
    assertThat(value(f, "uptake-pattern", "patient")).isEqualTo("secondary_non_uptake");
    assertThat(value(f, "activity-units", "cumulative activity")).isEqualTo("650 mCi");
    assertThat(value(f, "tg-response", "2010-07-01 → 2011-01-10")).isEqualTo("PR"); // exactly −30 %
    assertThat(value(f, "tg-response", "2011-01-10 → 2011-08-01")).isEqualTo("SD");
    assertThat(value(f, "tg-response", "2011-08-01 → 2012-03-01")).isEqualTo("PD");
    assertThat(value(f, "recist-target", "2011-06-01")).isEqualTo("PR"); // exactly −30 %
    assertThat(value(f, "recist-target", "2012-09-01"))
        .isEqualTo("PD"); // +21.4 %, +6 mm from nadir 28
    assertThat(value(f, "recist-overall", "2012-09-01")).isEqualTo("PD");
    assertThat(value(f, "ata-response", "2011-06-01")).isEqualTo("structural_incomplete");
    assertThat(value(f, "os", "from diagnosis")).endsWith("event");
    assertThat(value(f, "pfs", "from first lung metastasis (seed 003), structural events or death"))
        .endsWith("event");
    assertThat(value(f, "ecog", "baseline")).isEqualTo("1");
  }

  @Test
  void rairOptionsAddTheirCriteria() {
    var options =
        new CourseClassifier.Options(
            RairOptions.all(),
            CourseClassifier.Options.defaults().complicationConvention(),
            CourseClassifier.Options.defaults().tgThresholdPercent(),
            CourseClassifier.Options.defaults().tgBoundary());
    List<Finding> f = CourseClassifier.classify(Examples.load("seed003-rair-lung.json"), options);
    // 650 mCi > 600 from the fourth course (2012-03-01), progression 2012-09-01 after it
    assertThat(value(f, "rair", "criterion cumulative_activity_above_600_mci")).isEqualTo("fired");
    assertThat(value(f, "rair", "criterion progression_within_12_months")).isEqualTo("not fired");
  }

  @Test
  void raiAvidMicrometastasisCourse() {
    List<Finding> f = classify("seed001-rai-avid-micrometastases.json");
    assertThat(value(f, "ajcc8-t", "primary")).isEqualTo("T1a"); // exactly 1.0 cm
    assertThat(value(f, "ajcc8-n", "primary")).isEqualTo("N1a"); // level VII is N1a in the 8th
    assertThat(value(f, "ajcc7-n", "primary")).isEqualTo("N1b"); // and N1b in the 7th
    assertThat(value(f, "ajcc8-m", "patient")).isEqualTo("M0"); // lung found 2 years later
    assertThat(value(f, "ajcc8-stage", "patient")).isEqualTo("I");
    assertThat(value(f, "ata-risk", "patient")).isEqualTo("low"); // 2 micrometastases < 0.2 cm
    assertThat(value(f, "metastasis-timing", "lesion LU1")).isEqualTo("metachronous");
    assertThat(value(f, "local-disease", "lesion TB1"))
        .isEqualTo("local_recurrence"); // 12 months + 1 day
    assertThat(value(f, "rair", "patient")).isEqualTo("no");
    assertThat(value(f, "uptake-pattern", "patient")).isEqualTo("uptake");
    assertThat(value(f, "tg-response", "2017-08-01 → 2018-02-01"))
        .isEqualTo("PR"); // exactly −25 %, inclusive
    assertThat(value(f, "ata-response", "2019-03-01")).isEqualTo("indeterminate");
    assertThat(value(f, "activity-units", "cumulative activity")).isEqualTo("300 mCi");
    assertThat(value(f, "pfs", "from first RAI, structural events or death")).endsWith("censored");
    // non-target lesions only: the lung micrometastasis persists → non-CR/non-PD
    assertThat(value(f, "recist-overall", "2019-03-01")).isEqualTo("non-CR/non-PD");
    assertThat(f).noneMatch(x -> x.rule().equals("recist-target"));
  }

  @Test
  void ablationCourse() {
    List<Finding> f = classify("seed000-ablation-lymph-node.json");
    assertThat(value(f, "ajcc8-t", "primary")).isEqualTo("T2");
    assertThat(value(f, "ajcc7-t", "primary")).isEqualTo("T3");
    assertThat(value(f, "ajcc8-n", "primary")).isEqualTo("N1b");
    assertThat(value(f, "ajcc8-stage", "patient")).isEqualTo("I");
    assertThat(value(f, "ata-risk", "patient")).isEqualTo("intermediate");
    assertThat(value(f, "local-disease", "lesion LN1")).isEqualTo("local_recurrence");
    assertThat(value(f, "rair", "criterion never_avid")).isEqualTo("fired");
    assertThat(value(f, "rair", "subtype")).isEqualTo("no_avidity");
    assertThat(value(f, "uptake-pattern", "patient")).isEqualTo("primary_non_uptake");
    assertThat(value(f, "ata-response", "2016-01-12")).isEqualTo("structural_incomplete");
    assertThat(value(f, "ata-response", "2018-01-20")).isEqualTo("excellent");
    assertThat(value(f, "ellipsoid-volume", "lesion LN1 2015-01-05"))
        .isEqualTo("0.628319 mL"); // π/6·15·10·8 mm³
    assertThat(value(f, "vrr", "lesion LN1 2016-01-12")).isEqualTo("86.6667 %"); // 1 − 160/1200
    assertThat(value(f, "vrr", "lesion LN1 2017-01-15")).isEqualTo("100 %");
    assertThat(value(f, "technical-success", "ablation 2015-01-10 [LN1]"))
        .isEqualTo("yes"); // CEUS day 3
    assertThat(value(f, "complication-grade", "ablation 2015-01-10 [LN1] voice_change"))
        .isEqualTo("major, SIR A, CIRSE 1");
    assertThat(value(f, "charlson-age-adjusted", "at diagnosis")).isEqualTo("1");
    assertThat(value(f, "pfs", "from first ablation (seed 000: LTP, new nodal, distant, or death)"))
        .endsWith("event");
    assertThat(value(f, "time-to-disappearance", "lesion LN1")).endsWith("event");
    assertThat(f).allMatch(x -> !x.reason().isBlank());
  }

  @Test
  void everyFindingOfEveryExampleStatesItsMethod() {
    for (var file : Examples.files()) {
      List<Finding> f =
          CourseClassifier.classify(
              Examples.load(file.getFileName().toString()), CourseClassifier.Options.defaults());
      assertThat(f)
          .as(file.toString())
          .isNotEmpty()
          .allSatisfy(
              x -> {
                assertThat(x.reason()).as(x.toString()).isNotBlank();
                assertThat(x.method()).as(x.toString()).isNotBlank();
              });
    }
  }

  /** The ATA response table follows the treatment given before each assessment. */
  @Test
  void ataResponseTableFollowsTheTreatmentBeforeEachAssessment() {
    List<Finding> f = classify("lobectomy-completion-rai.json");
    // nonstimulated Tg 30 ng/mL after lobectomy: neither < 30 nor > 30 → indeterminate
    Finding lobectomy =
        f.stream()
            .filter(x -> x.rule().equals("ata-response") && x.subject().equals("2016-09-01"))
            .findFirst()
            .orElseThrow();
    assertThat(lobectomy.value()).isEqualTo("indeterminate");
    assertThat(lobectomy.method()).contains("after lobectomy");
    assertThat(lobectomy.reason()).contains("treatment: lobectomy 2016-03-01, no RAI");
    // 5 ng/mL after completion thyroidectomy without RAI: 0.2–5 with 5 included → indeterminate
    Finding total =
        f.stream()
            .filter(x -> x.rule().equals("ata-response") && x.subject().equals("2017-09-01"))
            .findFirst()
            .orElseThrow();
    assertThat(total.value()).isEqualTo("indeterminate");
    assertThat(total.method()).contains("without RAI");
    // 5 ng/mL suppressed after RAI: ≥ 1 → biochemical incomplete (Table 13)
    Finding rai =
        f.stream()
            .filter(x -> x.rule().equals("ata-response") && x.subject().equals("2018-09-01"))
            .findFirst()
            .orElseThrow();
    assertThat(rai.value()).isEqualTo("biochemical_incomplete");
    assertThat(rai.method()).contains("Table 13");
    assertThat(value(f, "ata-response", "2019-09-01")).isEqualTo("excellent"); // 0.1 ng/mL
    assertThat(value(f, "tg-units", "labs[0] 2016-08-25"))
        .isEqualTo("30 ng/mL"); // written as 30 µg/L
  }

  @Test
  void noThyroidSurgeryNorRaiLeavesTheAtaResponseUndetermined() {
    var c =
        org.thyra.clinical.course.CourseJson.read(
            """
        { "patientId": "NS-1", "demographics": { "diagnosisDate": "2020-01-01" }, "lastFollowUp": "2021-01-01",
          "labs": [ { "date": "2020-06-01", "analyte": "TG", "value": 0.1, "tshState": "SUPPRESSED" } ],
          "assessments": [ { "date": "2020-06-01", "imaging": "NEGATIVE", "tgAb": "UNDETECTABLE" } ] }""",
            "ns");
    Finding f =
        CourseClassifier.classify(c, CourseClassifier.Options.defaults()).stream()
            .filter(x -> x.rule().equals("ata-response"))
            .findFirst()
            .orElseThrow();
    assertThat(f.value()).isEmpty();
    assertThat(f.reason()).contains("no thyroid surgery or RAI recorded before 2020-06-01");
  }

  @Test
  void raiOnTheAssessmentDayDoesNotCountAndSubtotalIsJudgedAsLobectomy() {
    var c =
        org.thyra.clinical.course.CourseJson.read(
            """
        { "patientId": "ST-1", "demographics": { "diagnosisDate": "2020-01-01" }, "lastFollowUp": "2021-01-01",
          "surgeries": [ { "date": "2020-01-01", "type": "SUBTOTAL_THYROIDECTOMY" } ],
          "raiCourses": [ { "date": "2020-06-01" } ] }""",
            "st");
    var d = CourseClassifier.initialTherapy(c, java.time.LocalDate.of(2020, 6, 1));
    assertThat(d.value()).isEqualTo(org.thyra.clinical.response.InitialTherapy.LOBECTOMY);
    assertThat(d.warnings()).singleElement().asString().contains("subtotal thyroidectomy");
    var after = CourseClassifier.initialTherapy(c, java.time.LocalDate.of(2020, 6, 2));
    assertThat(after.value())
        .isEqualTo(org.thyra.clinical.response.InitialTherapy.TOTAL_THYROIDECTOMY_WITH_RAI);
    assertThat(after.warnings())
        .singleElement()
        .asString()
        .contains("without a recorded total or completion thyroidectomy");
  }

  @Test
  void aMinimalCourseGivesWhatItCanAndSaysWhy() {
    var c =
        org.thyra.clinical.course.CourseJson.read(
            """
        { "patientId": "MIN-1", "demographics": { "diagnosisDate": "2020-01-01" } }""",
            "min");
    List<Finding> f = CourseClassifier.classify(c, CourseClassifier.Options.defaults());
    assertThat(value(f, "ajcc8-stage", "patient")).isEmpty();
    assertThat(value(f, "endpoints", "patient")).isEmpty();
    assertThat(f).allMatch(x -> !x.reason().isBlank() && !x.method().isBlank());
  }

  @Test
  void anaplasticIsNotStagedByTheDifferentiatedTable() {
    String json =
        Examples.text("seed001-rai-avid-micrometastases.json")
            .replace("\"PAPILLARY\"", "\"ANAPLASTIC\"");
    List<Finding> f =
        CourseClassifier.classify(
            org.thyra.clinical.course.CourseJson.read(json, "x"),
            CourseClassifier.Options.defaults());
    Finding stage =
        f.stream().filter(x -> x.rule().equals("ajcc8-stage")).findFirst().orElseThrow();
    assertThat(stage.value()).isEmpty();
    assertThat(stage.reason()).contains("ANAPLASTIC is not staged");
  }

  @Test
  void localTreatmentPerDistantLesionWithEveryCriterion() {
    List<Finding> f = classify("seed002-local-treatment-lung.json");
    // 2.2 cm, not miliary, slow, 60 months, 3 lesions ≤ 5 → curative candidate
    assertThat(value(f, "local-treatment", "lesion LU1")).isEqualTo("curative_candidate");
    // 3.4 cm: not < 3 cm; symptomatic → palliative
    assertThat(value(f, "local-treatment", "lesion LU2")).isEqualTo("palliative");
    // miliary: contraindication
    assertThat(value(f, "local-treatment", "lesion LU3")).isEqualTo("not_a_candidate");
    assertThat(value(f, "local-treatment", "lesion LU1 criterion size_below_3cm")).isEqualTo("met");
    assertThat(value(f, "local-treatment", "lesion LU2 criterion size_below_3cm"))
        .isEqualTo("not met");
    assertThat(value(f, "local-treatment", "lesion LU3 criterion size_below_3cm"))
        .isEqualTo("not assessable");
    // 100 mCi + 5.55 GBq = 250 mCi < 600; LU1 not avid → RAI exhausted; LU2 avid → not
    assertThat(value(f, "local-treatment", "lesion LU1 criterion rai_exhausted")).isEqualTo("met");
    assertThat(value(f, "local-treatment", "lesion LU2 criterion rai_exhausted"))
        .isEqualTo("not met");
    assertThat(value(f, "local-treatment", "lesion LU2 criterion fdg_negative"))
        .isEqualTo("not met");
    Finding lu1 =
        f.stream()
            .filter(x -> x.subject().equals("lesion LU1 criterion oligometastatic"))
            .findFirst()
            .orElseThrow();
    assertThat(lu1.reason()).contains("3 distant lesion(s)").contains("seed 002");
    assertThat(lu1.method()).contains("decides nothing");
  }

  @Test
  void ataEditionIsAnOptionOfTheClassifier() {
    PatientCourse c = Examples.load("seed002-local-treatment-lung.json");
    List<Finding> y2015 = CourseClassifier.classify(c, CourseClassifier.Options.defaults());
    List<Finding> y2025 =
        CourseClassifier.classify(
            c,
            CourseClassifier.Options.defaults()
                .withAtaEdition(org.thyra.clinical.AtaEdition.ATA_2025));
    assertThat(value(y2015, "ata-risk", "patient")).isEqualTo("intermediate");
    assertThat(value(y2025, "ata-risk", "patient")).isEmpty();
    Finding risk2025 =
        y2025.stream().filter(x -> x.rule().equals("ata-risk")).findFirst().orElseThrow();
    assertThat(risk2025.method()).contains("NOT IMPLEMENTED");
    // 0.15 ng/mL suppressed after total thyroidectomy + RAI: excellent in both editions
    assertThat(value(y2015, "ata-response", "2017-06-20")).isEqualTo("excellent");
    assertThat(value(y2025, "ata-response", "2017-06-20")).isEqualTo("excellent");
    Finding r2025 =
        y2025.stream()
            .filter(x -> x.rule().equals("ata-response") && x.subject().equals("2017-06-20"))
            .findFirst()
            .orElseThrow();
    assertThat(r2025.method()).startsWith("ATA 2025");
  }
}
