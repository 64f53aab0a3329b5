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
import org.thyra.studies.run.StudyResult;
import org.thyra.studies.synth.Design;
import org.thyra.studies.synth.SyntheticTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code thyra demo [--out DIR]}: synthesises a cohort for each of the four seed designs, runs the
 * four bundled protocols on them and prints where the reports are.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Synthesise the four seed designs' cohorts, run the four bundled study protocols and print",
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
    for (Design d : Design.values()) {
      Path csv = out.resolve("data").resolve(d.id() + ".csv");
      SyntheticTable t = d.generate(d.defaultN(), seed);
      // written at once (not staged in the command's output batch): the study run reads it next
      Files.createDirectories(csv.getParent());
      Path tmp = Files.createTempFile(csv.getParent(), "." + d.id() + ".csv.", ".tmp");
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        t.writeCsv(w);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(tmp);
        throw e;
      }
      Files.move(tmp, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      System.err.println("thyra demo: " + d.id() + " (seed " + d.seedPaper() + ") ...");
      StudyResult r =
          StudyRunCommand.run(d.id(), csv, out.resolve(d.id()), System.console() != null);
      lines.add(
          String.format(
              "  %-11s seed %s  %s", d.id(), d.seedPaper(), r.folder().resolve("report.html")));
    }
    System.out.println("Synthetic cohorts: " + out.resolve("data").toAbsolutePath());
    System.out.println("Reports (each folder also has report.pdf, report.docx, results.json,");
    System.out.println("protocol.lock.yaml):");
    lines.forEach(System.out::println);
    return 0;
  }
}
