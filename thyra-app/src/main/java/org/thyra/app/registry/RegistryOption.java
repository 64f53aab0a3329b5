package org.thyra.app.registry;

import org.thyra.registry.Registry;
import org.thyra.registry.RegistryLocation;
import picocli.CommandLine.Option;

/** {@code --registry LOCATION}, shared by every registry command. */
public final class RegistryOption {

  @Option(
      names = "--registry",
      paramLabel = "LOCATION",
      description = {
        "A directory (embedded H2 registry) or a jdbc:postgresql:// URL; default $THYRA_REGISTRY,"
            + " else ~/.thyra/registry.",
        "PostgreSQL credentials come from THYRA_DB_USER / THYRA_DB_PASSWORD only."
      })
  String location;

  RegistryLocation resolve() {
    return RegistryLocation.resolve(location, System.getenv());
  }

  /** Opens an existing, current registry. */
  Registry openCurrent() {
    Registry r = Registry.open(resolve(), false);
    try {
      r.requireCurrent();
    } catch (RuntimeException e) {
      r.close();
      throw e;
    }
    return r;
  }

  /** Who is acting, for the audit trail: $THYRA_USER, else the operating-system user. */
  static String actor() {
    String u = System.getenv("THYRA_USER");
    return u == null || u.isBlank() ? System.getProperty("user.name") : u;
  }
}
