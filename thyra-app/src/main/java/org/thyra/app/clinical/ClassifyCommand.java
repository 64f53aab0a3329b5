package org.thyra.app.clinical;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.thyra.app.output.OutputOptions;
import org.thyra.clinical.AtaEdition;
import org.thyra.clinical.CourseClassifier;
import org.thyra.clinical.Finding;
import org.thyra.clinical.ablation.ComplicationClassification;
import org.thyra.clinical.course.CourseJson;
import org.thyra.clinical.course.PatientCourse;
import org.thyra.clinical.refractory.RairOptions;
import org.thyra.clinical.response.TgResponse;
import org.thyra.clinical.units.Activity;
import org.thyra.clinical.units.ActivityUnit;
import org.thyra.report.output.Json;
import org.thyra.report.output.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code thyra classify --patient course.json}: every status the clinical rules derive from one
 * patient's course, each with the reason (which criterion fired, which values decided it).
 */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    description = {
      "Classify one patient's course (docs/COURSE_FORMAT.md): AJCC stage, ATA risk and response, RAIR, RECIST,",
      "Tg response, timing of metastases, volumes, ablation, comorbidity and endpoints, each with its reason."
    })
public final class ClassifyCommand implements Callable<Integer> {

  @Option(
      names = "--patient",
      paramLabel = "FILE",
      required = true,
      description = "The patient's course as JSON.")
  Path patient;

  @Option(
      names = "--rair-12-months",
      description =
          "Also evaluate RAIR by progression within 12 months of an avid course (seed 000).")
  boolean rair12;

  @Option(
      names = "--rair-cumulative",
      description =
          "Also evaluate RAIR by cumulative activity above the threshold with progression.")
  boolean rairCumulative;

  @Option(
      names = "--rair-threshold-mci",
      paramLabel = "MCI",
      defaultValue = "600",
      description =
          "Cumulative activity to exceed, mCi (default: ${DEFAULT-VALUE}; exactly the threshold does not).")
  BigDecimal rairThreshold;

  @Option(
      names = "--tg-threshold",
      paramLabel = "PERCENT",
      defaultValue = "25",
      description = "ΔTg threshold, percent (default: ${DEFAULT-VALUE}).")
  BigDecimal tgThreshold;

  @Option(
      names = "--tg-boundary",
      defaultValue = "inclusive",
      description =
          "inclusive: exactly ±threshold is PR/PD (seed 001); exclusive: SD (seed 004). Default: ${DEFAULT-VALUE}.")
  TgResponse.Boundary tgBoundary;

  @Option(
      names = "--complication-convention",
      defaultValue = "thyroid_ablation",
      description =
          "thyroid_ablation (seed 000: by type, else SIR C–F) or sir. Default: ${DEFAULT-VALUE}.")
  ComplicationClassification.Convention convention;

  @Option(
      names = "--ata-edition",
      paramLabel = "YEAR",
      defaultValue = "2015",
      description =
          "ATA edition of the risk and response rules: 2015 or 2025 (2025: only what a readable source states; see docs/COURSE_FORMAT.md). Default: ${DEFAULT-VALUE}.")
  String ataEdition;

  @Mixin OutputOptions output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    try {
      if (!Files.isRegularFile(patient)) {
        throw new IllegalArgumentException(patient + ": file not found");
      }
      AtaEdition edition;
      try {
        edition = AtaEdition.parse(ataEdition);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--ata-edition: " + e.getMessage());
      }
      PatientCourse course = CourseJson.read(patient);
      CourseClassifier.Options options =
          new CourseClassifier.Options(
                  new RairOptions(
                      rair12, rairCumulative, new Activity(rairThreshold, ActivityUnit.MCI)),
                  convention,
                  tgThreshold,
                  tgBoundary)
              .withAtaEdition(edition);
      List<Finding> findings = CourseClassifier.classify(course, options);
      String method =
          "AJCC 8th/7th; "
              + edition.label()
              + " risk and response; RAIR: ATA four patterns"
              + (rair12 ? " + progression within 12 months" : "")
              + (rairCumulative ? " + cumulative > " + rairThreshold.toPlainString() + " mCi" : "")
              + "; RECIST 1.1; ΔTg "
              + tgThreshold.toPlainString()
              + " % "
              + tgBoundary.name().toLowerCase(java.util.Locale.ROOT)
              + "; complications "
              + convention.name().toLowerCase(java.util.Locale.ROOT)
              + "; months = days / 30.4375";
      output.write(out -> render(course, findings, method, out));
      return 0;
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("thyra classify: " + e.getMessage());
      return 2;
    }
  }

  private void render(PatientCourse course, List<Finding> findings, String method, PrintStream out)
      throws IOException {
    if (output.format() == OutputFormat.JSON) {
      ObjectNode root = Json.object();
      root.put("patient", course.patientId());
      root.put("method", method);
      ArrayNode warnings = root.putArray("warnings");
      ArrayNode list = root.putArray("findings");
      for (Finding f : findings) {
        ObjectNode o = list.addObject();
        o.put("rule", f.rule());
        o.put("subject", f.subject());
        if (f.value().isEmpty()) {
          o.putNull("value");
        } else {
          o.put("value", f.value());
        }
        o.put("reason", f.reason());
        o.put("method", f.method());
        o.set("warnings", Json.strings(f.warnings()));
        f.warnings().forEach(w -> warnings.add(f.rule() + " (" + f.subject() + "): " + w));
      }
      Json.write(root, out);
      return;
    }
    if (output.format() == OutputFormat.CSV) {
      out.println("rule,subject,value,reason,method,warnings");
      for (Finding f : findings) {
        out.println(
            String.join(
                ",",
                DeriveCommand.csv(f.rule()),
                DeriveCommand.csv(f.subject()),
                DeriveCommand.csv(f.value()),
                DeriveCommand.csv(f.reason()),
                DeriveCommand.csv(f.method()),
                DeriveCommand.csv(String.join("; ", f.warnings()))));
      }
      return;
    }
    out.println("Patient " + course.patientId());
    out.println("Method: " + method);
    out.println();
    String previous = "";
    for (Finding f : findings) {
      String head = f.rule().equals(previous) ? " ".repeat(f.rule().length()) : f.rule();
      previous = f.rule();
      out.println(
          head + "  " + f.subject() + ": " + (f.value().isEmpty() ? "undetermined" : f.value()));
      out.println(" ".repeat(f.rule().length() + 4) + "because " + f.reason());
      if (!f.method().isEmpty()) {
        out.println(" ".repeat(f.rule().length() + 4) + "method: " + f.method());
      }
      for (String w : f.warnings()) {
        out.println(" ".repeat(f.rule().length() + 4) + "warning: " + w);
      }
    }
  }
}
