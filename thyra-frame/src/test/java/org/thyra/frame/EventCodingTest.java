package org.thyra.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventCodingTest {
  private static DataTable numeric(double... values) {
    return DataTable.of("lung.csv", List.of(NumericColumn.of("status", values)));
  }

  private static DataTable labels(String... values) {
    return DataTable.of("lung.csv", List.of(CategoricalColumn.of("status", values)));
  }

  @Test
  void zeroOne() {
    EventStatus s = EventCoding.read(numeric(0, 1, Double.NaN, 1), "status");
    assertThat(s.status()).containsExactly(0, 1, -1, 1);
    assertThat(s.code()).isEqualTo(EventCode.ZERO_ONE);
  }

  @Test
  void allOnesIsZeroOneCodingAsInR() {
    // R: max(event) is 1, not 2, so status = event: every row is an event
    assertThat(EventCoding.decode(numeric(1, 1), "status")).containsExactly(1, 1);
    assertThat(EventCoding.detect(numeric(1, 1), "status")).isEqualTo(EventCode.ZERO_ONE);
  }

  @Test
  void oneTwoAsRSurv() {
    EventStatus s = EventCoding.read(numeric(2, 1, Double.NaN, 2), "status");
    assertThat(s.status()).containsExactly(1, 0, -1, 1);
    assertThat(s.code()).isEqualTo(EventCode.ONE_TWO);
    assertThat(EventCode.ONE_TWO.description()).contains("2 = event");
  }

  @Test
  void zeroInOneTwoColumnIsAnError() {
    InputException e =
        catchThrowableOfType(
            InputException.class, () -> EventCoding.decode(numeric(1, 2, 0), "status"));
    assertThat(e.file()).isEqualTo("lung.csv");
    assertThat(e.row()).isEqualTo(3);
    assertThat(e.column()).isEqualTo("status");
    assertThat(e.getMessage())
        .startsWith("lung.csv, row 3, column \"status\": 0 is not an event code here")
        .contains("1/2 coded");
  }

  @Test
  void invalidNumericCodes() {
    for (double bad : new double[] {3, 0.5, -1}) {
      InputException e =
          catchThrowableOfType(
              InputException.class, () -> EventCoding.decode(numeric(0, 1, bad), "status"));
      assertThat(e.row()).isEqualTo(3);
      assertThat(e.column()).isEqualTo("status");
      assertThat(e.getMessage())
          .startsWith("lung.csv, row 3, column \"status\": ")
          .contains("is not an event code (expected 0/1, 1/2, TRUE/FALSE, yes/no)");
    }
  }

  @Test
  void logicalAnyCase() {
    EventStatus s = EventCoding.read(labels("TRUE", "false", "True", null, "T", "f"), "status");
    assertThat(s.status()).containsExactly(1, 0, 1, -1, 1, 0);
    assertThat(s.code()).isEqualTo(EventCode.LOGICAL);
  }

  @Test
  void yesNoAnyCase() {
    EventStatus s = EventCoding.read(labels("Yes", "no", "YES", "No"), "status");
    assertThat(s.status()).containsExactly(1, 0, 1, 0);
    assertThat(s.code()).isEqualTo(EventCode.YES_NO);
  }

  @Test
  void unknownLabelIsAnError() {
    InputException e =
        catchThrowableOfType(
            InputException.class, () -> EventCoding.decode(labels("yes", "no", "maybe"), "status"));
    assertThat(e.getMessage())
        .isEqualTo(
            "lung.csv, row 3, column \"status\": \"maybe\" is not an event code "
                + "(expected 0/1, 1/2, TRUE/FALSE, yes/no)");
  }

  @Test
  void textualNumbersMixedWithWordsAreAnError() {
    InputException e =
        catchThrowableOfType(
            InputException.class, () -> EventCoding.decode(labels("1", "0", "dead"), "status"));
    // The word is what the user has to fix, not the numbers before it.
    assertThat(e.row()).isEqualTo(3);
    assertThat(e.getMessage())
        .isEqualTo(
            "lung.csv, row 3, column \"status\": \"dead\" is not an event code "
                + "(expected 0/1, 1/2, TRUE/FALSE, yes/no)");
  }

  @Test
  void numbersMixedWithYesNoNameTheFirstNumber() {
    InputException e =
        catchThrowableOfType(
            InputException.class,
            () -> EventCoding.decode(labels("yes", "no", "1", "0"), "status"));
    assertThat(e.row()).isEqualTo(3);
    assertThat(e.getMessage()).contains("\"1\" is a number but other rows hold words");
  }

  @Test
  void mixedCodingsAreAnError() {
    InputException e =
        catchThrowableOfType(
            InputException.class, () -> EventCoding.decode(labels("TRUE", "no"), "status"));
    assertThat(e.row()).isEqualTo(2);
    assertThat(e.column()).isEqualTo("status");
    assertThat(e.getMessage()).contains("mixes codings");
  }

  @Test
  void unknownColumnNamesFile() {
    InputException e =
        catchThrowableOfType(
            InputException.class, () -> EventCoding.decode(numeric(0, 1), "event"));
    assertThat(e.file()).isEqualTo("lung.csv");
    assertThat(e.column()).isEqualTo("event");
  }
}
