package org.thyra.app.prediction;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.thyra.analysis.prediction.NomogramAnalysis;
import org.thyra.app.InputOptions;
import org.thyra.app.output.FigureOptions;
import org.thyra.app.output.OutputOptions;
import org.thyra.report.figure.FigureSpec;
import org.thyra.report.figure.SvgFigure;
import org.thyra.report.prediction.NomogramWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code thyra nomogram}: a Cox or logistic model's nomogram (SPEC §5) with points as {@code
 * rms::nomogram}, predicted survival at each horizon from the Breslow baseline as {@code
 * survfit.coxph} (or the predicted probability), one patient's prediction and an SVG drawing. The
 * model is chosen by the formula's left side: {@code Surv(time, event)} fits a Cox model, one
 * binary variable a logistic model.
 */
@Command(
    name = "nomogram",
    mixinStandardHelpOptions = true,
    description =
        "Nomogram of a Cox (Surv(time, event) ~ ...) or logistic (y ~ ...) model as rms::nomogram: points per"
            + " variable value (largest range of effect = 100 points), total points, and predicted survival at"
            + " --horizons (Breslow baseline, as survfit.coxph) or probability; --predict scores one patient,"
            + " --svg draws it.")
public final class NomogramCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin OutputOptions output;
  @Mixin FigureOptions figureOptions;

  @Option(
      names = "--formula",
      required = true,
      description =
          "Model formula: \"Surv(time, status) ~ age + factor(stage)\" (Cox) or \"y ~ age + factor(race)\""
              + " (logistic; the outcome is 0/1, TRUE/FALSE, yes/no or a two-level column).")
  String formulaText;

  @Option(names = "--ties", description = "Cox tie method: efron or breslow (default: efron).")
  String ties;

  @Option(
      names = "--horizons",
      split = ",",
      paramLabel = "T1,T2,...",
      description =
          "Cox: times at which to predict survival, in the time column's unit (required for Cox).")
  double[] horizons;

  @Option(
      names = "--predict",
      paramLabel = "PATIENT.json",
      description =
          "A JSON object {\"variable\": value, ...}: that patient's points and predictions.")
  Path predict;

  @Option(
      names = "--svg",
      paramLabel = "FILE",
      description = "Also draw the nomogram as SVG to FILE.")
  Path svg;

  @Override
  public Integer call() throws Exception {
    NomogramAnalysis.Report report =
        NomogramAnalysis.run(
            input.file(),
            new NomogramAnalysis.Request(
                formulaText, ties, horizons == null ? null : horizons.clone(), predict));
    NomogramWriter writer = new NomogramWriter(report);
    // render first, so a failure there writes no file
    ByteArrayOutputStream rendered = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(rendered, false, StandardCharsets.UTF_8);
    writer.write(output.format(), ps, svg);
    ps.flush();
    FigureSpec spec = figureOptions.spec();
    if (svg != null) {
      // staged with the result: both appear only when the run succeeds (OutputOptions.execute)
      SvgFigure.write(svg, writer.figure(spec, false));
    }
    figureOptions.write(sp -> writer.figure(sp, true));
    output.write(out -> rendered.writeTo(out));
    return 0;
  }
}
