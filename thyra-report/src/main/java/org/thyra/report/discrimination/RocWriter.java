package org.thyra.report.discrimination;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import org.thyra.analysis.discrimination.RocAnalysis;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.report.output.CsvTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.Numbers;
import org.thyra.report.output.OutputFormat;
import org.thyra.report.output.TextTable;
import org.thyra.stats.roc.DeLongTestResult;
import org.thyra.stats.roc.RocResult;
import org.thyra.stats.roc.ThresholdPerformance;
import org.thyra.stats.roc.YoudenThreshold;

/** {@code thyra roc}'s report in text (as pROC's print), JSON and CSV. */
public final class RocWriter {
  private final RocAnalysis.Report report;
  private final String source;
  private final String outcome;
  private final String marker;
  private final String direction;
  private final String compare;
  private final double confLevel;

  public RocWriter(RocAnalysis.Report report) {
    this.report = report;
    this.source = report.source();
    this.outcome = report.request().outcome();
    this.marker = report.request().marker();
    this.direction = report.request().direction();
    this.compare = report.request().compare();
    this.confLevel = report.request().confLevel();
  }

  /** Writes the report in one format. */
  public void write(OutputFormat format, PrintStream out) throws IOException {
    ModelFrame frame = report.frame();
    RocResult roc = report.roc();
    ThresholdPerformance atThreshold = report.atThreshold();
    DeLongTestResult t = report.test();
    List<String> warnings = report.warnings();
    switch (format) {
      case JSON -> Json.write(json(frame, roc, atThreshold, t, warnings), out);
      case CSV -> csv(roc).print(out);
      default -> text(frame, roc, atThreshold, t, warnings, out);
    }
  }

  private ObjectNode json(
      ModelFrame frame,
      RocResult roc,
      ThresholdPerformance at,
      DeLongTestResult test,
      List<String> warnings) {
    ObjectNode root = Json.object();
    root.put("analysis", "roc");
    root.put("data", source);
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
    out.printf("ROC curve: %s by %s   data: %s%n", marker, outcome, source);
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
