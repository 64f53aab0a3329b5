/**
 * Thyra's clinical core: an immutable model of a patient's course ({@code course}), the guideline
 * rules applied to it (one concept per package: {@code staging}, {@code risk}, {@code response},
 * {@code refractory}, {@code lesion}, {@code ablation}, {@code comorbidity}, {@code units}), the
 * endpoints derived from it ({@code endpoint}) and the registry that applies rules row by row to a
 * table ({@code rules}).
 *
 * <p>Every rule returns its value together with the reason: which criterion fired and which values
 * decided it. Every boundary is decided on purpose and documented on the rule.
 */
package org.thyra.clinical;
