package org.thyra.app.study;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code thyra study}: the subcommands that list, check and run study protocols. */
@Command(
    name = "study",
    mixinStandardHelpOptions = true,
    description = {
      "Whole studies from one protocol file (YAML): cohort steps, derivations, analyses, report.",
      "thyra study list | check PROTOCOL.yaml [--data F] | run PROTOCOL.yaml --data F --out DIR"
    },
    subcommands = {StudyListCommand.class, StudyCheckCommand.class, StudyRunCommand.class})
public final class StudyCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
