package org.thyra.clinical.lesion;

/**
 * Lesion volume by the ellipsoid formula V = π/6 · a · b · c, with a the maximum diameter and b, c
 * the two perpendicular diameters (seed 000; SPEC §7).
 *
 * <p>Seed 000 writes the coefficient as 0.524; π/6 = 0.5235987755982988, so the rounded coefficient
 * gives volumes 0.076 % larger. {@link Coefficient#PI_OVER_6} is the default; {@link
 * Coefficient#ROUNDED_0_524} reproduces the seed's arithmetic. Units: diameters in cm give cm³ =
 * mL; diameters in mm give mm³ (divide by 1000 for mL).
 */
public final class EllipsoidVolume {

  /** The ellipsoid coefficient. */
  public enum Coefficient {
    /** π/6 exactly (in double precision). */
    PI_OVER_6(Math.PI / 6),
    /** 0.524 as printed in seed 000. */
    ROUNDED_0_524(0.524);

    private final double value;

    Coefficient(double value) {
      this.value = value;
    }

    public double value() {
      return value;
    }
  }

  private EllipsoidVolume() {}

  /** V = π/6 · a · b · c. */
  public static double of(double a, double b, double c) {
    return of(a, b, c, Coefficient.PI_OVER_6);
  }

  /** V = k · a · b · c with the chosen coefficient. */
  public static double of(double a, double b, double c, Coefficient k) {
    check(a, "a");
    check(b, "b");
    check(c, "c");
    return k.value() * a * b * c;
  }

  private static void check(double d, String name) {
    if (!(d >= 0) || !Double.isFinite(d)) {
      throw new IllegalArgumentException(
          "diameter " + name + " must be a finite, non-negative number, got " + d);
    }
  }
}
