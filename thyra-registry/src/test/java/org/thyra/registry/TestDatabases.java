package org.thyra.registry;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The databases every registry test runs against: embedded H2 (a fresh directory) and a real
 * PostgreSQL (a fresh schema in the database that {@code .ci/postgres.sh} creates; settings from
 * {@code THYRA_TEST_PG_URL}, {@code THYRA_TEST_PG_USER}, {@code THYRA_TEST_PG_PASSWORD}, defaulting
 * to what that script creates). When PostgreSQL cannot be reached the PostgreSQL cases are skipped
 * on a developer's machine, and FAIL when {@code CI=true}.
 */
public final class TestDatabases {

  private TestDatabases() {}

  /** Which database. */
  public enum Kind {
    H2,
    POSTGRESQL
  }

  /** A fresh, empty registry location; {@link #close} removes it. */
  public static final class Fresh implements AutoCloseable {
    public final Kind kind;
    public final RegistryLocation location;
    private final Runnable cleanup;

    Fresh(Kind kind, RegistryLocation location, Runnable cleanup) {
      this.kind = kind;
      this.location = location;
      this.cleanup = cleanup;
    }

    /** Opens (and initialises) the registry. */
    public Registry openInitialised() {
      Registry r = Registry.open(location, true);
      r.init();
      return r;
    }

    @Override
    public void close() {
      cleanup.run();
    }

    @Override
    public String toString() {
      return kind.toString();
    }
  }

  /** Both kinds, for {@code @MethodSource}. */
  public static Stream<Kind> kinds() {
    return Stream.of(Kind.H2, Kind.POSTGRESQL);
  }

  public static String pgUrl() {
    return env("THYRA_TEST_PG_URL", "jdbc:postgresql://localhost:5432/thyra_test");
  }

  public static String pgUser() {
    return env("THYRA_TEST_PG_USER", "thyra_test");
  }

  public static String pgPassword() {
    return env("THYRA_TEST_PG_PASSWORD", "thyra_test");
  }

  public static String pgAppUser() {
    return env("THYRA_TEST_PG_APP_USER", "thyra_test_app");
  }

  public static String pgAppPassword() {
    return env("THYRA_TEST_PG_APP_PASSWORD", "thyra_test_app");
  }

  /**
   * A fresh PostgreSQL schema owned by the test role, reached as the application's role (which owns
   * nothing) with the test role as the migration owner.
   */
  public static Fresh freshWithAppRole() {
    Fresh f = fresh(Kind.POSTGRESQL);
    try (Connection c = DriverManager.getConnection(pgUrl(), pgAppUser(), pgAppPassword())) {
      c.isValid(2);
    } catch (SQLException e) {
      f.close();
      String why =
          "the application role "
              + pgAppUser()
              + " cannot connect ("
              + e.getMessage()
              + "); run `eval \"$(bash .ci/postgres.sh)\"`";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError(why + " — CI=true, so this fails instead of skipping", e);
      }
      assumeTrue(false, why);
    }
    RegistryLocation app =
        RegistryLocation.postgres(f.location.jdbcUrl(), pgAppUser(), pgAppPassword())
            .withOwner(pgUser(), pgPassword());
    return new Fresh(Kind.POSTGRESQL, app, f::close);
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  /** A fresh registry of a kind (PostgreSQL: skipped when unreachable, failed when CI=true). */
  public static Fresh fresh(Kind kind) {
    if (kind == Kind.H2) {
      try {
        Path dir = Files.createTempDirectory("thyra-registry-test");
        return new Fresh(kind, RegistryLocation.h2(dir), () -> deleteTree(dir));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(pgUrl(), pgUser(), pgPassword());
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
      String why =
          "PostgreSQL not reachable at "
              + pgUrl()
              + " as "
              + pgUser()
              + " ("
              + e.getMessage()
              + "); run `eval \"$(bash .ci/postgres.sh)\"`";
      if (ci) {
        throw new AssertionError(why + " — CI=true, so this fails instead of skipping", e);
      }
      assumeTrue(false, why);
    }
    String url = pgUrl() + (pgUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
    return new Fresh(
        kind,
        RegistryLocation.postgres(url, pgUser(), pgPassword()),
        () -> {
          try (Connection c = DriverManager.getConnection(pgUrl(), pgUser(), pgPassword());
              Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      List<Path> all = s.sorted(Comparator.reverseOrder()).toList();
      for (Path p : all) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
