package org.thyra.clinical.response;

import java.util.Locale;

/**
 * The initial treatment whose response is assessed; it chooses the ATA 2015 response-to-therapy
 * table ({@link AtaResponseToTherapy}), because the Tg a remnant makes moves every threshold.
 */
public enum InitialTherapy {
  /** Total (or completion) thyroidectomy followed by radioiodine: Haugen 2016, Table 13. */
  TOTAL_THYROIDECTOMY_WITH_RAI,
  /** Total (or completion) thyroidectomy without radioiodine. */
  TOTAL_THYROIDECTOMY_WITHOUT_RAI,
  /** Lobectomy (less than total thyroidectomy) without radioiodine. */
  LOBECTOMY;

  /**
   * Reads {@code total_thyroidectomy_with_rai} (or {@code tt_rai}, {@code rai}), {@code
   * total_thyroidectomy_without_rai} (or {@code tt}, {@code tt_no_rai}) and {@code lobectomy}, any
   * case, '-' or ' ' for '_'.
   */
  public static InitialTherapy parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    return switch (t) {
      case "total_thyroidectomy_with_rai", "tt_rai", "tt+rai", "rai" ->
          TOTAL_THYROIDECTOMY_WITH_RAI;
      case "total_thyroidectomy_without_rai", "tt_no_rai", "tt", "total_thyroidectomy" ->
          TOTAL_THYROIDECTOMY_WITHOUT_RAI;
      case "lobectomy", "hemithyroidectomy" -> LOBECTOMY;
      default ->
          throw new IllegalArgumentException(
              "'"
                  + text
                  + "' is not a treatment (total_thyroidectomy_with_rai, total_thyroidectomy_without_rai, lobectomy)");
    };
  }

  /** As a reason says it, e.g. "total thyroidectomy with RAI". */
  public String label() {
    return switch (this) {
      case TOTAL_THYROIDECTOMY_WITH_RAI -> "total thyroidectomy with RAI";
      case TOTAL_THYROIDECTOMY_WITHOUT_RAI -> "total thyroidectomy without RAI";
      case LOBECTOMY -> "lobectomy";
    };
  }

  /** Lower-case name as written in tables. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
