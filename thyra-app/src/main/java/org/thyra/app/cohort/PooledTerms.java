package org.thyra.app.cohort;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;
import org.thyra.report.output.CsvTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.Numbers;
import org.thyra.report.output.TextTable;
import org.thyra.stats.imputation.PooledEstimate;
import org.thyra.stats.imputation.RubinPooling;
import org.thyra.stats.imputation.RubinPoolingResult;

/**
 * Coefficients of a model fitted on each of m completed data sets, pooled by Rubin's rules with
 * Barnard–Rubin df ({@link RubinPooling}, as {@code mice::pool}); confidence limits {@code estimate
 * ± qt(1 - alpha/2, df) se} as {@code summary(pool(fit), conf.int = TRUE)}, and on the
 * exponentiated scale (hazard or odds ratio) when {@code ratioName} is given.
 *
 * @param names term names
 * @param pooled the pooled estimates
 * @param confLevel confidence level
 */
public record PooledTerms(List<String> names, RubinPoolingResult pooled, double confLevel) {
  public PooledTerms {
    names = List.copyOf(names);
  }

  /**
   * Pools m fits.
   *
   * @param names term names (the same in every fit)
   * @param estimates {@code [imputation][term]}
   * @param variances squared standard errors, {@code [imputation][term]}
   * @param dfCom complete-data df (mice: events - coefficients for Cox, residual df for glm)
   * @param confLevel confidence level of the limits
   */
  public static PooledTerms pool(
      List<String> names,
      double[][] estimates,
      double[][] variances,
      double dfCom,
      double confLevel) {
    return new PooledTerms(names, RubinPooling.pool(estimates, variances, dfCom), confLevel);
  }

  double lower(PooledEstimate e) {
    return e.lower(confLevel);
  }

  double upper(PooledEstimate e) {
    return e.upper(confLevel);
  }

  /** The pooled {@code terms[]}: one object per term, with the ratio scale named {@code ratio}. */
  public ArrayNode json(String ratio) {
    ArrayNode terms = Json.array();
    for (int j = 0; j < names.size(); j++) {
      PooledEstimate e = pooled.terms().get(j);
      ObjectNode t = terms.addObject();
      t.put("term", names.get(j));
      t.set("coef", Json.number(e.estimate()));
      t.set("se", Json.number(e.standardError()));
      t.set(ratio, Json.number(Math.exp(e.estimate())));
      t.set("lower", Json.number(Math.exp(lower(e))));
      t.set("upper", Json.number(Math.exp(upper(e))));
      t.set("statistic", Json.number(e.t()));
      t.set("df", Json.number(e.df()));
      t.set("p", Json.number(e.p()));
      t.set("ubar", Json.number(e.withinVariance()));
      t.set("b", Json.number(e.betweenVariance()));
      t.set("t", Json.number(e.totalVariance()));
      t.set("riv", Json.number(e.riv()));
      t.set("lambda", Json.number(e.lambda()));
      t.set("fmi", Json.number(e.fmi()));
    }
    return terms;
  }

  public CsvTable csv(String ratio) {
    CsvTable t =
        new CsvTable(
            List.of(
                "term",
                "coef",
                "se",
                ratio,
                "lower",
                "upper",
                "statistic",
                "df",
                "p",
                "riv",
                "lambda",
                "fmi"));
    for (int j = 0; j < names.size(); j++) {
      PooledEstimate e = pooled.terms().get(j);
      t.row(
          List.of(
              names.get(j),
              Numbers.full(e.estimate()),
              Numbers.full(e.standardError()),
              Numbers.full(Math.exp(e.estimate())),
              Numbers.full(Math.exp(lower(e))),
              Numbers.full(Math.exp(upper(e))),
              Numbers.full(e.t()),
              Numbers.full(e.df()),
              Numbers.full(e.p()),
              Numbers.full(e.riv()),
              Numbers.full(e.lambda()),
              Numbers.full(e.fmi())));
    }
    return t;
  }

  /**
   * Laid out like {@code summary(pool(fit), conf.int = TRUE, exponentiate = TRUE)} plus fmi and
   * lambda.
   */
  public void text(String ratio, PrintStream out) {
    String lvl = Numbers.signif(confLevel * 100, 4) + "%";
    TextTable t =
        new TextTable(
            List.of(
                "",
                "coef",
                ratio,
                "se",
                "statistic",
                "df",
                "p",
                "lower " + lvl,
                "upper " + lvl,
                "fmi",
                "lambda"));
    for (int j = 0; j < names.size(); j++) {
      PooledEstimate e = pooled.terms().get(j);
      t.row(
          List.of(
              names.get(j),
              Numbers.signif(e.estimate(), 6),
              Numbers.signif(Math.exp(e.estimate()), 6),
              Numbers.signif(e.standardError(), 6),
              Numbers.signif(e.t(), 4),
              Numbers.signif(e.df(), 5),
              Numbers.pValue(e.p()),
              Numbers.signif(Math.exp(lower(e)), 4),
              Numbers.signif(Math.exp(upper(e)), 4),
              Numbers.signif(e.fmi(), 4),
              Numbers.signif(e.lambda(), 4)));
    }
    t.print(out);
  }
}
