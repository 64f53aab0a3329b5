package org.thyra.clinical.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.thyra.clinical.ablation.ComplicationTherapy;
import org.thyra.clinical.ablation.ComplicationType;
import org.thyra.clinical.ablation.Sequelae;
import org.thyra.clinical.comorbidity.CharlsonCondition;
import org.thyra.clinical.response.ImagingFinding;
import org.thyra.clinical.response.TgAbTrend;

/**
 * Issue 6, item 1: every coded value of the domain model (each sex, histology, extension, node
 * region, surgery, preparation, activity unit, analyte, TSH state, lesion site, treatment kind,
 * ablation modality, complication type / therapy / sequelae, imaging finding, TgAb trend,
 * progression type, cause of death, Charlson condition) is representable in the course JSON and
 * round-trips.
 */
class EveryValueRoundTripTest {

  static final String BASE =
      """
      { "patientId": "RT-1", "demographics": { "sex": "FEMALE", "birthDate": "1970-01-01", "diagnosisDate": "2020-01-01" },
        "lesions": [ { "lesionId": "L1", "site": "LUNG", "detected": "2020-02-01" } ],
        "lastFollowUp": "2021-06-01", %s }""";

  static List<Arguments> values() {
    Map<Class<? extends Enum<?>>, String> fields = new LinkedHashMap<>();
    fields.put(Histology.class, "\"primaryTumour\": { \"histology\": \"%s\" }");
    fields.put(
        ExtrathyroidalExtension.class,
        "\"primaryTumour\": { \"histology\": \"PAPILLARY\", \"extension\": \"%s\" }");
    fields.put(
        NodeRegion.class,
        "\"primaryTumour\": { \"histology\": \"PAPILLARY\", \"nodes\": { \"assessed\": true, \"pathologicPositive\": 1, "
            + "\"largestNodeCm\": 0.5, \"regions\": [\"%s\"] } }");
    fields.put(
        SurgeryType.class,
        "\"surgeries\": [ { \"date\": \"2020-01-01\", \"type\": \"%s\", \"completeResection\": false } ]");
    fields.put(
        RaiPreparation.class,
        "\"raiCourses\": [ { \"date\": \"2020-03-01\", \"activity\": { \"value\": 100, \"unit\": \"mCi\" }, "
            + "\"preparation\": \"%s\", \"tshMiuPerL\": 80, \"scanUptake\": [ { \"lesionId\": \"L1\", \"avid\": true } ] } ]");
    fields.put(
        Analyte.class,
        "\"labs\": [ { \"date\": \"2020-03-01\", \"analyte\": \"%s\", \"value\": 1.5, \"unit\": \"ng/mL\", "
            + "\"tshState\": \"STIMULATED\", \"belowDetectionLimit\": true } ]");
    fields.put(ProgressionRate.class, "\"progressionRate\": \"%s\", \"lifeExpectancyMonths\": 18");
    fields.put(
        TshState.class,
        "\"labs\": [ { \"date\": \"2020-03-01\", \"analyte\": \"TG\", \"value\": 1.5, \"tshState\": \"%s\" } ]");
    fields.put(
        TreatmentKind.class,
        "\"treatments\": [ { \"date\": \"2020-04-01\", \"endDate\": \"2020-05-01\", \"kind\": \"%s\", "
            + "\"lesionIds\": [\"L1\"], \"agent\": \"x\" } ]");
    fields.put(
        AblationModality.class,
        "\"treatments\": [ { \"date\": \"2020-04-01\", \"kind\": \"THERMAL_ABLATION\", \"lesionIds\": [\"L1\"], "
            + "\"ablation\": { \"modality\": \"%s\", \"powerW\": 30, \"energyKj\": 20.5, \"timeS\": 300, \"hydrodissection\": true, "
            + "\"ceusDate\": \"2020-04-02\", \"residualEnhancement\": false } } ]");
    fields.put(
        ComplicationType.class,
        complication("\"type\": \"%s\", \"therapy\": \"NONE\", \"sequelae\": \"NONE\""));
    fields.put(
        ComplicationTherapy.class,
        complication("\"type\": \"PAIN\", \"therapy\": \"%s\", \"sequelae\": \"NONE\""));
    fields.put(
        Sequelae.class,
        complication("\"type\": \"PAIN\", \"therapy\": \"NONE\", \"sequelae\": \"%s\""));
    fields.put(
        ImagingFinding.class,
        "\"assessments\": [ { \"date\": \"2020-06-01\", \"imaging\": \"%s\", \"tgAb\": \"RISING\", \"tgRising\": true, "
            + "\"newLesions\": true, \"nonTargetGone\": false, \"nonTargetProgression\": true, \"recordedCategory\": \"PD\" } ]");
    fields.put(
        TgAbTrend.class,
        "\"assessments\": [ { \"date\": \"2020-06-01\", \"imaging\": \"NEGATIVE\", \"tgAb\": \"%s\" } ]");
    fields.put(
        ProgressionType.class,
        "\"progressions\": [ { \"date\": \"2020-09-01\", \"type\": \"%s\", \"lesionId\": \"L1\", \"note\": \"n\" } ]");
    fields.put(DeathCause.class, "\"death\": { \"date\": \"2021-07-01\", \"cause\": \"%s\" }");
    fields.put(CharlsonCondition.class, "\"comorbidities\": [\"%s\"]");
    List<Arguments> out = new ArrayList<>();
    fields.forEach(
        (type, fragment) -> {
          for (Enum<?> e : type.getEnumConstants()) {
            out.add(
                Arguments.of(type.getSimpleName() + "." + e.name(), fragment.formatted(e.name())));
          }
        });
    // the sex and the lesion site are replaced in the base course itself
    for (Sex x : Sex.values()) {
      out.add(Arguments.of("Sex." + x.name(), "\"ecog\": 1"));
    }
    for (LesionSite x : LesionSite.values()) {
      out.add(
          Arguments.of(
              "LesionSite." + x.name(),
              "\"measurements\": [ { \"lesionId\": \"L1\", \"date\": \"2020-02-01\", "
                  + "\"modality\": \"CT\", \"aMm\": 12, \"bMm\": 10, \"cMm\": 8, \"shortAxisMm\": 7 } ]"));
    }
    for (String unit : List.of("mCi", "GBq", "MBq")) {
      out.add(
          Arguments.of(
              "ActivityUnit." + unit,
              "\"raiCourses\": [ { \"date\": \"2020-03-01\", \"activity\": { \"value\": 5.55, \"unit\": \""
                  + unit
                  + "\" } } ]"));
    }
    for (String unit : List.of("ng/mL", "µg/L", "ng/L")) {
      out.add(
          Arguments.of(
              "TgUnit." + unit,
              "\"labs\": [ { \"date\": \"2020-03-01\", \"analyte\": \"TG\", \"value\": 3, \"unit\": \""
                  + unit
                  + "\" } ]"));
    }
    return out;
  }

  static String complication(String fields) {
    return "\"treatments\": [ { \"date\": \"2020-04-01\", \"kind\": \"THERMAL_ABLATION\", \"lesionIds\": [\"L1\"], \"ablation\": { \"modality\": \"RFA\", "
        + "\"complications\": [ { "
        + fields
        + ", \"description\": \"d\", \"extraHospitalHours\": 12, \"unplannedIncreaseInCare\": true, "
        + "\"death\": false } ] } } ]";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  void roundTrips(String what, String fragment) {
    String json = BASE.formatted(fragment);
    if (what.startsWith("Sex.")) {
      json = json.replace("\"sex\": \"FEMALE\"", "\"sex\": \"" + what.substring(4) + "\"");
    }
    if (what.startsWith("LesionSite.")) {
      json = json.replace("\"site\": \"LUNG\"", "\"site\": \"" + what.substring(11) + "\"");
    }
    PatientCourse course = CourseJson.read(json, what);
    String written = CourseJson.write(course);
    assertThat(CourseJson.read(written, "written")).isEqualTo(course);
    assertThat(written).contains("\"" + what.substring(what.indexOf('.') + 1) + "\"");
  }
}
