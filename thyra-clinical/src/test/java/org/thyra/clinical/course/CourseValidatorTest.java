package org.thyra.clinical.course;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each impossible course is rejected with the patient, the entry and why. */
class CourseValidatorTest {

  @ParameterizedTest(name = "{2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // file | replace | with | expected message fragment
        "seed003-rair-lung.json|\"date\": \"2012-10-01\", \"kind\"|\"date\": \"2016-06-01\", \"kind\"|treatments[0] (KINASE_INHIBITOR) (2016-06-01): dated after death on 2016-05-01",
        "seed003-rair-lung.json|\"date\": \"2012-09-01\", \"imaging\"|\"date\": \"2016-09-01\", \"imaging\"|assessments[2] (2016-09-01): dated after death on 2016-05-01",
        "seed003-rair-lung.json|\"lastFollowUp\": \"2016-04-01\"|\"lastFollowUp\": \"2016-06-01\"|lastFollowUp (2016-06-01): last follow-up is after death on 2016-05-01",
        "seed003-rair-lung.json|\"sizeCm\": 4.5|\"sizeCm\": -4.5|primaryTumour.sizeCm: must be a finite, non-negative number, got -4.5",
        "seed003-rair-lung.json|\"aMm\": 7|\"aMm\": -7|measurements[6] (lesion LU3) (2012-09-01).aMm: must be a finite, non-negative number, got -7.0",
        "seed003-rair-lung.json|\"lesionId\": \"LU3\" }|\"lesionId\": \"LU9\" }|progressions[1] (2012-09-01): refers to unknown lesion 'LU9'",
        "seed003-rair-lung.json|\"date\": \"2010-07-01\", \"activity\"|\"date\": \"2009-07-01\", \"activity\"|raiCourses[0] (2009-07-01): dated before the diagnosis 2010-04-15",
        "seed003-rair-lung.json|\"birthDate\": \"1955-02-01\"|\"birthDate\": \"2011-02-01\"|diagnosis 2010-04-15 is before birth 2011-02-01",
        "seed000-ablation-lymph-node.json|\"ceusDate\": \"2015-01-13\"|\"ceusDate\": \"2015-01-09\"|CEUS 2015-01-09 is before the ablation 2015-01-10",
        "seed000-ablation-lymph-node.json|\"date\": \"2015-01-05\"|\"date\": \"2014-05-05\"|measured on 2014-05-05, before the lesion was detected on 2014-06-01",
        "seed000-ablation-lymph-node.json|\"ecog\": 0|\"ecog\": 7|ecog: ECOG must be 0–5, got 7",
        "seed000-ablation-lymph-node.json|\"lastFollowUp\": \"2023-12-31\"|\"lastFollowUp\": \"2019-01-01\"|lesions[1] (LN2) (2019-06-01): dated after the last follow-up 2019-01-01",
        "seed000-ablation-lymph-node.json|\"lesionId\": \"LN2\", \"site\"|\"lesionId\": \"LN1\", \"site\"|lesion id LN1 is used twice",
        "seed000-ablation-lymph-node.json|\"extraHospitalHours\": 0|\"extraHospitalHours\": -3|extra hospital stay must not be negative",
        "seed001-rai-avid-micrometastases.json|\"unit\": \"ng/mL\", \"tshState\": \"STIMULATED\" },|\"unit\": \"pmol/L\", \"tshState\": \"STIMULATED\" },|labs[0] (2017-08-01): unknown thyroglobulin unit 'pmol/L'",
        "seed001-rai-avid-micrometastases.json|\"value\": 0.5|\"value\": -0.5|TG value must be a finite, non-negative number, got -0.5",
        "seed002-interventional-distant.json|\"date\": \"2016-04-11\", \"kind\"|\"date\": \"2016-02-11\", \"kind\"|treatments[3] (THERMAL_ABLATION) (2016-02-11): treats lesion LI1 before it was detected on 2016-03-01",
        "seed002-interventional-distant.json|\"date\": \"2017-05-02\", \"type\"|\"date\": \"2016-02-02\", \"type\"|progressions[1] (2016-02-02): progression of lesion LI1 before it was detected on 2016-03-01",
        "seed002-interventional-distant.json|\"detected\": \"2013-03-20\"|\"detected\": \"2013-08-20\"|raiCourses[0] (2013-06-03).scanUptake: lesion BO1 is on the scan but was detected only on 2013-08-20",
        "seed002-interventional-distant.json|\"endDate\": \"2014-12-19\"|\"endDate\": \"2014-11-19\"|ends 2014-11-19 before it starts 2014-12-01",
        "seed002-interventional-distant.json|\"pathologicPositive\": 0, \"examined\": 4|\"pathologicPositive\": 6, \"examined\": 4|primaryTumour.nodes: 6 positive nodes but only 4 examined",
        "seed002-interventional-distant.json|\"powerW\": 150|\"powerW\": -150|ablation.powerW: must be a finite, non-negative number, got -150.0",
        "seed002-interventional-distant.json|\"date\": \"2018-11-15\"|\"date\": \"2018-10-01\"|lastFollowUp (2018-10-20): last follow-up is after death on 2018-10-01",
      })
  void rejects(String file, String replace, String with, String message) {
    String json = Examples.text(file);
    org.assertj.core.api.Assertions.assertThat(json).contains(replace);
    assertThatThrownBy(() -> CourseJson.read(json.replace(replace, with), file))
        .isInstanceOf(CourseException.class)
        .hasMessageContaining(message);
  }
}
