package org.thyra.clinical.rules;

import static org.thyra.clinical.rules.Role.required;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.thyra.clinical.Derived;
import org.thyra.clinical.Finding;
import org.thyra.clinical.course.Analyte;
import org.thyra.clinical.course.LabResult;
import org.thyra.clinical.course.PatientCourse;
import org.thyra.clinical.course.TshState;
import org.thyra.clinical.response.RelativeChange;
import org.thyra.clinical.response.TgResponse;
import org.thyra.clinical.response.TgTrendResponse;

/**
 * The {@code tg-response} rule's one adapter: a table row ({@code thyra derive}) and each pair of
 * consecutive stimulated Tg values of a patient course ({@code thyra classify}, converted to ng/mL)
 * go through the one {@link #derive}. The logic is in {@link TgResponse}.
 */
public final class TgResponseAdapter {

  private TgResponseAdapter() {}

  /** ΔTg response both entry points share. */
  static Derived<TgTrendResponse> derive(
      BigDecimal before, BigDecimal after, BigDecimal threshold, TgResponse.Boundary boundary) {
    return TgResponse.classify(before, after, threshold, boundary);
  }

  /** The row rule of {@code thyra derive}. */
  static Rule tableRule() {
    return new TableRule(
        "tg-response",
        "Tg response by ΔTg = (after − before) / before: PR / SD / PD",
        "Seeds 001 (≥ 25 %) and 004 (> 25 %)",
        List.of(
            required("tg_before", "Tg before the course (same unit and TSH state as after)"),
            required("tg_after", "Tg after the course")),
        List.of(
            new Parameter("threshold", "25", "threshold in percent"),
            new Parameter(
                "boundary",
                "inclusive",
                "inclusive: exactly ±threshold is PR/PD (seed 001); exclusive: it is SD (seed"
                    + " 004)")),
        List.of("tg_change_percent", "tg_response"),
        (row, p) -> {
          BigDecimal before = RuleRegistry.nonNegativeDecimal(row, "tg_before");
          BigDecimal after = RuleRegistry.nonNegativeDecimal(row, "tg_after");
          BigDecimal threshold = RuleRegistry.parameterDecimal(p, "threshold");
          if (threshold.signum() <= 0) {
            throw new RuleParameterException(
                "threshold", p.get("threshold"), "must be a positive percentage");
          }
          TgResponse.Boundary b =
              RuleRegistry.parameterEnum(p, "boundary", TgResponse.Boundary.class);
          Derived<?> d = derive(before, after, threshold, b);
          Map<String, String> v = new LinkedHashMap<>();
          v.put(
              "tg_change_percent",
              before.signum() == 0
                  ? ""
                  : RuleRegistry.number(new RelativeChange(before, after).percent()));
          v.put("tg_response", d.value() == null ? "" : d.value().toString());
          return new RuleOutput(v, TableRule.reason(d), d.method());
        });
  }

  /** ΔTg between consecutive stimulated Tg values of the course, in ng/mL. */
  public static List<Finding> findings(
      PatientCourse c, BigDecimal threshold, TgResponse.Boundary boundary) {
    List<LabResult> stimulated =
        c.labs().stream()
            .filter(l -> l.analyte() == Analyte.TG && l.tshState() == TshState.STIMULATED)
            .sorted(Comparator.comparing(LabResult::date))
            .toList();
    List<Finding> out = new ArrayList<>();
    for (int i = 1; i < stimulated.size(); i++) {
      LabResult a = stimulated.get(i - 1);
      LabResult b = stimulated.get(i);
      out.add(
          Finding.of(
              "tg-response",
              a.date() + " → " + b.date(),
              derive(a.tgNgPerMl(), b.tgNgPerMl(), threshold, boundary)));
    }
    return out;
  }
}
