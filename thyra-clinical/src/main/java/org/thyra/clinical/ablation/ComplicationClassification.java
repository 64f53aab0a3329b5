package org.thyra.clinical.ablation;

/**
 * Grades a complication by the SIR classification (Sacks D et al., J Vasc Interv Radiol
 * 2003;14:S199–S202) and the CIRSE classification (Filippiadis DK et al., Cardiovasc Intervent
 * Radiol 2017;40:1141–1146), and calls it major or minor.
 *
 * <p><b>SIR</b>: A no therapy, no consequence; B nominal therapy, no consequence, includes
 * overnight admission for observation only; C therapy needed, minor hospitalisation (&lt; 48 h); D
 * major therapy, unplanned increase in level of care, prolonged hospitalisation (&gt; 48 h); E
 * permanent adverse sequelae; F death. Major = C–F.
 *
 * <p><b>CIRSE</b>: 1 solved within the same session, no additional therapy; 2 prolonged observation
 * including overnight stay (&lt; 48 h), no additional therapy; 3 additional post-procedure therapy
 * or prolonged stay (&gt; 48 h); 4 permanent mild sequelae; 5 permanent severe sequelae; 6 death.
 *
 * <p><em>Exactly 48 h</em> of added stay is neither "&lt; 48 h" nor "&gt; 48 h" in either text:
 * decided as the lower class (SIR B/C, CIRSE 2), because both texts require <em>more than</em> 48 h
 * for the higher one.
 *
 * <p><b>Major/minor</b>: {@link Convention#SIR} uses SIR C–F; {@link Convention#THYROID_ABLATION}
 * (default, seed 000) uses the complication type's class where the convention names one ({@link
 * ComplicationType#majorByConvention()}: voice change, Horner syndrome, vagal reflex, brachial
 * plexus injury and rupture are major; haematoma, skin burn and pain minor) and SIR C–F otherwise;
 * a complication with SIR class C or worse is major in either convention.
 */
public final class ComplicationClassification {

  /** How major/minor is decided. */
  public enum Convention {
    /** SIR classes C–F are major. */
    SIR,
    /** Seed 000's thyroid-ablation convention by complication type, SIR otherwise. */
    THYROID_ABLATION
  }

  private ComplicationClassification() {}

  /** Grades with the default (thyroid-ablation) convention. */
  public static ComplicationGrading grade(Complication c) {
    return grade(c, Convention.THYROID_ABLATION);
  }

  /** Grades a complication. */
  public static ComplicationGrading grade(Complication c, Convention convention) {
    int h = c.extraHospitalHours();
    SirGrade sir;
    String sirWhy;
    if (c.death()) {
      sir = SirGrade.F;
      sirWhy = "death";
    } else if (c.sequelae() != Sequelae.NONE) {
      sir = SirGrade.E;
      sirWhy = "permanent sequelae";
    } else if (c.therapy() == ComplicationTherapy.MAJOR || c.unplannedIncreaseInCare() || h > 48) {
      sir = SirGrade.D;
      sirWhy =
          c.therapy() == ComplicationTherapy.MAJOR
              ? "major therapy"
              : c.unplannedIncreaseInCare()
                  ? "unplanned increase in level of care"
                  : "stay " + h + " h > 48 h";
    } else if (c.therapy() == ComplicationTherapy.ADDITIONAL) {
      sir = SirGrade.C;
      sirWhy = "therapy needed, stay " + h + " h ≤ 48 h";
    } else if (c.therapy() == ComplicationTherapy.NOMINAL || h > 0) {
      sir = SirGrade.B;
      sirWhy =
          c.therapy() == ComplicationTherapy.NOMINAL
              ? "nominal therapy, no consequence"
              : "observation stay " + h + " h ≤ 48 h only";
    } else {
      sir = SirGrade.A;
      sirWhy = "no therapy, no consequence";
    }
    int cirse;
    String cirseWhy;
    if (c.death()) {
      cirse = 6;
      cirseWhy = "death";
    } else if (c.sequelae() == Sequelae.SEVERE_PERMANENT) {
      cirse = 5;
      cirseWhy = "permanent severe sequelae";
    } else if (c.sequelae() == Sequelae.MILD_PERMANENT) {
      cirse = 4;
      cirseWhy = "permanent mild sequelae";
    } else if (c.therapy() == ComplicationTherapy.ADDITIONAL
        || c.therapy() == ComplicationTherapy.MAJOR
        || c.unplannedIncreaseInCare()
        || h > 48) {
      cirse = 3;
      cirseWhy = h > 48 ? "prolonged stay " + h + " h > 48 h" : "additional post-procedure therapy";
    } else if (h > 0) {
      cirse = 2;
      cirseWhy = "prolonged observation " + h + " h ≤ 48 h, no additional therapy";
    } else {
      cirse = 1;
      cirseWhy = "solved within the session, no additional therapy";
    }
    boolean major;
    String majorWhy;
    Boolean byType = c.type().majorByConvention();
    if (sir.isMajor()) {
      major = true;
      majorWhy = "SIR " + sir + " (C–F major)";
    } else if (convention == Convention.THYROID_ABLATION && byType != null) {
      major = byType;
      majorWhy =
          c.type()
              + (byType ? " is major" : " is minor")
              + " by the thyroid-ablation convention (seed 000)";
    } else {
      major = false;
      majorWhy = "SIR " + sir + " (A–B minor)";
    }
    String reason =
        "SIR "
            + sir
            + ": "
            + sirWhy
            + "; CIRSE "
            + cirse
            + ": "
            + cirseWhy
            + "; "
            + (major ? "major" : "minor")
            + ": "
            + majorWhy;
    String method =
        "SIR (Sacks 2003) and CIRSE (Filippiadis 2017) classifications; exactly 48 h → lower class; major/minor by "
            + (convention == Convention.SIR
                ? "SIR C–F"
                : "thyroid-ablation convention (seed 000), else SIR C–F");
    return new ComplicationGrading(sir, cirse, major, reason, method);
  }
}
