package org.thyra.app.study;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.thyra.registry.Registry;
import org.thyra.registry.RegistryLocation;
import org.thyra.registry.imports.CourseImport;
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
    Files.createDirectories(out);
    for (Design d : Design.values()) {
      Path target = out.resolve(d.id());
      if (Files.exists(target)
          && !(Files.isDirectory(target) && Files.exists(target.resolve("results.json")))) {
        throw new IllegalArgumentException(
            "--out: "
                + target
                + " exists and is not a Thyra report folder; choose another --out (nothing was"
                + " written)");
      }
    }
    // The cohorts and the reports are written beside the output first and moved into place only
    // when every study has run, so a failed demo leaves an earlier demo's files as they were.
    Path staging = Files.createTempDirectory(out, ".thyra-demo-");
    try {
      try (Registry registry = Registry.open(location, true)) {
        registry.init();
        for (Design d : Design.values()) {
          Path csv = Files.createDirectories(staging.resolve("data")).resolve(d.id() + ".csv");
          SyntheticTable t = d.generate(d.defaultN(), seed);
          try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            t.writeCsv(w);
          }
          Files.writeString(
              staging.resolve("data").resolve(d.id() + ".mapping.json"),
              t.registryMapping(d.id() + "-"),
              StandardCharsets.UTF_8);
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
        StudyRunCommand.runFromRegistry(
            d.id(), location, d.id(), staging.resolve(d.id()), System.console() != null);
        lines.add(
            String.format(
                "  %-11s seed %s  %s",
                d.id(),
                d.seedPaper(),
                out.resolve(d.id()).resolve("report.html").toAbsolutePath()));
      }
      Path data = Files.createDirectories(out.resolve("data"));
      try (var staged = Files.list(staging.resolve("data"))) {
        for (Path f : staged.toList()) {
          Files.move(
              f,
              data.resolve(f.getFileName().toString()),
              StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.ATOMIC_MOVE);
        }
      }
      for (Design d : Design.values()) {
        replaceFolder(staging.resolve(d.id()), out.resolve(d.id()));
      }
    } finally {
      deleteTree(staging);
    }
    System.out.println("Synthetic cohorts: " + out.resolve("data").toAbsolutePath());
    System.out.println(
        "Registry (embedded, one site per design): " + out.resolve("registry").toAbsolutePath());
    System.out.println("Reports (each folder also has report.pdf, report.docx, results.json,");
    System.out.println("protocol.lock.yaml, registry-export.csv):");
    lines.forEach(System.out::println);
    return 0;
  }

  /** Moves a finished report folder into place; an earlier one is moved aside, then removed. */
  private static void replaceFolder(Path from, Path to) throws IOException {
    if (Files.exists(to)) {
      Path old = Files.createTempDirectory(to.getParent(), "." + to.getFileName() + ".old-");
      Files.delete(old);
      Files.move(to, old, StandardCopyOption.ATOMIC_MOVE);
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
      deleteTree(old);
    } else {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var s = Files.walk(root)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
