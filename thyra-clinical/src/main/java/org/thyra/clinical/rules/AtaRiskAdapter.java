package org.thyra.clinical.rules;

import static org.thyra.clinical.rules.Role.optional;
import static org.thyra.clinical.rules.Role.required;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.thyra.clinical.AtaEdition;
import org.thyra.clinical.Derived;
import org.thyra.clinical.Finding;
import org.thyra.clinical.course.Histology;
import org.thyra.clinical.course.LesionSite;
import org.thyra.clinical.course.NodalDisease;
import org.thyra.clinical.course.PatientCourse;
import org.thyra.clinical.course.PrimaryTumour;
import org.thyra.clinical.course.RaiCourse;
import org.thyra.clinical.risk.AtaInitialRisk;
import org.thyra.clinical.risk.AtaRiskInput;

/**
 * The {@code ata-risk} rule's one adapter: a table row ({@code thyra derive}) and a patient course
 * ({@code thyra classify}) are each read into an {@link AtaRiskInput} here, and both go through the
 * one {@link #derive} — so the two entry points cannot drift apart. The guideline logic is in
 * {@link AtaInitialRisk}.
 */
public final class AtaRiskAdapter {

  private AtaRiskAdapter() {}

  /** The derivation both entry points share: the risk, lower-case, with reason and method. */
  static Derived<String> derive(AtaRiskInput in, AtaEdition edition) {
    return AtaInitialRisk.classify(edition, in).lowerCase();
  }

  /** The row rule of {@code thyra derive}. */
  static Rule tableRule() {
    return new TableRule(
        "ata-risk",
        "ATA initial risk of structural recurrence (2015: low / intermediate / high; 2025 not"
            + " implemented, see source)",
        RuleRegistry.ATA
            + ", Table 11 ([B19]–[B23], Recommendation 48B; PMC4739132 table T11, print page not"
            + " verified). "
            + RuleRegistry.ATA_2025
            + ": risk table NOT READ (four levels per the pocket guide, Table 10 p. 35) —"
            + " edition=2025 gives no value",
        List.of(
            required("histology", "papillary, follicular, oncocytic, poorly_differentiated"),
            optional("variant", "variant text; tall cell, hobnail, columnar are aggressive"),
            optional("extension", RuleRegistry.EXT),
            optional("complete_resection", "yes/no (missing: yes)"),
            optional("distant_metastasis", "yes/no"),
            optional(
                "tg_suggests_distant", "postoperative Tg suggestive of distant metastases, yes/no"),
            optional("clinical_n1", "clinically apparent nodes, yes/no"),
            optional("pn1_count", "number of pathologically involved nodes (missing: 0)"),
            optional("largest_node_cm", "largest involved node, cm"),
            optional("vascular_invasion_foci", "foci of vascular invasion"),
            optional(
                "rai_avid_neck_foci", "RAI-avid neck foci on first post-treatment scan, yes/no")),
        List.of(RuleRegistry.EDITION),
        List.of("ata_risk"),
        (row, p) -> {
          Histology h = row.choice("histology", Histology.class);
          boolean aggressive = AtaInitialRisk.aggressiveVariant(row.text("variant"));
          Integer nodes = row.integer("pn1_count");
          AtaRiskInput in =
              new AtaRiskInput(
                  h,
                  aggressive,
                  RuleRegistry.extension(row),
                  row.flag("complete_resection"),
                  row.flag("distant_metastasis", false),
                  row.flag("tg_suggests_distant", false),
                  row.flag("clinical_n1", false),
                  nodes == null ? 0 : RuleRegistry.checkedCount("pn1_count", nodes, row),
                  row.nonNegative("largest_node_cm"),
                  row.integer("vascular_invasion_foci"),
                  row.flag("rai_avid_neck_foci", false));
          return RuleRegistry.lower("ata_risk", derive(in, RuleRegistry.edition(p)));
        });
  }

  /**
   * The patient's risk from a course: distant metastasis as for M at staging ({@code
   * distantAtStaging}); RAI-avid neck foci = an avid cervical-node lesion on the first RAI course's
   * scan; incomplete resection from the primary or any surgery.
   */
  public static Optional<Finding> finding(
      PatientCourse c, AtaEdition edition, boolean distantAtStaging) {
    PrimaryTumour p = c.primaryTumour();
    if (p == null || p.histology() == null) {
      return Optional.empty();
    }
    NodalDisease n = p.nodes();
    boolean incomplete =
        Boolean.FALSE.equals(p.completeResection())
            || c.surgeries().stream().anyMatch(s -> Boolean.FALSE.equals(s.completeResection()));
    Boolean complete = incomplete ? Boolean.FALSE : p.completeResection();
    Optional<RaiCourse> first = c.raiCourses().stream().min(Comparator.comparing(RaiCourse::date));
    boolean avidNeck =
        first.isPresent()
            && first.get().scanUptake().stream()
                .anyMatch(
                    u -> u.avid() && c.lesion(u.lesionId()).site() == LesionSite.CERVICAL_NODE);
    AtaRiskInput in =
        new AtaRiskInput(
            p.histology(),
            AtaInitialRisk.aggressiveVariant(p.variant()),
            p.extension(),
            complete,
            distantAtStaging,
            p.tgSuggestsDistantMetastasis(),
            n != null && n.clinicallyEvident(),
            n == null ? 0 : n.pathologicPositive(),
            n == null ? null : n.largestNodeCm(),
            p.vascularInvasionFoci(),
            avidNeck);
    return Optional.of(Finding.of("ata-risk", "patient", derive(in, edition)));
  }
}
