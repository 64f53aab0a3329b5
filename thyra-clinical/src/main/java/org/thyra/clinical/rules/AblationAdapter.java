package org.thyra.clinical.rules;

import static org.thyra.clinical.rules.Role.optional;
import static org.thyra.clinical.rules.Role.required;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.thyra.clinical.Derived;
import org.thyra.clinical.Finding;
import org.thyra.clinical.ablation.Complication;
import org.thyra.clinical.ablation.ComplicationClassification;
import org.thyra.clinical.ablation.ComplicationGrading;
import org.thyra.clinical.ablation.ComplicationTherapy;
import org.thyra.clinical.ablation.ComplicationType;
import org.thyra.clinical.ablation.Sequelae;
import org.thyra.clinical.ablation.TechnicalSuccess;
import org.thyra.clinical.course.LocalTreatment;
import org.thyra.clinical.course.PatientCourse;
import org.thyra.clinical.course.TreatmentKind;

/**
 * The ablation rules' one adapter ({@code technical-success}, {@code complication-grade}): a table
 * row ({@code thyra derive}) and each thermal ablation of a patient course ({@code thyra classify})
 * are read here; both report a technical success by {@link #yesNo} and grade a {@link Complication}
 * by the one {@link #grade}. The logic is in {@link TechnicalSuccess} and {@link
 * ComplicationClassification}.
 */
public final class AblationAdapter {

  private AblationAdapter() {}

  /** A complication's grading under a convention, as both entry points derive it. */
  static ComplicationGrading grade(
      Complication k, ComplicationClassification.Convention convention) {
    return ComplicationClassification.grade(k, convention);
  }

  /** Technical success as both entry points write it: yes, no, or empty when undetermined. */
  static String yesNo(Derived<Boolean> d) {
    return d.value() == null ? "" : d.value() ? "yes" : "no";
  }

  /** The row rules of {@code thyra derive}: technical success, then complication grade. */
  static List<Rule> tableRules() {
    return List.of(
        new TableRule(
            "technical-success",
            "Ablation technical success: no enhancement on CEUS within 3 days",
            "Seed 000",
            List.of(
                required("days_to_ceus", "days from ablation to CEUS (0–3 judged)"),
                required("residual_enhancement", "yes/no")),
            List.of(),
            List.of("technical_success"),
            (row, p) -> {
              Integer days = row.integer("days_to_ceus");
              if (days < 0) {
                throw new RuleInputException(
                    "days_to_ceus", row.text("days_to_ceus"), "must not be negative");
              }
              Derived<Boolean> d = TechnicalSuccess.assess(days, row.flag("residual_enhancement"));
              return new RuleOutput(Map.of("technical_success", yesNo(d)), d.reason(), d.method());
            }),
        new TableRule(
            "complication-grade",
            "Complication SIR class, CIRSE grade and major/minor",
            "Sacks 2003 (SIR); Filippiadis 2017 (CIRSE); seed 000",
            List.of(
                optional(
                    "type",
                    "voice_change, horner_syndrome, vagal_reflex, brachial_plexus_injury,"
                        + " nodule_rupture, haematoma, skin_burn, pain, infection, other"),
                required("therapy", "none, nominal, additional, major"),
                optional("extra_hours", "hospital stay added, hours (missing: 0)"),
                optional("unplanned_increase_in_care", "yes/no"),
                optional("sequelae", "none, mild_permanent, severe_permanent"),
                optional("death", "yes/no")),
            List.of(
                new Parameter(
                    "convention",
                    "thyroid_ablation",
                    "thyroid_ablation (seed 000: by type, else SIR) or sir (C–F major)")),
            List.of("sir_grade", "cirse_grade", "complication_class"),
            (row, p) -> {
              Integer hours = RuleRegistry.nonNegativeCount(row, "extra_hours");
              Complication c =
                  new Complication(
                      row.choice("type", ComplicationType.class),
                      null,
                      row.choice("therapy", ComplicationTherapy.class),
                      hours == null ? 0 : hours,
                      row.flag("unplanned_increase_in_care", false),
                      row.choice("sequelae", Sequelae.class),
                      row.flag("death", false));
              ComplicationGrading g =
                  grade(
                      c,
                      RuleRegistry.parameterEnum(
                          p, "convention", ComplicationClassification.Convention.class));
              Map<String, String> v = new LinkedHashMap<>();
              v.put("sir_grade", g.sir().name());
              v.put("cirse_grade", Integer.toString(g.cirse()));
              v.put("complication_class", g.major() ? "major" : "minor");
              return new RuleOutput(v, g.reason(), g.method());
            }));
  }

  /** Each thermal ablation's technical success and the grade of each of its complications. */
  public static List<Finding> findings(
      PatientCourse c, ComplicationClassification.Convention convention) {
    List<Finding> out = new ArrayList<>();
    for (LocalTreatment t : c.treatments()) {
      if (t.kind() != TreatmentKind.THERMAL_ABLATION || t.ablation() == null) {
        continue;
      }
      String subject = "ablation " + t.date() + " " + t.lesionIds();
      Derived<Boolean> ts =
          TechnicalSuccess.assess(
              t.date(), t.ablation().ceusDate(), t.ablation().residualEnhancement());
      out.add(
          new Finding(
              "technical-success", subject, yesNo(ts), ts.reason(), List.of(), ts.method()));
      for (Complication k : t.ablation().complications()) {
        ComplicationGrading g = grade(k, convention);
        out.add(
            new Finding(
                "complication-grade",
                subject + " " + k.type().name().toLowerCase(Locale.ROOT),
                (g.major() ? "major" : "minor") + ", SIR " + g.sir() + ", CIRSE " + g.cirse(),
                g.reason(),
                List.of(),
                g.method()));
      }
    }
    return out;
  }
}
