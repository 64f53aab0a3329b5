package org.thyra.clinical.course;

/**
 * Extrathyroidal extension (ETE) of the primary tumour, as the pathologist and surgeon record it.
 *
 * <p>The levels follow the structures the AJCC T categories name: microscopic (minimal) extension
 * into perithyroidal soft tissue; gross extension into strap muscles only (sternohyoid,
 * sternothyroid, thyrohyoid, omohyoid); gross extension into subcutaneous soft tissue, larynx,
 * trachea, oesophagus or recurrent laryngeal nerve; gross extension into prevertebral fascia or
 * encasing the carotid artery or mediastinal vessels.
 */
public enum ExtrathyroidalExtension {
  /** Tumour limited to the thyroid. */
  NONE,
  /** Microscopic (minimal) extension into perithyroidal soft tissue. */
  MICROSCOPIC,
  /** Gross extension invading strap muscles only. */
  GROSS_STRAP_MUSCLES,
  /** Gross extension into subcutaneous soft tissue, larynx, trachea, oesophagus or RLN. */
  GROSS_MAJOR_STRUCTURES,
  /** Gross extension into prevertebral fascia or encasing carotid artery / mediastinal vessels. */
  GROSS_PREVERTEBRAL_OR_VESSELS;

  /** True for any macroscopic (gross) extension. */
  public boolean isGross() {
    return this == GROSS_STRAP_MUSCLES
        || this == GROSS_MAJOR_STRUCTURES
        || this == GROSS_PREVERTEBRAL_OR_VESSELS;
  }
}
