package org.thyra.clinical.comorbidity;

import java.util.Locale;

/**
 * Charlson comorbidity conditions and their weights (Charlson ME et al., J Chronic Dis
 * 1987;40:373–383). Codes are the lower-case names ({@code myocardial_infarction}, ...).
 */
public enum CharlsonCondition {
  MYOCARDIAL_INFARCTION(1, null),
  CONGESTIVE_HEART_FAILURE(1, null),
  PERIPHERAL_VASCULAR_DISEASE(1, null),
  CEREBROVASCULAR_DISEASE(1, null),
  DEMENTIA(1, null),
  CHRONIC_PULMONARY_DISEASE(1, null),
  CONNECTIVE_TISSUE_DISEASE(1, null),
  PEPTIC_ULCER_DISEASE(1, null),
  MILD_LIVER_DISEASE(1, "liver"),
  DIABETES_UNCOMPLICATED(1, "diabetes"),
  HEMIPLEGIA(2, null),
  MODERATE_SEVERE_RENAL_DISEASE(2, null),
  DIABETES_END_ORGAN_DAMAGE(2, "diabetes"),
  SOLID_TUMOUR(2, "tumour"),
  LEUKAEMIA(2, null),
  LYMPHOMA(2, null),
  MODERATE_SEVERE_LIVER_DISEASE(3, "liver"),
  METASTATIC_SOLID_TUMOUR(6, "tumour"),
  AIDS(6, null);

  private final int weight;
  private final String hierarchy;

  CharlsonCondition(int weight, String hierarchy) {
    this.weight = weight;
    this.hierarchy = hierarchy;
  }

  /** The Charlson weight. */
  public int weight() {
    return weight;
  }

  /**
   * Conditions sharing a hierarchy (liver, diabetes, tumour) count once, at the heavier weight: a
   * patient with metastatic solid tumour scores 6, not 6 + 2.
   */
  public String hierarchy() {
    return hierarchy;
  }

  /** The code used in tables: the lower-case name. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads a code, case-insensitively; hyphens and spaces are read as underscores. */
  public static CharlsonCondition parse(String code) {
    String c = code.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    for (CharlsonCondition v : values()) {
      if (v.name().equals(c)) {
        return v;
      }
    }
    throw new IllegalArgumentException("unknown Charlson condition '" + code + "'");
  }
}
