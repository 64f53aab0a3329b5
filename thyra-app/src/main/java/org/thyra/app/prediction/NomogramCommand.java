package org.thyra.app.prediction;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.thyra.app.InputOptions;
import org.thyra.app.output.FigureOptions;
import org.thyra.app.output.OutputOptions;
import org.thyra.app.prediction.NomogramModel.Kind;
import org.thyra.app.prediction.NomogramModel.ModelVariable;
import org.thyra.frame.DecimalText;
import org.thyra.frame.InputException;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.frame.formula.SurvivalResponse;
import org.thyra.report.figure.FigureSpec;
import org.thyra.report.figure.NomogramFigure;
import org.thyra.report.figure.SvgFigure;
import org.thyra.report.output.CsvTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.Numbers;
import org.thyra.report.output.TextTable;
import org.thyra.stats.prediction.NomogramAxis;
import org.thyra.stats.prediction.NomogramResult;
import org.thyra.stats.regression.LogisticRegression;
import org.thyra.stats.regression.LogisticResult;
import org.thyra.stats.survival.CoxFit;
import org.thyra.stats.survival.CoxModel;
import org.thyra.stats.survival.CoxOptions;
import org.thyra.stats.survival.Ties;
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
  Ties ties;

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
    Formula formula = Formula.parse(formulaText);
    if (!formula.strata().isEmpty()) {
      throw new InputException(
          input.source(),
          null,
          null,
          "nomogram does not support strata(): one baseline is needed for the survival axes; got \""
              + formulaText
              + "\"");
    }
    boolean cox = formula.response() instanceof SurvivalResponse;
    if (cox && (horizons == null || horizons.length == 0)) {
      throw new InputException(
          input.source(),
          null,
          null,
          "a Cox nomogram needs --horizons, e.g. --horizons 36,60,120 (times in the time column's unit)");
    }
    if (!cox && horizons != null) {
      throw new InputException(
          input.source(),
          null,
          null,
          "--horizons is for Cox models (Surv(time, event) ~ ...); a logistic nomogram predicts one probability");
    }
    if (!cox && ties != null) {
      throw new InputException(
          input.source(), null, null, "--ties is for Cox models (Surv(time, event) ~ ...)");
    }
    if (formula.covariates().isEmpty()) {
      throw new InputException(
          input.source(), null, null, "a nomogram needs at least one variable on the right of ~");
    }
    if (formula.hasInteractionsOrSplines()) {
      throw new InputException(
          input.source(),
          null,
          null,
          "a nomogram of a model with an interaction or an rcs() spline is not available yet"
              + " (rms::nomogram draws one axis per level or a non-monotone axis); fit it with thyra"
              + " cox / logistic, or draw the nomogram of main effects");
    }
    ModelFrame frame = input.modelFrame(formula);
    if (cox && java.util.Arrays.stream(frame.status()).noneMatch(s -> s == 1)) {
      String event = ((org.thyra.frame.formula.SurvivalResponse) formula.response()).event();
      throw new InputException(
          input.source(),
          null,
          event,
          "no events: every one of the "
              + frame.n()
              + " rows is censored, so there is no risk to put on a nomogram");
    }
    NomogramModel model = cox ? coxModel(frame) : logisticModel(frame);
    double[] times = cox ? horizons.clone() : new double[0];
    if (cox) {
      double last = model.baseline().lastFollowUp()[0];
      for (int k = 0; k < times.length; k++) {
        for (int l = 0; l < k; l++) {
          if (times[l] == times[k]) {
            // the survival map of each total-points tick is keyed by horizon: a repeat would
            // overwrite
            throw new InputException(
                input.source(),
                null,
                null,
                "--horizons lists " + DecimalText.format(times[k]) + " twice");
          }
        }
      }
      for (double h : times) {
        if (!(h >= 0) || !Double.isFinite(h)) {
          throw new InputException(
              input.source(), null, null, "--horizons must be finite times >= 0, got " + h);
        }
        if (h > last) {
          throw new InputException(
              input.source(),
              null,
              null,
              "horizon "
                  + DecimalText.format(h)
                  + " is beyond the last follow-up time "
                  + DecimalText.format(last)
                  + ": survival is not estimable there (no extrapolation); choose horizons up to "
                  + DecimalText.format(last));
        }
      }
    }
    NomogramResult nom = input.analyse(null, model::nomogram);
    List<OutcomeAxis> outcomes = new ArrayList<>();
    if (cox) {
      for (double h : times) {
        outcomes.add(OutcomeAxis.survival(nom, model.baseline(), h, survivalLabel(h)));
      }
    } else {
      outcomes.add(OutcomeAxis.probability(nom));
    }
    NomogramPatient patient = predict == null ? null : NomogramPatient.read(predict, model, nom);
    List<String> warnings = new ArrayList<>(frame.warnings());
    warnings.addAll(model.warnings());
    warnings.addAll(nom.warnings());
    for (OutcomeAxis a : outcomes) {
      if (a.values().length == 0) {
        warnings.add(
            a.label() + ": no event by this horizon, survival is 1 for everybody (no axis drawn)");
      }
    }
    if (patient != null) {
      warnings.addAll(patient.warnings());
    }
    Result r = new Result(frame, model, nom, times, outcomes, patient, warnings);
    // render first, so a failure there writes no file
    ByteArrayOutputStream rendered = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(rendered, false, StandardCharsets.UTF_8);
    switch (output.format()) {
      case JSON -> Json.write(json(formula, r), ps);
      case CSV -> csv(r).print(ps);
      default -> text(formula, r, ps);
    }
    ps.flush();
    FigureSpec spec = figureOptions.spec();
    if (svg != null) {
      // staged with the result: both appear only when the run succeeds (OutputOptions.execute)
      SvgFigure.write(svg, figure(model, nom, outcomes, spec, false));
    }
    figureOptions.write(sp -> figure(model, nom, outcomes, sp, true));
    output.write(out -> rendered.writeTo(out));
    return 0;
  }

  /** Everything the renderers show. */
  private record Result(
      ModelFrame frame,
      NomogramModel model,
      NomogramResult nom,
      double[] horizons,
      List<OutcomeAxis> outcomes,
      NomogramPatient patient,
      List<String> warnings) {
    boolean cox() {
      return model.kind() == Kind.COX;
    }
  }

  private NomogramModel coxModel(ModelFrame frame) {
    Ties t = ties == null ? Ties.EFRON : ties;
    CoxFit fit =
        input.analyse(
            null,
            () ->
                CoxModel.fit(
                    frame.time(),
                    frame.status(),
                    frame.design().columns(),
                    frame.design().columnNames(),
                    null,
                    CoxOptions.of(t)));
    return input.analyse(null, () -> NomogramModel.cox(frame, fit));
  }

  private NomogramModel logisticModel(ModelFrame frame) {
    int[] b = frame.binaryResponse();
    double[] y = new double[b.length];
    for (int i = 0; i < b.length; i++) {
      y[i] = b[i];
    }
    LogisticResult fit =
        input.analyse(
            null,
            () ->
                LogisticRegression.fit(
                    y,
                    frame.design().columns(),
                    frame.design().columnNames(),
                    frame.design().assign()));
    return input.analyse(null, () -> NomogramModel.logistic(frame, fit));
  }

  static String key(double horizon) {
    return DecimalText.format(horizon);
  }

  private static String survivalLabel(double h) {
    return "S(" + key(h) + ")";
  }

  // ------------------------------------------------------------------ JSON

  private ObjectNode json(Formula formula, Result r) {
    ObjectNode root = Json.object();
    root.put("analysis", "nomogram");
    root.put("data", input.source());
    root.put("formula", formula.toString());
    root.put("model", r.model().kind().label());
    if (r.cox()) {
      root.put("event_coding", r.frame().eventCoding().description());
    } else {
      root.put("outcome_coding", r.frame().binaryResponseCoding());
    }
    root.put("n", r.model().n());
    root.put("events", r.model().events());
    root.put("dropped_missing", r.frame().droppedMissing());
    ObjectNode m = root.putObject("method");
    if (r.cox()) {
      m.put("ties", r.model().baseline().ties().name().toLowerCase(Locale.ROOT));
      m.put("baseline", "Breslow (survfit.coxph)");
      m.put("baseline_detail", r.model().baseline().method());
      m.put("linear_predictor", "x'b - mean(x'b), centred as rms::cph");
    } else {
      m.put("linear_predictor", "b0 + x'b (glm.fit IRLS)");
    }
    m.put(
        "points",
        "rms::nomogram: (effect - min effect) * scale, the term with the largest range of effect"
            + " spans 0-100 points; numeric axes: distinct values when at most 10, else pretty(range, 10); factors: every level");
    m.put(
        "total_points",
        "rms::nomogram total points axis pretty(c(0, max(100, scale * max(lp ticks - lp at 0))), 10)");
    m.put(
        "outcome_axes",
        "tick values pretty(f(range(lp ticks)), 10) within the reachable range, placed by the"
            + " exact inverse of f (rms interpolates on a 1000-point grid)");
    m.put(
        "extrapolation",
        "none beyond the last follow-up; a patient value outside the data range extends the axis linearly");
    m.put("description", r.nom().method());
    root.set("warnings", Json.strings(r.warnings()));
    if (r.cox()) {
      ArrayNode h = root.putArray("horizons");
      for (double t : r.horizons()) {
        h.add(Json.number(t));
      }
    }
    root.set("scale", Json.number(r.nom().scale()));
    root.set("lp_at_zero_points", Json.number(r.nom().linearPredictorAtZeroPoints()));
    ArrayNode axes = root.putArray("axes");
    for (int j = 0; j < r.nom().axes().size(); j++) {
      NomogramAxis a = r.nom().axes().get(j);
      ModelVariable v = r.model().variables().get(j);
      ObjectNode o = axes.addObject();
      o.put("variable", a.variable());
      o.put("type", v.categorical() ? "categorical" : "numeric");
      ArrayNode values = o.putArray("values");
      if (v.categorical()) {
        a.labels().forEach(values::add);
      } else {
        for (double x : v.axisValues()) {
          values.add(Json.number(x));
        }
      }
      o.set("points", numbers(a.points()));
      o.set("effects", numbers(a.effects()));
    }
    ObjectNode lpAxis = root.putObject("linear_predictor_axis");
    lpAxis.set("values", numbers(r.nom().linearPredictorTicks()));
    lpAxis.set("points", numbers(r.nom().linearPredictorTickPoints()));
    ArrayNode total = root.putArray("total_points");
    for (double p : r.nom().totalPointsTicks()) {
      ObjectNode o = total.addObject();
      o.set("points", Json.number(p));
      double lp = r.nom().linearPredictor(p);
      o.set("lp", Json.number(lp));
      putPrediction(o, r, lp);
    }
    ArrayNode outcomes = root.putArray("outcome_axes");
    for (OutcomeAxis a : r.outcomes()) {
      ObjectNode o = outcomes.addObject();
      o.put("label", a.label());
      if (r.cox()) {
        o.set("horizon", Json.number(a.horizon()));
      }
      o.set("values", numbers(a.values()));
      o.set("points", numbers(a.points()));
    }
    if (r.patient() != null) {
      NomogramPatient p = r.patient();
      ObjectNode po = root.putObject("patient");
      po.put(
          "file",
          predict.getFileName() == null ? predict.toString() : predict.getFileName().toString());
      ObjectNode values = po.putObject("values");
      p.values().forEach(values::put);
      ObjectNode pts = po.putObject("points");
      for (int j = 0; j < r.model().variables().size(); j++) {
        pts.set(r.model().variables().get(j).name(), Json.number(p.points()[j]));
      }
      po.set("total_points", Json.number(p.totalPoints()));
      po.set("linear_predictor", Json.number(p.linearPredictor()));
      ArrayNode preds = root.putArray("predictions");
      double[] pr = r.model().predict(r.horizons(), p.linearPredictor());
      if (r.cox()) {
        for (int k = 0; k < pr.length; k++) {
          ObjectNode o = preds.addObject();
          o.set("horizon", Json.number(r.horizons()[k]));
          o.set("survival", Json.number(pr[k]));
        }
      } else {
        preds.addObject().set("probability", Json.number(pr[0]));
      }
    }
    return root;
  }

  private static void putPrediction(ObjectNode o, Result r, double lp) {
    double[] pr = r.model().predict(r.horizons(), lp);
    if (r.cox()) {
      ObjectNode s = o.putObject("survival");
      for (int k = 0; k < pr.length; k++) {
        s.set(key(r.horizons()[k]), Json.number(pr[k]));
      }
    } else {
      o.set("probability", Json.number(pr[0]));
    }
  }

  private static ArrayNode numbers(double[] x) {
    ArrayNode a = Json.array();
    for (double v : x) {
      a.add(Json.number(v));
    }
    return a;
  }

  // ------------------------------------------------------------------ CSV

  /**
   * One row per axis value: the variable axes, then total points, linear predictor and outcome
   * axes; with --predict the patient's rows ({@code patient: AXIS}, its value, its points).
   */
  private static CsvTable csv(Result r) {
    CsvTable t = new CsvTable(List.of("axis", "value", "points"));
    for (int j = 0; j < r.nom().axes().size(); j++) {
      NomogramAxis a = r.nom().axes().get(j);
      double[] p = a.points();
      for (int k = 0; k < p.length; k++) {
        t.row(
            List.of(
                a.variable(), axisLabel(r.model().variables().get(j), a, k), Numbers.full(p[k])));
      }
    }
    for (double p : r.nom().totalPointsTicks()) {
      t.row(List.of("Total Points", DecimalText.format(p), Numbers.full(p)));
    }
    double[] lp = r.nom().linearPredictorTicks();
    double[] lpp = r.nom().linearPredictorTickPoints();
    for (int k = 0; k < lp.length; k++) {
      t.row(List.of("Linear Predictor", DecimalText.format(lp[k]), Numbers.full(lpp[k])));
    }
    for (OutcomeAxis a : r.outcomes()) {
      for (int k = 0; k < a.values().length; k++) {
        t.row(List.of(a.label(), DecimalText.format(a.values()[k]), Numbers.full(a.points()[k])));
      }
    }
    NomogramPatient p = r.patient();
    if (p != null) {
      // --predict: the patient's value and points on each axis, then its total points and
      // predictions
      for (int j = 0; j < r.model().variables().size(); j++) {
        String v = r.model().variables().get(j).name();
        t.row(List.of("patient: " + v, p.values().get(v), Numbers.full(p.points()[j])));
      }
      String total = Numbers.full(p.totalPoints());
      t.row(List.of("patient: Total Points", total, total));
      t.row(List.of("patient: Linear Predictor", Numbers.full(p.linearPredictor()), total));
      double[] pr = r.model().predict(r.horizons(), p.linearPredictor());
      for (int k = 0; k < pr.length; k++) {
        t.row(
            List.of(
                "patient: " + (r.cox() ? survivalLabel(r.horizons()[k]) : "probability"),
                Numbers.full(pr[k]),
                total));
      }
    }
    return t;
  }

  private static String axisLabel(ModelVariable v, NomogramAxis a, int k) {
    return v.categorical() ? a.labels().get(k) : DecimalText.format(v.axisValues()[k]);
  }

  // ------------------------------------------------------------------ text

  /** Laid out like R's print(nomogram): one table per axis, then total points and predictions. */
  private void text(Formula formula, Result r, PrintStream out) {
    out.println(
        "Nomogram ("
            + r.model().kind().label()
            + " model): "
            + formula
            + "   data: "
            + input.source());
    out.printf(
        "n = %d, %s = %d%s%n",
        r.model().n(),
        r.cox() ? "events" : "outcomes = 1",
        r.model().events(),
        r.frame().droppedMissing() > 0
            ? "   (" + r.frame().droppedMissing() + " observations deleted due to missingness)"
            : "");
    out.printf("Points per unit of linear predictor: %s%n", Numbers.signif(r.nom().scale(), 6));
    out.printf(
        "Linear predictor units per point   : %s%n%n", Numbers.signif(1 / r.nom().scale(), 6));
    for (int j = 0; j < r.nom().axes().size(); j++) {
      NomogramAxis a = r.nom().axes().get(j);
      TextTable t = new TextTable(List.of(a.variable(), "Points"));
      double[] p = a.points();
      for (int k = 0; k < p.length; k++) {
        t.row(List.of(a.labels().get(k), Numbers.signif(p[k], 4)));
      }
      t.print(out);
      out.println();
    }
    List<String> header = new ArrayList<>(List.of("Total Points", "Linear Predictor"));
    if (r.cox()) {
      for (double h : r.horizons()) {
        header.add(survivalLabel(h));
      }
    } else {
      header.add("Probability");
    }
    TextTable tp = new TextTable(header);
    for (double p : r.nom().totalPointsTicks()) {
      double lp = r.nom().linearPredictor(p);
      List<String> row = new ArrayList<>(List.of(Numbers.signif(p, 6), Numbers.signif(lp, 6)));
      for (double v : r.model().predict(r.horizons(), lp)) {
        row.add(Numbers.signif(v, 4));
      }
      tp.row(row);
    }
    tp.print(out);
    for (OutcomeAxis a : r.outcomes()) {
      out.println();
      TextTable t = new TextTable(List.of("Total Points", a.label()));
      for (int k = 0; k < a.values().length; k++) {
        t.row(List.of(Numbers.signif(a.points()[k], 4), Numbers.signif(a.values()[k], 4)));
      }
      t.print(out);
    }
    if (r.patient() != null) {
      NomogramPatient p = r.patient();
      out.println();
      out.println("Patient (" + predict.getFileName() + "):");
      TextTable t = new TextTable(List.of("", "value", "Points"));
      int j = 0;
      for (ModelVariable v : r.model().variables()) {
        t.row(List.of(v.name(), p.values().get(v.name()), Numbers.signif(p.points()[j++], 4)));
      }
      t.row(List.of("Total Points", "", Numbers.signif(p.totalPoints(), 6)));
      t.row(List.of("Linear Predictor", "", Numbers.signif(p.linearPredictor(), 6)));
      double[] pr = r.model().predict(r.horizons(), p.linearPredictor());
      if (r.cox()) {
        for (int k = 0; k < pr.length; k++) {
          t.row(List.of(survivalLabel(r.horizons()[k]), "", Numbers.signif(pr[k], 6)));
        }
      } else {
        t.row(List.of("Probability", "", Numbers.signif(pr[0], 6)));
      }
      t.print(out);
    }
    out.println();
    out.println(
        "Method: " + r.nom().method() + (r.cox() ? "; " + r.model().baseline().method() : ""));
    if (svg != null) {
      out.println("Figure: " + svg);
    }
    for (String w : r.warnings()) {
      out.println("Warning: " + w);
    }
  }

  // ------------------------------------------------------------------ figure

  /**
   * The drawing: {@code print} lays it out at the spec's size in 8 pt type ({@code --figure}),
   * otherwise at the screen size of {@code --svg}. Horizons are in words when the time unit is
   * known ("3-year survival").
   */
  private static NomogramFigure figure(
      NomogramModel model,
      NomogramResult nom,
      List<OutcomeAxis> outcomes,
      FigureSpec spec,
      boolean print) {
    List<NomogramFigure.Scale> vars = new ArrayList<>();
    for (int j = 0; j < nom.axes().size(); j++) {
      NomogramAxis a = nom.axes().get(j);
      vars.add(new NomogramFigure.Scale("axis-" + j, a.variable(), a.labels(), a.points()));
    }
    List<NomogramFigure.Scale> totals = new ArrayList<>();
    double[] tp = nom.totalPointsTicks();
    totals.add(new NomogramFigure.Scale("axis-total-points", "Total Points", labels(tp), tp));
    totals.add(
        new NomogramFigure.Scale(
            "axis-linear-predictor",
            "Linear Predictor",
            labels(nom.linearPredictorTicks()),
            nom.linearPredictorTickPoints()));
    for (int k = 0; k < outcomes.size(); k++) {
      OutcomeAxis a = outcomes.get(k);
      String label =
          model.kind() == Kind.COX ? spec.timeUnit().survival(a.horizon()) : "Probability";
      totals.add(
          new NomogramFigure.Scale("axis-outcome-" + k, label, labels(a.values()), a.points()));
    }
    double max = org.thyra.stats.prediction.Nomogram.MAX_POINTS;
    return print
        ? new NomogramFigure(vars, totals, max, spec)
        : new NomogramFigure(vars, totals, max);
  }

  private static List<String> labels(double[] x) {
    List<String> l = new ArrayList<>();
    for (double v : x) {
      l.add(Numbers.signif(v, 4));
    }
    return l;
  }
}
