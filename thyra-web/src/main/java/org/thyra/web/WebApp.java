package org.thyra.web;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.thyra.web.account.AccountStore;
import org.thyra.web.account.PasswordHasher;
import org.thyra.web.nomogram.NomogramModels;
import org.thyra.web.patient.PatientDirectory;
import org.thyra.web.session.LoginThrottle;
import org.thyra.web.session.SessionStore;
import org.thyra.web.study.StudyRuns;

/**
 * The web application, wired explicitly: every route is declared here, in Javalin 7's config block,
 * with the roles that may use it; {@link Security} checks them in {@code beforeMatched}.
 *
 * <table>
 *   <caption>Routes</caption>
 *   <tr><td>GET /login, POST /login</td><td>anyone</td></tr>
 *   <tr><td>POST /logout, GET /</td><td>signed in</td></tr>
 *   <tr><td>GET /patients, /patients/{patientId}, .../audit, entry forms</td><td>admin, data
 *       manager, clinician (own site)</td></tr>
 *   <tr><td>POST /patients, entry changes</td><td>admin, data manager (own site)</td></tr>
 *   <tr><td>GET /cohort</td><td>admin, clinician, analyst (de-identified: counts, KM, log-rank,
 *       Table 1)</td></tr>
 *   <tr><td>GET /nomograms, GET and POST /nomograms/{modelId}</td><td>admin, data manager,
 *       clinician</td></tr>
 *   <tr><td>GET /studies, POST /studies/runs, GET /studies/runs/{runId}[/{file}]</td><td>admin,
 *       analyst (own site's patients; a run only by who ran it, and administrators)</td></tr>
 * </table>
 */
public final class WebApp {

  /**
   * Session and time settings.
   *
   * @param idle a session ends after this long without a request
   * @param lifetime and in any case after this long
   * @param clock time source (tests move it)
   */
  public record Settings(Duration idle, Duration lifetime, Clock clock) {
    /** 15 minutes idle (OWASP Session Management: 15–30 minutes for sensitive data), 8 hours. */
    public static Settings defaults() {
      return new Settings(Duration.ofMinutes(15), Duration.ofHours(8), Clock.systemUTC());
    }
  }

  private WebApp() {}

  /** The application (not started). */
  public static Javalin create(
      AccountStore accounts, PatientDirectory directory, PasswordHasher hasher, Settings settings) {
    return create(accounts, directory, hasher, settings, NomogramModels.bundled());
  }

  /** The application (not started), with the nomogram models the calculator offers. */
  public static Javalin create(
      AccountStore accounts,
      PatientDirectory directory,
      PasswordHasher hasher,
      Settings settings,
      NomogramModels models) {
    return create(accounts, directory, hasher, settings, models, StudyRuns.REGISTRY_FRAME);
  }

  /** As above, with where a study run's data come from (tests: a synthetic cohort). */
  public static Javalin create(
      AccountStore accounts,
      PatientDirectory directory,
      PasswordHasher hasher,
      Settings settings,
      NomogramModels models,
      StudyRuns.DataSource studyData) {
    SessionStore sessions =
        new SessionStore(settings.clock(), settings.idle(), settings.lifetime());
    LoginThrottle throttle = new LoginThrottle(settings.clock());
    Pages pages = new Pages();
    Security security = new Security(sessions);
    LoginHandlers login = new LoginHandlers(accounts, hasher, sessions, throttle, pages);
    PatientHandlers patients = new PatientHandlers(directory, pages);
    CohortHandlers cohort = new CohortHandlers(directory, pages);
    NomogramHandlers nomograms = new NomogramHandlers(models, pages);
    StudyRuns studyRuns = new StudyRuns(settings.clock(), studyData);
    StudyHandlers studies = new StudyHandlers(directory, studyRuns, pages);
    ScheduledExecutorService sweeper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "thyra-session-sweeper");
              t.setDaemon(true);
              return t;
            });

    return Javalin.create(
        config -> {
          config.startup.showJavalinBanner = false;
          config.http.maxRequestSize = 256 * 1024L;
          config.staticFiles.enableWebjars();
          config.staticFiles.add(
              s -> {
                s.hostedPath = "/static";
                s.directory = "/org/thyra/web/static";
                s.location = Location.CLASSPATH;
              });
          config.events.serverStarted(
              () -> sweeper.scheduleAtFixedRate(sessions::sweep, 1, 1, TimeUnit.MINUTES));
          config.events.serverStopped(sweeper::shutdownNow);
          config.events.serverStopped(studyRuns::close);

          config.routes.before(security::before);
          config.routes.beforeMatched(security::beforeMatched);

          config.routes.get("/login", login::form, Access.PUBLIC);
          config.routes.post("/login", login::login, Access.PUBLIC);
          config.routes.post("/logout", login::logout, Access.SIGNED_IN);
          config.routes.get("/", login::home, Access.SIGNED_IN);

          config.routes.get("/patients", patients::list, Access.READ_PATIENTS);
          config.routes.get("/patients/new", patients::newForm, Access.EDIT_PATIENTS);
          config.routes.post("/patients", patients::create, Access.EDIT_PATIENTS);
          config.routes.get("/patients/{patientId}", patients::show, Access.READ_PATIENTS);
          config.routes.get("/patients/{patientId}/audit", patients::audit, Access.READ_PATIENTS);
          config.routes.get(
              "/patients/{patientId}/entries/{kind}/new", patients::entryNew, Access.EDIT_PATIENTS);
          config.routes.post(
              "/patients/{patientId}/entries/{kind}", patients::entryAdd, Access.EDIT_PATIENTS);
          config.routes.get(
              "/patients/{patientId}/entries/{kind}/{index}",
              patients::entryEdit,
              Access.EDIT_PATIENTS);
          config.routes.post(
              "/patients/{patientId}/entries/{kind}/{index}",
              patients::entryUpdate,
              Access.EDIT_PATIENTS);
          config.routes.post(
              "/patients/{patientId}/entries/{kind}/{index}/delete",
              patients::entryDelete,
              Access.EDIT_PATIENTS);

          config.routes.get("/cohort", cohort::show, Access.COHORT);

          config.routes.get("/nomograms", nomograms::list, Access.NOMOGRAM);
          config.routes.get("/nomograms/{modelId}", nomograms::form, Access.NOMOGRAM);
          config.routes.post("/nomograms/{modelId}", nomograms::score, Access.NOMOGRAM);

          config.routes.get("/studies", studies::list, Access.STUDIES);
          config.routes.post("/studies/runs", studies::run, Access.STUDIES);
          config.routes.get("/studies/runs/{runId}", studies::show, Access.STUDIES);
          config.routes.get("/studies/runs/{runId}/{file}", studies::download, Access.STUDIES);

          config.routes.exception(
              HttpResponseException.class,
              (e, ctx) -> pages.error(ctx, e.getStatus(), e.getMessage()));
          config.routes.exception(
              Exception.class,
              (e, ctx) -> {
                System.err.println("thyra serve: " + ctx.method() + " " + ctx.path() + ": " + e);
                pages.error(ctx, 500, "Something went wrong; nothing was saved by this request.");
              });
          config.routes.error(
              404,
              ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                  pages.error(ctx, 404, "No such page");
                }
              });
        });
  }
}
