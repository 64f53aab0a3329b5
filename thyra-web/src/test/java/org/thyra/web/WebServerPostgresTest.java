package org.thyra.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thyra.clinical.course.CourseJson;
import org.thyra.registry.Registry;
import org.thyra.registry.RegistryLocation;
import org.thyra.registry.audit.AuditTrail;
import org.thyra.registry.store.CourseStore;
import org.thyra.web.account.Account;
import org.thyra.web.account.AccountStore;
import org.thyra.web.account.PasswordHasher;
import org.thyra.web.account.Role;
import org.thyra.web.store.WebDatabase;

/**
 * {@code thyra serve --registry jdbc:postgresql://...} against a real PostgreSQL ({@code
 * .ci/postgres.sh}; settings from {@code THYRA_TEST_PG_URL}, {@code THYRA_TEST_PG_USER}, {@code
 * THYRA_TEST_PG_PASSWORD}), each test in a fresh schema. Skipped when PostgreSQL cannot be reached,
 * except when {@code CI=true}, where that fails.
 */
class WebServerPostgresTest {
  private String schema;
  private String url;
  private Map<String, String> env;

  static String setting(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  @BeforeEach
  void freshSchema() {
    String base = setting("THYRA_TEST_PG_URL", "jdbc:postgresql://localhost:5432/thyra_test");
    String user = setting("THYRA_TEST_PG_USER", "thyra_test");
    String password = setting("THYRA_TEST_PG_PASSWORD", "thyra_test");
    schema = "w_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(base, user, password);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError("PostgreSQL is needed (CI=true): " + e.getMessage(), e);
      }
      Assumptions.abort("PostgreSQL not reachable: " + e.getMessage());
    }
    url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    env = Map.of("THYRA_DB_USER", user, "THYRA_DB_PASSWORD", password);
  }

  @AfterEach
  void dropSchema() throws SQLException {
    if (schema == null || env == null) {
      return;
    }
    String base = setting("THYRA_TEST_PG_URL", "jdbc:postgresql://localhost:5432/thyra_test");
    try (Connection c =
            DriverManager.getConnection(
                base, env.get("THYRA_DB_USER"), env.get("THYRA_DB_PASSWORD"));
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  @Test
  void servesAndEditsAPostgresRegistryWithTheAccountsInTheSameDatabase() throws Exception {
    try (Registry r = Registry.open(RegistryLocation.resolve(url, env), true)) {
      r.init();
      var c = CourseJson.read(Path.of("..", "examples", "courses", "seed003-rair-lung.json"));
      r.inTransaction(
          h -> {
            CourseStore.ensureSite(h, "A");
            CourseStore.insert(
                h, "A", List.of(c), List.of(new CourseStore.Provenance("t", "seed", null, null)));
            return null;
          });
    }
    // thyra users add --registry jdbc:postgresql://... writes the accounts table of that database
    try (WebDatabase db = WebDatabase.open(url, env)) {
      new AccountStore(db.dataSource())
          .add(
              new Account(
                  "dm-a",
                  Role.DATA_MANAGER,
                  "A",
                  new PasswordHasher().hash(TestServer.PASSWORD),
                  Instant.EPOCH));
    }
    try (WebServer s = WebServer.start(url, "127.0.0.1", 0, env)) {
      Http h = new Http("http://127.0.0.1:" + s.port());
      assertThat(h.login("dm-a", TestServer.PASSWORD).statusCode()).isEqualTo(303);
      HttpResponse<String> list = h.get("/patients");
      assertThat(list.statusCode()).isEqualTo(200);
      assertThat(list.body()).contains("P003-01");
      assertThat(h.get("/patients/P003-01").statusCode()).isEqualTo(200);
      HttpResponse<String> page = h.get("/patients/P003-01/entries/lab/new");
      assertThat(page.statusCode()).isEqualTo(200);
      String version = page.body().replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");
      assertThat(version).matches("\\d+");
      HttpResponse<String> add =
          h.postWithToken(
              "/patients/P003-01/entries/lab",
              Map.of(
                  "date", "2013-02-01",
                  "analyte", "TG",
                  "value", "12.5",
                  "reason", "postgres web test",
                  "version", version));
      assertThat(add.statusCode()).as(add.body()).isEqualTo(303);
    }
    // the edit is in the registry, with the web user and reason in its audit trail
    try (Registry r = Registry.open(RegistryLocation.resolve(url, env), false)) {
      var labs = new org.thyra.registry.RegistryService(r).read("P003-01").course().labs();
      assertThat(labs).anyMatch(l -> l.date().toString().equals("2013-02-01") && l.value() == 12.5);
      var trail = r.withHandle(h -> AuditTrail.read(h, "P003-01"));
      assertThat(trail)
          .anyMatch(a -> a.actor().equals("dm-a") && a.reason().equals("postgres web test"));
    }
  }

  @Test
  void aPostgresLocationNeedsItsCredentialsFromTheEnvironment() {
    assertThatThrownBy(() -> WebServer.start(url, "127.0.0.1", 0, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("THYRA_DB_USER");
    assertThatThrownBy(() -> WebServer.start(url + "&password=x", "127.0.0.1", 0, env))
        .hasMessageContaining("no user or password in the URL");
  }

  @Test
  void aPostgresDatabaseWithoutARegistryIsRefusedAndLeftEmpty() throws Exception {
    assertThatThrownBy(() -> WebServer.start(url, "127.0.0.1", 0, env))
        .hasMessageContaining("registry");
    // thyra users add before thyra registry init: refused, and no table of ours is left to make
    // the registry's init refuse a non-empty schema
    assertThatThrownBy(() -> WebDatabase.open(url, env)).hasMessageContaining("registry");
    try (Registry r = Registry.open(RegistryLocation.resolve(url, env), true)) {
      assertThat(r.init()).isNotEmpty();
    }
  }
}
