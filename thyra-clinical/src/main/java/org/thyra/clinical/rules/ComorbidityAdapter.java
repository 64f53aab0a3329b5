package org.thyra.clinical.rules;

import static org.thyra.clinical.rules.Role.optional;
import static org.thyra.clinical.rules.Role.required;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.thyra.clinical.Derived;
import org.thyra.clinical.Finding;
import org.thyra.clinical.comorbidity.AgeAdjustedCharlson;
import org.thyra.clinical.comorbidity.CharlsonCondition;
import org.thyra.clinical.comorbidity.EcogPerformanceStatus;
import org.thyra.clinical.course.PatientCourse;

/**
 * The comorbidity rules' one adapter ({@code charlson-age-adjusted}, {@code ecog}): a table row
 * ({@code thyra derive}) and a patient course ({@code thyra classify}) are each read into age and
 * conditions, or an ECOG grade, here and both go through {@link #charlson} and {@link #ecog}. The
 * logic is in {@link AgeAdjustedCharlson} and {@link EcogPerformanceStatus}.
 */
public final class ComorbidityAdapter {

  private ComorbidityAdapter() {}

  /** The age-adjusted Charlson index both entry points share. */
  static Derived<Integer> charlson(double age, Collection<CharlsonCondition> conditions) {
    return AgeAdjustedCharlson.score(age, conditions);
  }

  /** A recorded ECOG grade, as both entry points report it. */
  static Derived<EcogPerformanceStatus> ecog(int grade) {
    EcogPerformanceStatus s = EcogPerformanceStatus.of(grade);
    return Derived.of(s, "ECOG " + s.grade())
        .withMethod("ECOG performance status as recorded (Oken 1982), 0–5");
  }

  /** The row rules of {@code thyra derive}: Charlson, then ECOG. */
  static List<Rule> tableRules() {
    return List.of(
        new TableRule(
            "charlson-age-adjusted",
            "Age-adjusted Charlson comorbidity index",
            "Charlson 1987; Charlson 1994",
            List.of(
                required("age", "age in years"),
                optional(
                    "conditions",
                    "condition codes separated by ; (e.g."
                        + " diabetes_uncomplicated;chronic_pulmonary_disease), or none")),
            List.of(),
            List.of("acci"),
            (row, p) -> {
              Set<CharlsonCondition> set = EnumSet.noneOf(CharlsonCondition.class);
              String text = row.text("conditions");
              if (text != null && !text.equalsIgnoreCase("none")) {
                for (String code : text.split("[;,]")) {
                  if (!code.isBlank()) {
                    set.add(row.parsed("conditions", x -> CharlsonCondition.parse(code)));
                  }
                }
              }
              return TableRule.single("acci", charlson(RuleRegistry.age(row), set));
            }),
        new TableRule(
            "ecog",
            "ECOG performance status (from ECOG 0–5 or Karnofsky 0–100)",
            "Oken 1982",
            List.of(
                optional("ecog", "ECOG grade 0–5"),
                optional(
                    "karnofsky", "Karnofsky 0–100 in steps of 10 (used when ecog is missing)")),
            List.of(),
            List.of("ecog_grade", "ecog_description"),
            (row, p) -> {
              Derived<EcogPerformanceStatus> d;
              if (row.has("ecog")) {
                d = row.parsed("ecog", x -> ecog(row.integer("ecog")));
              } else if (row.has("karnofsky")) {
                d =
                    row.parsed(
                        "karnofsky",
                        x -> EcogPerformanceStatus.fromKarnofsky(row.integer("karnofsky")));
              } else {
                return RuleOutput.missing(
                    List.of("ecog_grade", "ecog_description"), "ecog and karnofsky missing");
              }
              Map<String, String> v = new LinkedHashMap<>();
              v.put("ecog_grade", Integer.toString(d.value().grade()));
              v.put("ecog_description", d.value().description());
              return new RuleOutput(v, d.reason(), d.method());
            }));
  }

  /**
   * The course's Charlson index at diagnosis (age in completed years; needs the birth date) and its
   * baseline ECOG grade.
   */
  public static List<Finding> findings(PatientCourse c) {
    List<Finding> out = new ArrayList<>();
    if (c.demographics().birthDate() != null) {
      out.add(
          Finding.of(
              "charlson-age-adjusted",
              "at diagnosis",
              charlson(c.demographics().ageAtDiagnosis(), c.comorbidities())));
    }
    if (c.ecog() != null) {
      Derived<EcogPerformanceStatus> e = ecog(c.ecog());
      out.add(
          new Finding(
              "ecog",
              "baseline",
              Integer.toString(e.value().grade()),
              e.value().description(),
              List.of(),
              e.method()));
    }
    return out;
  }
}
