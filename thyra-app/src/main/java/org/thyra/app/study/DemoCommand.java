package org.thyra.app.study;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.thyra.registry.Registry;
import org.thyra.registry.RegistryLocation;
import org.thyra.registry.imports.CourseImport;
import org.thyra.report.output.AtomicFile;
import org.thyra.studies.run.StudyResult;
import org.thyra.studies.synth.Design;
import org.thyra.studies.synth.SyntheticTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code thyra demo [--out DIR]}: synthesises a cohort for each of the four seed designs, loads
 * them into an embedded registry ({@code DIR/registry}, one site per design; each cohort's columns
 * become the patients' recorded study variables through a flat mapping written beside its CSV),
 * runs the four bundled protocols from the registry's exported analysis frame and prints where the
 * reports are.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Synthesise the four seed designs' cohorts, load them into an embedded registry (DIR/registry,"
          + " one site per design), run the four bundled study protocols from the registry and print",
      "where the reports are (default folder: thyra-demo)."
    })
public final class DemoCommand implements Callable<Integer> {

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "thyra-demo",
      description = "Folder for the data and the reports (default: thyra-demo).")
  Path out;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed (default 1).")
  long seed;

  @Override
  public Integer call() throws Exception {
    List<String> lines = new ArrayList<>();
    RegistryLocation location = RegistryLocation.h2(out.resolve("registry"));
    try (Registry registry = Registry.open(location, true)) {
      registry.init();
      for (Design d : Design.values()) {
        Path csv = out.resolve("data").resolve(d.id() + ".csv");
        SyntheticTable t = d.generate(d.defaultN(), seed);
        // in place at once: the import below reads it in this same run
        AtomicFile.writeNow(
            csv,
            os -> {
              Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
              t.writeCsv(w);
              w.flush();
            });
        Path mapping = out.resolve("data").resolve(d.id() + ".mapping.json");
        AtomicFile.writeNow(
            mapping,
            os -> os.write(t.registryMapping(d.id() + "-").getBytes(StandardCharsets.UTF_8)));
        CourseImport.Report rep =
            CourseImport.run(
                registry,
                List.of(csv),
                new CourseImport.Options(
                    d.id(), false, "thyra demo", "thyra demo: synthetic cohort", null, null));
        if (!rep.problems().isEmpty()) {
          throw new IllegalStateException(
              "thyra demo: the synthetic cohort "
                  + d.id()
                  + " did not import: "
                  + rep.problems().get(0));
        }
      }
    }
    for (Design d : Design.values()) {
      System.err.println("thyra demo: " + d.id() + " (seed " + d.seedPaper() + ") ...");
      StudyResult r =
          StudyRunCommand.runFromRegistry(
              d.id(), location, d.id(), out.resolve(d.id()), System.console() != null);
      lines.add(
          String.format(
              "  %-11s seed %s  %s", d.id(), d.seedPaper(), r.folder().resolve("report.html")));
    }
    System.out.println("Synthetic cohorts: " + out.resolve("data").toAbsolutePath());
    System.out.println(
        "Registry (embedded, one site per design): " + out.resolve("registry").toAbsolutePath());
    System.out.println("Reports (each folder also has report.pdf, report.docx, results.json,");
    System.out.println("protocol.lock.yaml, registry-export.csv):");
    lines.forEach(System.out::println);
    return 0;
  }
}
