package org.thyra.studies.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.thyra.frame.DataTable;
import org.thyra.frame.NumericColumn;
import org.thyra.studies.protocol.Derivation;

/** The {@code competing: true} derivation: the first of several outcomes, as cmprsk's status. */
class CompetingDerivationTest {
  private static final double NA = Double.NaN;

  private static Derivation competing(List<String> events, List<String> times) {
    return new Derivation(
        "outcome", null, null, null, null, null, null, null, null, null, null, null, events, null,
        true, times, "test");
  }

  @Test
  void statusIsTheCauseThatCameFirstAndTimeTheEarliestTime() {
    // rows: disappeared first; progressed first; both at one time (first listed wins);
    // neither (censored at the earlier follow-up time); a missing time
    DataTable t =
        DataTable.of(
            "t.csv",
            List.of(
                NumericColumn.of("gone", 1, 1, 1, 0, 1),
                NumericColumn.of("gone_t", 6, 20, 9, 30, NA),
                NumericColumn.of("prog", 0, 1, 1, 0, 0),
                NumericColumn.of("prog_t", 40, 11, 9, 28, 12)));
    DataTable out =
        Derivations.apply(
            t, List.of(competing(List.of("gone", "prog"), List.of("gone_t", "prog_t"))));
    NumericColumn status = (NumericColumn) out.column("outcome");
    NumericColumn time = (NumericColumn) out.column("outcome_time");
    assertThat(status.value(0)).isEqualTo(1);
    assertThat(time.value(0)).isEqualTo(6);
    assertThat(status.value(1)).isEqualTo(2);
    assertThat(time.value(1)).isEqualTo(11);
    assertThat(status.value(2)).isEqualTo(1);
    assertThat(time.value(2)).isEqualTo(9);
    assertThat(status.value(3)).isEqualTo(0);
    assertThat(time.value(3)).isEqualTo(28);
    assertThat(status.isMissing(4)).isTrue();
    assertThat(time.isMissing(4)).isTrue();
  }

  @Test
  void refusesAnEventThatIsNotZeroOrOneAndUnpairedTimes() {
    DataTable t =
        DataTable.of(
            "t.csv",
            List.of(
                NumericColumn.of("gone", 2),
                NumericColumn.of("gone_t", 6),
                NumericColumn.of("prog", 0),
                NumericColumn.of("prog_t", 40)));
    assertThatThrownBy(
            () ->
                Derivations.apply(
                    t, List.of(competing(List.of("gone", "prog"), List.of("gone_t", "prog_t")))))
        .hasMessageContaining("'gone', data row 1")
        .hasMessageContaining("not 0/1");
    assertThatThrownBy(
            () ->
                Derivations.apply(
                    t, List.of(competing(List.of("gone", "prog"), List.of("gone_t")))))
        .hasMessageContaining("one time column per event");
  }
}
