package org.thyra.app.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import org.thyra.registry.Registry;
import org.thyra.registry.RegistryService;
import org.thyra.registry.quality.QualityFinding;
import org.thyra.report.output.CsvTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code thyra registry check}: data-quality rules over the whole registry. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Run the data-quality rules over every patient: out-of-range labs and activities, dates out"
          + " of order, items a guideline rule needs but lacks, recorded values the rules contradict.",
      "Prints patient, entry, rule and reason; exit code 0 also when there are findings."
    })
public final class CheckCommand implements Callable<Integer> {

  @Mixin RegistryOption registry;
  @Spec CommandSpec spec;

  @Option(names = "--site", paramLabel = "S", description = "Only this site's patients.")
  String site;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text, csv or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--rule",
      paramLabel = "R,...",
      split = ",",
      description =
          "Only these rules: lab-range, activity-range, size-range, date-order, missing,"
              + " recorded-vs-derived.")
  List<String> rules;

  @Override
  public Integer call() {
    if (!format.equals("text") && !format.equals("csv") && !format.equals("json")) {
      throw new IllegalArgumentException(
          "--format: '" + format + "' is not one of text, csv, json");
    }
    List<String> known =
        List.of(
            "lab-range",
            "activity-range",
            "size-range",
            "date-order",
            "missing",
            "recorded-vs-derived");
    if (rules != null) {
      for (String rule : rules) {
        if (!known.contains(rule)) {
          throw new IllegalArgumentException(
              "--rule: '" + rule + "' is not one of " + String.join(", ", known));
        }
      }
    }
    List<QualityFinding> findings;
    try (Registry r = registry.openCurrent()) {
      findings = new RegistryService(r).check(site);
    }
    if (rules != null) {
      findings = findings.stream().filter(f -> rules.contains(f.rule())).toList();
    }
    PrintStream out = System.out;
    if (format.equals("json")) {
      ObjectNode o =
          RegistryFormat.report(
              "data-quality rules of org.thyra.registry.quality.QualityCheck"
                  + (rules == null ? " (all)" : " (" + String.join(", ", rules) + ")")
                  + "; derived values by thyra-clinical's CourseClassifier (defaults)",
              List.of());
      o.put("count", findings.size());
      var arr = o.putArray("findings");
      for (QualityFinding f : findings) {
        ObjectNode x = arr.addObject();
        x.put("patient", f.patientId());
        x.put("entry", f.entry());
        x.put("rule", f.rule());
        x.put("reason", f.reason());
      }
      RegistryFormat.print(out, o);
      return 0;
    }
    if (format.equals("csv")) {
      CsvTable t = new CsvTable(List.of("patient", "entry", "rule", "reason"));
      for (QualityFinding f : findings) {
        t.row(List.of(f.patientId(), f.entry(), f.rule(), f.reason()));
      }
      java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
      t.print(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
      out.print(buf.toString(java.nio.charset.StandardCharsets.UTF_8));
    } else {
      for (QualityFinding f : findings) {
        out.println(
            "patient " + f.patientId() + ", " + f.entry() + " [" + f.rule() + "]: " + f.reason());
      }
      out.println(findings.size() + " finding(s)");
    }
    out.flush();
    return 0;
  }
}
