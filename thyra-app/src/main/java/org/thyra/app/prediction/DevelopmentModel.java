package org.thyra.app.prediction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.frame.formula.Variable;
import org.thyra.stats.prediction.BaselineHazard;
import org.thyra.stats.prediction.BaselineSurvival;
import org.thyra.stats.prediction.Nomogram;
import org.thyra.stats.prediction.NomogramResult;
import org.thyra.stats.prediction.NomogramTerm;
import org.thyra.stats.regression.LogisticRegression;
import org.thyra.stats.regression.LogisticResult;
import org.thyra.stats.survival.CoxFit;
import org.thyra.stats.survival.CoxModel;
import org.thyra.stats.survival.CoxOptions;
import org.thyra.stats.survival.Ties;

/**
 * A Cox or logistic model fitted on development data, applied unchanged to any frame coded the same
 * way ({@link ModelFrame#encode}): its linear predictor {@code b0 + Σ b_j x_j} (no centring; an
 * aliased coefficient counts 0, as R's predict), predicted survival at a horizon from the Breslow /
 * Efron baseline of the development data ({@code survfit.coxph}), and nomogram total points.
 */
final class DevelopmentModel {
  private final ModelFrame frame;
  private final boolean cox;
  private final Ties ties;
  private final double intercept;
  private final double[] beta;
  private final List<String> warnings;
  private final boolean converged;
  private BaselineHazard baseline;

  private DevelopmentModel(ModelFrame frame, boolean cox, Ties ties, double intercept, double[] beta,
      boolean converged, List<String> warnings) {
    this.frame = frame;
    this.cox = cox;
    this.ties = ties;
    this.intercept = intercept;
    this.beta = beta;
    this.converged = converged;
    this.warnings = List.copyOf(warnings);
  }

  static DevelopmentModel cox(ModelFrame frame, Ties ties) {
    CoxFit fit = CoxModel.fit(frame.time(), frame.status(), frame.design().columns(), frame.design().columnNames(),
        null, CoxOptions.of(ties));
    return new DevelopmentModel(frame, true, ties, 0, finite(fit.coefficients()), fit.converged(), fit.warnings());
  }

  static DevelopmentModel logistic(ModelFrame frame, double[] y) {
    LogisticResult fit = LogisticRegression.fit(y, frame.design().columns(), frame.design().columnNames(),
        frame.design().assign());
    double[] b = new double[fit.terms().size()];
    for (int j = 0; j < b.length; j++) {
      b[j] = fit.terms().get(j).coef();
    }
    return new DevelopmentModel(frame, false, null, fit.intercept().coef(), finite(b), fit.converged(), fit.warnings());
  }

  private static double[] finite(double[] coef) {
    double[] c = coef.clone();
    for (int j = 0; j < c.length; j++) {
      if (!Double.isFinite(c[j])) {
        c[j] = 0; // aliased: predict() uses 0
      }
    }
    return c;
  }

  boolean converged() {
    return converged;
  }

  List<String> warnings() {
    return warnings;
  }

  /** @return the linear predictor of each row of a frame coded as the development frame */
  double[] linearPredictor(ModelFrame data) {
    double[][] x = data.design().columns();
    double[] lp = new double[data.n()];
    Arrays.fill(lp, intercept);
    for (int j = 0; j < x.length; j++) {
      double b = beta[j];
      double[] col = x[j];
      for (int i = 0; i < lp.length; i++) {
        lp[i] += b * col[i];
      }
    }
    return lp;
  }

  /** @return predicted survival at u of each row (Cox only) */
  double[] survival(ModelFrame data, double u) {
    if (baseline == null) {
      baseline = BaselineSurvival.estimate(frame.time(), frame.status(), linearPredictor(frame), null, ties);
    }
    double[] lp = linearPredictor(data);
    double[] s = new double[lp.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = baseline.survival(0, u, lp[i]);
    }
    return s;
  }

  /**
   * The nomogram of this model as {@code rms::nomogram} with default axes (numeric terms: the
   * distinct development values when at most 10, else {@code pretty(range, 10)}).
   */
  NomogramResult nomogram() {
    List<NomogramTerm> terms = new ArrayList<>();
    double[][] x = frame.design().columns();
    for (Variable v : frame.variables()) {
      if (v.categorical()) {
        double[] c = new double[v.columnCount()];
        System.arraycopy(beta, v.firstColumn(), c, 0, c.length);
        terms.add(NomogramTerm.categorical(v.name(), v.levels(), c));
      } else {
        terms.add(NomogramTerm.linear(v.name(), beta[v.firstColumn()], NomogramTerm.defaultValues(x[v.firstColumn()])));
      }
    }
    return Nomogram.build(terms, intercept, linearPredictor(frame));
  }

  boolean isCox() {
    return cox;
  }
}
