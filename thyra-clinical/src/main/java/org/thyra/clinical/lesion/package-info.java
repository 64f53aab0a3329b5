/** Lesion size over time: ellipsoid volume, volume reduction rate, disappearance. */
package org.thyra.clinical.lesion;
