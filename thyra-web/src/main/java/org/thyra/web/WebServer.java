package org.thyra.web;

import io.javalin.Javalin;
import java.io.IOException;
import org.thyra.web.account.AccountStore;
import org.thyra.web.account.PasswordHasher;
import org.thyra.web.patient.EmbeddedPatientDirectory;
import org.thyra.web.store.WebDatabase;

/** A running {@code thyra serve}: the database and the started application. */
public final class WebServer implements AutoCloseable {
  private final WebDatabase db;
  private final Javalin app;

  private WebServer(WebDatabase db, Javalin app) {
    this.db = db;
    this.app = app;
  }

  /**
   * Opens the registry location and starts serving.
   *
   * @param location registry directory, or {@code null} for the default
   * @param bind address to listen on (loopback by default: put a TLS proxy in front to serve a
   *     network)
   * @param port port, 0 for any free one
   */
  public static WebServer start(String location, String bind, int port) throws IOException {
    WebDatabase db = WebDatabase.open(location);
    try {
      WebApp.Settings settings = WebApp.Settings.defaults();
      Javalin app =
          WebApp.create(
              new AccountStore(db.dataSource()),
              new EmbeddedPatientDirectory(db.dataSource(), settings.clock()),
              new PasswordHasher(),
              settings);
      app.start(bind, port);
      return new WebServer(db, app);
    } catch (RuntimeException e) {
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
    db.close();
  }
}
