package org.thyra.app.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.thyra.report.output.AtomicFile;
import org.thyra.report.output.OutputFormat;
import picocli.CommandLine.Option;

/**
 * {@code --format} and {@code --out}, shared by every analysis command.
 *
 * <p>A file named by {@code --out} is written to a temporary sibling first and moved into place
 * only when the whole result has been written, so a failure never leaves half a file behind.
 */
public final class OutputOptions {

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
