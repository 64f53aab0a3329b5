package org.thyra.app.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.thyra.clinical.endpoint.Origin;
import org.thyra.registry.Registry;
import org.thyra.registry.RegistryService;
import org.thyra.registry.export.AnalysisFrame;
import org.thyra.registry.export.ExportOptions;
import org.thyra.registry.export.FrameWriter;
import org.thyra.report.output.AtomicFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code thyra registry export --out F}: the analysis frame as CSV or XLSX. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write the analysis frame: one row per patient (or lesion, or RAI course), with derived facts"
          + " and endpoints as columns, as CSV or XLSX (by the --out extension).",
      "Every analysis command reads it: thyra km --data F --time os_months --event os_status ..."
    })
public final class ExportCommand implements Callable<Integer> {

  @Mixin RegistryOption registry;
  @Mixin RegistryFormat format;
  @Spec CommandSpec spec;

  @Option(names = "--out", paramLabel = "F", required = true, description = "F.csv or F.xlsx.")
  Path out;

  @Option(
      names = "--unit",
      defaultValue = "patient",
      description = "patient, lesion or rai-course (default: ${DEFAULT-VALUE}).")
  String unit;

  @Option(
      names = "--derive",
      paramLabel = "R,...",
      split = ",",
      description = "Derived columns: ajcc8-stage, ata-risk, rair, uptake-pattern, ...")
  List<String> derive;

  @Option(
      names = "--endpoint",
      paramLabel = "E,...",
      split = ",",
      description =
          "Endpoints: os, pfs, new-nodal-metastasis, each with :origin=diagnosis|first-rai|"
              + "first-ablation|first-lung-metastasis|first-distant-metastasis and, for pfs,"
              + " :events=structural|seed000; columns NAME_months, NAME_status.")
  List<String> endpoints;

  @Option(
      names = "--deidentified",
      description =
          "Drop direct identifiers (patient id → random subject number, no birth date) and write"
              + " dates as days from --origin.")
  boolean deidentified;

  @Option(
      names = "--origin",
      defaultValue = "diagnosis",
      description = "Origin of the day intervals when de-identified (default: ${DEFAULT-VALUE}).")
  String origin;

  @Option(names = "--site", paramLabel = "S", description = "Only this site's patients.")
  String site;

  @Option(
      names = "--recorded",
      description =
          "Add the values the sources recorded (recorded.NAME of a flat import, e.g. a study's own"
              + " variables) as columns NAME; one of a built-in column's name replaces it, with a"
              + " warning. Not with --deidentified.")
  boolean recorded;

  @Override
  public Integer call() throws IOException {
    boolean json = format.json();
    String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean xlsx = name.endsWith(".xlsx");
    if (!xlsx && !name.endsWith(".csv")) {
      throw new IllegalArgumentException("--out " + out + ": name a .csv or .xlsx file");
    }
    ExportOptions.Unit u =
        switch (unit) {
          case "patient" -> ExportOptions.Unit.PATIENT;
          case "lesion" -> ExportOptions.Unit.LESION;
          case "rai-course" -> ExportOptions.Unit.RAI_COURSE;
          default ->
              throw new IllegalArgumentException(
                  "--unit: '" + unit + "' is not one of patient, lesion, rai-course");
        };
    Origin o;
    try {
      o = Origin.valueOf(origin.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--origin: '"
              + origin
              + "' is not one of diagnosis, first-rai, first-ablation, first-lung-metastasis,"
              + " first-distant-metastasis");
    }
    AnalysisFrame f;
    try (Registry r = registry.openCurrent()) {
      f =
          new RegistryService(r)
              .export(new ExportOptions(u, derive, endpoints, deidentified, o, site, recorded));
    }
    AtomicFile.write(
        out,
        s -> {
          if (xlsx) {
            FrameWriter.xlsx(f, s);
          } else {
            FrameWriter.csv(f, s);
          }
        });
    PrintStream w = System.out;
    if (json) {
      ObjectNode j = RegistryFormat.report(f.method(), f.warnings());
      j.put("file", out.toString());
      j.put("rows", f.rows().size());
      j.putArray("columns").addAll(f.columns().stream().map(j::textNode).toList());
      RegistryFormat.print(w, j);
      return 0;
    }
    w.println(
        "wrote " + out + ": " + f.rows().size() + " row(s), " + f.columns().size() + " column(s)");
    w.println("method: " + f.method());
    for (String warning : f.warnings()) {
      w.println("warning: " + warning);
    }
    w.flush();
    return 0;
  }
}
