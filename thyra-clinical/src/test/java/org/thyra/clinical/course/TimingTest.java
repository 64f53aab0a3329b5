package org.thyra.clinical.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.thyra.clinical.course.LocalDiseaseStatus.Status;
import org.thyra.clinical.course.MetastasisTiming.Timing;

class TimingTest {

  @ParameterizedTest(name = "{0} → {1}: {2}")
  @CsvSource({
    "2015-02-10, 2016-02-10, SYNCHRONOUS", // exactly 12 months: within
    "2015-02-10, 2016-02-11, METACHRONOUS", // one day later
    "2015-02-10, 2015-02-10, SYNCHRONOUS",
    "2016-02-29, 2017-02-28, SYNCHRONOUS", // window ends on the last day of February
    "2016-02-29, 2017-03-01, METACHRONOUS",
    "2015-02-10, 2014-03-01, SYNCHRONOUS", // presenting metastasis, primary found later
  })
  void metastasisTiming(LocalDate diagnosis, LocalDate metastasis, Timing expected) {
    assertThat(MetastasisTiming.classify(diagnosis, metastasis).value()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"12, SYNCHRONOUS", "12.01, METACHRONOUS", "0, SYNCHRONOUS", "-3, SYNCHRONOUS"})
  void metastasisTimingInMonths(double months, Timing expected) {
    assertThat(MetastasisTiming.classify(months).value()).isEqualTo(expected);
  }

  @Test
  void implausibleMetastasisDatesAreRejected() {
    assertThatThrownBy(
            () -> MetastasisTiming.classify(LocalDate.of(2015, 2, 10), LocalDate.of(2013, 1, 1)))
        .hasMessageContaining("more than 12 months before the primary diagnosis");
  }

  @ParameterizedTest(name = "{0} → {1} ever free {2}: {3}")
  @CsvSource({
    "2015-02-10, 2016-02-10, true, PERSISTENT_DISEASE", // exactly 12 months: not > 12
    "2015-02-10, 2016-02-11, true, LOCAL_RECURRENCE",
    "2015-02-10, 2019-01-01, false, PERSISTENT_DISEASE",
    "2015-02-10, 2015-06-01, true, PERSISTENT_DISEASE",
  })
  void localDisease(LocalDate free, LocalDate detected, boolean everFree, Status expected) {
    assertThat(LocalDiseaseStatus.classify(free, detected, everFree).value()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"12, PERSISTENT_DISEASE", "12.01, LOCAL_RECURRENCE", "0, PERSISTENT_DISEASE"})
  void localDiseaseInMonths(double months, Status expected) {
    assertThat(LocalDiseaseStatus.classify(months, true).value()).isEqualTo(expected);
  }

  @Test
  void localDiseaseBeforeSurgeryIsRejected() {
    assertThatThrownBy(
            () ->
                LocalDiseaseStatus.classify(
                    LocalDate.of(2015, 2, 10), LocalDate.of(2015, 1, 1), true))
        .hasMessageContaining("before the disease-free date");
  }
}
