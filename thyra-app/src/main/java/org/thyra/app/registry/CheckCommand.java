package org.thyra.app.registry;

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
      description = "text or csv (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() {
    if (!format.equals("text") && !format.equals("csv")) {
      throw new IllegalArgumentException("--format: '" + format + "' is not one of text, csv");
    }
    List<QualityFinding> findings;
    try (Registry r = registry.openCurrent()) {
      findings = new RegistryService(r).check(site);
    }
    PrintStream out = System.out;
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
