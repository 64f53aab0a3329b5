package org.thyra.clinical.rules;

import static org.thyra.clinical.rules.Role.required;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.thyra.clinical.Derived;
import org.thyra.clinical.Finding;
import org.thyra.clinical.course.LesionMeasurement;
import org.thyra.clinical.course.PatientCourse;
import org.thyra.clinical.lesion.EllipsoidVolume;
import org.thyra.clinical.lesion.VolumeReductionRate;

/**
 * The lesion-volume rules' one adapter ({@code ellipsoid-volume}, {@code vrr}): a table row ({@code
 * thyra derive}) and a patient course's lesion measurements ({@code thyra classify}) go through the
 * one {@link #volume} and {@link #vrr}. The logic is in {@link EllipsoidVolume} and {@link
 * VolumeReductionRate}.
 */
public final class VolumeAdapter {

  /** How lesion volumes are computed from the course's measurements. */
  static final String VOLUME_METHOD =
      "ellipsoid V = π/6 · a · b · c with diameters in mm, volume in mL (mm³ / 1000); disappeared = 0";

  private VolumeAdapter() {}

  /** The ellipsoid volume both entry points share. */
  static double volume(double a, double b, double c, EllipsoidVolume.Coefficient k) {
    return EllipsoidVolume.of(a, b, c, k);
  }

  /** The volume reduction rate both entry points share. */
  static Derived<Double> vrr(double initial, double current) {
    return VolumeReductionRate.of(initial, current);
  }

  /** A course value with 6 significant digits, as {@code thyra classify} prints it. */
  public static String number(double v) {
    return new BigDecimal(v)
        .round(new java.math.MathContext(6))
        .stripTrailingZeros()
        .toPlainString();
  }

  /** The row rules of {@code thyra derive}: volume, then VRR. */
  static List<Rule> tableRules() {
    return List.of(
        new TableRule(
            "ellipsoid-volume",
            "Ellipsoid volume V = π/6 · a · b · c (unit³ of the diameters)",
            "Seed 000; SPEC §7",
            List.of(
                required("a", "maximum diameter"),
                required("b", "second diameter"),
                required("c", "third diameter")),
            List.of(new Parameter("coefficient", "pi/6", "pi/6, or 0.524 as printed in seed 000")),
            List.of("volume"),
            (row, p) -> {
              EllipsoidVolume.Coefficient k =
                  switch (p.get("coefficient")) {
                    case "pi/6" -> EllipsoidVolume.Coefficient.PI_OVER_6;
                    case "0.524" -> EllipsoidVolume.Coefficient.ROUNDED_0_524;
                    default ->
                        throw new RuleParameterException(
                            "coefficient", p.get("coefficient"), "must be pi/6 or 0.524");
                  };
              double v =
                  volume(row.nonNegative("a"), row.nonNegative("b"), row.nonNegative("c"), k);
              return new RuleOutput(
                  Map.of("volume", RuleRegistry.number(v)),
                  "V = "
                      + (k == EllipsoidVolume.Coefficient.PI_OVER_6 ? "π/6" : "0.524")
                      + " × "
                      + row.text("a")
                      + " × "
                      + row.text("b")
                      + " × "
                      + row.text("c"),
                  "ellipsoid V = "
                      + (k == EllipsoidVolume.Coefficient.PI_OVER_6
                          ? "π/6"
                          : "0.524 (seed 000's rounded π/6)")
                      + " · a · b · c, in the cube of the diameters' unit");
            }),
        new TableRule(
            "vrr",
            "Volume reduction rate (V0 − V) / V0 × 100 %",
            "Seed 000",
            List.of(
                required("initial_volume", "volume before treatment (> 0)"),
                required("current_volume", "volume at follow-up")),
            List.of(),
            List.of("vrr_percent"),
            (row, p) -> {
              Double v0 = row.nonNegative("initial_volume");
              if (v0 == 0) {
                throw new RuleInputException(
                    "initial_volume", row.text("initial_volume"), "must be positive for a VRR");
              }
              Derived<Double> d = vrr(v0, row.nonNegative("current_volume"));
              return new RuleOutput(
                  Map.of("vrr_percent", RuleRegistry.number(d.value())), d.reason(), d.method());
            }));
  }

  /**
   * Each measured lesion's volume (diameters in mm, volume in mL; disappeared = 0) and its VRR
   * against the lesion's first measured volume: all volumes, then all VRRs.
   */
  public static List<Finding> findings(PatientCourse c) {
    List<Finding> out = new ArrayList<>();
    Map<String, List<LesionMeasurement>> byLesion = new LinkedHashMap<>();
    c.measurements().stream()
        .sorted(Comparator.comparing(LesionMeasurement::date))
        .forEach(m -> byLesion.computeIfAbsent(m.lesionId(), k -> new ArrayList<>()).add(m));
    List<Finding> volumes = new ArrayList<>();
    List<Finding> rates = new ArrayList<>();
    byLesion.forEach(
        (id, list) -> {
          Double v0 = null;
          LocalDate d0 = null;
          for (LesionMeasurement m : list) {
            Double v =
                m.disappeared()
                    ? Double.valueOf(0)
                    : m.aMm() != null && m.bMm() != null && m.cMm() != null
                        ? volume(m.aMm(), m.bMm(), m.cMm(), EllipsoidVolume.Coefficient.PI_OVER_6)
                            / 1000.0
                        : null;
            if (v == null) {
              continue;
            }
            String subject = "lesion " + id + " " + m.date();
            if (m.disappeared()) {
              volumes.add(
                  new Finding(
                      "ellipsoid-volume",
                      subject,
                      "0 mL",
                      "lesion disappeared",
                      List.of(),
                      VOLUME_METHOD));
            } else {
              volumes.add(
                  new Finding(
                      "ellipsoid-volume",
                      subject,
                      number(v) + " mL",
                      "π/6 × "
                          + number(m.aMm())
                          + " × "
                          + number(m.bMm())
                          + " × "
                          + number(m.cMm())
                          + " mm³ / 1000",
                      List.of(),
                      VOLUME_METHOD));
            }
            if (v0 == null) {
              if (v > 0) {
                v0 = v;
                d0 = m.date();
              }
            } else {
              Derived<Double> vrr = vrr(v0, v);
              rates.add(
                  new Finding(
                      "vrr",
                      subject,
                      number(vrr.value()) + " %",
                      "(V0 − V) / V0 × 100 with V0 = "
                          + number(v0)
                          + " mL on "
                          + d0
                          + ", V = "
                          + number(v)
                          + " mL"
                          + (v == 0 ? " (disappeared)" : ""),
                      vrr.warnings(),
                      vrr.method() + "; V0 = the lesion's first measured volume"));
            }
          }
        });
    out.addAll(volumes);
    out.addAll(rates);
    return out;
  }
}
