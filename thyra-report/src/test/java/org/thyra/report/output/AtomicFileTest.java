package org.thyra.report.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
  @TempDir Path tmp;

  private static AtomicFile.Content text(String s) {
    return os -> os.write(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aBatchWritesNothingUntilItCommits() throws IOException {
    Path a = Files.writeString(tmp.resolve("a.txt"), "old a");
    Path b = tmp.resolve("new").resolve("b.txt");
    try (AtomicFile.Batch batch = AtomicFile.begin(Map.of())) {
      AtomicFile.write(a, text("new a"));
      AtomicFile.write(b, text("new b"));
      assertThat(Files.readString(a)).isEqualTo("old a");
      assertThat(b).doesNotExist();
      batch.commit();
    }
    assertThat(Files.readString(a)).isEqualTo("new a");
    assertThat(Files.readString(b)).isEqualTo("new b");
    try (var files = Files.list(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("a.txt", "new");
    }
  }

  @Test
  void aBatchClosedWithoutCommitLeavesEveryFileAndRemovesTheFoldersItMade() throws IOException {
    Path a = Files.writeString(tmp.resolve("a.txt"), "old a");
    try (AtomicFile.Batch batch = AtomicFile.begin(Map.of())) {
      AtomicFile.write(a, text("new a"));
      AtomicFile.write(tmp.resolve("x/y/b.txt"), text("new b"));
    }
    assertThat(Files.readString(a)).isEqualTo("old a");
    try (var files = Files.list(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("a.txt");
    }
  }

  @Test
  void aBatchRefusesToWriteOntoAnInputThroughALink() throws IOException {
    Path in = Files.writeString(tmp.resolve("in.csv"), "a\n1\n");
    Path link = Files.createSymbolicLink(tmp.resolve("link.csv"), in);
    try (AtomicFile.Batch batch = AtomicFile.begin(Map.of("--data", in))) {
      assertThatThrownBy(() -> AtomicFile.write(link, text("x")))
          .isInstanceOf(OutputPaths.UnsafeOutputException.class)
          .hasMessageContaining("--data");
    }
    assertThat(Files.readString(in)).isEqualTo("a\n1\n");
  }

  @Test
  void aFailingContentLeavesTheTargetAndNoPartialFile() throws IOException {
    Path a = Files.writeString(tmp.resolve("a.txt"), "old");
    assertThatThrownBy(
            () ->
                AtomicFile.write(
                    a,
                    os -> {
                      os.write(1);
                      throw new IOException("disk full");
                    }))
        .hasMessageContaining("disk full");
    assertThat(Files.readString(a)).isEqualTo("old");
    try (var files = Files.list(tmp)) {
      assertThat(files).hasSize(1);
    }
  }

  @Test
  void leftoversOfEndedRunsAreRemovedOthersKept() throws IOException {
    Path target = tmp.resolve("r.csv");
    // a process id that cannot exist, and one that is alive (this JVM's parent started before)
    Path dead = Files.writeString(tmp.resolve(".r.csv.thyra-partial-999999999"), "half");
    long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L);
    Path alive = Files.writeString(tmp.resolve(".r.csv.thyra-partial-" + parent), "half");
    Files.setLastModifiedTime(alive, FileTime.from(Instant.now().plusSeconds(60)));
    Path reused = Files.writeString(tmp.resolve(".r.csv.thyra-partial-1"), "half");
    Files.setLastModifiedTime(reused, FileTime.from(Instant.EPOCH.plusSeconds(1)));
    Path otherName = Files.writeString(tmp.resolve(".s.csv.thyra-partial-999999999"), "half");
    Path otherAlive = Files.writeString(tmp.resolve(".s.csv.thyra-partial-" + parent), "half");
    Files.setLastModifiedTime(otherAlive, FileTime.from(Instant.now().plusSeconds(60)));
    Path notOurs = Files.writeString(tmp.resolve("s.csv.thyra-partial-999999999"), "a user's");
    AtomicFile.write(target, text("ok"));
    assertThat(dead).doesNotExist();
    assertThat(reused).as("pid 1 started after the file was written: ended").doesNotExist();
    assertThat(alive).exists();
    assertThat(otherName).as("another output of a killed run, in the same folder").doesNotExist();
    assertThat(otherAlive).exists();
    assertThat(notOurs).as("not a name Thyra writes: left alone").exists();
    assertThat(Files.readString(target)).isEqualTo("ok");
  }

  @Test
  void theTemporaryNameSaysWhatItIs() {
    assertThat(AtomicFile.partialName(Path.of("/d/result.csv")).getFileName().toString())
        .isEqualTo(".result.csv.thyra-partial-" + ProcessHandle.current().pid());
  }

  @Test
  void pathsAreComparedAsTheFileSystemResolvesThem() throws IOException {
    Path in = Files.writeString(tmp.resolve("in.csv"), "x");
    Files.createDirectories(tmp.resolve("d"));
    assertThat(OutputPaths.same(tmp.resolve("d/../in.csv"), in)).isTrue();
    Path dirLink = Files.createSymbolicLink(tmp.resolve("dl"), tmp.resolve("d"));
    assertThat(OutputPaths.same(dirLink.resolve("new.csv"), tmp.resolve("d/new.csv"))).isTrue();
    assertThat(OutputPaths.same(tmp.resolve("d/new.csv"), tmp.resolve("new.csv"))).isFalse();
    Path hard = Files.createLink(tmp.resolve("hard.csv"), in);
    assertThat(OutputPaths.same(hard, in)).isTrue();
  }
}
