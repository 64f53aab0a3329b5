package org.thyra.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.thyra.clinical.course.Examples;
import org.thyra.clinical.refractory.RairOptions;

/** The example courses classified end to end; every expected value worked out by hand from the rules. */
class CourseClassifierTest {

  static List<Finding> classify(String file) {
    return CourseClassifier.classify(Examples.load(file), CourseClassifier.Options.defaults());
  }

  static String value(List<Finding> f, String rule, String subject) {
    List<Finding> hits = f.stream().filter(x -> x.rule().equals(rule) && x.subject().equals(subject)).toList();
    assertThat(hits).as("%s / %s in %s", rule, subject, f.stream().map(x -> x.rule() + "/" + x.subject()).collect(Collectors.joining(", ")))
        .hasSize(1);
    return hits.get(0).value();
  }

  @Test
  void rairLungCourse() {
    List<Finding> f = classify("seed003-rair-lung.json");
    assertThat(value(f, "ajcc8-t", "primary")).isEqualTo("T3b");
    assertThat(value(f, "ajcc8-n", "primary")).isEqualTo("N1a");
    assertThat(value(f, "ajcc8-m", "patient")).isEqualTo("M1");
    assertThat(value(f, "ajcc8-stage", "patient")).isEqualTo("IVB");   // age exactly 55 at diagnosis
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
    assertThat(value(f, "tg-response", "2010-07-01 → 2011-01-10")).isEqualTo("PR");   // exactly −30 %
    assertThat(value(f, "tg-response", "2011-01-10 → 2011-08-01")).isEqualTo("SD");
    assertThat(value(f, "tg-response", "2011-08-01 → 2012-03-01")).isEqualTo("PD");
    assertThat(value(f, "recist-target", "2011-06-01")).isEqualTo("PR");              // exactly −30 %
    assertThat(value(f, "recist-target", "2012-09-01")).isEqualTo("PD");              // +21.4 %, +6 mm from nadir 28
    assertThat(value(f, "recist-overall", "2012-09-01")).isEqualTo("PD");
    assertThat(value(f, "ata-response", "2011-06-01")).isEqualTo("structural_incomplete");
    assertThat(value(f, "os", "from diagnosis")).endsWith("event");
    assertThat(value(f, "pfs", "from first lung metastasis (seed 003), structural events or death")).endsWith("event");
    assertThat(value(f, "ecog", "baseline")).isEqualTo("1");
  }

  @Test
  void rairOptionsAddTheirCriteria() {
    var options = new CourseClassifier.Options(RairOptions.all(), CourseClassifier.Options.defaults().complicationConvention(),
        CourseClassifier.Options.defaults().tgThresholdPercent(), CourseClassifier.Options.defaults().tgBoundary());
    List<Finding> f = CourseClassifier.classify(Examples.load("seed003-rair-lung.json"), options);
    // 650 mCi > 600 from the fourth course (2012-03-01), progression 2012-09-01 after it
    assertThat(value(f, "rair", "criterion cumulative_activity_above_600_mci")).isEqualTo("fired");
    assertThat(value(f, "rair", "criterion progression_within_12_months")).isEqualTo("not fired");
  }

  @Test
  void raiAvidMicrometastasisCourse() {
    List<Finding> f = classify("seed001-rai-avid-micrometastases.json");
    assertThat(value(f, "ajcc8-t", "primary")).isEqualTo("T1a");       // exactly 1.0 cm
    assertThat(value(f, "ajcc8-n", "primary")).isEqualTo("N1a");       // level VII is N1a in the 8th
    assertThat(value(f, "ajcc7-n", "primary")).isEqualTo("N1b");       // and N1b in the 7th
    assertThat(value(f, "ajcc8-m", "patient")).isEqualTo("M0");        // lung found 2 years later
    assertThat(value(f, "ajcc8-stage", "patient")).isEqualTo("I");
    assertThat(value(f, "ata-risk", "patient")).isEqualTo("low");      // 2 micrometastases < 0.2 cm
    assertThat(value(f, "metastasis-timing", "lesion LU1")).isEqualTo("metachronous");
    assertThat(value(f, "local-disease", "lesion TB1")).isEqualTo("local_recurrence");   // 12 months + 1 day
    assertThat(value(f, "rair", "patient")).isEqualTo("no");
    assertThat(value(f, "uptake-pattern", "patient")).isEqualTo("uptake");
    assertThat(value(f, "tg-response", "2017-08-01 → 2018-02-01")).isEqualTo("PR");    // exactly −25 %, inclusive
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
    assertThat(value(f, "ellipsoid-volume", "lesion LN1 2015-01-05")).isEqualTo("0.628319 mL");   // π/6·15·10·8 mm³
    assertThat(value(f, "vrr", "lesion LN1 2016-01-12")).isEqualTo("86.6667 %");                 // 1 − 160/1200
    assertThat(value(f, "vrr", "lesion LN1 2017-01-15")).isEqualTo("100 %");
    assertThat(value(f, "technical-success", "ablation 2015-01-10 [LN1]")).isEqualTo("yes");      // CEUS day 3
    assertThat(value(f, "complication-grade", "ablation 2015-01-10 [LN1] voice_change")).isEqualTo("major, SIR A, CIRSE 1");
    assertThat(value(f, "charlson-age-adjusted", "at diagnosis")).isEqualTo("1");
    assertThat(value(f, "pfs", "from first ablation (seed 000: LTP, new nodal, distant, or death)")).endsWith("event");
    assertThat(value(f, "time-to-disappearance", "lesion LN1")).endsWith("event");
    assertThat(f).allMatch(x -> !x.reason().isBlank());
  }

  @Test
  void aMinimalCourseGivesWhatItCanAndSaysWhy() {
    var c = org.thyra.clinical.course.CourseJson.read("""
        { "patientId": "MIN-1", "demographics": { "diagnosisDate": "2020-01-01" } }""", "min");
    List<Finding> f = CourseClassifier.classify(c, CourseClassifier.Options.defaults());
    assertThat(value(f, "ajcc8-stage", "patient")).isEmpty();
    assertThat(value(f, "endpoints", "patient")).isEmpty();
    assertThat(f).allMatch(x -> !x.reason().isBlank());
  }

  @Test
  void anaplasticIsNotStagedByTheDifferentiatedTable() {
    String json = Examples.text("seed001-rai-avid-micrometastases.json").replace("\"PAPILLARY\"", "\"ANAPLASTIC\"");
    List<Finding> f = CourseClassifier.classify(org.thyra.clinical.course.CourseJson.read(json, "x"), CourseClassifier.Options.defaults());
    Finding stage = f.stream().filter(x -> x.rule().equals("ajcc8-stage")).findFirst().orElseThrow();
    assertThat(stage.value()).isEmpty();
    assertThat(stage.reason()).contains("ANAPLASTIC is not staged");
  }
}
