package org.thyra.app.study;

import java.nio.file.Files;
import java.nio.file.Path;
import org.thyra.studies.protocol.BundledProtocols;
import org.thyra.studies.protocol.ProtocolReader;
import org.thyra.studies.synth.Design;

/** A protocol named on the command line: a YAML file, or a bundled protocol's id. */
final class ProtocolSource {
  private ProtocolSource() {}

  static ProtocolReader.Read read(String name) {
    Path file = Path.of(name);
    if (!Files.exists(file) && !name.endsWith(".yaml") && !name.endsWith(".yml")) {
      try {
        return BundledProtocols.of(Design.of(name)).read();
      } catch (IllegalArgumentException e) {
        // not a bundled id either: report the missing file below
      }
    }
    return ProtocolReader.read(file, name);
  }

  /** The protocol's text (for the lock file). */
  static String text(String name) throws java.io.IOException {
    Path file = Path.of(name);
    if (!Files.exists(file) && !name.endsWith(".yaml") && !name.endsWith(".yml")) {
      return BundledProtocols.of(Design.of(name)).text();
    }
    return Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
  }
}
