package org.thyra.clinical.refractory;

import org.thyra.clinical.units.Activity;
import org.thyra.clinical.units.ActivityUnit;

/**
 * Switchable RAIR criteria beyond the ATA 2015 four patterns.
 *
 * @param progressionWithin12Months evaluate {@link RairCriterion#PROGRESSION_WITHIN_12_MONTHS}
 * @param cumulativeActivity evaluate {@link RairCriterion#CUMULATIVE_ACTIVITY_ABOVE_600_MCI}
 * @param cumulativeThreshold the cumulative activity that must be exceeded (600 mCi)
 */
public record RairOptions(
    boolean progressionWithin12Months, boolean cumulativeActivity, Activity cumulativeThreshold) {

  /** 600 mCi (22.2 GBq), the "maximum permissible" cumulative activity of seed 002. */
  public static final Activity SIX_HUNDRED_MCI = Activity.of("600", ActivityUnit.MCI);

  public RairOptions {
    if (cumulativeThreshold == null) {
      cumulativeThreshold = SIX_HUNDRED_MCI;
    }
  }

  /** The ATA 2015 four patterns only. */
  public static RairOptions ataOnly() {
    return new RairOptions(false, false, SIX_HUNDRED_MCI);
  }

  /** Both options on (seed 000's nuclear-medicine criteria in addition to ATA's). */
  public static RairOptions all() {
    return new RairOptions(true, true, SIX_HUNDRED_MCI);
  }
}
