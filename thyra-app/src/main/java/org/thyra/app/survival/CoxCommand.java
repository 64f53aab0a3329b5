package org.thyra.app.survival;

import java.util.concurrent.Callable;
import org.thyra.analysis.imputation.PooledModel;
import org.thyra.analysis.survival.CoxAnalysis;
import org.thyra.analysis.survival.CoxReport;
import org.thyra.analysis.survival.FirthCoxAnalysis;
import org.thyra.analysis.survival.FirthCoxReport;
import org.thyra.app.InputOptions;
import org.thyra.app.cohort.ImputationOptions;
import org.thyra.app.output.FigureOptions;
import org.thyra.app.output.OutputOptions;
import org.thyra.frame.InputException;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.SurvivalResponse;
import org.thyra.report.survival.CoxWriter;
import org.thyra.report.survival.FirthCoxWriter;
import org.thyra.report.survival.ImputedCoxWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code thyra cox}: Cox proportional hazards model (SPEC §5), as R's coxph and cox.zph. */
@Command(
    name = "cox",
    mixinStandardHelpOptions = true,
    description =
        "Cox proportional hazards regression as R's coxph: Efron or Breslow ties, strata, Wald CIs,"
            + " likelihood-ratio / Wald / score tests, Harrell's C, and the PH test of cox.zph(transform = \"km\").")
public final class CoxCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin OutputOptions output;
  @Mixin FigureOptions figure;

  @Option(
      names = "--formula",
      required = true,
      description =
          "Model formula, e.g. \"Surv(time, status) ~ age + factor(sex) + strata(inst)\".")
  String formulaText;

  @Option(
      names = "--ties",
      defaultValue = "efron",
      completionCandidates = CoxCommand.TieNames.class,
      description = "Tie method: efron or breslow (default: ${DEFAULT-VALUE}).")
  String ties;

  @Option(
      names = "--conf-level",
      defaultValue = "0.95",
      description = "Confidence level of the hazard ratios (default: ${DEFAULT-VALUE}).")
  double confLevel;

  @Option(
      names = "--landmark",
      paramLabel = "S",
      description =
          "Landmark analysis: only rows followed event-free beyond time S (time > S) enter.")
  Double landmark;

  @Option(
      names = "--weights",
      paramLabel = "COL",
      description =
          "Case weights from column COL (e.g. IPTW weights from thyra weight), as coxph(weights ="
              + " ): robust variance when a weight is not a whole number, as R.")
  String weightsColumn;

  @Option(
      names = "--firth",
      description =
          "Firth's penalised partial likelihood, as coxphf: finite estimates when a covariate"
              + " level has no events (monotone likelihood); Breslow ties, profile penalised-"
              + "likelihood intervals and likelihood-ratio p. Right-censored, unweighted,"
              + " without strata() or cluster().")
  boolean firth;

  @Mixin ImputationOptions imputation;

  @Spec CommandSpec spec;

  /** The tie methods {@code --ties} accepts (shell completion). */
  static final class TieNames extends java.util.ArrayList<String> {
    TieNames() {
      super(java.util.List.of("efron", "breslow"));
    }
  }

  @Override
  public Integer call() throws Exception {
    Formula formula = CoxAnalysis.formula(input.source(), formulaText);
    if (firth) {
      return firth();
    }
    if (imputation.requested()) {
      boolean counting = ((SurvivalResponse) formula.response()).counting();
      if (counting || weightsColumn != null) {
        String what = counting ? "Surv(start, stop, event)" : "--weights";
        throw new InputException(
            input.source(), null, null, what + " is not available with --impute / --imputed");
      }
      if (landmark != null) {
        throw new InputException(
            input.source(), null, null, "--landmark is not available with --impute / --imputed");
      }
      if (formula.cluster() != null) {
        throw new InputException(
            input.source(),
            null,
            formula.cluster(),
            "cluster() is not available with --impute / --imputed (no pooled robust variance)");
      }
      PooledModel pooled =
          CoxAnalysis.imputed(
              input.file(), formula, imputation.completed(input, formula), ties, confLevel);
      output.write(out -> ImputedCoxWriter.write(pooled, ties, output.format(), out));
      figure.write(spec -> ImputedCoxWriter.figure(pooled, spec));
      return 0;
    }
    CoxReport report =
        CoxAnalysis.run(
            input.file(),
            new CoxAnalysis.Request(formulaText, ties, confLevel, landmark, weightsColumn));
    output.write(out -> CoxWriter.write(report, output.format(), out));
    figure.write(spec -> CoxWriter.figure(report, spec));
    return 0;
  }

  /** {@code --firth}: the options it cannot take are refused, not ignored. */
  private int firth() throws Exception {
    String other =
        imputation.requested()
            ? "--impute / --imputed"
            : weightsColumn != null
                ? "--weights"
                : landmark != null
                    ? "--landmark"
                    : spec.commandLine().getParseResult().hasMatchedOption("--ties")
                            && !ties.strip().equalsIgnoreCase("breslow")
                        ? "--ties " + ties
                        : null;
    if (other != null) {
      throw new InputException(
          input.source(),
          null,
          null,
          "--firth is not available with "
              + other
              + (other.startsWith("--ties") ? " (Firth's Cox uses Breslow ties, as coxphf)" : ""));
    }
    FirthCoxReport report =
        FirthCoxAnalysis.run(input.file(), new FirthCoxAnalysis.Request(formulaText, confLevel));
    output.write(out -> FirthCoxWriter.write(report, output.format(), out));
    figure.write(spec -> FirthCoxWriter.figure(report, spec));
    return 0;
  }
}
