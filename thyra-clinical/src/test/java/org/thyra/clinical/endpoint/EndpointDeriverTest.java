package org.thyra.clinical.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.thyra.clinical.course.CourseException;
import org.thyra.clinical.course.Examples;
import org.thyra.clinical.course.PatientCourse;
import org.thyra.clinical.course.ProgressionType;

class EndpointDeriverTest {

  final PatientCourse ablation = Examples.load("seed000-ablation-lymph-node.json");
  final PatientCourse rair = Examples.load("seed003-rair-lung.json");
  final PatientCourse avid = Examples.load("seed001-rai-avid-micrometastases.json");

  @Test
  void pfsFromAblationWithSeed000Events() {
    TimeToEvent t =
        EndpointDeriver.progressionFree(
            ablation, Origin.FIRST_ABLATION, EndpointDeriver.SEED_000_EVENTS, true);
    assertThat(t.origin()).isEqualTo(LocalDate.of(2015, 1, 10));
    assertThat(t.end()).isEqualTo(LocalDate.of(2019, 6, 1));
    assertThat(t.event()).isTrue();
    assertThat(t.days())
        .isEqualTo(ChronoUnit.DAYS.between(LocalDate.of(2015, 1, 10), LocalDate.of(2019, 6, 1)));
    assertThat(t.months()).isCloseTo(t.days() / 30.4375, within(1e-12));
    assertThat(t.eventDescription()).contains("NEW_NODAL_METASTASIS");
  }

  @Test
  void pfsWithOtherEventsIsCensoredAtLastFollowUp() {
    TimeToEvent t =
        EndpointDeriver.progressionFree(
            ablation, Origin.FIRST_ABLATION, EnumSet.of(ProgressionType.DISTANT_METASTASIS), true);
    assertThat(t.event()).isFalse();
    assertThat(t.end()).isEqualTo(LocalDate.of(2023, 12, 31));
    assertThat(t.status()).isZero();
  }

  @Test
  void pfsFromFirstLungMetastasisAndFromFirstRai() {
    TimeToEvent lung =
        EndpointDeriver.progressionFree(
            rair, Origin.FIRST_LUNG_METASTASIS, EndpointDeriver.STRUCTURAL_EVENTS, true);
    assertThat(lung.origin()).isEqualTo(LocalDate.of(2010, 6, 1));
    assertThat(lung.end()).isEqualTo(LocalDate.of(2012, 9, 1));
    assertThat(lung.event()).isTrue();
    TimeToEvent rai =
        EndpointDeriver.progressionFree(
            avid, Origin.FIRST_RAI, EndpointDeriver.STRUCTURAL_EVENTS, true);
    assertThat(rai.origin()).isEqualTo(LocalDate.of(2017, 8, 1));
    assertThat(rai.event()).isFalse();
    assertThat(rai.end()).isEqualTo(LocalDate.of(2024, 6, 30));
  }

  @Test
  void overallSurvivalEndsAtDeathEvenAfterLastFollowUp() {
    TimeToEvent os = EndpointDeriver.overall(rair, Origin.DIAGNOSIS);
    assertThat(os.event()).isTrue();
    assertThat(os.end()).isEqualTo(LocalDate.of(2016, 5, 1));
    TimeToEvent alive = EndpointDeriver.overall(avid, Origin.DIAGNOSIS);
    assertThat(alive.event()).isFalse();
    assertThat(alive.end()).isEqualTo(LocalDate.of(2024, 6, 30));
  }

  @Test
  void deathBeforeProgressionIsAnEventOrCensors() {
    // only biochemical progression counts → none recorded: death is the PFS event, or censors
    TimeToEvent withDeath =
        EndpointDeriver.progressionFree(
            rair, Origin.DIAGNOSIS, EnumSet.of(ProgressionType.BIOCHEMICAL_PROGRESSION), true);
    assertThat(withDeath.event()).isTrue();
    assertThat(withDeath.end()).isEqualTo(LocalDate.of(2016, 5, 1));
    TimeToEvent censored =
        EndpointDeriver.progressionFree(
            rair, Origin.DIAGNOSIS, EnumSet.of(ProgressionType.BIOCHEMICAL_PROGRESSION), false);
    assertThat(censored.event()).isFalse();
    assertThat(censored.eventDescription()).contains("censored at death");
  }

  @Test
  void eventsOnTheOriginDateAreBaseline() {
    // the structural progression on 2012-09-01 is not counted when the clock starts that day
    TimeToEvent t =
        EndpointDeriver.progressionFree(
            rair, Origin.DIAGNOSIS, EndpointDeriver.STRUCTURAL_EVENTS, false);
    assertThat(t.event()).isTrue();
    TimeToEvent nodal = EndpointDeriver.newNodalMetastasis(ablation, Origin.FIRST_ABLATION);
    assertThat(nodal.event()).isTrue();
    assertThat(nodal.endpoint()).isEqualTo("time_to_new_nodal_metastasis");
  }

