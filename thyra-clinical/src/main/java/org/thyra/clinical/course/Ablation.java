package org.thyra.clinical.course;

import java.time.LocalDate;
import java.util.List;
import org.thyra.clinical.ablation.Complication;

/**
 * Details of a thermal ablation session (seed 000, Table 2).
 *
 * @param modality MWA, RFA, ...
 * @param powerW power, W
 * @param energyKj delivered energy, kJ
 * @param timeS ablation time, s
 * @param hydrodissection whether hydrodissection was used
 * @param ceusDate date of the contrast-enhanced ultrasound that judged technical success
 * @param residualEnhancement enhancement left in the ablated lesion on that CEUS
 * @param complications complications of the session
 */
public record Ablation(
    AblationModality modality,
    Double powerW,
    Double energyKj,
    Double timeS,
    Boolean hydrodissection,
    LocalDate ceusDate,
    Boolean residualEnhancement,
    List<Complication> complications) {

  public Ablation {
    complications = complications == null ? List.of() : List.copyOf(complications);
  }
}
