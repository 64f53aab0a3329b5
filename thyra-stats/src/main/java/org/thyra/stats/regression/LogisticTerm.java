package org.thyra.stats.regression;

/**
 * One coefficient of a logistic model.
 *
 * @param name term name (a categorical term is {@code variable=level})
 * @param variable index of the model variable the column belongs to ({@code assign}); -1 for the
 *     intercept
 * @param coef log odds ratio; NaN when aliased (R's NA)
 * @param se standard error (from the final IRLS weights, as {@code summary.glm})
 * @param z Wald z = coef / se
 * @param p two-sided Wald p
 * @param lower lower confidence limit of coef (Wald or profile, see the result's CI type)
 * @param upper upper confidence limit of coef
 * @param oddsRatio exp(coef); NaN when aliased or diverging (separation)
 * @param oddsRatioLower exp(lower); NaN when aliased or diverging
 * @param oddsRatioUpper exp(upper); NaN when aliased or diverging
 * @param aliased true when the column is linearly dependent on earlier ones
 * @param diverging true when separation makes the coefficient tend to +-infinity
 */
public record LogisticTerm(
    String name,
    int variable,
    double coef,
    double se,
    double z,
    double p,
    double lower,
    double upper,
    double oddsRatio,
    double oddsRatioLower,
    double oddsRatioUpper,
    boolean aliased,
    boolean diverging) {}
