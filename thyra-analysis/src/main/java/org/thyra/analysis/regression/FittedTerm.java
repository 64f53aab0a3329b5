package org.thyra.analysis.regression;

import java.util.ArrayList;
import java.util.List;
import org.thyra.stats.regression.LogisticResult;
import org.thyra.stats.regression.LogisticTerm;
import org.thyra.stats.survival.CoxFit;

/**
 * One coefficient of a Cox or logistic fit as a regression table shows it: the ratio (HR or OR)
 * with its limits, the Wald z and p.
 *
 * @param term the coefficient's name
 * @param coef estimate
 * @param se standard error
 * @param ratio exp(coef): hazard or odds ratio
 * @param lower lower limit of the ratio
 * @param upper upper limit of the ratio
 * @param z Wald z
 * @param p Wald p
 */
public record FittedTerm(
    String term,
    double coef,
    double se,
    double ratio,
    double lower,
    double upper,
    double z,
    double p) {

  /** The coefficients of a Cox fit. */
  public static List<FittedTerm> of(CoxFit fit) {
    List<FittedTerm> out = new ArrayList<>();
    for (int j = 0; j < fit.size(); j++) {
      out.add(
          new FittedTerm(
              fit.names().get(j),
              fit.coefficients()[j],
              fit.standardErrors()[j],
              fit.hazardRatios()[j],
              fit.lower()[j],
              fit.upper()[j],
              fit.z()[j],
              fit.p()[j]));
    }
    return out;
  }

  /** The coefficients of a logistic fit, without the intercept. */
  public static List<FittedTerm> of(LogisticResult fit) {
    List<FittedTerm> out = new ArrayList<>();
    for (LogisticTerm t : fit.terms()) {
      out.add(
          new FittedTerm(
              t.name(),
              t.coef(),
              t.se(),
              t.oddsRatio(),
              t.oddsRatioLower(),
              t.oddsRatioUpper(),
              t.z(),
              t.p()));
    }
    return out;
  }
}
