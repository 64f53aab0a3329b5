package org.thyra.registry;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * An open registry: a connection pool (HikariCP) to its database and the Jdbi over it. Opening
 * never changes the database; {@link #init} creates or upgrades the schema (Flyway), and every
 * other operation refuses a registry whose schema is missing or behind.
 */
public final class Registry implements AutoCloseable {

  private final RegistryLocation location;
  private final HikariDataSource dataSource;
  private final Jdbi jdbi;

  private Registry(RegistryLocation location, HikariDataSource dataSource) {
    this.location = location;
    this.dataSource = dataSource;
    this.jdbi = Jdbi.create(dataSource);
  }

  /**
   * Opens a registry.
   *
   * @param create for an H2 directory: create the database when it does not exist (init only);
   *     otherwise a missing H2 registry is an error naming the directory
   */
  public static Registry open(RegistryLocation location, boolean create) {
    String url = location.jdbcUrl();
    if (!location.isPostgres()) {
      if (!create && !location.h2Exists()) {
        throw new RegistryException(
            "no registry at "
                + location.display()
                + ": create it with `thyra registry init --registry "
                + location.display()
                + "`");
      }
      try {
        Files.createDirectories(location.directory());
      } catch (java.io.IOException e) {
        throw new RegistryException(
            "cannot create the registry directory " + location.display() + ": " + e.getMessage(),
            e);
      }
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(location.user());
    config.setPassword(location.password());
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(0);
    config.setAutoCommit(true);
    config.setPoolName("thyra-registry");
    config.setInitializationFailTimeout(-1);
    // opening an embedded database left by a killed process rolls its unfinished transaction back
    // first, which can take a while for a large import
    config.setConnectionTimeout(location.isPostgres() ? 15_000 : 300_000);
    return new Registry(
        location, connect(config, "cannot connect to the registry " + location.display()));
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }

  /** Where the registry is. */
  public RegistryLocation location() {
    return location;
  }

  /** The Jdbi over the pool. */
  public Jdbi jdbi() {
    return jdbi;
  }

  private Flyway flyway() {
    List<String> locations = new ArrayList<>();
    locations.add("classpath:db/common");
    locations.add(location.isPostgres() ? "classpath:db/postgresql" : "classpath:db/h2");
    return Flyway.configure(getClass().getClassLoader())
        .dataSource(dataSource)
        .locations(locations.toArray(String[]::new))
        .failOnMissingLocations(true)
        .load();
  }

  /**
   * Creates the schema, or applies the migrations it lacks; returns the versions applied (empty
   * when it was already current).
   */
  public List<String> init() {
    if (location.isPostgres() && location.hasSeparateOwner()) {
      return initAsOwner();
    }
    var result = flyway().migrate();
    List<String> applied = new ArrayList<>();
    result.migrations.forEach(m -> applied.add(m.version + " " + m.description));
    return applied;
  }

  /**
   * PostgreSQL with a separate owner: the migrations run as the owner role, which then grants the
   * application's role what it needs and no more — every table read and written, but the audit
   * trail only read and appended to (SELECT, INSERT). The application's role owns nothing, so it
   * can neither change the audit trail nor drop its trigger. Run again by every {@code init}, so a
   * table a later migration adds is granted too.
   */
  private List<String> initAsOwner() {
    List<String> applied = new ArrayList<>();
    try (HikariDataSource owner = ownerDataSource()) {
      Flyway f =
          Flyway.configure(getClass().getClassLoader())
              .dataSource(owner)
              .locations("classpath:db/common", "classpath:db/postgresql")
              .failOnMissingLocations(true)
              .load();
      f.migrate().migrations.forEach(m -> applied.add(m.version + " " + m.description));
      Jdbi.create(owner)
          .useHandle(
              h -> {
                String app = quote(location.user());
                String schema = h.createQuery("SELECT current_schema()").mapTo(String.class).one();
                String sc = quote(schema);
                List<String> tables =
                    h.createQuery(
                            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
                        .mapTo(String.class)
                        .list();
                h.execute("GRANT USAGE ON SCHEMA " + sc + " TO " + app);
                for (String t : tables) {
                  String qt = sc + "." + quote(t);
                  h.execute("REVOKE ALL ON " + qt + " FROM " + app);
                  if (t.equals("audit_log")) {
                    h.execute("GRANT SELECT, INSERT ON " + qt + " TO " + app);
                  } else if (t.equals("flyway_schema_history")) {
                    h.execute("GRANT SELECT ON " + qt + " TO " + app);
                  } else {
                    h.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON " + qt + " TO " + app);
                  }
                }
                h.execute(
                    "GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA " + sc + " TO " + app);
              });
    }
    return applied;
  }

  private HikariDataSource ownerDataSource() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(location.jdbcUrl());
    config.setUsername(location.ownerUser());
    config.setPassword(location.ownerPassword());
    config.setMaximumPoolSize(3); // Flyway holds one connection for its lock, one for the work
    config.setMinimumIdle(0);
    config.setPoolName("thyra-registry-owner");
    config.setInitializationFailTimeout(-1);
    config.setConnectionTimeout(15_000);
    return connect(
        config,
        "cannot connect to the registry "
            + location.display()
            + " as the owner role THYRA_DB_OWNER_USER="
            + location.ownerUser());
  }

  /**
   * A pool whose first connection has been opened and checked, so that a wrong address or password
   * is reported now, once, as {@code failure: <the driver's root cause>}; the pool is closed then.
   */
  private static HikariDataSource connect(HikariConfig config, String failure) {
    HikariDataSource ds = new HikariDataSource(config);
    try (var c = ds.getConnection()) {
      c.isValid(5);
    } catch (SQLException e) {
      ds.close();
      throw new RegistryException(failure + ": " + rootMessage(e), e);
    }
    return ds;
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /** The schema version, or empty when the registry has no schema yet. */
  public Optional<String> schemaVersion() {
    MigrationInfo current = flyway().info().current();
    return current == null ? Optional.empty() : Optional.of(current.getVersion().getVersion());
  }

  /** Refuses a registry without schema or with migrations pending. */
  public void requireCurrent() {
    var info = flyway().info();
    if (info.current() == null) {
      throw new RegistryException(
          "the registry at "
              + location.display()
              + " is not initialised: run `thyra registry init --registry "
              + location.display()
              + "`");
    }
    if (info.pending().length > 0) {
      throw new RegistryException(
          "the registry at "
              + location.display()
              + " needs "
              + info.pending().length
              + " migration(s): run `thyra registry init` to upgrade it");
    }
  }

  /**
   * Runs one transaction at SERIALIZABLE-free READ COMMITTED isolation: the optimistic version
   * column, not the isolation level, decides between two writers.
   */
  public <R> R inTransaction(HandleCallback<R, RuntimeException> work) {
    return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, work);
  }

  /** Runs read-only work on one handle. */
  public <R> R withHandle(HandleCallback<R, RuntimeException> work) {
    return jdbi.withHandle(work);
  }

  /** Opens a handle the caller manages (long exports, backups). */
  public Handle open() {
    return jdbi.open();
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
