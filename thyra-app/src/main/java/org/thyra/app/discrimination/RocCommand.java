package org.thyra.app.discrimination;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.thyra.app.InputOptions;
import org.thyra.app.output.FigureOptions;
import org.thyra.app.output.OutputOptions;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.report.figure.RocFigure;
import org.thyra.report.output.CsvTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.Numbers;
import org.thyra.report.output.TextTable;
import org.thyra.stats.roc.DeLongTest;
import org.thyra.stats.roc.DeLongTestResult;
import org.thyra.stats.roc.RocCurve;
import org.thyra.stats.roc.RocDirection;
import org.thyra.stats.roc.RocResult;
import org.thyra.stats.roc.ThresholdPerformance;
import org.thyra.stats.roc.YoudenThreshold;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code thyra roc}: empirical ROC curve, AUC with DeLong CI, Youden thresholds (SPEC §5), as pROC.
 */
@Command(
    name = "roc",
    mixinStandardHelpOptions = true,
    description =
        "ROC analysis as pROC 1.18: direction by medians, AUC with DeLong CI (clipped to [0,1]), Youden-best"
            + " thresholds (midpoints, all ties), sensitivity/specificity at a threshold with exact CIs,"
            + " DeLong's paired test against a second marker.")
public final class RocCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin OutputOptions output;
  @Mixin FigureOptions figure;

  @Option(
      names = "--outcome",
      required = true,
      description =
          "Binary outcome: 0/1, TRUE/FALSE, yes/no or a two-level column (the non-reference level is the case).")
  String outcome;

  @Option(names = "--marker", required = true, description = "Numeric marker column.")
  String marker;

  @Option(
      names = "--direction",
      defaultValue = "auto",
      description =
          "auto (by medians, as pROC), \"<\" (controls lower: a case when marker >= threshold) or \">\" (default: ${DEFAULT-VALUE}).")
  String direction;

  @Option(
      names = "--at",
      paramLabel = "T",
      description = "Threshold at which to report sensitivity and specificity with exact CIs.")
  Double at;

  @Option(
      names = "--compare",
      paramLabel = "M2",
      description = "Second marker on the same rows: DeLong's paired test of the two AUCs.")
  String compare;

  @Option(
      names = "--conf-level",
      defaultValue = "0.95",
      description = "Confidence level (default: ${DEFAULT-VALUE}).")
  double confLevel;

  @Override
  public Integer call() throws Exception {
    RocDirection dir = direction(direction);
    List<String> markers = compare == null ? List.of(marker) : List.of(marker, compare);
    ModelFrame frame = MarkerInput.binary(input, outcome, markers);
    double[] y = MarkerInput.doubles(frame.binaryResponse());
    double[] m = MarkerInput.marker(frame, 0);
    RocCurve curve = input.analyse(marker, () -> RocCurve.of(y, m, dir));
    RocResult roc = input.analyse(marker, () -> curve.result(confLevel));
    ThresholdPerformance atThreshold =
        at == null ? null : input.analyse(marker, () -> curve.at(at, confLevel));
    DeLongTestResult test = null;
    if (compare != null) {
      double[] m2 = MarkerInput.marker(frame, 1);
      test =
          input.analyse(
              compare, () -> DeLongTest.paired(y, m, m2, dir, RocDirection.AUTO, confLevel));
    }
    List<String> warnings = new ArrayList<>(frame.warnings());
    warnings.addAll(roc.warnings());
    if (test != null) {
      warnings.addAll(test.warnings());
    }
    DeLongTestResult t = test;
    output.write(
        out -> {
          switch (output.format()) {
            case JSON -> Json.write(json(frame, roc, atThreshold, t, warnings), out);
            case CSV -> csv(roc).print(out);
            default -> text(frame, roc, atThreshold, t, warnings, out);
          }
        });
    figure.write(
        spec -> {
          List<RocFigure.Marker> curves = new ArrayList<>();
          curves.add(new RocFigure.Marker(marker, roc));
          if (compare != null) {
            double[] m2 = MarkerInput.marker(frame, 1);
            curves.add(
                new RocFigure.Marker(
                    compare, RocCurve.of(y, m2, RocDirection.AUTO).result(confLevel)));
          }
          return new RocFigure(curves, spec);
        });
    return 0;
  }

  static RocDirection direction(String s) {
    return switch (s.trim()) {
      case "auto", "AUTO" -> RocDirection.AUTO;
      case "<" -> RocDirection.CONTROLS_LOWER;
      case ">" -> RocDirection.CONTROLS_HIGHER;
      default ->
          throw new IllegalArgumentException(
              "--direction must be auto, \"<\" or \">\", got \"" + s + "\"");
    };
  }

  private ObjectNode json(
      ModelFrame frame,
      RocResult roc,
      ThresholdPerformance at,
      DeLongTestResult test,
      List<String> warnings) {
    ObjectNode root = Json.object();
    root.put("analysis", "roc");
    root.put("data", input.source());
    root.put("outcome", outcome);
    root.put("outcome_coding", frame.binaryResponseCoding());
    root.put("marker", marker);
    root.put("n", frame.n());
    root.put("dropped_missing", frame.droppedMissing());
    ObjectNode m = root.putObject("method");
    m.put(
        "direction",
        direction.trim().equalsIgnoreCase("auto")
            ? "auto (median of controls <= median of cases gives \"<\")"
            : "given");
    m.put("auc_ci", "DeLong, on the AUC scale, clipped to [0,1]");
    m.put("conf_level", confLevel);
    m.put("thresholds", "midpoints between consecutive distinct marker values (pROC)");
    m.put("best", "Youden J = sensitivity + specificity - 1, all maximising thresholds");
    if (at != null) {
      m.put("at_ci", "exact Clopper-Pearson binomial intervals for sensitivity and specificity");
    }
    if (test != null) {
      m.put("compare", "DeLong's test for two correlated ROC curves (paired), two-sided");
    }
    m.put("description", roc.method());
    root.set("warnings", Json.strings(warnings));
    root.put("n_cases", roc.nCases());
    root.put("n_controls", roc.nControls());
    root.put("direction", roc.direction().symbol());
    root.set("auc", Json.number(roc.auc().auc()));
    root.set("auc_se", Json.number(Math.sqrt(roc.auc().variance())));
    root.set("auc_lower", Json.number(roc.auc().lower()));
    root.set("auc_upper", Json.number(roc.auc().upper()));
    ArrayNode best = root.putArray("best");
    for (YoudenThreshold b : roc.best()) {
      ObjectNode o = best.addObject();
      o.set("threshold", Json.number(b.threshold()));
      o.set("sensitivity", Json.number(b.sensitivity()));
      o.set("specificity", Json.number(b.specificity()));
      o.set("youden", Json.number(b.youden()));
    }
    if (at == null) {
      root.putNull("at");
    } else {
      ObjectNode a = root.putObject("at");
      a.set("threshold", Json.number(at.threshold()));
      a.put("true_positives", at.truePositives());
      a.put("false_negatives", at.falseNegatives());
      a.put("true_negatives", at.trueNegatives());
      a.put("false_positives", at.falsePositives());
      a.set("sensitivity", Json.number(at.sensitivity()));
      a.set("sensitivity_lower", Json.number(at.sensitivityLower()));
      a.set("sensitivity_upper", Json.number(at.sensitivityUpper()));
      a.set("specificity", Json.number(at.specificity()));
      a.set("specificity_lower", Json.number(at.specificityLower()));
      a.set("specificity_upper", Json.number(at.specificityUpper()));
    }
    if (test == null) {
      root.putNull("compare");
    } else {
      ObjectNode c = root.putObject("compare");
      c.put("marker", compare);
      c.put("direction", test.direction2().symbol());
      c.set("auc", Json.number(test.auc2()));
      c.set("difference", Json.number(test.difference()));
      c.set("se", Json.number(test.standardError()));
      c.set("statistic", Json.number(test.statistic()));
      c.set("p", Json.number(test.p()));
      c.set("lower", Json.number(test.lower()));
      c.set("upper", Json.number(test.upper()));
    }
    ArrayNode curve = root.putArray("curve");
    double[] th = roc.thresholds();
    double[] se = roc.sensitivities();
    double[] sp = roc.specificities();
    for (int i = 0; i < th.length; i++) {
      ObjectNode o = curve.addObject();
      o.set("threshold", Json.number(th[i]));
      o.set("sensitivity", Json.number(se[i]));
      o.set("specificity", Json.number(sp[i]));
    }
    return root;
  }

  /** The curve; thresholds -Inf / Inf as R writes them. */
  private static CsvTable csv(RocResult roc) {
    CsvTable t = new CsvTable(List.of("threshold", "sensitivity", "specificity"));
    double[] th = roc.thresholds();
    double[] se = roc.sensitivities();
    double[] sp = roc.specificities();
    for (int i = 0; i < th.length; i++) {
      t.row(
          List.of(
              Double.isInfinite(th[i]) ? (th[i] > 0 ? "Inf" : "-Inf") : Numbers.full(th[i]),
              Numbers.full(se[i]),
              Numbers.full(sp[i])));
    }
    return t;
  }

  private void text(
      ModelFrame frame,
      RocResult roc,
      ThresholdPerformance at,
      DeLongTestResult test,
      List<String> warnings,
      PrintStream out) {
    String lvl = Numbers.signif(confLevel * 100, 4) + "%";
    out.printf("ROC curve: %s by %s   data: %s%n", marker, outcome, input.source());
    out.printf(
        "%d cases (outcome %s), %d controls%s%n",
        roc.nCases(),
        frame.binaryResponseCoding(),
        roc.nControls(),
        frame.droppedMissing() > 0
            ? "   (" + frame.droppedMissing() + " observations deleted due to missingness)"
            : "");
    out.printf("Direction: controls %s cases%n%n", roc.direction().symbol());
    out.printf("Area under the curve: %s%n", Numbers.signif(roc.auc().auc(), 4));
    out.printf(
        "%s CI: %s-%s (DeLong)%n%n",
        lvl, Numbers.signif(roc.auc().lower(), 4), Numbers.signif(roc.auc().upper(), 4));
    out.println("Best threshold(s) by Youden's J:");
    TextTable b = new TextTable(List.of("threshold", "sensitivity", "specificity", "youden"));
    for (YoudenThreshold y : roc.best()) {
      b.row(
          List.of(
              Numbers.signif(y.threshold(), 7),
              Numbers.signif(y.sensitivity(), 4),
              Numbers.signif(y.specificity(), 4),
              Numbers.signif(y.youden(), 4)));
    }
    b.print(out);
    if (at != null) {
      out.println();
      out.printf(
          "At threshold %s (case when marker %s threshold):%n",
          Numbers.signif(at.threshold(), 7), roc.direction().symbol().equals("<") ? ">=" : "<=");
      out.printf(
          "  sensitivity %s (%s CI %s-%s), %d of %d cases%n",
          Numbers.signif(at.sensitivity(), 4),
          lvl,
          Numbers.signif(at.sensitivityLower(), 4),
          Numbers.signif(at.sensitivityUpper(), 4),
          at.truePositives(),
          roc.nCases());
      out.printf(
          "  specificity %s (%s CI %s-%s), %d of %d controls%n",
          Numbers.signif(at.specificity(), 4),
          lvl,
          Numbers.signif(at.specificityLower(), 4),
          Numbers.signif(at.specificityUpper(), 4),
          at.trueNegatives(),
          roc.nControls());
    }
    if (test != null) {
      out.println();
      out.println("DeLong's test for two correlated ROC curves");
      out.printf(
          "  AUC %s: %s, AUC %s: %s (direction %s)%n",
          marker,
          Numbers.signif(test.auc1(), 4),
          compare,
          Numbers.signif(test.auc2(), 4),
          test.direction2().symbol());
      out.printf(
          "  Z = %s, p-value = %s; difference %s (%s CI %s to %s)%n",
          Numbers.signif(test.statistic(), 5),
          Numbers.pValue(test.p()),
          Numbers.signif(test.difference(), 4),
          lvl,
          Numbers.signif(test.lower(), 4),
          Numbers.signif(test.upper(), 4));
    }
    out.println();
    out.println("Method: " + roc.method());
    for (String w : warnings) {
      out.println("Warning: " + w);
    }
  }
}
