package org.thyra.registry.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.thyra.registry.RegistryException;

/**
 * Appends to and reads the audit trail. There is deliberately no method that updates or deletes a
 * line: the application cannot change the trail, and the database refuses it too (a trigger on
 * PostgreSQL and on H2, migration V2).
 */
public final class AuditTrail {

  private AuditTrail() {}

  private static final String INSERT =
      "INSERT INTO audit_log (actor, db_user, action, patient_id, entry, old_value, new_value,"
          + " reason, source_file, source_sha256) VALUES (?, CURRENT_USER, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** Appends lines in the caller's transaction (they commit or roll back with the change). */
  public static void append(Handle h, List<AuditEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    PreparedBatch b = h.prepareBatch(INSERT);
    for (AuditEntry e : entries) {
      if (e.reason() == null || e.reason().isBlank()) {
        throw new RegistryException("a change needs a reason (entry " + e.entry() + ")");
      }
      b.bind(0, e.actor())
          .bind(1, e.action())
          .bind(2, e.patientId())
          .bind(3, e.entry())
          .bind(4, e.oldValue())
          .bind(5, e.newValue())
          .bind(6, e.reason())
          .bind(7, e.sourceFile())
          .bind(8, e.sourceSha256())
          .add();
    }
    b.execute();
  }

  /**
   * Copies lines verbatim (restore of a backup: the original ids, times and users are kept, so a
   * restored registry's trail is the trail it had).
   */
  public static void copy(Handle h, List<AuditEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    PreparedBatch b =
        h.prepareBatch(
            "INSERT INTO audit_log (id, logged_at, actor, db_user, action, patient_id, entry,"
                + " old_value, new_value, reason, source_file, source_sha256)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
    for (AuditEntry e : entries) {
      b.bind(0, e.id())
          .bind(1, e.at())
          .bind(2, e.actor())
          .bind(3, e.dbUser())
          .bind(4, e.action())
          .bind(5, e.patientId())
          .bind(6, e.entry())
          .bind(7, e.oldValue())
          .bind(8, e.newValue())
          .bind(9, e.reason())
          .bind(10, e.sourceFile())
          .bind(11, e.sourceSha256())
          .add();
    }
    b.execute();
  }

  /** Every line, oldest first, optionally of one patient; streamed to {@code sink}. */
  public static void read(Handle h, String patientId, Consumer<AuditEntry> sink) {
    String sql =
        "SELECT * FROM audit_log"
            + (patientId == null ? "" : " WHERE patient_id = :p")
            + " ORDER BY id";
    var q = h.createQuery(sql).setFetchSize(5_000);
    if (patientId != null) {
      q.bind("p", patientId);
    }
    q.map(
            (rs, ctx) ->
                new AuditEntry(
                    rs.getLong("id"),
                    rs.getObject("logged_at", OffsetDateTime.class),
                    rs.getString("actor"),
                    rs.getString("db_user"),
                    rs.getString("action"),
                    rs.getString("patient_id"),
                    rs.getString("entry"),
                    rs.getString("old_value"),
                    rs.getString("new_value"),
                    rs.getString("reason"),
                    rs.getString("source_file"),
                    rs.getString("source_sha256")))
        .useStream(s -> s.forEach(sink));
  }

  /** Every line, oldest first, optionally of one patient. */
  public static List<AuditEntry> read(Handle h, String patientId) {
    List<AuditEntry> out = new java.util.ArrayList<>();
    read(h, patientId, out::add);
    return out;
  }
}
