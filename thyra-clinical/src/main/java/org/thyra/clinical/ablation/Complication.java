package org.thyra.clinical.ablation;

/**
 * One complication of a procedure, described by its consequences so that it can be graded.
 *
 * @param type kind of complication
 * @param description free text
 * @param therapy the therapy it needed
 * @param extraHospitalHours hospital stay it added, hours (0 none)
 * @param unplannedIncreaseInCare unplanned increase in the level of care
 * @param sequelae permanent sequelae
 * @param death the complication caused death
 */
public record Complication(
    ComplicationType type,
    String description,
    ComplicationTherapy therapy,
    int extraHospitalHours,
    boolean unplannedIncreaseInCare,
    Sequelae sequelae,
    boolean death) {

  public Complication {
    if (type == null) {
      type = ComplicationType.OTHER;
    }
    if (therapy == null) {
      therapy = ComplicationTherapy.NONE;
    }
    if (sequelae == null) {
      sequelae = Sequelae.NONE;
    }
    if (extraHospitalHours < 0) {
      throw new IllegalArgumentException(
          "extra hospital stay must not be negative: " + extraHospitalHours + " h");
    }
  }
}
