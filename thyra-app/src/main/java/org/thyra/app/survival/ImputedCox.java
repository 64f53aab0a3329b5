package org.thyra.app.survival;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import org.thyra.analysis.imputation.CompletedData;
import org.thyra.analysis.imputation.ImputedAnalysis;
import org.thyra.analysis.imputation.ImputedModel;
import org.thyra.analysis.imputation.PooledModel;
import org.thyra.app.InputOptions;
import org.thyra.app.output.FigureOptions;
import org.thyra.app.output.OutputOptions;
import org.thyra.frame.formula.Formula;
import org.thyra.report.imputation.PooledWriter;
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
      CompletedData data,
      String tieMethod,
      double confLevel)
      throws IOException {
    Ties ties = org.thyra.analysis.survival.CoxAnalysis.ties(input.source(), tieMethod);
    PooledModel p =
        ImputedAnalysis.pool(
            input.file(),
            formula,
            data,
            frame -> ImputedModel.cox(frame, ties, confLevel),
            confLevel);
    output.write(
        out -> {
          switch (output.format()) {
            case JSON -> Json.write(json(p, ties), out);
            case CSV -> PooledWriter.csv(p.terms(), "hr").print(out);
            default -> text(p, out);
          }
        });
    figure.write(spec -> PooledWriter.forest(p, "HR", spec));
  }

  private static ObjectNode json(PooledModel p, Ties ties) {
    return PooledWriter.json(
        p,
        "cox",
        "ties",
        ties.name().toLowerCase(Locale.ROOT),
        "events - coefficients",
        "coxph",
        "hr");
  }

  private static void text(PooledModel p, PrintStream out) {
    out.println(
        "Cox proportional hazards model, pooled over "
            + p.terms().pooled().imputations()
            + " imputations: "
            + p.formula()
            + "   data: "
            + p.source());
    out.printf(
        "%n  n= %d, number of events= %d%s%n%n",
        p.first().n(),
        p.first().events(),
        p.droppedMissing() > 0
            ? "   (" + p.droppedMissing() + " observations deleted due to missingness)"
            : "");
    PooledWriter.table(p.terms(), "exp(coef)", out);
    out.println();
    PooledWriter.textFooter(p, "events - coefficients", out);
  }
}
