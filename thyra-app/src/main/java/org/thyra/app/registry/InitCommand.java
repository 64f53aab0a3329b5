package org.thyra.app.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import org.thyra.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code thyra registry init}: creates the registry, or upgrades its schema. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = "Create the registry (or apply the schema migrations it lacks).")
public final class InitCommand implements Callable<Integer> {

  @Mixin RegistryOption registry;
  @Mixin RegistryFormat format;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    try (Registry r = Registry.open(registry.resolve(), true)) {
      boolean json = format.json();
      List<String> applied = r.init();
      String version = r.schemaVersion().orElse("?");
      if (json) {
        ObjectNode o =
            RegistryFormat.report(
                "Flyway migrations (db/common and db/"
                    + (r.location().isPostgres() ? "postgresql" : "h2")
                    + ")"
                    + (r.location().hasSeparateOwner()
                        ? "; run as the owner role, the application's role granted"
                        : ""),
                List.of());
        o.put("registry", r.location().display());
        o.put("schema_version", version);
        o.putArray("applied").addAll(applied.stream().map(o::textNode).toList());
        RegistryFormat.print(out, o);
        return 0;
      }
      if (applied.isEmpty()) {
        out.println(
            "registry "
                + r.location().display()
                + " is up to date (schema version "
                + version
                + ")");
      } else {
        out.println(
            "registry "
                + r.location().display()
                + " at schema version "
                + version
                + " (applied: "
                + String.join("; ", applied)
                + ")");
      }
    }
    out.flush();
    return 0;
  }
}
