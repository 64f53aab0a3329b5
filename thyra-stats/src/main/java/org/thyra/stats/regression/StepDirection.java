package org.thyra.stats.regression;

/** Search direction of {@link StepwiseSelection}, as {@code MASS::stepAIC(direction = ...)}. */
public enum StepDirection {
  BACKWARD,
  FORWARD,
  BOTH
}
