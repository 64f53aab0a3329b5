package org.thyra.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thyra.registry.RegistryException;

/** Issue 11: a key given twice in a mapping file is refused, never resolved to the last one. */
class MappingDuplicateKeyTest {
  @TempDir Path dir;

  @Test
  void aKeyGivenTwiceIsRefusedNamingIt() throws IOException {
    Path once =
        Files.writeString(
            dir.resolve("once.json"), "{\"kind\": \"labs\", \"patientId\": \"Study ID\"}");
    assertThat(Mapping.read(once).patientId()).isEqualTo("Study ID");
    Path twice =
        Files.writeString(
            dir.resolve("twice.json"),
            "{\"kind\": \"labs\", \"patientId\": \"Study ID\", \"patientId\": \"MRN\"}");
    assertThatThrownBy(() -> Mapping.read(twice))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("twice.json")
        .hasMessageContaining("patientId");
  }
}
