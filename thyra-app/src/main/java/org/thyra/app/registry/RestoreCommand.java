package org.thyra.app.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.thyra.registry.Registry;
import org.thyra.registry.backup.Backup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code thyra registry restore F}: into an initialised, empty registry. */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description =
        "Restore a backup into an empty registry (run `thyra registry init` first); never over"
            + " existing data. One transaction.")
public final class RestoreCommand implements Callable<Integer> {

  @Mixin RegistryOption registry;
  @Mixin RegistryFormat format;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "F", description = "The backup file.")
  Path file;

  @Override
  public Integer call() throws IOException {
    boolean json = format.json();
    Backup.Summary s;
    try (Registry r = registry.openCurrent()) {
      s = Backup.restore(r, file, RegistryOption.actor());
    }
    PrintStream w = System.out;
    if (json) {
      ObjectNode o =
          RegistryFormat.report(
              "into an initialised, empty registry, in one transaction; audit ids and times kept,"
                  + " a RESTORE line appended with the file's SHA-256",
              java.util.List.of());
      o.put("file", file.toString());
      o.put("patients", s.patients());
      o.put("sites", s.sites());
      o.put("audit_lines", s.auditLines());
      RegistryFormat.print(w, o);
      return 0;
    }
    w.println(
        "restored "
            + file
            + ": "
            + s.patients()
            + " patient(s), "
            + s.sites()
            + " site(s), "
            + s.auditLines()
            + " audit line(s)");
    w.flush();
    return 0;
  }
}
