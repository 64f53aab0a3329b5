package org.thyra.report.survival;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import org.thyra.analysis.imputation.PooledModel;
import org.thyra.report.figure.FigureSpec;
import org.thyra.report.figure.ForestFigure;
import org.thyra.report.imputation.PooledWriter;
import org.thyra.report.output.Json;
import org.thyra.report.output.OutputFormat;

/**
 * {@code thyra cox --impute M} / {@code --imputed COLUMN}: the pooled Cox model in text, JSON and
 * CSV ({@link PooledWriter}'s layout with the Cox model's heading, tie method and complete-data
 * df), and the forest plot of the pooled hazard ratios.
 */
public final class ImputedCoxWriter {
  private ImputedCoxWriter() {}

  /**
   * Writes the pooled model in one format.
   *
   * @param tieMethod the tie method as given ({@code efron} or {@code breslow}, any case; null for
   *     Efron)
   */
  public static void write(PooledModel p, String tieMethod, OutputFormat format, PrintStream out)
      throws IOException {
    switch (format) {
      case JSON -> Json.write(json(p, tieMethod), out);
      case CSV -> PooledWriter.csv(p.terms(), "hr").print(out);
      default -> text(p, out);
    }
  }

  /** The forest plot of the pooled hazard ratios. */
  public static ForestFigure figure(PooledModel p, FigureSpec spec) {
    return PooledWriter.forest(p, "HR", spec);
  }

  private static ObjectNode json(PooledModel p, String tieMethod) {
    return PooledWriter.json(
        p,
        "cox",
        "ties",
        tieMethod == null ? "efron" : tieMethod.strip().toLowerCase(Locale.ROOT),
        "events - coefficients",
        "coxph",
        "hr");
  }

  private static void text(PooledModel p, PrintStream out) {
    PooledWriter.text(
        p,
        "Cox proportional hazards model",
        "number of events",
        "exp(coef)",
        "events - coefficients",
        out);
  }
}
