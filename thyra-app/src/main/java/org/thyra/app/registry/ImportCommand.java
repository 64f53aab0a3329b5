package org.thyra.app.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.thyra.registry.Registry;
import org.thyra.registry.imports.CourseImport;
import org.thyra.registry.imports.Problem;
import org.thyra.registry.store.CourseDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code thyra registry import FILE... [--dry-run] [--site S]}. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import course JSON files (one course or an array of courses per file) and flat CSV/XLSX"
          + " tables (one kind of entry per file, with a mapping file: see docs/REGISTRY.md).",
      "All files or nothing: every problem is listed and nothing is written unless all files are"
          + " valid. Importing the same files again changes nothing."
    })
public final class ImportCommand implements Callable<Integer> {

  @Mixin RegistryOption registry;
  @Mixin RegistryFormat format;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Course JSON, CSV or XLSX files.")
  List<Path> files;

  @Option(names = "--dry-run", description = "Show what would be added or changed; write nothing.")
  boolean dryRun;

  @Option(
      names = "--site",
      paramLabel = "S",
      description = "Site of new patients (may be left out while the registry has one site).")
  String site;

  @Option(
      names = "--mapping",
      paramLabel = "M",
      description =
          "Mapping of the flat files (default: NAME.mapping.json beside each NAME.csv / NAME.xlsx).")
  Path mapping;

  @Option(
      names = "--reason",
      paramLabel = "TEXT",
      description = "Reason recorded in the audit trail (default: import of FILE).")
  String reason;

  @Option(names = "--progress", description = "Print the number of patients written every 1000.")
  boolean progress;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    PrintWriter err = spec.commandLine().getErr();
    boolean json = format.json();
    CourseImport.Report report;
    try (Registry r = registry.openCurrent()) {
      report =
          CourseImport.run(
              r,
              files,
              new CourseImport.Options(
                  site,
                  dryRun,
                  RegistryOption.actor(),
                  reason,
                  mapping,
                  progress
                      ? n -> {
                        out.println("written " + n + " patients");
                        out.flush();
                      }
                      : null));
    }
    if (json) {
      ObjectNode o =
          RegistryFormat.report(
              "one transaction: every file read and every course validated before anything is"
                  + " written; all files or nothing; a course JSON file replaces its patient's"
                  + " course, a flat row the entry with its natural key; unchanged patients are not"
                  + " touched",
              List.of());
      o.put("dry_run", dryRun);
      o.put("written", report.written());
      o.put("added", report.added());
      o.put("changed", report.updated());
      o.put("unchanged", report.unchanged());
      var changes = o.putArray("changes");
      for (CourseImport.PatientChange c : report.changes()) {
        ObjectNode x = changes.addObject();
        x.put("patient", c.patientId());
        x.put("action", c.action());
        x.put("file", c.file());
        var entries = x.putArray("entries");
        for (CourseDiff.Change e : c.entries()) {
          ObjectNode y = entries.addObject();
          y.put("action", e.action());
          y.put("entry", e.entry());
          y.put("old", e.oldValue());
          y.put("new", e.newValue());
        }
      }
      var problems = o.putArray("problems");
      for (Problem p : report.problems()) {
        ObjectNode y = problems.addObject();
        y.put("file", p.file());
        y.put("where", p.where());
        y.put("column", p.column());
        y.put("why", p.why());
      }
      RegistryFormat.print(out, o);
      if (!report.problems().isEmpty()) {
        err.println(
            "import: "
                + report.problems().size()
                + " problem(s); nothing was written (all files or nothing)");
        err.flush();
        return 2;
      }
      return 0;
    }
    if (!report.problems().isEmpty()) {
      for (Problem p : report.problems()) {
        err.println("import: " + p);
      }
      err.println(
          "import: "
              + report.problems().size()
              + " problem(s); nothing was written (all files or nothing)");
      err.flush();
      return 2;
    }
    String verb = dryRun ? "would " : "";
    for (CourseImport.PatientChange c : report.changes()) {
      if (c.action().equals("ADD")) {
        out.println(
            verb
                + (dryRun ? "add" : "added")
                + " patient "
                + c.patientId()
                + " ("
                + c.file()
                + ")");
      } else {
        out.println(
            verb
                + (dryRun ? "change" : "changed")
                + " patient "
                + c.patientId()
                + " ("
                + c.file()
                + "):");
        for (CourseDiff.Change e : c.entries()) {
          out.println(
              "  "
                  + e.action()
                  + " "
                  + e.entry()
                  + (e.oldValue() == null ? "" : "\n    old: " + e.oldValue())
                  + (e.newValue() == null ? "" : "\n    new: " + e.newValue()));
        }
      }
    }
    out.println(
        (dryRun ? "dry run, nothing written: " : "")
            + report.added()
            + " patient(s) "
            + verb
            + (dryRun ? "be added" : "added")
            + ", "
            + report.updated()
            + " "
            + (dryRun ? "would be changed" : "changed")
            + ", "
            + report.unchanged()
            + " unchanged");
    out.flush();
    return 0;
  }
}
