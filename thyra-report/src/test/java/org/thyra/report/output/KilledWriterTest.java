package org.thyra.report.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed while writing (issue 11): a real process is killed half-way through a file; what it
 * leaves is named for the output and the process, the target is untouched, and the next write into
 * the folder removes the leftover.
 */
class KilledWriterTest {
  @TempDir Path tmp;

  /** The killed run: writes half a file to its target, then waits to be killed. */
  public static void main(String[] args) throws IOException {
    AtomicFile.write(
        Path.of(args[0]),
        (OutputStream os) -> {
          os.write("half of a large result\n".getBytes(StandardCharsets.UTF_8));
          os.flush();
          Files.writeString(Path.of(args[1]), "writing");
          try {
            Thread.sleep(Long.MAX_VALUE);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
  }

  @Test
  void theNextWriteRemovesWhatAKilledRunLeftAndTheTargetIsUntouched() throws Exception {
    Path target = Files.writeString(tmp.resolve("result.csv"), "the earlier result");
    Path started = tmp.resolve("started.flag");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                KilledWriterTest.class.getName(),
                target.toString(),
                started.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      while (!Files.exists(started) && child.isAlive()) {
        Thread.sleep(20); // waiting for the child to be mid-write; no time is asserted
      }
      assertThat(child.isAlive()).as("the writer is mid-write").isTrue();
    } finally {
      child.destroyForcibly().waitFor();
    }
    Path leftover = tmp.resolve(".result.csv.thyra-partial-" + child.pid());
    assertThat(leftover).exists();
    assertThat(Files.readString(leftover)).startsWith("half of a large result");
    assertThat(Files.readString(target)).isEqualTo("the earlier result");

    // the next run writes another file in the folder: the dead run's leftover goes
    AtomicFile.write(tmp.resolve("other.txt"), os -> os.write('x'));
    try (Stream<Path> files = Files.list(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .isEqualTo(List.of("other.txt", "result.csv", "started.flag"));
    }
  }
}
