package org.thyra.clinical.course;

/** Laboratory analytes in a thyroid cancer course. */
public enum Analyte {
  /** Thyroglobulin (ng/mL = µg/L). */
  TG,
  /** Anti-thyroglobulin antibodies (IU/mL). */
  TGAB,
  /** Thyroid-stimulating hormone (mIU/L). */
  TSH
}
