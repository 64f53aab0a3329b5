package org.thyra.web;

import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.thyra.clinical.course.CourseJson;
import org.thyra.clinical.course.PatientCourse;
import org.thyra.registry.Registry;
import org.thyra.registry.RegistryLocation;
import org.thyra.web.account.Account;
import org.thyra.web.account.AccountStore;
import org.thyra.web.account.PasswordHasher;
import org.thyra.web.account.Role;
import org.thyra.web.patient.Change;
import org.thyra.web.patient.EmbeddedPatientDirectory;
import org.thyra.web.patient.PatientDirectory;
import org.thyra.web.patient.RegistryPatientDirectory;
import org.thyra.web.store.WebDatabase;

/**
 * A real application on a free loopback port over an in-memory database, with accounts at two sites
 * and a clock that tests move forward.
 */
final class TestServer implements AutoCloseable {
  static final String PASSWORD = "correct horse battery";

  /** A clock the test moves forward (no sleeping). */
  static final class MovableClock extends Clock {
    final AtomicLong millis = new AtomicLong(Instant.parse("2026-01-01T08:00:00Z").toEpochMilli());

    void advance(Duration d) {
      millis.addAndGet(d.toMillis());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.get());
    }
  }

  private static final AtomicLong DB = new AtomicLong();
  private static final PasswordHasher HASHER = new PasswordHasher();
  private static String passwordHash;

  final MovableClock clock = new MovableClock();
  final WebDatabase db;
  final PatientDirectory directory;
  private final Registry registry;
  private final java.nio.file.Path registryDir;
  final AccountStore accounts;
  final Javalin app;

  TestServer() {
    this(org.thyra.web.study.StudyRuns.REGISTRY_FRAME);
  }

  /** With a study runs' data source (the browser test's synthetic cohort). */
  TestServer(org.thyra.web.study.StudyRuns.DataSource studyData) {
    this(studyData, org.thyra.web.nomogram.NomogramModels.bundled());
  }

  /** With a study runs' data source and the calculator's models. */
  TestServer(
      org.thyra.web.study.StudyRuns.DataSource studyData,
      org.thyra.web.nomogram.NomogramModels models) {
    db = WebDatabase.openUrl("jdbc:h2:mem:web" + DB.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    accounts = new AccountStore(db.dataSource());
    if (Boolean.getBoolean("thyra.web.test.registry")) {
      // -Dthyra.web.test.registry=true: the same tests over an embedded registry
      try {
        registryDir = java.nio.file.Files.createTempDirectory("thyra-web-registry");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      registry = Registry.open(RegistryLocation.h2(registryDir), true);
      registry.init();
      directory = new RegistryPatientDirectory(registry);
    } else {
      registry = null;
      registryDir = null;
      directory = new EmbeddedPatientDirectory(db.dataSource(), clock);
    }
    synchronized (TestServer.class) {
      if (passwordHash == null) {
        passwordHash = HASHER.hash(PASSWORD);
      }
    }
    add("admin", Role.ADMIN, null);
    add("dm-a", Role.DATA_MANAGER, "A");
    add("dm-b", Role.DATA_MANAGER, "B");
    add("clin-a", Role.CLINICIAN, "A");
    add("analyst", Role.ANALYST, null);
    app =
        WebApp.create(
            accounts,
            directory,
            HASHER,
            new WebApp.Settings(Duration.ofMinutes(15), Duration.ofHours(8), clock),
            models,
            studyData);
    app.start("127.0.0.1", 0);
  }

  private void add(String user, Role role, String site) {
    accounts.add(new Account(user, role, site, passwordHash, Instant.EPOCH));
  }

  String base() {
    return "http://127.0.0.1:" + app.port();
  }

  /** Stores an example course at a site (as the registry import would). */
  void seed(String example, String site) throws java.io.IOException {
    PatientCourse c =
        CourseJson.read(java.nio.file.Path.of("..", "examples", "courses", example + ".json"));
    directory.create(site, c, new Change("import", "test data"));
  }

  /** Stores n copies of an example course under the ids PREFIX-1..n at a site. */
  void seedCopies(String example, String site, String prefix, int n) throws java.io.IOException {
    String json =
        java.nio.file.Files.readString(
            java.nio.file.Path.of("..", "examples", "courses", example + ".json"));
    String id = CourseJson.read(json, example).patientId();
    for (int i = 1; i <= n; i++) {
      PatientCourse c =
          CourseJson.read(json.replace("\"" + id + "\"", "\"" + prefix + "-" + i + "\""), example);
      directory.create(site, c, new Change("import", "test data"));
    }
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
