package org.thyra.app.registry;

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
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "F", description = "The backup file.")
  Path file;

  @Override
  public Integer call() throws IOException {
    Backup.Summary s;
    try (Registry r = registry.openCurrent()) {
      s = Backup.restore(r, file, RegistryOption.actor());
    }
    PrintStream w = System.out;
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
