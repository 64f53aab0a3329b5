package org.thyra.web.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.thyra.clinical.course.CourseJson;
import org.thyra.clinical.course.PatientCourse;
import org.thyra.clinical.units.ActivityUnit;

class EntryFormTest {
  static PatientCourse course() throws Exception {
    return CourseJson.read(Path.of("..", "examples", "courses", "seed003-rair-lung.json"));
  }

  @ParameterizedTest
  @EnumSource(EntryKind.class)
  void resubmittingAnEntryUnchangedGivesTheSameCourse(EntryKind k) throws Exception {
    // every kind's form reads back exactly what it shows (no value lost or altered by the form)
    PatientCourse c = course();
    int n = EntryForm.count(c, k);
    for (int i = 0; i < Math.max(n, 1); i++) {
      if (n == 0) {
        break;
      }
      EntryForm.Outcome o = EntryForm.apply(c, k, i, EntryForm.values(c, k, i));
      assertThat(o.errors()).as(k + "[" + i + "]").isEmpty();
      assertThat(o.formError()).as(k + "[" + i + "]").isNull();
      assertThat(CourseJson.write(o.course())).as(k + "[" + i + "]").isEqualTo(CourseJson.write(c));
    }
  }

  @Test
  void typeErrorsAreReportedPerField() throws Exception {
    Map<String, String> f = new HashMap<>();
    f.put("date", "2012-02-30");
    f.put("analyte", "TG");
    f.put("value", "12,5");
    f.put("tshState", "HIGH");
    EntryForm.Outcome o = EntryForm.apply(course(), EntryKind.LAB, -1, f);
    assertThat(o.ok()).isFalse();
    assertThat(o.errors())
        .containsOnlyKeys("date", "value", "tshState")
        .hasEntrySatisfying("date", m -> assertThat(m).contains("not a date"))
        .hasEntrySatisfying("value", m -> assertThat(m).contains("not a number"));
    assertThat(o.values()).containsEntry("value", "12,5"); // shown again as typed
  }

  @Test
  void aTumourWithEmptyNodeCountsIsSaved() {
    // empty whole-number inputs are absent in the JSON: a node count then reads as 0, never an
    // error
    EntryForm.Outcome d =
        EntryForm.createDemographics(
            "W1",
            Map.of("sex", "FEMALE", "birthDate", "1955-02-01", "diagnosisDate", "2015-03-02"));
    Map<String, String> f =
        Map.of(
            "histology", "PAPILLARY",
            "sizeCm", "4.5",
            "extension", "GROSS_STRAP_MUSCLES",
            "completeResection", "yes");
    EntryForm.Outcome o = EntryForm.apply(d.course(), EntryKind.TUMOUR, 0, f);
    assertThat(o.errors()).isEmpty();
    assertThat(o.formError()).isNull();
    assertThat(o.ok()).isTrue();
    assertThat(o.course().primaryTumour().nodes().pathologicPositive()).isZero();
    assertThat(o.course().primaryTumour().nodes().examined()).isNull();
    assertThat(o.course().primaryTumour().sizeCm()).isEqualTo(4.5);
  }

  @Test
  void requiredFieldsAreNamed() throws Exception {
    EntryForm.Outcome o = EntryForm.apply(course(), EntryKind.SURGERY, -1, Map.of());
    assertThat(o.errors()).containsOnlyKeys("date", "type");
  }

  @Test
  void theCourseValidatorRunsAsOnImport() throws Exception {
    // a measurement of a lesion that does not exist: the import's message, above the form
    Map<String, String> f = Map.of("lesionId", "NOPE", "date", "2013-01-01", "aMm", "10");
    EntryForm.Outcome o = EntryForm.apply(course(), EntryKind.MEASUREMENT, -1, f);
    assertThat(o.ok()).isFalse();
    assertThat(o.formError()).contains("measurements[7]").contains("unknown lesion 'NOPE'");
    // dated before the diagnosis: beside the date
    EntryForm.Outcome d =
        EntryForm.apply(course(), EntryKind.RAI, -1, Map.of("date", "2009-01-01"));
    assertThat(d.errors()).containsOnlyKeys("date");
    assertThat(d.errors().get("date")).contains("before the diagnosis");
  }

  @Test
  void raiFormBindsActivityAndUptake() throws Exception {
    Map<String, String> f = new HashMap<>();
    f.put("date", "2013-02-01");
    f.put("activity.value", "5.55");
    f.put("activity.unit", "GBq");
    f.put("scanUptake.avid", "LU1");
    f.put("scanUptake.nonAvid", "LU2, LU3");
    EntryForm.Outcome o = EntryForm.apply(course(), EntryKind.RAI, -1, f);
    assertThat(o.errors()).isEmpty();
    var rai = o.course().raiCourses().get(4);
    assertThat(rai.activity().in(ActivityUnit.MCI)).isEqualByComparingTo("150");
    assertThat(rai.scanUptake())
        .extracting(u -> u.lesionId() + "=" + u.avid())
        .containsExactly("LU1=true", "LU2=false", "LU3=false");
    // a value without its unit is refused at the unit
    f.remove("activity.unit");
    EntryForm.Outcome bad = EntryForm.apply(course(), EntryKind.RAI, -1, f);
    assertThat(bad.ok()).isFalse();
  }

  @Test
  void correctionReplacesOnlyThatEntryAndDeleteKeepsReferences() throws Exception {
    PatientCourse c = course();
    Map<String, String> v = new HashMap<>(EntryForm.values(c, EntryKind.LAB, 1));
    v.put("value", "42");
    PatientCourse d = EntryForm.apply(c, EntryKind.LAB, 1, v).course();
    assertThat(d.labs().get(1).value()).isEqualTo(42.0);
    assertThat(d.labs().get(0)).isEqualTo(c.labs().get(0));
    assertThat(d.labs()).hasSameSizeAs(c.labs());
    // LU1 is measured and named in RAI scans: deleting it is refused with the validator's reason
    EntryForm.Outcome del = EntryForm.remove(c, EntryKind.LESION, 0);
    assertThat(del.ok()).isFalse();
    assertThat(del.formError()).contains("LU1");
    assertThat(EntryForm.remove(c, EntryKind.LAB, 4).course().labs()).hasSize(4);
    assertThatThrownBy(() -> EntryForm.remove(c, EntryKind.DEMOGRAPHICS, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
