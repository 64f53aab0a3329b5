package org.thyra.analysis.competing;

import java.util.List;
import org.thyra.stats.Result;
import org.thyra.stats.competing.FineGrayFit;

/**
 * A Fine–Gray model of a file, ready to present.
 *
 * @param source the data file's name
 * @param request what was asked
 * @param data the competing-risks outcome
 * @param fit the fitted model
 * @param cause the cause of interest as the status column writes it
 * @param likelihoodRatio the pseudo likelihood-ratio statistic against the null model
 * @param likelihoodRatioP its chi-squared p on as many df as coefficients
 * @param warnings the model frame's and the fit's
 */
public record CrrReport(
    String source,
    CrrAnalysis.Request request,
    CompetingOutcome data,
    FineGrayFit fit,
    String cause,
    double likelihoodRatio,
    double likelihoodRatioP,
    List<String> warnings)
    implements Result {
  public CrrReport {
    warnings = List.copyOf(warnings);
  }

  @Override
  public String method() {
    return "Fine-Gray subdistribution hazards as cmprsk::crr (KM censoring weights, Breslow"
        + " ties, sandwich variance, Wald CIs)";
  }
}
