package org.thyra.clinical.rules;

import static org.thyra.clinical.rules.Role.optional;
import static org.thyra.clinical.rules.Role.required;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.thyra.clinical.Finding;
import org.thyra.clinical.course.Analyte;
import org.thyra.clinical.course.LabResult;
import org.thyra.clinical.course.PatientCourse;
import org.thyra.clinical.course.RaiCourse;
import org.thyra.clinical.units.Activity;
import org.thyra.clinical.units.ActivityUnit;
import org.thyra.clinical.units.TgUnit;

/**
 * The unit rules' one adapter ({@code activity-units}, {@code tg-units}): a table row ({@code thyra
 * derive}) and a patient course's RAI courses and Tg results ({@code thyra classify}) are read
 * here; both state the conversions with the same {@link #ACTIVITY_METHOD} and {@link #TG_METHOD}
 * and convert Tg by the one {@link #ngPerMl}. The conversions are in {@link Activity} and {@link
 * TgUnit}.
 */
public final class UnitsAdapter {

  static final String TG_METHOD = "1 ng/mL = 1 µg/L = 1000 ng/L; exact decimal conversion";
  static final String ACTIVITY_METHOD = "1 mCi = 37 MBq exactly";

  private UnitsAdapter() {}

  /** Tg in ng/mL, as both entry points convert it. */
  static BigDecimal ngPerMl(BigDecimal value, TgUnit unit) {
    return unit.toNgPerMl(value);
  }

  /** The row rules of {@code thyra derive}: activity, then Tg. */
  static List<Rule> tableRules() {
    return List.of(
        new TableRule(
            "activity-units",
            "Administered activity in MBq, GBq and mCi (1 mCi = 37 MBq exactly)",
            "SI / definition of the curie",
            List.of(
                required("activity", "administered activity"),
                optional("unit", "unit of this row: mCi, GBq, MBq (missing: the parameter)")),
            List.of(
                new Parameter(
                    "unit", "mCi", "unit when the unit role is not bound or the cell is missing")),
            List.of("activity_mbq", "activity_gbq", "activity_mci"),
            (row, p) -> {
              ActivityUnit unit =
                  row.has("unit")
                      ? row.parsed("unit", ActivityUnit::parse)
                      : RuleRegistry.param(p, "unit", ActivityUnit::parse);
              Activity a = row.parsed("activity", x -> Activity.of(x, unit));
              Map<String, String> v = new LinkedHashMap<>();
              v.put("activity_mbq", RuleRegistry.plain(a.in(ActivityUnit.MBQ)));
              v.put("activity_gbq", RuleRegistry.plain(a.in(ActivityUnit.GBQ)));
              v.put("activity_mci", RuleRegistry.plain(a.in(ActivityUnit.MCI)));
              return new RuleOutput(
                  v,
                  a + " = " + v.get("activity_mbq") + " MBq (1 mCi = 37 MBq)",
                  ACTIVITY_METHOD + ", 1 GBq = 1000 MBq; exact decimal conversion");
            }),
        new TableRule(
            "tg-units",
            "Thyroglobulin in ng/mL (= µg/L; 1000 ng/L)",
            "unit definitions",
            List.of(
                required("tg", "thyroglobulin value"),
                optional("unit", "unit of this row: ng/mL, µg/L, ng/L (missing: the parameter)")),
            List.of(
                new Parameter(
                    "unit",
                    "ng/mL",
                    "unit when the unit role is not bound or the cell is missing")),
            List.of("tg_ng_ml"),
            (row, p) -> {
              TgUnit unit =
                  row.has("unit")
                      ? row.parsed("unit", TgUnit::parse)
                      : RuleRegistry.param(p, "unit", TgUnit::parse);
              BigDecimal value = RuleRegistry.nonNegativeDecimal(row, "tg");
              BigDecimal ng = ngPerMl(value, unit);
              return new RuleOutput(
                  Map.of("tg_ng_ml", RuleRegistry.plain(ng)),
                  value.toPlainString()
                      + " "
                      + unit.symbol()
                      + " = "
                      + RuleRegistry.plain(ng)
                      + " ng/mL",
                  TG_METHOD);
            }));
  }

  /**
   * The course's cumulative administered activity (a lower bound, with a warning, when a course has
   * no activity); empty without RAI courses.
   */
  public static List<Finding> activityFindings(PatientCourse c) {
    if (c.raiCourses().isEmpty()) {
      return List.of();
    }
    Activity total = Activity.of("0", ActivityUnit.MCI);
    int missing = 0;
    for (RaiCourse r : c.raiCourses()) {
      if (r.activity() == null) {
        missing++;
      } else {
        total = total.plus(r.activity());
      }
    }
    String mci = tenDigits(total.in(ActivityUnit.MCI));
    String gbq = tenDigits(total.in(ActivityUnit.GBQ));
    return List.of(
        new Finding(
            "activity-units",
            "cumulative activity",
            mci + " mCi",
            c.raiCourses().size()
                + " course(s): "
                + mci
                + " mCi = "
                + gbq
                + " GBq (1 mCi = 37 MBq)",
            missing == 0
                ? List.of()
                : List.of(missing + " course(s) without activity: lower bound"),
            "sum of the administered activities, exact decimals; " + ACTIVITY_METHOD));
  }

  /** Each Tg result recorded in another unit than ng/mL, converted. */
  public static List<Finding> tgFindings(PatientCourse c) {
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < c.labs().size(); i++) {
      LabResult l = c.labs().get(i);
      if (l.analyte() == Analyte.TG
          && l.unit() != null
          && TgUnit.parse(l.unit()) != TgUnit.NG_PER_ML) {
        BigDecimal value = BigDecimal.valueOf(l.value());
        String v = tenDigits(ngPerMl(value, TgUnit.parse(l.unit())));
        out.add(
            new Finding(
                "tg-units",
                "labs[" + i + "] " + l.date(),
                v + " ng/mL",
                value.stripTrailingZeros().toPlainString() + " " + l.unit() + " = " + v + " ng/mL",
                List.of(),
                TG_METHOD));
      }
    }
    return out;
  }

  private static String tenDigits(BigDecimal v) {
    return v.round(new MathContext(10)).stripTrailingZeros().toPlainString();
  }
}
