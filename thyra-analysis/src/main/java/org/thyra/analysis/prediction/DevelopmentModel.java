package org.thyra.analysis.prediction;

import java.util.List;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.stats.prediction.NomogramResult;
import org.thyra.stats.prediction.Predict;
import org.thyra.stats.regression.LogisticRegression;
import org.thyra.stats.regression.LogisticResult;
import org.thyra.stats.survival.CoxFit;
import org.thyra.stats.survival.CoxModel;
import org.thyra.stats.survival.CoxOptions;
import org.thyra.stats.survival.Ties;

/**
 * A Cox or logistic model fitted on development data, applied unchanged to any frame coded the same
 * way ({@link ModelFrame#encode}): its linear predictor on the scale of {@code predict} (Cox:
 * centred at the development mean of {@code x'b}, as {@code predict.coxph(type = "lp")}; logistic:
 * {@code b0 + x'b}; an aliased coefficient counts 0), predicted survival at a horizon from the
 * Breslow / Efron baseline of the development data ({@code survfit.coxph}), and nomogram total
 * points. The fitted model is the {@link NomogramModel} that {@code thyra nomogram} draws.
 */
public final class DevelopmentModel {
  private final NomogramModel model;
  private final boolean converged;

  private DevelopmentModel(NomogramModel model, boolean converged) {
    this.model = model;
    this.converged = converged;
  }

  public static DevelopmentModel cox(ModelFrame frame, Ties ties) {
    CoxFit fit =
        CoxModel.fit(
            frame.time(),
            frame.status(),
            frame.design().columns(),
            frame.design().columnNames(),
            null,
            CoxOptions.of(ties));
    return new DevelopmentModel(NomogramModel.cox(frame, fit), fit.converged());
  }

  /**
   * @param y the development response coded 0/1
   */
  public static DevelopmentModel logistic(ModelFrame frame, double[] y) {
    LogisticResult fit =
        LogisticRegression.fit(
            y, frame.design().columns(), frame.design().columnNames(), frame.design().assign());
    return new DevelopmentModel(NomogramModel.logistic(frame, fit), fit.converged());
  }

  public boolean converged() {
    return converged;
  }

  /** The fit's warnings (and the Cox baseline's). */
  public List<String> warnings() {
    return model.warnings();
  }

  /**
   * @return the linear predictor of each row of a frame coded as the development frame
   */
  public double[] linearPredictor(ModelFrame data) {
    return model.linearPredictor(data);
  }

  /**
   * @return predicted survival at u of each row (Cox only)
   */
  public double[] survival(ModelFrame data, double u) {
    double[] lp = linearPredictor(data);
    double[] s = new double[lp.length];
    double[] horizon = {u};
    for (int i = 0; i < s.length; i++) {
      s[i] = Predict.survival(model.baseline(), horizon, lp[i])[0];
    }
    return s;
  }

  /** The nomogram of this model as {@code rms::nomogram} with default axes. */
  public NomogramResult nomogram() {
    return model.nomogram();
  }

  /** The fitted model as a nomogram sees it. */
  public NomogramModel model() {
    return model;
  }

  public boolean isCox() {
    return model.kind() == NomogramModel.Kind.COX;
  }
}
