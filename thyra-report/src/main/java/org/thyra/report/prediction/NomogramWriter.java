package org.thyra.report.prediction;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.thyra.analysis.prediction.NomogramAnalysis;
import org.thyra.analysis.prediction.NomogramModel;
import org.thyra.analysis.prediction.NomogramModel.ModelVariable;
import org.thyra.analysis.prediction.NomogramPatient;
import org.thyra.analysis.prediction.OutcomeAxis;
import org.thyra.frame.DecimalText;
import org.thyra.frame.formula.Formula;
import org.thyra.report.figure.FigureSpec;
import org.thyra.report.figure.NomogramFigure;
import org.thyra.report.output.CsvTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.Numbers;
import org.thyra.report.output.OutputFormat;
import org.thyra.report.output.TextTable;
import org.thyra.stats.prediction.NomogramAxis;
import org.thyra.stats.prediction.NomogramResult;

/** {@code thyra nomogram}'s report in text (as R's print(nomogram)), JSON, CSV, and its drawing. */
public final class NomogramWriter {
  private final NomogramAnalysis.Report report;

  public NomogramWriter(NomogramAnalysis.Report report) {
    this.report = report;
  }

  /**
   * Writes the report in one format.
   *
   * @param svg the {@code --svg} file the text names, or null
   */
  public void write(OutputFormat format, PrintStream out, Path svg) throws IOException {
    switch (format) {
      case JSON -> Json.write(json(), out);
      case CSV -> csv(report).print(out);
      default -> text(out, svg);
    }
  }

  // ------------------------------------------------------------------ JSON

