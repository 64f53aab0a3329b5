package org.thyra.clinical.distant;

/** Whether a local-treatment criterion is met for a lesion. */
public enum CriterionStatus {
  MET("met"),
  NOT_MET("not met"),
  /** The input it needs is missing. */
  NOT_ASSESSABLE("not assessable"),
  /** The criterion does not apply at this site (e.g. the &lt; 3 cm rule outside lung and liver). */
  NOT_APPLICABLE("not applicable");

  private final String label;

  CriterionStatus(String label) {
    this.label = label;
  }

  /** As reported, e.g. "not assessable". */
  public String label() {
    return label;
  }

  static CriterionStatus of(Boolean met) {
    return met == null ? NOT_ASSESSABLE : met ? MET : NOT_MET;
  }
}
