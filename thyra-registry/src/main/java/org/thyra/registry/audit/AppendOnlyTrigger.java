package org.thyra.registry.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's guard of the audit trail (migration {@code db/h2/V2}): refuses every update and delete of
 * {@code audit_log}, whoever asks. PostgreSQL has the same guard as a PL/pgSQL trigger.
 */
public final class AppendOnlyTrigger implements Trigger {

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    throw new SQLException(
        "the audit trail is append-only: "
            + (newRow == null ? "DELETE" : "UPDATE")
            + " on audit_log refused",
        "42501");
  }
}
