package org.thyra.clinical.course;

/** Kinds of thyroid and neck surgery. */
public enum SurgeryType {
  TOTAL_THYROIDECTOMY,
  SUBTOTAL_THYROIDECTOMY,
  LOBECTOMY,
  COMPLETION_THYROIDECTOMY,
  CENTRAL_NECK_DISSECTION,
  LATERAL_NECK_DISSECTION,
  METASTASECTOMY,
  OTHER
}
