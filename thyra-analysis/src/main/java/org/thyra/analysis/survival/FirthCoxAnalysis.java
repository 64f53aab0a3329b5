package org.thyra.analysis.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.thyra.analysis.DataFile;
import org.thyra.frame.DataTable;
import org.thyra.frame.InputException;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.frame.formula.SurvivalResponse;
import org.thyra.stats.survival.FirthCox;
import org.thyra.stats.survival.FirthCoxResult;

/**
 * Firth's penalised Cox model of a data file: the workflow behind {@code thyra cox --firth}, as R's
 * {@code coxphf::coxphf(..., firth = TRUE)} with its defaults (Breslow ties, profile penalised-
 * likelihood intervals). The penalty {@code ½ log det I(β)} keeps the estimates finite under
 * monotone likelihood (a covariate level with no events), which is why small DTC cohorts need it.
 * Right-censored, unweighted and unstratified, as coxphf: the other paths of {@code thyra cox} are
 * refused with a message saying so.
 */
public final class FirthCoxAnalysis {
  private FirthCoxAnalysis() {}

  /**
   * What to fit.
   *
   * @param formula the model as written, e.g. {@code Surv(time, status) ~ age + factor(sex)}
   * @param confLevel level of the profile penalised-likelihood intervals
   */
  public record Request(String formula, double confLevel) {}

  /**
   * Reads the file and fits the penalised model.
   *
   * @throws InputException for a counting-process response, {@code strata()} or {@code cluster()}
   *     terms, or data the fit refuses (no events, a constant column)
   */
  public static FirthCoxReport run(DataFile file, Request request) {
    Formula formula = formula(file.source(), request);
    return fit(file.source(), file.modelFrame(formula), request);
  }

  /**
   * The penalised model on a table already read (a study's cohort).
   *
   * @param source the data's name, as messages cite it
   * @param references reference levels, variable to level
   */
  public static FirthCoxReport run(
      DataTable table, String source, Map<String, String> references, Request request) {
    Formula formula = formula(source, request);
    return fit(
        source,
        DataFile.analyse(source, null, () -> ModelFrame.build(table, formula, references)),
        request);
  }

  private static Formula formula(String source, Request request) {
    Formula formula = CoxAnalysis.formula(source, request.formula());
    if (((SurvivalResponse) formula.response()).counting()) {
      throw new InputException(
          source, null, null, "--firth takes right-censored Surv(time, event) only, as coxphf");
    }
    if (!formula.strata().isEmpty()) {
      throw new InputException(
          source, null, formula.strata().get(0), "--firth does not take strata(), as coxphf");
    }
    if (formula.cluster() != null) {
      throw new InputException(
          source,
          null,
          formula.cluster(),
          "--firth does not take cluster(): its intervals are profile-likelihood ones");
    }
    if (!(request.confLevel() > 0 && request.confLevel() < 1)) {
      throw new InputException(
          source, null, null, "--conf-level must be in (0, 1), got " + request.confLevel());
    }
    return formula;
  }

  private static FirthCoxReport fit(String source, ModelFrame frame, Request request) {
    FirthCoxResult fit =
        DataFile.analyse(
            source,
            null,
            () ->
                FirthCox.fit(
                    frame.time(),
                    frame.status(),
                    frame.design().columns(),
                    frame.design().columnNames(),
                    request.confLevel()));
    List<String> warnings = new ArrayList<>(frame.warnings());
    warnings.addAll(fit.warnings());
    return new FirthCoxReport(source, request, frame, fit, frame.droppedMissing(), warnings);
  }
}
