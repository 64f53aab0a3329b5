package org.thyra.app.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.thyra.registry.Registry;
import org.thyra.registry.audit.AuditTrail;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code thyra registry audit [--patient ID]}: the audit trail, oldest first. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description =
        "Print the audit trail (who, when, which entry, old and new value, why), oldest first.")
public final class AuditCommand implements Callable<Integer> {

  @Mixin RegistryOption registry;
  @Mixin RegistryFormat format;
  @Spec CommandSpec spec;

  @Option(names = "--patient", paramLabel = "ID", description = "Only this patient's lines.")
  String patient;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    int[] n = {0};
    if (format.json()) {
      ObjectNode o =
          RegistryFormat.report(
              "the append-only audit trail, oldest first; times are the database's; old and new"
                  + " values as course JSON",
              java.util.List.of());
      if (patient != null) {
        o.put("patient", patient);
      }
      var arr = o.putArray("lines");
      try (Registry r = registry.openCurrent()) {
        r.withHandle(
            h -> {
              AuditTrail.read(
                  h,
                  patient,
                  a -> {
                    ObjectNode x = arr.addObject();
                    x.put("id", a.id());
                    x.put("at", a.at().toString());
                    x.put("actor", a.actor());
                    x.put("db_user", a.dbUser());
                    x.put("action", a.action());
                    x.put("patient", a.patientId());
                    x.put("entry", a.entry());
                    x.put("reason", a.reason());
                    x.put("file", a.sourceFile());
                    x.put("sha256", a.sourceSha256());
                    x.put("old", a.oldValue());
                    x.put("new", a.newValue());
                  });
              return null;
            });
      }
      o.put("count", arr.size());
      RegistryFormat.print(out, o);
      return 0;
    }
    try (Registry r = registry.openCurrent()) {
      r.withHandle(
          h -> {
            AuditTrail.read(
                h,
                patient,
                a -> {
                  n[0]++;
                  out.println(
                      "#"
                          + a.id()
                          + " "
                          + a.at()
                          + " "
                          + a.actor()
                          + " ("
                          + a.dbUser()
                          + ") "
                          + a.action()
                          + " "
                          + (a.patientId() == null ? "" : "patient " + a.patientId() + " ")
                          + a.entry());
                  out.println("  reason: " + a.reason());
                  if (a.sourceFile() != null) {
                    out.println("  file: " + a.sourceFile() + " (sha256 " + a.sourceSha256() + ")");
                  }
                  if (a.oldValue() != null) {
                    out.println("  old: " + a.oldValue());
                  }
                  if (a.newValue() != null) {
                    out.println("  new: " + a.newValue());
                  }
                });
            return null;
          });
    }
    out.println(n[0] + " line(s)" + (patient == null ? "" : " for patient " + patient));
    out.flush();
    return 0;
  }
}
