package org.thyra.web.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.thyra.registry.RegistryException;
import org.thyra.registry.RegistryLocation;

/**
 * The web application's database: an embedded H2 file database in the registry directory (SPEC §5
 * {@code --registry LOCATION}; default {@code $THYRA_REGISTRY} or {@code ~/.thyra/registry}), in
 * the registry's H2 mode. Its tables come from the SQL files under {@code org/thyra/web/db},
 * numbered V100 and up so that they can move into the registry's Flyway folder unchanged; each is
 * written with {@code IF NOT EXISTS} and applied on every start.
 *
 * <p>{@code AUTO_SERVER=TRUE} lets {@code thyra users add} write while {@code thyra serve} runs.
 */
public final class WebDatabase implements AutoCloseable {
  private static final List<String> MIGRATIONS =
      List.of("V100__web_users.sql", "V101__web_patients_interim.sql");

  private final DataSource pool;
  private final AutoCloseable closer;

  private WebDatabase(DataSource pool, AutoCloseable closer) {
    this.pool = pool;
    this.closer = closer;
  }

  /** The default location: {@code $THYRA_REGISTRY}, else {@code ~/.thyra/registry}. */
  public static Path defaultLocation() {
    String env = System.getenv("THYRA_REGISTRY");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".thyra", "registry");
  }

  /** {@link #open(String, Map)} with the process environment. */
  public static WebDatabase open(String location) throws IOException {
    return open(location, System.getenv());
  }

  /**
   * Opens (creating when absent) the web tables: for a directory, an H2 file database {@code
   * thyra-web} in it; for a {@code jdbc:postgresql://} registry, the table {@code web_user} in the
   * registry's own database (same URL and schema), with the credentials the registry commands read
   * from {@code THYRA_DB_USER} / {@code THYRA_DB_PASSWORD} in {@code env}.
   *
   * @throws IllegalArgumentException when the location is not a directory or PostgreSQL URL
   */
  public static WebDatabase open(String location, Map<String, String> env) throws IOException {
    if (location != null && location.startsWith("jdbc:")) {
      RegistryLocation where;
      try {
        where = RegistryLocation.resolve(location, env);
      } catch (RegistryException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
      return openPostgres(where);
    }
    Path dir = location == null ? defaultLocation() : Path.of(location);
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException("--registry " + dir + ": not a directory");
    }
    Files.createDirectories(dir);
    String url =
        "jdbc:h2:file:"
            + dir.toAbsolutePath().resolve("thyra-web")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
    return openUrl(url);
  }

  /** Opens a database by H2 URL (tests use {@code jdbc:h2:mem:NAME;DB_CLOSE_DELAY=-1}). */
  public static WebDatabase openUrl(String url) {
    JdbcConnectionPool pool = JdbcConnectionPool.create(url, "thyra", "");
    pool.setMaxConnections(32);
    WebDatabase db = new WebDatabase(pool, pool::dispose);
    db.migrate(MIGRATIONS);
    return db;
  }

  /**
   * The accounts table in a PostgreSQL registry's database. Only {@code V100} (accounts): the
   * patients are the registry's own tables. The registry must exist and be current ({@code thyra
   * registry init}) before the table is created.
   */
  public static WebDatabase openPostgres(RegistryLocation where) {
    if (!where.isPostgres()) {
      throw new IllegalArgumentException(where.display() + " is not a PostgreSQL registry");
    }
    // the registry first: a table of ours in an empty schema would make `thyra registry init`
    // (Flyway) refuse the schema as not empty
    try (org.thyra.registry.Registry r = org.thyra.registry.Registry.open(where, false)) {
      r.requireCurrent();
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(where.jdbcUrl());
    config.setUsername(where.user());
    config.setPassword(where.password());
    config.setMaximumPoolSize(8);
    config.setMinimumIdle(0);
    config.setPoolName("thyra-web-accounts");
    config.setConnectionTimeout(15_000);
    config.setInitializationFailTimeout(-1);
    HikariDataSource ds = new HikariDataSource(config);
    WebDatabase db = new WebDatabase(ds, ds::close);
    try {
      db.migrate(List.of(MIGRATIONS.get(0)));
    } catch (RuntimeException e) {
      ds.close();
      throw new IllegalArgumentException(
          "--registry " + where.display() + ": cannot open the accounts table: " + e.getMessage(),
          e);
    }
    return db;
  }

  /** The pooled data source. */
  public DataSource dataSource() {
    return pool;
  }

  private void migrate(List<String> migrations) {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      for (String m : migrations) {
        for (String sql : statements(m)) {
          s.execute(sql);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the web tables: " + e.getMessage(), e);
    }
  }

  private static List<String> statements(String name) {
    try (InputStream in = WebDatabase.class.getResourceAsStream("/org/thyra/web/db/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing migration " + name);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      StringBuilder clean = new StringBuilder();
      for (String line : text.split("\n")) {
        if (!line.strip().startsWith("--")) {
          clean.append(line).append('\n');
        }
      }
      return java.util.Arrays.stream(clean.toString().split(";"))
          .map(String::strip)
          .filter(x -> !x.isEmpty())
          .toList();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read migration " + name, e);
    }
  }

  @Override
  public void close() {
    try {
      closer.close();
    } catch (Exception e) {
      throw new IllegalStateException("cannot close the web database: " + e.getMessage(), e);
    }
  }
}
