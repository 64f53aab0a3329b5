package org.thyra.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thyra.registry.backup.Backup;
import org.thyra.registry.imports.CourseImport;

/**
 * PostgreSQL with the owner/application split (docs/REGISTRY.md, "Roles on PostgreSQL"): the
 * migrations run as the owner, the application's role owns nothing and may only read and append to
 * the audit trail. Checked straight through JDBC as the application's role, on the real PostgreSQL
 * of {@code .ci/postgres.sh}.
 */
class AppRoleTest {

  @TempDir Path tmp;

  @Test
  void theApplicationsRoleCannotUpdateDeleteTruncateOrUnprotectTheAuditTrail() throws Exception {
    try (TestDatabases.Fresh db = TestDatabases.freshWithAppRole();
        Registry r = Registry.open(db.location, true)) {
      assertThat(r.init()).isNotEmpty();
      // the application's role works normally: import, edit through the store, audit appended
      CourseImport.Report rep =
          CourseImport.run(r, RegistryTest.examples(), RegistryTest.opts(false));
      assertThat(rep.problems()).isEmpty();
      int lines = RegistryTest.count(r, "audit_log");
      assertThat(lines).isGreaterThan(0);
      r.requireCurrent();

      try (Connection c =
              DriverManager.getConnection(
                  db.location.jdbcUrl(), db.location.user(), db.location.password());
          Statement st = c.createStatement()) {
        assertThat(st.executeUpdate("UPDATE patient SET ecog = ecog")).isGreaterThan(0);
        for (String sql :
            List.of(
                "UPDATE audit_log SET reason = 'forged'",
                "DELETE FROM audit_log",
                "TRUNCATE audit_log",
                "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete",
                "DROP TRIGGER audit_log_no_update_delete ON audit_log",
                "DROP TABLE audit_log")) {
          assertThatThrownBy(() -> st.executeUpdate(sql))
              .as(sql)
              .isInstanceOf(SQLException.class)
              .satisfies(
                  e ->
                      assertThat(((SQLException) e).getSQLState())
                          .as(sql + ": " + e.getMessage())
                          .isIn("42501")); // insufficient_privilege / must be owner
        }
      }
      assertThat(RegistryTest.count(r, "audit_log")).isEqualTo(lines);

      // a second init (nothing to migrate) re-grants and changes nothing
      assertThat(r.init()).isEmpty();

      // backup as the application's role, restore into a fresh registry of the same split
      Path zip = tmp.resolve("b.zip");
      try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(zip)) {
        Backup.write(r, out);
      }
      try (TestDatabases.Fresh db2 = TestDatabases.freshWithAppRole();
          Registry r2 = Registry.open(db2.location, true)) {
        r2.init();
        Backup.restore(r2, zip, "tester");
        assertThat(RegistryTest.count(r2, "audit_log")).isEqualTo(lines + 1);
      }
    }
  }
}
