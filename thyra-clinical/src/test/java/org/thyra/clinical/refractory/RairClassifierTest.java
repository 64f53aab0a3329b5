package org.thyra.clinical.refractory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.thyra.clinical.course.LesionUptake;
import org.thyra.clinical.course.RaiCourse;
import org.thyra.clinical.units.Activity;
import org.thyra.clinical.units.ActivityUnit;

class RairClassifierTest {

  static final LocalDate D0 = LocalDate.of(2018, 3, 15);

  static RaiCourse course(LocalDate date, String mci, LesionUptake... uptake) {
    return new RaiCourse(
        date, mci == null ? null : Activity.of(mci, ActivityUnit.MCI), null, null, List.of(uptake));
  }

  static LesionUptake avid(String id) {
    return new LesionUptake(id, true);
  }

  static LesionUptake non(String id) {
    return new LesionUptake(id, false);
  }

  @Test
  void neverAvid() {
    RairResult r =
        RairClassifier.classify(
            List.of(course(D0, "150", non("L1"), non("L2"))), List.of(), RairOptions.ataOnly());
    assertThat(r.refractory()).isTrue();
    assertThat(r.fired()).containsExactly(RairCriterion.NEVER_AVID);
    assertThat(r.subtype()).isEqualTo(RairSubtype.NO_AVIDITY);
    assertThat(r.criteria()).hasSize(4);
  }

  @Test
  void lostAvidityAlsoShowsMixedWhenOthersStayAvid() {
    RairResult r =
        RairClassifier.classify(
            List.of(
                course(D0, "150", avid("L1"), avid("L2")),
                course(D0.plusMonths(8), "150", avid("L1"), non("L2"))),
            List.of(),
            RairOptions.ataOnly());
    assertThat(r.fired()).containsExactly(RairCriterion.LOST_AVIDITY, RairCriterion.MIXED_AVIDITY);
    assertThat(r.subtype()).isEqualTo(RairSubtype.PARTIAL_OR_LOST_AVIDITY);
    assertThat(r.criteria().get(1).detail())
        .contains("lesion L2 avid on 2018-03-15, not avid on 2018-11-15");
  }

  @Test
  void progressionDespiteUptake() {
    RairResult r =
        RairClassifier.classify(
            List.of(course(D0, "150", avid("L1")), course(D0.plusMonths(6), "150", avid("L1"))),
            List.of(D0.plusMonths(18)),
            RairOptions.ataOnly());
    assertThat(r.fired()).containsExactly(RairCriterion.PROGRESSION_DESPITE_UPTAKE);
    assertThat(r.subtype()).isEqualTo(RairSubtype.PROGRESSION_DESPITE_UPTAKE);
  }

  @Test
  void avidWithoutProgressionIsNotRefractory() {
    RairResult r =
        RairClassifier.classify(
            List.of(course(D0, "150", avid("L1"))), List.of(), RairOptions.all());
    assertThat(r.refractory()).isFalse();
    assertThat(r.subtype()).isNull();
    assertThat(r.criteria()).hasSize(6);
    assertThat(r.reason()).contains("RAI-avid");
  }

  @Test
  void progressionExactly12MonthsAfterIsWithinOneDayLaterIsNot() {
    List<RaiCourse> c = List.of(course(D0, "150", avid("L1")));
    RairResult at12 = RairClassifier.classify(c, List.of(D0.plusMonths(12)), RairOptions.all());
    assertThat(at12.fired()).contains(RairCriterion.PROGRESSION_WITHIN_12_MONTHS);
    RairResult after =
        RairClassifier.classify(c, List.of(D0.plusMonths(12).plusDays(1)), RairOptions.all());
    assertThat(after.fired())
        .doesNotContain(RairCriterion.PROGRESSION_WITHIN_12_MONTHS)
        .contains(RairCriterion.PROGRESSION_DESPITE_UPTAKE);
  }