  /** The JSON of SPEC §5. */
  public ObjectNode json() {
    NomogramAnalysis.Report r = report;
    Formula formula = r.formula();
    ObjectNode root = Json.object();
    root.put("analysis", "nomogram");
    root.put("data", r.source());
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
    m.put("description", r.nomogram().method());
    root.set("warnings", Json.strings(r.warnings()));
    if (r.cox()) {
      ArrayNode h = root.putArray("horizons");
      for (double t : r.horizons()) {
        h.add(Json.number(t));
      }
    }
    root.set("scale", Json.number(r.nomogram().scale()));
    root.set("lp_at_zero_points", Json.number(r.nomogram().linearPredictorAtZeroPoints()));
    ArrayNode axes = root.putArray("axes");
    for (int j = 0; j < r.nomogram().axes().size(); j++) {
      NomogramAxis a = r.nomogram().axes().get(j);
      ModelVariable v = r.model().variables().get(j);
      ObjectNode o = axes.addObject();
      o.put("variable", a.variable());
      o.put("type", v.categorical() ? "categorical" : v.isSpline() ? "spline" : "numeric");
      if (v.isInteraction()) {
        // rms: the variable's axis at one level of the factor it interacts with
        o.put("predictor", v.predictor());
        o.put("factor", v.factor());
        o.put("level", v.level());
      }
      if (v.isSpline()) {
        ArrayNode knots = o.putArray("knots");
        v.spline().knots().forEach(k -> knots.add(Json.number(k)));
        // the basis's coefficients (with an interaction: at this axis's level) and the level's
        // main effect: a value between ticks scores as the fitted spline, also from the file alone
        ArrayNode coefficients = o.putArray("coefficients");
        for (double b : v.coefficients()) {
          coefficients.add(Json.number(b));
        }
        o.set("offset", Json.number(v.offset()));
      }
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
    lpAxis.set("values", numbers(r.nomogram().linearPredictorTicks()));
    lpAxis.set("points", numbers(r.nomogram().linearPredictorTickPoints()));
    ArrayNode total = root.putArray("total_points");
    for (double p : r.nomogram().totalPointsTicks()) {
      ObjectNode o = total.addObject();
      o.set("points", Json.number(p));
      double lp = r.nomogram().linearPredictor(p);
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
      Path predict = r.request().predict();
      po.put(
          "file",
          predict.getFileName() == null ? predict.toString() : predict.getFileName().toString());
      ObjectNode values = po.putObject("values");
      p.values().forEach(values::put);
      ObjectNode pts = po.putObject("points");
      // the axes the patient scores on: with an interaction, the axis of their level only
      double[] scored = p.points();
      for (int j = 0; j < scored.length; j++) {
        pts.set(p.axes().get(j), Json.number(scored[j]));
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

  private static void putPrediction(ObjectNode o, NomogramAnalysis.Report r, double lp) {
    double[] pr = r.model().predict(r.horizons(), lp);
    if (r.cox()) {
      ObjectNode s = o.putObject("survival");
      for (int k = 0; k < pr.length; k++) {
        s.set(DecimalText.format(r.horizons()[k]), Json.number(pr[k]));
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
  private static CsvTable csv(NomogramAnalysis.Report r) {
    CsvTable t = new CsvTable(List.of("axis", "value", "points"));
    for (int j = 0; j < r.nomogram().axes().size(); j++) {
      NomogramAxis a = r.nomogram().axes().get(j);
      double[] p = a.points();
      for (int k = 0; k < p.length; k++) {
        t.row(
            List.of(
                a.variable(), axisLabel(r.model().variables().get(j), a, k), Numbers.full(p[k])));
      }
    }
    for (double p : r.nomogram().totalPointsTicks()) {
      t.row(List.of("Total Points", DecimalText.format(p), Numbers.full(p)));
    }
    double[] lp = r.nomogram().linearPredictorTicks();
    double[] lpp = r.nomogram().linearPredictorTickPoints();
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
      double[] scored = p.points();
      for (int j = 0; j < scored.length; j++) {
        String axis = p.axes().get(j);
        String value = p.values().get(r.model().variable(axis).input());
        t.row(List.of("patient: " + axis, value, Numbers.full(scored[j])));
      }
      String total = Numbers.full(p.totalPoints());
      t.row(List.of("patient: Total Points", total, total));
      t.row(List.of("patient: Linear Predictor", Numbers.full(p.linearPredictor()), total));
      double[] pr = r.model().predict(r.horizons(), p.linearPredictor());
      for (int k = 0; k < pr.length; k++) {
        t.row(
            List.of(
                "patient: "
                    + (r.cox() ? NomogramAnalysis.survivalLabel(r.horizons()[k]) : "probability"),
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
  private void text(PrintStream out, Path svg) {
    NomogramAnalysis.Report r = report;
    Formula formula = r.formula();
    out.println(
        "Nomogram (" + r.model().kind().label() + " model): " + formula + "   data: " + r.source());
    out.printf(
        "n = %d, %s = %d%s%n",
        r.model().n(),
        r.cox() ? "events" : "outcomes = 1",
        r.model().events(),
        r.frame().droppedMissing() > 0
            ? "   (" + r.frame().droppedMissing() + " observations deleted due to missingness)"
            : "");
    out.printf(
        "Points per unit of linear predictor: %s%n", Numbers.signif(r.nomogram().scale(), 6));
    out.printf(
        "Linear predictor units per point   : %s%n%n", Numbers.signif(1 / r.nomogram().scale(), 6));
    for (int j = 0; j < r.nomogram().axes().size(); j++) {
      NomogramAxis a = r.nomogram().axes().get(j);
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
        header.add(NomogramAnalysis.survivalLabel(h));
      }
    } else {
      header.add("Probability");
    }
    TextTable tp = new TextTable(header);
    for (double p : r.nomogram().totalPointsTicks()) {
      double lp = r.nomogram().linearPredictor(p);
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
      out.println("Patient (" + r.request().predict().getFileName() + "):");
      TextTable t = new TextTable(List.of("", "value", "Points"));
      double[] scored = p.points();
      for (int j = 0; j < scored.length; j++) {
        String axis = p.axes().get(j);
        String value = p.values().get(r.model().variable(axis).input());
        t.row(List.of(axis, value, Numbers.signif(scored[j], 4)));
      }
      t.row(List.of("Total Points", "", Numbers.signif(p.totalPoints(), 6)));
      t.row(List.of("Linear Predictor", "", Numbers.signif(p.linearPredictor(), 6)));
      double[] pr = r.model().predict(r.horizons(), p.linearPredictor());
      if (r.cox()) {
        for (int k = 0; k < pr.length; k++) {
          t.row(
              List.of(
                  NomogramAnalysis.survivalLabel(r.horizons()[k]), "", Numbers.signif(pr[k], 6)));
        }
      } else {
        t.row(List.of("Probability", "", Numbers.signif(pr[0], 6)));
      }
      t.print(out);
    }
    out.println();
    out.println(
        "Method: " + r.nomogram().method() + (r.cox() ? "; " + r.model().baseline().method() : ""));
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
  public NomogramFigure figure(FigureSpec spec, boolean print) {
    NomogramModel model = report.model();
    NomogramResult nom = report.nomogram();
    List<OutcomeAxis> outcomes = report.outcomes();
    List<NomogramFigure.Scale> vars = new ArrayList<>();
    for (int j = 0; j < nom.axes().size(); j++) {
      NomogramAxis a = nom.axes().get(j);
      vars.add(
          new NomogramFigure.Scale(
              "axis-" + j,
              a.variable(),
              a.labels(),
              a.points(),
              !model.variables().get(j).categorical()));
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
          model.kind() == NomogramModel.Kind.COX
              ? spec.timeUnit().survival(a.horizon())
              : "Probability";
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
