package org.thyra.clinical.ablation;

/**
 * The grades of one complication.
 *
 * @param sir SIR class A–F
 * @param cirse CIRSE grade 1–6
 * @param major major (true) or minor (false) complication
 * @param reason which criteria decided the grades
 * @param method the classification conventions used
 */
public record ComplicationGrading(
    SirGrade sir, int cirse, boolean major, String reason, String method) {}
