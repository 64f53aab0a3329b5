package org.thyra.clinical.lesion;

import org.thyra.clinical.Derived;

/**
 * Volume reduction rate VRR = (V<sub>0</sub> − V) / V<sub>0</sub> × 100 % (seed 000: T the initial
 * volume, A the volume at follow-up). A lesion that disappeared has V = 0 and VRR = 100 %; a lesion
 * that grew has a negative VRR (reported as is, not clipped). The initial volume must be positive.
 */
public final class VolumeReductionRate {

  /** The convention this rule applies, as its results state it in {@code method}. */
  public static final String METHOD =
      "VRR = (V0 − V) / V0 × 100 % (seed 000); negative when the lesion grew; 100 % when it disappeared";

  private VolumeReductionRate() {}

  /** VRR in percent. */
  public static double percent(double initialVolume, double currentVolume) {
    if (!(initialVolume > 0) || !Double.isFinite(initialVolume)) {
      throw new IllegalArgumentException(
          "the initial volume must be a finite positive number for a VRR, got " + initialVolume);
    }
    if (!(currentVolume >= 0) || !Double.isFinite(currentVolume)) {
      throw new IllegalArgumentException(
          "the follow-up volume must be a finite non-negative number, got " + currentVolume);
    }
    return (initialVolume - currentVolume) / initialVolume * 100.0;
  }

  /** VRR with its reason. */
  public static Derived<Double> of(double initialVolume, double currentVolume) {
    return ofDecided(initialVolume, currentVolume).withMethod(METHOD);
  }

  private static Derived<Double> ofDecided(double initialVolume, double currentVolume) {
    double vrr = percent(initialVolume, currentVolume);
    return Derived.of(
        vrr,
        "VRR = ("
            + initialVolume
            + " − "
            + currentVolume
            + ") / "
            + initialVolume
            + " × 100 = "
            + vrr
            + " %"
            + (currentVolume == 0 ? " (disappeared)" : vrr < 0 ? " (grew)" : ""));
  }
}
