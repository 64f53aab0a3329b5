package org.thyra.app.survival;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import org.thyra.analysis.imputation.ImputedModel;
import org.thyra.app.InputOptions;
import org.thyra.app.cohort.ImputedAnalysis;
import org.thyra.app.output.FigureOptions;
import org.thyra.app.output.OutputOptions;
import org.thyra.frame.formula.Formula;
import org.thyra.report.output.Json;
import org.thyra.stats.survival.Ties;

/**
 * {@code thyra cox --impute M} and {@code --imputed COLUMN}: the Cox model on each completed data
 * set, pooled by Rubin's rules as {@code mice::pool(with(imp, coxph(...)))} ({@link
 * ImputedAnalysis}). Complete-data df for Barnard–Rubin: events − coefficients, mice's {@code
 * get.dfcom} for coxph.
 */
final class ImputedCox {
  private ImputedCox() {}

  static void run(
      InputOptions input,
      OutputOptions output,
      FigureOptions figure,
      Formula formula,
      ImputedAnalysis.Completed data,
      String tieMethod,
      double confLevel)
      throws IOException {
    Ties ties = org.thyra.analysis.survival.CoxAnalysis.ties(input.source(), tieMethod);
    ImputedAnalysis.Pooled p =
        ImputedAnalysis.pool(
            input, formula, data, frame -> ImputedModel.cox(frame, ties, confLevel), confLevel);
    output.write(
        out -> {
          switch (output.format()) {
            case JSON -> Json.write(json(input, formula, p, ties, confLevel), out);
            case CSV -> p.terms().csv("hr").print(out);
            default -> text(input, formula, p, out);
          }
        });
    figure.write(spec -> ImputedAnalysis.forest(input, formula, p, "HR", spec));
  }

  private static ObjectNode json(
      InputOptions input, Formula formula, ImputedAnalysis.Pooled p, Ties ties, double confLevel) {
    return p.json(
        "cox",
        input,
        formula,
        "ties",
        ties.name().toLowerCase(Locale.ROOT),
        "events - coefficients",
        "coxph",
        "hr",
        confLevel);
  }

  private static void text(
      InputOptions input, Formula formula, ImputedAnalysis.Pooled p, PrintStream out) {
    out.println(
        "Cox proportional hazards model, pooled over "
            + p.terms().pooled().imputations()
            + " imputations: "
            + formula
            + "   data: "
            + input.source());
    out.printf(
        "%n  n= %d, number of events= %d%s%n%n",
        p.first().n(),
        p.first().events(),
        p.droppedMissing() > 0
            ? "   (" + p.droppedMissing() + " observations deleted due to missingness)"
            : "");
    p.terms().text("exp(coef)", out);
    out.println();
    p.textFooter("events - coefficients", out);
  }
}
