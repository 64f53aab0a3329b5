package org.thyra.stats.survival;

import java.util.Objects;

/**
 * Options of a Kaplan–Meier fit: the confidence interval transformation and level (R's {@code
 * conf.type} and {@code conf.int}).
 *
 * @param type confidence interval transformation
 * @param level confidence level, strictly between 0 and 1
 */
public record KaplanMeierOptions(ConfidenceType type, double level) {

  /** R's defaults: log transformation, 95 % level. */
  public static final KaplanMeierOptions DEFAULT = new KaplanMeierOptions(ConfidenceType.LOG, 0.95);

  /** Validates the arguments. */
  public KaplanMeierOptions {
    Objects.requireNonNull(type, "type");
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
    }
  }
}
