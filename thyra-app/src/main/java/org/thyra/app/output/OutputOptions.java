package org.thyra.app.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.thyra.report.output.AtomicFile;
import org.thyra.report.output.OutputFormat;
import org.thyra.report.output.OutputPaths;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * {@code --format} and {@code --out}, shared by every analysis command.
 *
 * <p>A file named by {@code --out} is written to a temporary sibling first and moved into place
 * only when the whole result has been written, so a failure never leaves half a file behind.
 *
 * <p>{@link #execute(ParseResult)} is the command line's execution strategy: it applies the
 * output-path rule to every command (no output may be an input, docs/CLI.md) before the command
 * runs, and commits the files the command wrote only when it succeeds.
 */
public final class OutputOptions {

  /**
   * Options that name a file (or folder) a command writes; every other option holding a path names
   * a file it reads.
   */
  public static final Set<String> OUTPUT_OPTIONS =
      Set.of(
          "--out",
          "--out-matched",
          "--out-weighted",
          "--stacked",
          "--svg",
          "--figure",
          "--out-dir");

  @Option(
      names = "--format",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      defaultValue = "text")
  OutputFormat format = OutputFormat.TEXT;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the result to FILE instead of standard output.")
  Path out;

  public OutputFormat format() {
    return format;
  }

  /**
   * @return the {@code --out} file, or null for standard output
   */
  public Path out() {
    return out;
  }

  /** Receives the rendered result. */
  @FunctionalInterface
  public interface Renderer {
    void render(PrintStream out) throws IOException;
  }

  /** Renders to standard output, or atomically to {@code --out}. */
  public void write(Renderer renderer) throws IOException {
    write(out, renderer);
  }

  /** Renders text to standard output when {@code out} is null, else atomically to {@code out}. */
  public static void write(Path out, Renderer renderer) throws IOException {
    if (out == null) {
      PrintStream stdout =
          new PrintStream(new NonClosing(System.out), false, StandardCharsets.UTF_8);
      renderer.render(stdout);
      stdout.flush();
      return;
    }
    AtomicFile.write(
        out,
        os -> {
          PrintStream ps = new PrintStream(os, false, StandardCharsets.UTF_8);
          renderer.render(ps);
          ps.flush();
          if (ps.checkError()) {
            throw new IOException("could not write " + out);
          }
        });
  }

  /**
   * Runs the parsed command with the output-path rule: every output option is compared with every
   * input option before anything runs, and the files the command writes are staged and moved into
   * place together only when it exits with 0 (a failed run leaves every existing file as it was).
   */
  public static int execute(ParseResult parseResult) {
    ParseResult leaf = parseResult;
    while (leaf.subcommand() != null) {
      leaf = leaf.subcommand();
    }
    CommandLine command = leaf.commandSpec().commandLine();
    Map<String, Path> inputs = new LinkedHashMap<>();
    Map<String, Path> outputs = new LinkedHashMap<>();
    for (OptionSpec option : leaf.matchedOptions()) {
      Object value = option.getValue();
      List<?> values = value instanceof List<?> list ? list : java.util.Arrays.asList(value);
      for (Object v : values) {
        if (v instanceof Path path) {
          String name = option.longestName();
          (OUTPUT_OPTIONS.contains(name) ? outputs : inputs).put(name, path);
        }
      }
    }
    // a positional file (registry restore FILE, import FILES...) is read, never written
    for (var positional : leaf.matchedPositionals()) {
      Object value = positional.getValue();
      List<?> values = value instanceof List<?> list ? list : java.util.Arrays.asList(value);
      for (Object v : values) {
        if (v instanceof Path path) {
          String name = positional.paramLabel();
          for (int k = 2; inputs.containsKey(name); k++) {
            name = positional.paramLabel() + " #" + k;
          }
          inputs.put(name, path);
        }
      }
    }
    try (AtomicFile.Batch batch = AtomicFile.begin(inputs)) {
      org.thyra.app.OptionRules.check(leaf);
      OutputPaths.requireDistinct(inputs, outputs);
      int code = new CommandLine.RunLast().execute(parseResult);
      if (code == 0) {
        batch.commit();
      }
      return code;
    } catch (CommandLine.ExecutionException | CommandLine.ParameterException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new CommandLine.ExecutionException(command, e.getMessage(), e);
    }
  }

  /** Keeps {@code System.out} open when the wrapping stream is closed. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
