package org.thyra.web.patient;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.thyra.registry.Registry;
import org.thyra.registry.RegistryLocation;

/** The same contract as the web store's directory, over an embedded registry. */
class RegistryPatientDirectoryTest extends EmbeddedPatientDirectoryTest {
  Registry registry;
  Path dir;

  @Override
  PatientDirectory directory() throws Exception {
    dir = Files.createTempDirectory("thyra-web-registry");
    registry = Registry.open(RegistryLocation.h2(dir), true);
    registry.init();
    return new RegistryPatientDirectory(registry);
  }

  @AfterEach
  void closeRegistry() throws Exception {
    registry.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
