package org.thyra.clinical.ablation;

/** Society of Interventional Radiology complication classes A–F (A, B minor; C–F major). */
public enum SirGrade {
  A,
  B,
  C,
  D,
  E,
  F;

  /** SIR: classes C to F are major complications. */
  public boolean isMajor() {
    return compareTo(C) >= 0;
  }
}
