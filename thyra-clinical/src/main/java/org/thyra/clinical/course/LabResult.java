package org.thyra.clinical.course;

import java.time.LocalDate;

/**
 * One laboratory value.
 *
 * @param date sampling date
 * @param analyte Tg, TgAb or TSH
 * @param value the value, not negative
 * @param unit unit as recorded (for Tg one of ng/mL, µg/L, ng/L)
 * @param tshState for Tg: suppressed or stimulated
 * @param belowDetectionLimit the value is a detection limit ("&lt; 0.1")
 */
public record LabResult(
    LocalDate date,
    Analyte analyte,
    Double value,
    String unit,
    TshState tshState,
    boolean belowDetectionLimit) {

  public LabResult {
    if (tshState == null) {
      tshState = TshState.UNSPECIFIED;
    }
  }

  /** A Tg value in ng/mL (an absent unit is ng/mL), converted exactly. */
  public java.math.BigDecimal tgNgPerMl() {
    org.thyra.clinical.units.TgUnit u =
        org.thyra.clinical.units.TgUnit.parse(unit == null ? "ng/mL" : unit);
    return u.toNgPerMl(java.math.BigDecimal.valueOf(value));
  }
}
