package org.thyra.studies.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.thyra.studies.synth.Design;

/**
 * The protocols shipped with Thyra, one per seed design ({@code thyra study list}); each step and
 * analysis names the seed section it comes from.
 */
public final class BundledProtocols {
  private BundledProtocols() {}

  /** One bundled protocol. */
  public record Bundled(Design design, String name, String text) {
    /** Reads it (a bundled protocol has no problems; a test checks that). */
    public ProtocolReader.Read read() {
      return ProtocolReader.read(text, name);
    }
  }

  /** Every bundled protocol, in seed order. */
  public static List<Bundled> all() {
    return java.util.Arrays.stream(Design.values()).map(BundledProtocols::of).toList();
  }

  /** The bundled protocol of a design. */
  public static Bundled of(Design design) {
    try (InputStream in = BundledProtocols.class.getResourceAsStream(design.protocolResource())) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + design.protocolResource());
      }
      return new Bundled(
          design, design.id() + ".yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
