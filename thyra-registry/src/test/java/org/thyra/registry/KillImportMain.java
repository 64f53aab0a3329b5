package org.thyra.registry;

import java.nio.file.Path;
import java.util.List;
import org.thyra.registry.imports.CourseImport;

/**
 * The child process of {@link KillDuringImportTest}: imports one large file into a registry and
 * prints its progress, so the test can kill it with SIGKILL in the middle of the transaction.
 * Arguments: H2 directory or PostgreSQL URL, the file. PostgreSQL credentials come from
 * THYRA_DB_USER / THYRA_DB_PASSWORD, as in the application.
 */
public final class KillImportMain {

  private KillImportMain() {}

  public static void main(String[] args) {
    RegistryLocation loc = RegistryLocation.resolve(args[0], System.getenv());
    try (Registry r = Registry.open(loc, false)) {
      System.out.println("started");
      System.out.flush();
      CourseImport.Report rep =
          CourseImport.run(
              r,
              List.of(Path.of(args[1])),
              new CourseImport.Options(
                  null,
                  false,
                  "kill-test",
                  null,
                  null,
                  n -> {
                    System.out.println("written " + n);
                    System.out.flush();
                  }));
      System.out.println("finished " + rep.added());
    }
  }
}