  @Test
  void cumulativeExactly600IsNotAbove() {
    // 4 × 150 mCi = 600 mCi exactly; progression afterwards
    List<RaiCourse> four =
        List.of(
            course(D0, "150", avid("L1")),
            course(D0.plusMonths(6), "150", avid("L1")),
            course(D0.plusMonths(12), "150", avid("L1")),
            course(D0.plusMonths(18), "150", non("L1")));
    RairResult r = RairClassifier.classify(four, List.of(D0.plusMonths(30)), RairOptions.all());
    assertThat(r.fired()).doesNotContain(RairCriterion.CUMULATIVE_ACTIVITY_ABOVE_600_MCI);
    // 22.2 GBq is exactly 600 mCi as well
    RairResult gbq =
        RairClassifier.classify(
            List.of(
                new RaiCourse(
                    D0, Activity.of("22.2", ActivityUnit.GBQ), null, null, List.of(avid("L1")))),
            List.of(D0.plusMonths(30)),
            RairOptions.all());
    assertThat(gbq.fired()).doesNotContain(RairCriterion.CUMULATIVE_ACTIVITY_ABOVE_600_MCI);
    // 150.1 on the last course crosses it
    List<RaiCourse> more =
        List.of(
            course(D0, "150", avid("L1")),
            course(D0.plusMonths(6), "150", avid("L1")),
            course(D0.plusMonths(12), "150", avid("L1")),
            course(D0.plusMonths(18), "150.1", avid("L1")));
    RairResult above = RairClassifier.classify(more, List.of(D0.plusMonths(30)), RairOptions.all());
    assertThat(above.fired()).contains(RairCriterion.CUMULATIVE_ACTIVITY_ABOVE_600_MCI);
    RairResult off =
        RairClassifier.classify(more, List.of(D0.plusMonths(30)), RairOptions.ataOnly());
    assertThat(off.criteria())
        .extracting(CriterionFinding::criterion)
        .doesNotContain(RairCriterion.CUMULATIVE_ACTIVITY_ABOVE_600_MCI);
  }

  @Test
  void cumulativeWithoutLaterProgressionDoesNotFireAndMissingActivityWarns() {
    List<RaiCourse> c =
        List.of(course(D0, "700", avid("L1")), course(D0.plusMonths(6), null, avid("L1")));
    RairResult r = RairClassifier.classify(c, List.of(), new RairOptions(false, true, null));
    assertThat(r.fired()).isEmpty();
    assertThat(r.warnings()).singleElement().asString().contains("lower bound");
    RairResult only =
        RairClassifier.classify(
            List.of(course(D0, "700", avid("L1")), course(D0.plusMonths(6), "100", non("L1"))),
            List.of(D0.plusMonths(7)),
            new RairOptions(false, true, null));
    assertThat(only.subtype()).isEqualTo(RairSubtype.PARTIAL_OR_LOST_AVIDITY);
    RairResult cumOnly =
        RairClassifier.classify(
            List.of(course(D0, "700", avid("L1"), non("L2")), course(D0.plusMonths(6), null)),
            List.of(),
            new RairOptions(false, true, null));
    assertThat(cumOnly.subtype()).isEqualTo(RairSubtype.PARTIAL_OR_LOST_AVIDITY);
  }

  @Test
  void subtypePriorityNeverAvidFirst() {
    RairResult r =
        RairClassifier.classify(
            List.of(
                course(D0, "150", non("L1")),
                course(D0.plusMonths(6), "150", avid("L1"), non("L2"))),
            List.of(D0.plusMonths(9)),
            RairOptions.ataOnly());
    assertThat(r.fired()).contains(RairCriterion.NEVER_AVID, RairCriterion.MIXED_AVIDITY);
    assertThat(r.subtype()).isEqualTo(RairSubtype.NO_AVIDITY);
  }

  @Test
  void uptakePatterns() {
    assertThat(
            UptakePattern.classify(
                    List.of(
                        course(D0, "150", non("L1")), course(D0.plusMonths(6), "150", avid("L1"))))
                .value())
        .isEqualTo(UptakePattern.Pattern.PRIMARY_NON_UPTAKE);
    assertThat(
            UptakePattern.classify(
                    List.of(
                        course(D0, "150", avid("L1")), course(D0.plusMonths(6), "150", non("L1"))))
                .value())
        .isEqualTo(UptakePattern.Pattern.SECONDARY_NON_UPTAKE);
    assertThat(
            UptakePattern.classify(
                    List.of(
                        course(D0, "150", avid("L1"), non("L2")),
                        course(D0.plusMonths(6), "150", avid("L1"))))
                .value())
        .isEqualTo(UptakePattern.Pattern.UPTAKE);
    assertThat(UptakePattern.classify(List.of(course(D0, "30"))).isDetermined()).isFalse();
  }
}
