package org.thyra.registry;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where a registry lives: a directory holding an embedded H2 file database, or a PostgreSQL
 * database named by a {@code jdbc:postgresql://} URL. Credentials for PostgreSQL come only from the
 * environment ({@code THYRA_DB_USER}, {@code THYRA_DB_PASSWORD}), never from the command line, so
 * they do not end up in shell histories or process lists.
 *
 * @param jdbcUrl the JDBC URL (for H2 without the {@code IFEXISTS} flag)
 * @param directory the H2 directory, or {@code null} for PostgreSQL
 * @param user database user
 * @param password database password
 * @param display how the location is named in messages (never with a password)
 * @param ownerUser PostgreSQL: the role that owns the schema and runs the migrations ({@code
 *     THYRA_DB_OWNER_USER}), or {@code null} when the application's role owns it
 * @param ownerPassword its password ({@code THYRA_DB_OWNER_PASSWORD})
 */
public record RegistryLocation(
    String jdbcUrl,
    Path directory,
    String user,
    String password,
    String display,
    String ownerUser,
    String ownerPassword) {

  /** A location whose application role also owns the schema. */
  public RegistryLocation(
      String jdbcUrl, Path directory, String user, String password, String display) {
    this(jdbcUrl, directory, user, password, display, null, null);
  }

  /** True when a separate owner role runs the migrations and the application role is granted. */
  public boolean hasSeparateOwner() {
    return ownerUser != null && !ownerUser.isBlank() && !ownerUser.equals(user);
  }

  /** The same database reached with a separate migration owner (PostgreSQL). */
  public RegistryLocation withOwner(String owner, String ownerPassword) {
    return new RegistryLocation(jdbcUrl, directory, user, password, display, owner, ownerPassword);
  }

  /** H2 settings fixed by SPEC §6: PostgreSQL compatibility, lower-case names, NULLs sort last. */
  static final String H2_SETTINGS =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  /** The embedded user of an H2 registry (the file's permissions protect it, not a password). */
  static final String H2_USER = "thyra";

  /** True for PostgreSQL. */
  public boolean isPostgres() {
    return directory == null;
  }

  /**
   * Resolves {@code --registry}: the given value, else {@code $THYRA_REGISTRY}, else {@code
   * ~/.thyra/registry}.
   *
   * @param given the option's value, or {@code null}
   * @param env the environment (System.getenv() in the application)
   */
  public static RegistryLocation resolve(String given, Map<String, String> env) {
    String where = given;
    if (where == null || where.isBlank()) {
      where = env.get("THYRA_REGISTRY");
    }
    if (where == null || where.isBlank()) {
      where = Path.of(System.getProperty("user.home"), ".thyra", "registry").toString();
    }
    if (where.startsWith("jdbc:postgresql:")) {
      if (where.matches("(?i).*[?&](user|password)=.*")) {
        throw new RegistryException(
            "--registry: put no user or password in the URL; set THYRA_DB_USER and THYRA_DB_PASSWORD");
      }
      String user = env.get("THYRA_DB_USER");
      if (user == null || user.isBlank()) {
        throw new RegistryException(
            "--registry " + where + ": set THYRA_DB_USER (and THYRA_DB_PASSWORD) for PostgreSQL");
      }
      String owner = env.get("THYRA_DB_OWNER_USER");
      return new RegistryLocation(
          where,
          null,
          user,
          env.getOrDefault("THYRA_DB_PASSWORD", ""),
          where,
          owner == null || owner.isBlank() ? null : owner,
          env.getOrDefault("THYRA_DB_OWNER_PASSWORD", ""));
    }
    if (where.startsWith("jdbc:")) {
      throw new RegistryException(
          "--registry "
              + where
              + ": a registry is a directory (embedded H2) or a jdbc:postgresql:// URL");
    }
    Path dir = Path.of(where).toAbsolutePath().normalize();
    String url = "jdbc:h2:file:" + dir.resolve("registry") + H2_SETTINGS;
    return new RegistryLocation(url, dir, H2_USER, "", dir.toString());
  }

  /** An H2 registry in a directory (tests, the demo). */
  public static RegistryLocation h2(Path dir) {
    return resolve(dir.toString(), Map.of());
  }

  /** A PostgreSQL registry with explicit credentials (tests, the web application's config). */
  public static RegistryLocation postgres(String url, String user, String password) {
    return new RegistryLocation(url, null, user, password, url);
  }

  /** True when an H2 registry's database file exists. */
  boolean h2Exists() {
    return directory != null && java.nio.file.Files.exists(directory.resolve("registry.mv.db"));
  }
}
