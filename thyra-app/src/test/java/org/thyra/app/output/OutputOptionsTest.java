package org.thyra.app.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --out} is atomic: a renderer that fails half-way leaves neither half a file nor a
 * temporary.
 */
class OutputOptionsTest {
  @TempDir Path tmp;

  @Test
  void failureHalfWayLeavesNothingBehind() throws IOException {
    OutputOptions options = new OutputOptions();
    options.out = tmp.resolve("result.json");
    assertThatThrownBy(
            () ->
                options.write(
                    out -> {
                      out.println("{ \"half\" : ");
                      out.flush();
                      throw new IOException("disk on fire");
                    }))
        .hasMessage("disk on fire");
    try (Stream<Path> files = Files.list(tmp)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void failureHalfWayKeepsTheEarlierFile() throws IOException {
    OutputOptions options = new OutputOptions();
    options.out = tmp.resolve("result.json");
    Files.writeString(options.out, "earlier");
    assertThatThrownBy(
            () ->
                options.write(
                    out -> {
                      out.print("half");
                      throw new IllegalStateException("boom");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(Files.readString(options.out)).isEqualTo("earlier");
    try (Stream<Path> files = Files.list(tmp)) {
      assertThat(files).containsExactly(options.out);
    }
  }

  @Test
  void anUnwritablePlaceIsOneClearMessageNamingTheFile() throws IOException {
    Files.writeString(tmp.resolve("plain"), "a file, not a folder");
    OutputOptions options = new OutputOptions();
    options.out = tmp.resolve("plain/result.json");
    assertThatThrownBy(() -> options.write(out -> out.print("x")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cannot write " + options.out)
        .hasMessageContaining("a file is in the way of a folder");
  }

  @Test
  void successWritesEverythingIntoNewDirectories() throws IOException {
    OutputOptions options = new OutputOptions();
    options.out = tmp.resolve("a/b/result.txt");
    options.write(out -> out.print("complete"));
    assertThat(Files.readString(options.out)).isEqualTo("complete");
  }
}
