package org.thyra.app.survival;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import org.thyra.app.InputOptions;
import org.thyra.app.cohort.ImputedAnalysis;
import org.thyra.app.output.Json;
import org.thyra.app.output.OutputOptions;
import org.thyra.frame.formula.Formula;
import org.thyra.stats.survival.CoxFit;
import org.thyra.stats.survival.CoxModel;
import org.thyra.stats.survival.CoxOptions;
import org.thyra.stats.survival.Ties;

/**
 * {@code thyra cox --impute M} and {@code --imputed COLUMN}: the Cox model on each completed data set,
 * pooled by Rubin's rules as {@code mice::pool(with(imp, coxph(...)))} ({@link ImputedAnalysis}).
 * Complete-data df for Barnard–Rubin: events − coefficients, mice's {@code get.dfcom} for coxph.
 */
final class ImputedCox {
  private ImputedCox() {}

  static void run(InputOptions input, OutputOptions output, Formula formula, ImputedAnalysis.Completed data,
      Ties ties, double confLevel) throws IOException {
    ImputedAnalysis.Pooled p = ImputedAnalysis.pool(input, formula, data, frame -> {
      CoxFit fit = CoxModel.fit(frame.time(), frame.status(), frame.design().columns(), frame.design().columnNames(),
          frame.strata(), CoxOptions.of(ties).withConfLevel(confLevel));
      return new ImputedAnalysis.Fitted(fit.names(), fit.coefficients(), fit.standardErrors(), fit.aliased(),
          Math.max(fit.events() - fit.size(), 1), fit.n(), fit.events(), fit.warnings());
    }, confLevel);
    output.write(out -> {
      switch (output.format()) {
        case JSON -> Json.write(json(input, formula, p, ties, confLevel), out);
        case CSV -> p.terms().csv("hr").print(out);
        default -> text(input, formula, p, out);
      }
    });
  }

  private static ObjectNode json(InputOptions input, Formula formula, ImputedAnalysis.Pooled p, Ties ties,
      double confLevel) {
    ObjectNode root = Json.object();
    root.put("analysis", "cox");
    root.put("data", input.source());
    root.put("formula", formula.toString());
    root.put("n", p.first().n());
    root.put("events", p.first().events());
    root.put("dropped_missing", p.droppedMissing());
    root.set("imputation", p.completed().imputation());
    ObjectNode m = root.putObject("method");
    m.put("ties", ties.name().toLowerCase(Locale.ROOT));
    m.put("pooling", "multiple imputation, Rubin's rules (mice::pool)");
    m.put("df", "Barnard-Rubin; complete-data df = events - coefficients = " + p.first().dfCom()
        + " (mice's rule for coxph)");
    m.put("ci", "pooled estimate +- qt(1 - alpha/2, df) * se, exponentiated");
    m.put("conf_level", confLevel);
    m.put("description", p.terms().pooled().method());
    root.set("warnings", Json.strings(p.warnings()));
    root.put("imputations", p.terms().pooled().imputations());
    root.set("terms", p.terms().json("hr"));
    return root;
  }

  private static void text(InputOptions input, Formula formula, ImputedAnalysis.Pooled p, PrintStream out) {
    out.println("Cox proportional hazards model, pooled over " + p.terms().pooled().imputations()
        + " imputations: " + formula + "   data: " + input.source());
    out.printf("%n  n= %d, number of events= %d%s%n%n", p.first().n(), p.first().events(),
        p.droppedMissing() > 0 ? "   (" + p.droppedMissing() + " observations deleted due to missingness)" : "");
    p.terms().text("exp(coef)", out);
    out.println();
    out.println("Method: " + p.terms().pooled().method() + "; complete-data df = events - coefficients = "
        + p.first().dfCom());
    ObjectNode imp = p.completed().imputation();
    out.println("Imputation: " + imp.path("source").asText()
        + (imp.has("description") ? "; " + imp.get("description").asText() : ""));
    for (String w : p.warnings()) {
      out.println("Warning: " + w);
    }
  }
}
