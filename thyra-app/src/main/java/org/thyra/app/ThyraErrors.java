package org.thyra.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.thyra.frame.InputException;
import org.thyra.report.output.TerminalProgress;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions into one clear line on standard error and an exit code: 2 for bad input or
 * arguments (the message names file, row and column where it can), 1 for an internal error.
 */
final class ThyraErrors
    implements IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
  static final int BAD_INPUT = 2;
  static final int INTERNAL = 1;

  /**
   * A bad option or argument: one line with picocli's message, its suggestion when there is one,
   * and where to look, instead of the whole usage text in which the message gets lost.
   */
  @Override
  public int handleParseException(CommandLine.ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    TerminalProgress.endLine();
    String qualified = cmd.getCommandSpec().qualifiedName();
    String name = qualified.startsWith("thyra ") ? qualified.substring(6) : qualified;
    StringBuilder line = new StringBuilder(name).append(": ");
    line.append(ex.getMessage().strip().replace(System.lineSeparator(), " "));
    if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
      line.append(" (Did you mean ").append(String.join(" or ", u.getSuggestions())).append("?)");
    }
    line.append("; see '").append(cmd.getCommandSpec().qualifiedName()).append(" --help'");
    cmd.getErr().println(line);
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    String command = cmd.getCommandName();
    TerminalProgress.endLine(); // a progress bar cut short: the message gets its own line
    if (ex instanceof InputException || ex instanceof IllegalArgumentException) {
      cmd.getErr().println(command + ": " + ex.getMessage());
      return BAD_INPUT;
    }
    if (ex instanceof IOException || ex instanceof UncheckedIOException) {
      cmd.getErr().println(command + ": " + ex.getMessage());
      return BAD_INPUT;
    }
    cmd.getErr().println(command + ": internal error: " + ex);
    ex.printStackTrace(cmd.getErr());
    return INTERNAL;
  }
}
