package org.thyra.web.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

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

  private final JdbcConnectionPool pool;

  private WebDatabase(JdbcConnectionPool pool) {
    this.pool = pool;
  }

  /** The default location: {@code $THYRA_REGISTRY}, else {@code ~/.thyra/registry}. */
  public static Path defaultLocation() {
    String env = System.getenv("THYRA_REGISTRY");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".thyra", "registry");
  }

  /**
   * Opens (creating when absent) the database in {@code directory}.
   *
   * @throws IllegalArgumentException when the location is not a directory or is a JDBC URL (the
   *     PostgreSQL registry is served once thyra-registry lands)
   */
  public static WebDatabase open(String location) throws IOException {
    if (location != null && location.startsWith("jdbc:")) {
      throw new IllegalArgumentException(
          "--registry "
              + location
              + ": a PostgreSQL registry is not supported by the web application yet; give a"
              + " directory");
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
    WebDatabase db = new WebDatabase(pool);
    db.migrate();
    return db;
  }

  /** The pooled data source. */
  public DataSource dataSource() {
    return pool;
  }

  private void migrate() {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      for (String m : MIGRATIONS) {
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
    pool.dispose();
  }
}
