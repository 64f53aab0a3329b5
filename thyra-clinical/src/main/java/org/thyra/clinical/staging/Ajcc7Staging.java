package org.thyra.clinical.staging;

import java.util.Set;
import org.thyra.clinical.Derived;
import org.thyra.clinical.course.ExtrathyroidalExtension;
import org.thyra.clinical.course.NodeRegion;

/**
 * AJCC Cancer Staging Manual, 7th edition (Edge SB et al., 2010, "Thyroid"): T, N and stage group
 * for papillary and follicular (differentiated) thyroid carcinoma. Seed 001 reports its "age over
 * 45" risk factor on this edition's cut-off.
 *
 * <p><b>T</b>: T1a ≤ 1 cm (<em>exactly 1.0 cm is T1a</em>), T1b &gt; 1–2 cm (<em>exactly 2.0 cm is
 * T1b</em>), T2 &gt; 2–4 cm (<em>exactly 4.0 cm is T2</em>), T3 &gt; 4 cm limited to the thyroid
 * <em>or any tumour with minimal extrathyroidal extension</em> (sternothyroid muscle or perithyroid
 * soft tissue — microscopic extension and strap-muscle invasion both make T3 here); T4a
 * subcutaneous soft tissue, larynx, trachea, oesophagus, RLN; T4b prevertebral fascia, carotid,
 * mediastinal vessels. The 7th edition has no T3a/T3b.
 *
 * <p><b>N</b>: N1a level VI only; N1b lateral cervical, retropharyngeal <em>or upper mediastinal
 * (level VII)</em>.
 *
 * <p><b>Stage</b>: the age cut-off is age at diagnosis <em>≥ 45 years</em> (exactly 45.0 is in the
 * older group).
 *
 * <ul>
 *   <li>age &lt; 45: M0 → I; M1 → II;
 *   <li>age ≥ 45: T1 N0 M0 → I; T2 N0 M0 → II; T3 N0 M0 → III; T1–T3 N1a M0 → III; T4a N0/N1a M0 →
 *       IVA; T1–T4a N1b M0 → IVA; T4b any N M0 → IVB; M1 → IVC.
 * </ul>
 *
 * NX at age ≥ 45 is staged as N0 (as the 8th edition's N0/NX row; the 7th edition table lists N0
 * only — decided so the two editions agree); N1 without a/b is undetermined where a/b matters.
 */
// The T, N and stage methods repeat the shape of Ajcc8Staging's (duplicates tool) on purpose: each
// edition's tables are written out as its manual prints them, so that a correction to one edition
// can never change the other; the editions differ in almost every row (T3/T3b, level VII, age
// 45/55).
public final class Ajcc7Staging {

  /** The convention this rule applies, as its results state it in {@code method}. */
  public static final String T_METHOD =
      "AJCC 7th ed. T: T1a ≤ 1.0 cm, T1b > 1.0–2.0 cm, T2 > 2.0–4.0 cm, T3 > 4.0 cm or minimal ETE (upper bounds inclusive); T4a major structures, T4b prevertebral/vessels";

  /** The convention this rule applies, as its results state it in {@code method}. */
  public static final String N_METHOD =
      "AJCC 7th ed. N: level VI → N1a; lateral, retropharyngeal or level VII → N1b; not assessed → NX";

  /** The convention this rule applies, as its results state it in {@code method}. */
  public static final String STAGE_METHOD =
      "AJCC 7th ed. stage group (papillary/follicular): older table at age at diagnosis ≥ 45 years (exactly 45 is older); NX staged as N0";

  /** The age at diagnosis (years) from which the older-patient stage table applies. */
  public static final double AGE_CUT_OFF_YEARS = 45.0;

  private Ajcc7Staging() {}

