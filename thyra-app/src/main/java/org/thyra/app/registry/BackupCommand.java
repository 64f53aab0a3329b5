package org.thyra.app.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.thyra.registry.Registry;
import org.thyra.registry.backup.Backup;
import org.thyra.report.output.AtomicFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code thyra registry backup --out F}. */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description =
        "Write the whole registry (courses, sites, recorded values, audit trail) to one file, a"
            + " consistent snapshot that restores into H2 or PostgreSQL.")
public final class BackupCommand implements Callable<Integer> {

  @Mixin RegistryOption registry;
  @Mixin RegistryFormat format;
  @Spec CommandSpec spec;

  @Option(names = "--out", paramLabel = "F", required = true, description = "The backup file.")
  Path out;

  @Override
  public Integer call() throws IOException {
    boolean json = format.json();
    Backup.Summary[] s = new Backup.Summary[1];
    try (Registry r = registry.openCurrent()) {
      AtomicFile.write(out, o -> s[0] = Backup.write(r, o));
    }
    PrintStream w = System.out;
    if (json) {
      ObjectNode o =
          RegistryFormat.report(
              "one ZIP of JSON from one consistent snapshot: manifest, sites, courses with site and"
                  + " version, recorded values, the whole audit trail",
              java.util.List.of());
      o.put("file", out.toString());
      o.put("patients", s[0].patients());
      o.put("sites", s[0].sites());
      o.put("audit_lines", s[0].auditLines());
      RegistryFormat.print(w, o);
      return 0;
    }
    w.println(
        "wrote "
            + out
            + ": "
            + s[0].patients()
            + " patient(s), "
            + s[0].sites()
            + " site(s), "
            + s[0].auditLines()
            + " audit line(s)");
    w.flush();
    return 0;
  }
}
