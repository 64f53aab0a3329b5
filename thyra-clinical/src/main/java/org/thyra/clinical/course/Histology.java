package org.thyra.clinical.course;

/** Histology of the primary thyroid carcinoma. */
public enum Histology {
  PAPILLARY,
  FOLLICULAR,
  /**
   * Oncocytic (Hürthle cell) carcinoma; grouped with follicular carcinoma by the ATA risk table.
   */
  ONCOCYTIC,
  POORLY_DIFFERENTIATED,
  ANAPLASTIC,
  MEDULLARY,
  OTHER;

  /**
   * True for follicular-pattern carcinomas whose vascular invasion the ATA table grades by foci.
   */
  public boolean isFollicularType() {
    return this == FOLLICULAR || this == ONCOCYTIC;
  }

  /** True for the histologies the AJCC differentiated-carcinoma table stages. */
  public boolean isDifferentiated() {
    return this == PAPILLARY
        || this == FOLLICULAR
        || this == ONCOCYTIC
        || this == POORLY_DIFFERENTIATED;
  }
}
