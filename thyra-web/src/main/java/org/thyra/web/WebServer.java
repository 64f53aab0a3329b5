package org.thyra.web;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.thyra.registry.Registry;
import org.thyra.registry.RegistryLocation;
import org.thyra.web.account.AccountStore;
import org.thyra.web.account.PasswordHasher;
import org.thyra.web.nomogram.NomogramModels;
import org.thyra.web.patient.EmbeddedPatientDirectory;
import org.thyra.web.patient.PatientDirectory;
import org.thyra.web.patient.RegistryPatientDirectory;
import org.thyra.web.store.WebDatabase;
import org.thyra.web.study.StudyRuns;

/** A running {@code thyra serve}: the database and the started application. */
public final class WebServer implements AutoCloseable {
  private final WebDatabase db;
  private final Registry registry;
  private final Javalin app;

  private WebServer(WebDatabase db, Registry registry, Javalin app) {
    this.db = db;
    this.registry = registry;
    this.app = app;
  }

  /**
   * Opens the registry location and starts serving. When the directory holds a registry ({@code
   * thyra registry init}), the pages show and edit the registry's patients and write its audit
   * trail; otherwise the web store's own patient tables are used.
   *
   * @param location registry directory, or {@code null} for the default
   * @param bind address to listen on (loopback by default: put a TLS proxy in front to serve a
   *     network)
   * @param port port, 0 for any free one
   */
  public static WebServer start(String location, String bind, int port) throws IOException {
    return start(location, bind, port, System.getenv());
  }

  /**
   * As {@link #start(String, String, int)}, with the environment the PostgreSQL credentials are
   * read from ({@code THYRA_DB_USER}, {@code THYRA_DB_PASSWORD}, as the registry commands). A
   * {@code jdbc:postgresql://} location must hold a current registry ({@code thyra registry init});
   * the accounts table {@code web_user} is created in the same database.
   */
  public static WebServer start(String location, String bind, int port, Map<String, String> env)
      throws IOException {
    return start(location, bind, port, env, null);
  }

  /**
   * As {@link #start(String, String, int, Map)}, with the folder of nomogram model files the
   * calculator offers besides the bundled one ({@code thyra nomogram --format json} outputs); null
   * for the registry directory's {@code nomograms/} folder (none for PostgreSQL).
   */
  public static WebServer start(
      String location, String bind, int port, Map<String, String> env, java.nio.file.Path models)
      throws IOException {
    String given = location == null ? WebDatabase.defaultLocation().toString() : location;
    RegistryLocation where = RegistryLocation.resolve(given, env);
    WebDatabase db = WebDatabase.open(given, env);
    Registry registry = null;
    try {
      WebApp.Settings settings = WebApp.Settings.defaults();
      PatientDirectory patients;
      StudyRuns.DataSource studyData = StudyRuns.REGISTRY_FRAME;
      if (where.isPostgres() || Files.exists(where.directory().resolve("registry.mv.db"))) {
        registry = Registry.open(where, false);
        registry.requireCurrent();
        patients = new RegistryPatientDirectory(registry);
        studyData = StudyRuns.registryStudyFrame(registry);
      } else {
        patients = new EmbeddedPatientDirectory(db.dataSource(), settings.clock());
      }
      java.nio.file.Path modelDir =
          models != null
              ? models
              : where.isPostgres() ? null : where.directory().resolve("nomograms");
      Javalin app =
          WebApp.create(
              new AccountStore(db.dataSource()),
              patients,
              new PasswordHasher(),
              settings,
              NomogramModels.load(modelDir),
              studyData);
      app.start(bind, port);
      return new WebServer(db, registry, app);
    } catch (RuntimeException e) {
      if (registry != null) {
        registry.close();
      }
      db.close();
      throw e;
    }
  }

  /** The port listened on. */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
    if (registry != null) {
      registry.close();
    }
    db.close();
  }
}
