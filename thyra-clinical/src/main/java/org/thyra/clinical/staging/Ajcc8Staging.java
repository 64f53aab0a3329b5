package org.thyra.clinical.staging;

import java.util.Set;
import org.thyra.clinical.Derived;
import org.thyra.clinical.course.ExtrathyroidalExtension;
import org.thyra.clinical.course.NodeRegion;

/**
 * AJCC Cancer Staging Manual, 8th edition (Tuttle RM et al., "Thyroid — differentiated and
 * anaplastic carcinoma", chapter 73, 2017): T, N and stage group for differentiated thyroid
 * carcinoma (papillary, follicular, oncocytic/Hürthle cell, poorly differentiated).
 *
 * <p><b>T</b> (greatest dimension, tumour limited to the thyroid unless stated):
 *
 * <ul>
 *   <li>T1a ≤ 1 cm — <em>exactly 1.0 cm is T1a</em>; T1b &gt; 1 cm and ≤ 2 cm — <em>exactly 2.0 cm
 *       is T1b</em>;
 *   <li>T2 &gt; 2 cm and ≤ 4 cm — <em>exactly 4.0 cm is T2</em>; T3a &gt; 4 cm;
 *   <li>T3b gross extension invading only strap muscles (any size); T4a gross extension into
 *       subcutaneous soft tissue, larynx, trachea, oesophagus or recurrent laryngeal nerve; T4b
 *       prevertebral fascia or encasing the carotid artery or mediastinal vessels (any size);
 *   <li>microscopic (minimal) extension does not change T in the 8th edition (it made T3 in the
 *       7th).
 * </ul>
 *
 * <p><b>N</b>: N1a level VI or VII (8th edition moved upper mediastinal nodes into N1a); N1b
 * lateral (levels I–V), retropharyngeal; N0 no involved nodes; NX not assessed.
 *
 * <p><b>Stage</b>: the age cut-off is age at diagnosis <em>≥ 55 years</em>: a patient aged exactly
 * 55.0 years belongs to the older group, one aged 54.99 to the younger.
 *
 * <ul>
 *   <li>age &lt; 55: M0 → I (any T, any N); M1 → II;
 *   <li>age ≥ 55: T1–T2 N0/NX M0 → I; T1–T2 N1 M0 → II; T3a/T3b any N M0 → II; T4a any N M0 → III;
 *       T4b any N M0 → IVA; M1 → IVB.
 * </ul>
 *
 * Undetermined (with the reason): age ≥ 55 with TX or T0 and M0; T4 without a/b at age ≥ 55 (III
 * versus IVA); T1/T2 with NX is staged as N0 (the manual's "N0/NX" row).
 */
public final class Ajcc8Staging {

  /** The convention this rule applies, as its results state it in {@code method}. */
  public static final String T_METHOD =
      "AJCC 8th ed. T (differentiated carcinoma): T1a ≤ 1.0 cm, T1b > 1.0–2.0 cm, T2 > 2.0–4.0 cm, T3a > 4.0 cm (upper bounds inclusive); gross ETE strap muscles → T3b, major structures → T4a, prevertebral/vessels → T4b; microscopic ETE does not change T";

  /** The convention this rule applies, as its results state it in {@code method}. */
  public static final String N_METHOD =
      "AJCC 8th ed. N: levels VI/VII → N1a; lateral I–V or retropharyngeal → N1b; not assessed → NX";

  /** The convention this rule applies, as its results state it in {@code method}. */
  public static final String STAGE_METHOD =
      "AJCC 8th ed. stage group (differentiated carcinoma): older table at age at diagnosis ≥ 55 years (exactly 55 is older); NX staged as N0";

  /** The age at diagnosis (years) from which the older-patient stage table applies. */
  public static final double AGE_CUT_OFF_YEARS = 55.0;

  private Ajcc8Staging() {}

  /**
   * The 8th edition T category from the largest tumour dimension and extrathyroidal extension.
   *
   * @param sizeCm greatest dimension in cm ({@code null} if unknown; then only gross ETE decides)
   * @param extension extrathyroidal extension ({@code null} treated as not recorded)
   */
  public static Derived<TCategory> tCategory(Double sizeCm, ExtrathyroidalExtension extension) {
    return tCategoryDecided(sizeCm, extension).withMethod(T_METHOD);
  }

