package org.thyra.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.thyra.app.clinical.ClassifyCommand;
import org.thyra.app.clinical.DeriveCommand;
import org.thyra.app.cohort.ImputeCommand;
import org.thyra.app.cohort.MatchCommand;
import org.thyra.app.cohort.PairedCommand;
import org.thyra.app.cohort.Table1Command;
import org.thyra.app.cohort.WeightCommand;
import org.thyra.app.competing.CrrCommand;
import org.thyra.app.competing.CumincCommand;
import org.thyra.app.discrimination.ConcordanceCommand;
import org.thyra.app.discrimination.CutpointCommand;
import org.thyra.app.discrimination.RocCommand;
import org.thyra.app.prediction.NomogramCommand;
import org.thyra.app.prediction.TdrocCommand;
import org.thyra.app.prediction.ValidateCommand;
import org.thyra.app.regression.LogisticCommand;
import org.thyra.app.regression.ScreenCommand;
import org.thyra.app.study.DemoCommand;
import org.thyra.app.study.StudyCommand;
import org.thyra.app.study.SynthCommand;
import org.thyra.app.survival.CoxCommand;
import org.thyra.app.survival.KmCommand;
import org.thyra.app.survival.LogrankCommand;
import org.thyra.app.survival.RmstCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code thyra} command: one executable with a subcommand per analysis (SPEC §5).
 *
 * <p>Subcommands are registered explicitly here ({@link #COMMANDS}) so the whole command surface
 * can be read in one place.
 */
@Command(
    name = "thyra",
    mixinStandardHelpOptions = true,
    versionProvider = ThyraCli.Version.class,
    description = {
      "Outcomes research for metastatic / radioiodine-refractory differentiated thyroid cancer.",
      "Survival, regression and guideline rules with the numbers R gives."
    },
    subcommands = {CommandLine.HelpCommand.class})
public final class ThyraCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Every subcommand, by name, in the order {@code --help} lists them. */
  static final Map<String, Class<?>> COMMANDS = commands();

  private static Map<String, Class<?>> commands() {
    Map<String, Class<?>> m = new LinkedHashMap<>();
    m.put("km", KmCommand.class);
    m.put("logrank", LogrankCommand.class);
    m.put("cox", CoxCommand.class);
    m.put("rmst", RmstCommand.class);
    m.put("cuminc", CumincCommand.class);
    m.put("crr", CrrCommand.class);
    m.put("logistic", LogisticCommand.class);
    m.put("screen", ScreenCommand.class);
    m.put("roc", RocCommand.class);
    m.put("concordance", ConcordanceCommand.class);
    m.put("cutpoint", CutpointCommand.class);
    m.put("tdroc", TdrocCommand.class);
    m.put("table1", Table1Command.class);
    m.put("paired", PairedCommand.class);
    m.put("match", MatchCommand.class);
    m.put("weight", WeightCommand.class);
    m.put("impute", ImputeCommand.class);
    m.put("derive", DeriveCommand.class);
    m.put("classify", ClassifyCommand.class);
    m.put("nomogram", NomogramCommand.class);
    m.put("validate", ValidateCommand.class);
    m.put("study", StudyCommand.class);
    m.put("synth", SynthCommand.class);
    m.put("demo", DemoCommand.class);
    m.put("plot", org.thyra.app.plot.PlotCommand.class);
    m.put("serve", org.thyra.app.web.ServeCommand.class);
    m.put("users", org.thyra.app.web.UsersCommand.class);
    m.put("registry", org.thyra.app.registry.RegistryCommand.class);
    return Collections.unmodifiableMap(m);
  }

  /** Builds the command line with every subcommand wired in. */
  public static CommandLine commandLine() {
    return commandLine(COMMANDS.keySet());
  }

  /**
   * The command line for these arguments: when the first names a subcommand only that one is wired
   * in. Building picocli's model of every command takes a noticeable part of a second, which a
   * one-shot analysis need not pay; help and version still see them all.
   */
  public static CommandLine commandLineFor(String... args) {
    if (args.length > 0 && COMMANDS.containsKey(args[0])) {
      return commandLine(List.of(args[0]));
    }
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // the version needs no subcommand: wiring all of them loads every command's classes
      return commandLine(List.of());
    }
    return commandLine();
  }

  private static CommandLine commandLine(Collection<String> names) {
    CommandLine cli = new CommandLine(new ThyraCli());
    for (String name : names) {
      cli.addSubcommand(name, COMMANDS.get(name));
    }
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    ThyraErrors errors = new ThyraErrors();
    cli.setExecutionExceptionHandler(errors);
    cli.setParameterExceptionHandler(errors);
    cli.setExecutionStrategy(org.thyra.app.output.OutputOptions::execute);
    return cli;
  }

  public static void main(String[] args) {
    // POI logs through Log4j; choose Log4j's own simple logger so it does not warn that it
    // found no logging provider.
    System.setProperty(
        "log4j2.loggerContextFactory",
        "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
    int code;
    try {
      code = commandLineFor(args).execute(args);
    } catch (OutOfMemoryError e) {
      // a file or option too large for the memory Java was given: say so, without a stack trace
      org.thyra.report.output.TerminalProgress.endLine();
      System.err.println(
          "thyra: out of memory ("
              + Runtime.getRuntime().maxMemory() / (1024 * 1024)
              + " MiB allowed); nothing was written. Give Java more with"
              + " THYRA_JAVA_OPTS=-Xmx8g, or use a smaller file or option");
      code = 1;
    }
    System.exit(code);
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
        "Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")"
      };
    }
  }
}