  /** The 7th edition T category. */
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
          "extension into prevertebral fascia or encasing carotid/mediastinal vessels → T4b");
    }
    if (extension == ExtrathyroidalExtension.GROSS_MAJOR_STRUCTURES) {
      return Derived.of(
          TCategory.T4A,
          "extension into subcutaneous tissue, larynx, trachea, oesophagus or RLN → T4a");
    }
    if (extension == ExtrathyroidalExtension.GROSS_STRAP_MUSCLES
        || extension == ExtrathyroidalExtension.MICROSCOPIC) {
      return Derived.of(
          TCategory.T3,
          "minimal extrathyroidal extension (perithyroid soft tissue or sternothyroid muscle) → T3 (any size)");
    }
    if (sizeCm == null) {
      return Derived.of(
          TCategory.TX, "tumour size not recorded and no extrathyroidal extension → TX");
    }
    if (sizeCm == 0) {
      return Derived.of(TCategory.T0, "no primary tumour found (size 0 cm) → T0");
    }
    if (sizeCm <= 1.0) {
      return Derived.of(TCategory.T1A, "size " + sizeCm + " cm ≤ 1 cm → T1a");
    }
    if (sizeCm <= 2.0) {
      return Derived.of(TCategory.T1B, "size " + sizeCm + " cm > 1 and ≤ 2 cm → T1b");
    }
    if (sizeCm <= 4.0) {
      return Derived.of(TCategory.T2, "size " + sizeCm + " cm > 2 and ≤ 4 cm → T2");
    }
    return Derived.of(TCategory.T3, "size " + sizeCm + " cm > 4 cm, limited to the thyroid → T3");
  }

  /** The 7th edition N category: level VII counts as N1b. */
  public static Derived<NCategory> nCategory(Set<NodeRegion> regions) {
    return nCategoryDecided(regions).withMethod(N_METHOD);
  }

  private static Derived<NCategory> nCategoryDecided(Set<NodeRegion> regions) {
    if (regions == null) {
      return Derived.of(NCategory.NX, "regional nodes not assessed → NX");
    }
    if (regions.contains(NodeRegion.LATERAL) || regions.contains(NodeRegion.LEVEL_VII)) {
      return Derived.of(
          NCategory.N1B,
          "lateral, retropharyngeal or upper mediastinal (level VII) nodes → N1b (7th edition)");
    }
    if (regions.contains(NodeRegion.LEVEL_VI)) {
      return Derived.of(NCategory.N1A, "level VI nodes only → N1a");
    }
    return Derived.of(NCategory.N0, "no involved regional nodes → N0");
  }

  /** The 7th edition stage group for papillary or follicular carcinoma. */
  public static Derived<String> stage(double ageYears, TCategory t, NCategory n, MCategory m) {
    return stageDecided(ageYears, t, n, m).withMethod(STAGE_METHOD);
  }

  private static Derived<String> stageDecided(
      double ageYears, TCategory t, NCategory n, MCategory m) {
    if (!(ageYears >= 0) || !Double.isFinite(ageYears)) {
      throw new IllegalArgumentException(
          "age at diagnosis must be a finite, non-negative number of years: " + ageYears);
    }
    if (t == TCategory.T3A || t == TCategory.T3B) {
      throw new IllegalArgumentException(
          t.label() + " is an 8th edition category; the 7th edition has T3 only");
    }
    String age = "age " + Ajcc8Staging.fmt(ageYears);
    if (ageYears < AGE_CUT_OFF_YEARS) {
      return m == MCategory.M1
          ? Derived.of("II", age + " < 45 and M1 → II")
          : Derived.of("I", age + " < 45 and M0 → I (any T, any N)");
    }
    age = age + " ≥ 45";
    if (m == MCategory.M1) {
      return Derived.of("IVC", age + " and M1 → IVC");
    }
    String tn = ", " + t.label() + ", " + n.label() + ", M0";
    switch (t) {
      case TX:
      case T0:
        return Derived.undetermined(
            age + ", M0 and " + t.label() + ": the stage needs the T category");
      case T4B:
        return Derived.of("IVB", age + tn + " → IVB (T4b, any N)");
      case T4:
        return Derived.undetermined(age + " and T4 without a/b: T4a → IVA, T4b → IVB");
      case T4A:
        return Derived.of("IVA", age + tn + " → IVA (T4a, any N)");
      default:
        break;
    }
    if (n == NCategory.N1B) {
      return Derived.of("IVA", age + tn + " → IVA (N1b)");
    }
    if (n == NCategory.N1) {
      return Derived.undetermined(
          age + ", " + t.label() + " and N1 without a/b: N1a → III, N1b → IVA");
    }
    if (n == NCategory.N1A) {
      return Derived.of("III", age + tn + " → III (T1–T3 N1a)");
    }
    String nx = n == NCategory.NX ? " (NX staged as N0)" : "";
    if (t.isT3()) {
      return Derived.of("III", age + tn + " → III" + nx);
    }
    if (t == TCategory.T2) {
      return Derived.of("II", age + tn + " → II" + nx);
    }
    return Derived.of("I", age + tn + " → I" + nx);
  }
}