  private static Derived<TCategory> tCategoryDecided(
      Double sizeCm, ExtrathyroidalExtension extension) {
    if (sizeCm != null && (sizeCm < 0 || !Double.isFinite(sizeCm))) {
      throw new IllegalArgumentException(
          "tumour size must be a finite, non-negative number of cm: " + sizeCm);
    }
    if (extension == ExtrathyroidalExtension.GROSS_PREVERTEBRAL_OR_VESSELS) {
      return Derived.of(
          TCategory.T4B,
          "gross extension into prevertebral fascia or encasing carotid/mediastinal vessels → T4b (any size)");
    }
    if (extension == ExtrathyroidalExtension.GROSS_MAJOR_STRUCTURES) {
      return Derived.of(
          TCategory.T4A,
          "gross extension into subcutaneous tissue, larynx, trachea, oesophagus or RLN → T4a (any size)");
    }
    if (extension == ExtrathyroidalExtension.GROSS_STRAP_MUSCLES) {
      return Derived.of(
          TCategory.T3B, "gross extension invading only strap muscles → T3b (any size)");
    }
    if (sizeCm == null) {
      return Derived.of(TCategory.TX, "tumour size not recorded and no gross extension → TX");
    }
    String ete =
        extension == ExtrathyroidalExtension.MICROSCOPIC
            ? " (microscopic extension does not change T in the 8th edition)"
            : "";
    if (sizeCm == 0) {
      return Derived.of(TCategory.T0, "no primary tumour found (size 0 cm) → T0");
    }
    if (sizeCm <= 1.0) {
      return Derived.of(TCategory.T1A, "size " + sizeCm + " cm ≤ 1 cm → T1a" + ete);
    }
    if (sizeCm <= 2.0) {
      return Derived.of(TCategory.T1B, "size " + sizeCm + " cm > 1 and ≤ 2 cm → T1b" + ete);
    }
    if (sizeCm <= 4.0) {
      return Derived.of(TCategory.T2, "size " + sizeCm + " cm > 2 and ≤ 4 cm → T2" + ete);
    }
    return Derived.of(
        TCategory.T3A, "size " + sizeCm + " cm > 4 cm, limited to the thyroid → T3a" + ete);
  }

  /**
   * The 8th edition N category from the regions of involved nodes.
   *
   * @param regions regions with involved nodes; empty for none; {@code null} when not assessed
   */
  public static Derived<NCategory> nCategory(Set<NodeRegion> regions) {
    return nCategoryDecided(regions).withMethod(N_METHOD);
  }

  private static Derived<NCategory> nCategoryDecided(Set<NodeRegion> regions) {
    if (regions == null) {
      return Derived.of(NCategory.NX, "regional nodes not assessed → NX");
    }
    if (regions.contains(NodeRegion.LATERAL)) {
      return Derived.of(NCategory.N1B, "lateral neck (levels I–V) or retropharyngeal nodes → N1b");
    }
    if (regions.contains(NodeRegion.LEVEL_VI) || regions.contains(NodeRegion.LEVEL_VII)) {
      return Derived.of(
          NCategory.N1A, "nodes in level VI and/or VII only → N1a (8th edition: level VII is N1a)");
    }
    return Derived.of(NCategory.N0, "no involved regional nodes → N0");
  }

  /**
   * The 8th edition stage group for differentiated thyroid carcinoma.
   *
   * @param ageYears age at diagnosis in years (may be fractional)
   */
  public static Derived<String> stage(double ageYears, TCategory t, NCategory n, MCategory m) {
    return stageDecided(ageYears, t, n, m).withMethod(STAGE_METHOD);
  }

  private static Derived<String> stageDecided(
      double ageYears, TCategory t, NCategory n, MCategory m) {
    if (!(ageYears >= 0) || !Double.isFinite(ageYears)) {
      throw new IllegalArgumentException(
          "age at diagnosis must be a finite, non-negative number of years: " + ageYears);
    }
    String age = "age " + fmt(ageYears);
    if (ageYears < AGE_CUT_OFF_YEARS) {
      if (m == MCategory.M1) {
        return Derived.of("II", age + " < 55 and M1 → II");
      }
      return Derived.of("I", age + " < 55 and M0 → I (any T, any N)");
    }
    age = age + " ≥ 55";
    if (m == MCategory.M1) {
      return Derived.of("IVB", age + " and M1 → IVB");
    }
    switch (t) {
      case TX:
      case T0:
        return Derived.undetermined(
            age + ", M0 and " + t.label() + ": the stage needs the T category");
      case T4:
        return Derived.undetermined(age + " and T4 without a/b: T4a → III, T4b → IVA");
      case T4B:
        return Derived.of("IVA", age + ", T4b, M0 → IVA (any N)");
      case T4A:
        return Derived.of("III", age + ", T4a, M0 → III (any N)");
      case T3:
      case T3A:
      case T3B:
        return Derived.of("II", age + ", " + t.label() + ", M0 → II (any N)");
      default:
        break;
    }
    // T1, T1a, T1b, T2
    if (n.isN1()) {
      return Derived.of("II", age + ", " + t.label() + ", " + n.label() + ", M0 → II");
    }
    return Derived.of(
        "I",
        age
            + ", "
            + t.label()
            + ", "
            + n.label()
            + ", M0 → I"
            + (n == NCategory.NX ? " (N0/NX row)" : ""));
  }

  static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
