/**
 * Units: administered activity (1 mCi = 37 MBq exactly) and thyroglobulin concentration (ng/mL =
 * µg/L), with exact decimal conversions so thresholds are decided exactly.
 */
package org.thyra.clinical.units;
