package org.thyra.app.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

  @Option(names = "--out", paramLabel = "FILE", description = "Write the result to FILE instead of standard output.")
  Path out;

  public OutputFormat format() {
    return format;
  }

  /** Receives the rendered result. */
  @FunctionalInterface
  public interface Renderer {
    void render(PrintStream out) throws IOException;
  }

  /** Renders to standard output, or atomically to {@code --out}. */
  public void write(Renderer renderer) throws IOException {
    if (out == null) {
      PrintStream stdout = new PrintStream(new NonClosing(System.out), false, StandardCharsets.UTF_8);
      renderer.render(stdout);
      stdout.flush();
      return;
    }
    Path target = out.toAbsolutePath();
    Path dir = target.getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
    try {
      try (PrintStream ps = new PrintStream(Files.newOutputStream(tmp), false, StandardCharsets.UTF_8)) {
        renderer.render(ps);
        if (ps.checkError()) {
          throw new IOException("could not write " + out);
        }
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
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
