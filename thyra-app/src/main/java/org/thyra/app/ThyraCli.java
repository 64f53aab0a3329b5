package org.thyra.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import org.thyra.app.clinical.ClassifyCommand;
import org.thyra.app.cohort.ImputeCommand;
import org.thyra.app.cohort.MatchCommand;
import org.thyra.app.cohort.PairedCommand;
import org.thyra.app.cohort.Table1Command;
import org.thyra.app.clinical.DeriveCommand;
import org.thyra.app.discrimination.ConcordanceCommand;
import org.thyra.app.discrimination.CutpointCommand;
import org.thyra.app.discrimination.RocCommand;
import org.thyra.app.regression.LogisticCommand;
import org.thyra.app.regression.ScreenCommand;
import org.thyra.app.survival.CoxCommand;
import org.thyra.app.survival.KmCommand;
import org.thyra.app.survival.LogrankCommand;
import picocli.CommandLine.Command;

/**
 * The {@code thyra} command: one executable with a subcommand per analysis (SPEC §5).
 *
 * <p>Subcommands are registered explicitly here so the whole command surface can be read in one
 * place.
 */
@Command(
    name = "thyra",
    mixinStandardHelpOptions = true,
    versionProvider = ThyraCli.Version.class,
    description = {
      "Outcomes research for metastatic / radioiodine-refractory differentiated thyroid cancer.",
      "Survival, regression and guideline rules with the numbers R gives."
    },
    subcommands = {
      CommandLine.HelpCommand.class,
      KmCommand.class,
      LogrankCommand.class,
      CoxCommand.class,
      LogisticCommand.class,
      ScreenCommand.class,
      RocCommand.class,
      ConcordanceCommand.class,
      CutpointCommand.class,
      Table1Command.class,
      PairedCommand.class,
      MatchCommand.class,
      ImputeCommand.class,
      DeriveCommand.class,
      ClassifyCommand.class
    })
public final class ThyraCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Builds the command line with every subcommand wired in. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new ThyraCli());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(new ThyraErrors());
    return cli;
  }

  public static void main(String[] args) {
    // POI logs through Log4j; choose Log4j's own simple logger so it does not warn that it
    // found no logging provider.
    System.setProperty(
        "log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
    System.exit(commandLine().execute(args));
  }

  /** Reads the version Maven filtered into {@code version.properties}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = ThyraCli.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {
        "thyra " + p.getProperty("version", "unknown"),
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
      };
    }
  }
}
