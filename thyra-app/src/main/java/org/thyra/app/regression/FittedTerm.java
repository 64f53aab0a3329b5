package org.thyra.app.regression;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.thyra.report.output.Json;
import org.thyra.stats.regression.LogisticResult;
import org.thyra.stats.regression.LogisticTerm;
import org.thyra.stats.survival.CoxFit;

/**
 * One coefficient of a Cox or logistic fit as the screen's table shows it: the ratio (HR or OR)
 * with its limits, the Wald z and p.
 */
record FittedTerm(
    String term,
    double coef,
    double se,
    double ratio,
    double lower,
    double upper,
    double z,
    double p) {

  static List<FittedTerm> of(CoxFit fit) {
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

  static List<FittedTerm> of(LogisticResult fit) {
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

  ObjectNode json(String ratioName) {
    ObjectNode o = Json.object();
    o.put("term", term);
    o.set("coef", Json.number(coef));
    o.set("se", Json.number(se));
    o.set(ratioName, Json.number(ratio));
    o.set("lower", Json.number(lower));
    o.set("upper", Json.number(upper));
    o.set("z", Json.number(z));
    o.set("p", Json.number(p));
    return o;
  }
}
