package org.thyra.app.registry;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code thyra registry ...}. */
@Command(
    name = "registry",
    mixinStandardHelpOptions = true,
    description = {
      "The registry of patients' courses: embedded (a directory) or PostgreSQL.",
      "Imports are all-or-nothing and audited; check runs data-quality rules; export writes the"
          + " analysis frame."
    },
    subcommands = {
      InitCommand.class,
      ImportCommand.class,
      CheckCommand.class,
      ExportCommand.class,
      AuditCommand.class,
      BackupCommand.class,
      RestoreCommand.class
    })
public final class RegistryCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
