package org.thyra.clinical.ablation;

/**
 * Complications of neck thermal ablation, with the major/minor class seed 000 assigns following the
 * thyroid-ablation reporting standard it cites (voice hoarseness, Horner syndrome and vagal reflex
 * major; haematoma and skin burn minor). Nerve injuries and rupture are major in that convention
 * whatever treatment they need; types marked {@code null} are graded by consequence only.
 */
public enum ComplicationType {
  VOICE_CHANGE(true),
  HORNER_SYNDROME(true),
  VAGAL_REFLEX(true),
  BRACHIAL_PLEXUS_INJURY(true),
  NODULE_RUPTURE(true),
  HAEMATOMA(false),
  SKIN_BURN(false),
  PAIN(false),
  INFECTION(null),
  OTHER(null);

  private final Boolean majorByConvention;

  ComplicationType(Boolean majorByConvention) {
    this.majorByConvention = majorByConvention;
  }

  /**
   * Major (true) / minor (false) by the seed 000 convention, or {@code null} if it does not say.
   */
  public Boolean majorByConvention() {
    return majorByConvention;
  }
}
