package org.thyra.app.cohort;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.thyra.analysis.imputation.ImputedModel;
import org.thyra.app.InputOptions;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.stats.regression.LogisticRegression;
import org.thyra.stats.regression.LogisticResult;
import org.thyra.stats.regression.LogisticTerm;

/**
 * Logistic regression on multiply imputed data, pooled as {@code mice::pool(with(imp, glm(...,
 * family = binomial)))}: every coefficient including the intercept; complete-data df = the residual
 * df {@code n - rank}, as mice's {@code get.dfcom} takes {@code df.residual} for glm. For the
 * {@code logistic} command's {@code --impute M} / {@code --imputed COLUMN}.
 */
public final class ImputedLogistic {
  /** Name of the pooled intercept, as R names it. */
  public static final String INTERCEPT = "(Intercept)";

  private ImputedLogistic() {}

  /** Fits every completed data set and pools. */
  public static ImputedAnalysis.Pooled pool(
      InputOptions input, Formula formula, ImputedAnalysis.Completed data, double confLevel) {
    return ImputedAnalysis.pool(input, formula, data, ImputedLogistic::fit, confLevel);
  }

  static ImputedModel.Fitted fit(ModelFrame frame) {
    int[] b = frame.binaryResponse();
    double[] y = new double[b.length];
    for (int i = 0; i < b.length; i++) {
      y[i] = b[i];
    }
    LogisticResult r =
        LogisticRegression.fit(
            y, frame.design().columns(), frame.design().columnNames(), frame.design().assign());
    List<LogisticTerm> all = new ArrayList<>();
    all.add(r.intercept());
    all.addAll(r.terms());
    int k = all.size();
    List<String> names = new ArrayList<>(k);
    double[] coef = new double[k];
    double[] se = new double[k];
    boolean[] aliased = new boolean[k];
    for (int j = 0; j < k; j++) {
      LogisticTerm t = all.get(j);
      names.add(j == 0 ? INTERCEPT : t.name());
      coef[j] = t.coef();
      se[j] = t.se();
      aliased[j] = t.aliased();
    }
    return new ImputedModel.Fitted(
        names, coef, se, aliased, Math.max(r.n() - r.df(), 1), r.n(), r.events(), r.warnings());
  }

  /**
   * The pooled JSON result: {@code terms[]} with {@code or}, {@code fmi}, {@code df}, {@code
   * lambda}.
   */
  public static ObjectNode json(
      InputOptions input, Formula formula, ImputedAnalysis.Pooled p, double confLevel) {
    return p.json(
        "logistic",
        input,
        formula,
        "model",
        "binomial, logit link (glm.fit IRLS) on each completed data set",
        "residual df",
        "glm",
        "or",
        confLevel);
  }

  /** Laid out like {@code summary(pool(fit), conf.int = TRUE, exponentiate = TRUE)}. */
  public static void text(
      InputOptions input, Formula formula, ImputedAnalysis.Pooled p, PrintStream out) {
    out.println(
        "Logistic regression, pooled over "
            + p.terms().pooled().imputations()
            + " imputations: "
            + formula
            + "   data: "
            + input.source());
    out.printf(
        "%n  n= %d, events= %d%s%n%n",
        p.first().n(),
        p.first().events(),
        p.droppedMissing() > 0
            ? "   (" + p.droppedMissing() + " observations deleted due to missingness)"
            : "");
    p.terms().text("OR", out);
    out.println();
    p.textFooter("residual df", out);
  }
}