  @Test
  void timeToDisappearance() {
    TimeToEvent t = EndpointDeriver.lesionDisappearance(ablation, "LN1");
    assertThat(t.origin()).isEqualTo(LocalDate.of(2015, 1, 10));
    assertThat(t.end()).isEqualTo(LocalDate.of(2017, 1, 15));
    assertThat(t.event()).isTrue();
    assertThatThrownBy(() -> EndpointDeriver.lesionDisappearance(ablation, "LN2"))
        .isInstanceOf(CourseException.class)
        .hasMessageContaining("never treated");
  }

  @Test
  void pfsFromFirstDistantMetastasisAndFromDiagnosis() {
    PatientCourse interventional = Examples.load("seed002-interventional-distant.json");
    // the bone metastasis was found 2013-03-20, before the diagnosis 2013-04-02: the clock starts
    // there
    TimeToEvent t =
        EndpointDeriver.progressionFree(
            interventional,
            Origin.FIRST_DISTANT_METASTASIS,
            EndpointDeriver.STRUCTURAL_EVENTS,
            true);
    assertThat(t.origin()).isEqualTo(LocalDate.of(2013, 3, 20));
    assertThat(t.end()).isEqualTo(LocalDate.of(2016, 3, 1));
    assertThat(t.event()).isTrue();
    assertThat(t.days())
        .isEqualTo(ChronoUnit.DAYS.between(LocalDate.of(2013, 3, 20), LocalDate.of(2016, 3, 1)));
    assertThat(t.method()).contains("PFS from FIRST_DISTANT_METASTASIS");
    // only local tumour progression counts: 2017-05-02
    TimeToEvent ltp =
        EndpointDeriver.progressionFree(
            interventional,
            Origin.DIAGNOSIS,
            EnumSet.of(ProgressionType.LOCAL_TUMOUR_PROGRESSION),
            false);
    assertThat(ltp.end()).isEqualTo(LocalDate.of(2017, 5, 2));
    // biochemical progression only, death censors: censored at death, which follows the last visit
    TimeToEvent bio =
        EndpointDeriver.progressionFree(
            interventional,
            Origin.FIRST_ABLATION,
            EnumSet.of(ProgressionType.BIOCHEMICAL_PROGRESSION),
            false);
    assertThat(bio.event()).isTrue();
    assertThat(bio.end()).isEqualTo(LocalDate.of(2018, 6, 1));
    // time to disappearance of a lesion that never disappeared: censored at death
    TimeToEvent gone = EndpointDeriver.lesionDisappearance(interventional, "LI1");
    assertThat(gone.event()).isFalse();
    assertThat(gone.eventDescription()).isEqualTo("censored at death 2018-11-15");
    // OS: death of another cause is still an event
    assertThat(EndpointDeriver.overall(interventional, Origin.DIAGNOSIS).eventDescription())
        .isEqualTo("death (OTHER_CAUSE) on 2018-11-15");
  }

  @Test
  void aCourseWithoutFollowUpCannotBeCensored() {
    PatientCourse open =
        org.thyra.clinical.course.CourseJson.read(
            """
        { "patientId": "OPEN-1", "demographics": { "diagnosisDate": "2020-01-01" },
          "raiCourses": [ { "date": "2020-03-01" } ] }""",
            "open");
    assertThatThrownBy(() -> EndpointDeriver.overall(open, Origin.DIAGNOSIS))
        .isInstanceOf(CourseException.class)
        .hasMessage(
            "patient OPEN-1, lastFollowUp: no event and no last follow-up date: cannot censor os");
    assertThatThrownBy(
            () ->
                EndpointDeriver.progressionFree(
                    open, Origin.FIRST_LUNG_METASTASIS, EndpointDeriver.STRUCTURAL_EVENTS, true))
        .hasMessage(
            "patient OPEN-1, origin FIRST_LUNG_METASTASIS: the course has no first lung metastasis to start the clock");
  }

  @Test
  void missingOriginIsAClearError() {
    assertThatThrownBy(
            () ->
                EndpointDeriver.progressionFree(
                    avid, Origin.FIRST_ABLATION, EndpointDeriver.STRUCTURAL_EVENTS, true))
        .isInstanceOf(CourseException.class)
        .hasMessage(
            "patient P001-01, origin FIRST_ABLATION: the course has no first ablation to start the clock");
  }

  @Test
  void aPatientWhoDiedIsCensoredAtDeathForOtherEndpoints() {
    // P003-01: last visit 2016-04-01, death 2016-05-01; no nodal progression
    TimeToEvent t = EndpointDeriver.newNodalMetastasis(rair, Origin.DIAGNOSIS);
    assertThat(t.event()).isFalse();
    assertThat(t.end()).isEqualTo(LocalDate.of(2016, 5, 1));
    assertThat(t.eventDescription()).isEqualTo("censored at death 2016-05-01");
  }
}
