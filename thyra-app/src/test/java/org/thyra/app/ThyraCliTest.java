package org.thyra.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command registry: every command reachable, help lists them all, a run wires only its own. */
class ThyraCliTest {

  @Test
  void helpListsEveryCommand() {
    CommandLine cli = ThyraCli.commandLineFor("--help");
    assertThat(cli.getSubcommands().keySet()).containsAll(ThyraCli.COMMANDS.keySet());
    String usage = cli.getUsageMessage();
    for (String name : ThyraCli.COMMANDS.keySet()) {
      assertThat(usage).contains("  " + name + " ");
    }
  }

  @Test
  void everyHelpTextFormatsWithoutWarnings() {
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    java.io.PrintStream saved = System.err;
    try {
      System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
      ThyraCli.commandLine().getUsageMessage();
      for (String name : ThyraCli.COMMANDS.keySet()) {
        ThyraCli.commandLine().getSubcommands().get(name).getUsageMessage();
      }
    } finally {
      System.setErr(saved);
    }
    // picocli warns on stderr when a description has an unescaped '%'
    assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("WARN");
  }

  @Test
  void aRunWiresOnlyItsCommandAndItsNameMatchesTheRegistry() {
    for (String name : ThyraCli.COMMANDS.keySet()) {
      CommandLine cli = ThyraCli.commandLineFor(name, "--help");
      assertThat(cli.getSubcommands().keySet()).containsExactlyInAnyOrder("help", name);
      // the registry name is the command's own @Command name
      assertThat(cli.getSubcommands().get(name).getCommandSpec().name()).isEqualTo(name);
    }
  }

  @Test
  void anUnknownCommandIsAUsageErrorWithASuggestion() {
    CliRun run = CliRun.run("kaplan", "--data", "x.csv");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("kaplan").contains("Did you mean");
  }
}
