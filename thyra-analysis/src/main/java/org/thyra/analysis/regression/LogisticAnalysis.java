package org.thyra.analysis.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.thyra.analysis.DataFile;
import org.thyra.analysis.imputation.CompletedData;
import org.thyra.analysis.imputation.ImputedAnalysis;
import org.thyra.analysis.imputation.PooledModel;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.stats.Progress;
import org.thyra.stats.regression.ConfidenceIntervalType;
import org.thyra.stats.regression.FirthLogistic;
import org.thyra.stats.regression.LogisticRegression;
import org.thyra.stats.regression.LogisticResult;

/**
 * Binary logistic regression of a data file: the workflow behind {@code thyra logistic} (SPEC §5)
 * and a study's {@code logistic} analysis, as R's {@code glm(family = binomial)}, Firth's penalised
 * likelihood ({@code brglm2}, AS_mean) when asked, or pooled over multiply imputed data ({@code
 * mice::pool(with(imp, glm(...)))}).
 */
public final class LogisticAnalysis {
  private LogisticAnalysis() {}

  /**
   * What to fit, with the options of {@code thyra logistic}.
   *
   * @param formula the model formula as written, e.g. {@code low ~ age + factor(race)}
   * @param ci {@code wald} or {@code profile} (any case)
   * @param confLevel confidence level
   * @param firth Firth's penalised likelihood
   * @param imputation where the completed data sets come from, or null for the data as they are
   */
  public record Request(
      String formula,
      String ci,
      double confLevel,
      boolean firth,
      ImputedAnalysis.Request imputation) {}

  /** {@code --ci} as a CI type. */
  public static ConfidenceIntervalType ciType(String ci) {
    return switch (ci.toLowerCase(Locale.ROOT)) {
      case "wald" -> ConfidenceIntervalType.WALD;
      case "profile" -> ConfidenceIntervalType.PROFILE;
      default ->
          throw new IllegalArgumentException("--ci must be wald or profile, got \"" + ci + "\"");
    };
  }

  /** Checks the request's options against each other and parses its formula. */
  private static Formula check(String source, Request request) {
    ConfidenceIntervalType ciType = ciType(request.ci());
    Formula formula = RegressionInput.binaryFormula(source, request.formula(), "logistic");
    boolean imputed = request.imputation() != null;
    if (request.firth() && (imputed || ciType != ConfidenceIntervalType.WALD)) {
      throw new IllegalArgumentException(
          "--firth gives Wald intervals of one data set: it is not available with --ci profile,"
              + " --impute or --imputed");
    }
    if (imputed && ciType != ConfidenceIntervalType.WALD) {
      throw new IllegalArgumentException(
          "pooled results have t-based Wald limits: --ci profile is not available"
              + " with --impute / --imputed");
    }
    return formula;
  }

  /**
   * Fits the model on the data as they are.
   *
   * @throws IllegalArgumentException when the request asks for imputation ({@link #pooled})
   */
  public static LogisticReport run(DataFile file, Request request) {
    Formula formula = check(file.source(), request);
    if (request.imputation() != null) {
      throw new IllegalArgumentException("an imputed logistic model is pooled: call pooled()");
    }
    ConfidenceIntervalType ciType = ciType(request.ci());
    ModelFrame frame = RegressionInput.modelFrame(file, formula);
    double[] y = RegressionInput.binaryOutcome(frame);
    double confLevel = request.confLevel();
    LogisticResult fit =
        file.analyse(
            null,
            () ->
                request.firth()
                    ? FirthLogistic.fit(
                            y,
                            frame.design().columns(),
                            frame.design().columnNames(),
                            frame.design().assign(),
                            confLevel)
                        .result()
                    : LogisticRegression.fit(
                        y,
                        frame.design().columns(),
                        frame.design().columnNames(),
                        frame.design().assign(),
                        ciType,
                        confLevel));
    List<String> warnings = new ArrayList<>(frame.warnings());
    warnings.addAll(fit.warnings());
    return new LogisticReport(file.source(), request, formula, frame, fit, warnings);
  }

  /**
   * Fits the model on each completed data set of the request's imputation and pools by Rubin's
   * rules: every coefficient including the intercept; complete-data df = the residual df.
   */
  public static PooledModel pooled(DataFile file, Request request, Progress progress) {
    Formula formula = check(file.source(), request);
    if (request.imputation() == null) {
      throw new IllegalArgumentException("pooling needs --impute M or --imputed COLUMN");
    }
    CompletedData data = ImputedAnalysis.completed(file, formula, request.imputation(), progress);
    return ImputedAnalysis.pool(
        file, formula, data, ImputedAnalysis::logistic, request.confLevel());
  }
}
