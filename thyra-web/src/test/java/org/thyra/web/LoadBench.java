package org.thyra.web;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.thyra.clinical.course.Analyte;
import org.thyra.clinical.course.CourseJson;
import org.thyra.clinical.course.LabResult;
import org.thyra.clinical.course.PatientCourse;
import org.thyra.registry.Registry;
import org.thyra.registry.RegistryLocation;
import org.thyra.web.account.Account;
import org.thyra.web.account.AccountStore;
import org.thyra.web.account.PasswordHasher;
import org.thyra.web.account.Role;
import org.thyra.web.patient.AuditEntry;
import org.thyra.web.patient.Change;
import org.thyra.web.patient.EmbeddedPatientDirectory;
import org.thyra.web.patient.PatientDirectory;
import org.thyra.web.patient.RegistryPatientDirectory;
import org.thyra.web.patient.StoredPatient;
import org.thyra.web.store.WebDatabase;

/**
 * Load bench (issue 15 item 6; run by {@code bench/web-load.sh}, not by the test suite): N
 * concurrent users on the loopback interface for a given time against {@code thyra serve}'s own
 * stack (file H2 database, Argon2id logins), each signing in once and then browsing the list,
 * opening patients, adding Tg values and correcting them. Every write carries a unique value, so
 * that afterwards the stored courses and the audit trail can be checked for lost or duplicated
 * writes. A 409 (another user saved the patient first) is the expected answer to a conflicting
 * write and is retried from the new version; any other unexpected status is an error.
 *
 * <p>Arguments: users (50), seconds (120), patients per site (20), store: {@code h2} (default: a
 * fresh embedded registry, as {@code thyra serve --registry DIR} over {@code thyra registry init}),
 * {@code postgres} (a fresh schema in {@code $THYRA_TEST_PG_URL}, credentials from {@code
 * THYRA_DB_USER}/{@code THYRA_DB_PASSWORD} as the registry commands read them, dropped afterwards)
 * or {@code embedded} (the web store's interim tables). With a registry, the checks read the
 * registry's own courses and audit trail.
 */
public final class LoadBench {
  private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");
  private static final Pattern PATIENT = Pattern.compile("href=\"/patients/([A-Za-z0-9._-]+)\"");

  record Sample(String kind, long nanos) {}

  public static void main(String[] args) throws Exception {
    int users = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 120;
    int perSite = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    String[] sites = {"S1", "S2", "S3", "S4", "S5"};
    Path dir = Files.createTempDirectory("thyra-web-bench");
    String password = "bench password 123";
    String store = args.length > 3 ? args[3] : "h2";
    String schema = null;
    Registry registry = null;
    String pgBase =
        System.getenv()
            .getOrDefault("THYRA_TEST_PG_URL", "jdbc:postgresql://localhost:5432/thyra_test");
    Map<String, String> env = System.getenv();
    if (store.equals("postgres")) {
      schema = "bench_" + Long.toHexString(System.nanoTime());
      try (var c =
              java.sql.DriverManager.getConnection(
                  pgBase, env.get("THYRA_DB_USER"), env.get("THYRA_DB_PASSWORD"));
          var st = c.createStatement()) {
        st.execute("CREATE SCHEMA " + schema);
      }
    }
    String location =
        store.equals("postgres")
            ? pgBase + (pgBase.contains("?") ? "&" : "?") + "currentSchema=" + schema
            : dir.toString();
    if (!store.equals("embedded")) {
      // thyra registry init first, as a site would (the accounts table joins the registry)
      registry = Registry.open(RegistryLocation.resolve(location, env), true);
      registry.init();
    }
    try (WebDatabase db = WebDatabase.open(location, env)) {
      PasswordHasher hasher = new PasswordHasher();
      AccountStore accounts = new AccountStore(db.dataSource());
      PatientDirectory directory =
          registry == null
              ? new EmbeddedPatientDirectory(db.dataSource(), java.time.Clock.systemUTC())
              : new RegistryPatientDirectory(registry);
      System.out.println(
          "store: "
              + store
              + (registry == null ? "" : " (registry " + registry.location().display() + ")"));
      String hash = hasher.hash(password);
      for (int u = 0; u < users; u++) {
        String site = sites[u % sites.length];
        Role role = u % 5 == 4 ? Role.CLINICIAN : Role.DATA_MANAGER;
        accounts.add(new Account("u" + u, role, site, hash, Instant.now()));
      }
      PatientCourse template =
          CourseJson.read(Path.of("..", "examples", "courses", "seed003-rair-lung.json"));
      for (String site : sites) {
        for (int i = 0; i < perSite; i++) {
          String json =
              CourseJson.write(template).replace("\"P003-01\"", "\"" + site + "-" + i + "\"");
          directory.create(site, CourseJson.read(json, "bench"), new Change("seed", "bench data"));
        }
      }
      long[] seeded = directory.counts();
      var app = WebApp.create(accounts, directory, hasher, WebApp.Settings.defaults());
      app.start("127.0.0.1", 0);
      String base = "http://127.0.0.1:" + app.port();

      ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
      // value written → patient, for the lost/duplicate check
      Map<Double, String> added = new ConcurrentHashMap<>();
      java.util.Set<Double> correctedTo = ConcurrentHashMap.newKeySet(); // acknowledged corrections
      AtomicInteger conflicts = new AtomicInteger();
      AtomicInteger writes = new AtomicInteger();
      AtomicInteger valueSeq = new AtomicInteger();
      CountDownLatch done = new CountDownLatch(users);
      Instant start = Instant.now();
      Instant end = start.plusSeconds(seconds);
      System.out.println("load average at start: " + loadAverage());
      for (int u = 0; u < users; u++) {
        final int id = u;
        Thread t =
            new Thread(
                () -> {
                  try {
                    run(
                        id,
                        base,
                        password,
                        end,
                        samples,
                        errors,
                        added,
                        correctedTo,
                        conflicts,
                        writes,
                        valueSeq);
                  } catch (Exception e) {
                    errors.add("u" + id + ": " + e);
                  } finally {
                    done.countDown();
                  }
                });
        t.start();
      }
      done.await();
      double elapsed = Duration.between(start, Instant.now()).toMillis() / 1000.0;
      System.out.println("load average at end: " + loadAverage());
      app.stop();

      // ------------------------------------------------------------------ checks
      List<String> integrity = new ArrayList<>();
      Map<Double, Integer> found = new java.util.HashMap<>();
      for (String site : sites) {
        for (int i = 0; i < perSite; i++) {
          StoredPatient p = directory.find(site + "-" + i).orElseThrow();
          for (LabResult l : p.course().labs()) {
            if (l.analyte() == Analyte.TSH) {
              found.merge(l.value(), 1, Integer::sum);
            }
          }
        }
      }
      for (Map.Entry<Double, String> e : added.entrySet()) {
        int n = found.getOrDefault(e.getKey(), 0);
        if (n != 1) {
          integrity.add("value " + e.getKey() + " on " + e.getValue() + " stored " + n + " times");
        }
      }
      for (Double v : found.keySet()) {
        if (!added.containsKey(v) && !correctedTo.contains(v)) {
          integrity.add("value " + v + " stored but never acknowledged");
        }
      }
      long[] after = directory.counts();
      // one write is one transaction: its audit lines (the registry writes one per changed entry,
      // e.g. entries shifted by an inserted value) share patient, user and transaction time
      long webAudit = 0;
      java.util.Set<String> auditedWrites = new java.util.HashSet<>();
      for (String site : sites) {
        for (int i = 0; i < perSite; i++) {
          for (AuditEntry a : directory.history(site + "-" + i)) {
            if (!a.username().equals("seed")) {
              webAudit++;
              auditedWrites.add(a.patientId() + "|" + a.username() + "|" + a.at());
              if (a.reason().isBlank()) {
                integrity.add("audit line without reason: " + a);
              }
              if (!a.username().matches("u\\d+")) {
                integrity.add("audit line by an unknown user: " + a);
              }
            }
          }
        }
      }
      System.out.println(
          "audit: " + webAudit + " lines, " + auditedWrites.size() + " audited writes");
      if (auditedWrites.size() != writes.get()) {
        integrity.add(
            "audited writes " + auditedWrites.size() + " ≠ acknowledged writes " + writes.get());
      }
      if (after[0] != seeded[0]) {
        integrity.add("patients " + after[0] + " ≠ " + seeded[0]);
      }

      // ------------------------------------------------------------------ report
      List<Sample> all = new ArrayList<>(samples);
      System.out.printf(
          "users %d, %.1f s, %d requests, %.1f req/s, %d acknowledged writes, %d conflicts (409,"
              + " retried), %d errors%n",
          users,
          elapsed,
          all.size(),
          all.size() / elapsed,
          writes.get(),
          conflicts.get(),
          errors.size());
      System.out.println("kind        n      p50 ms   p95 ms   p99 ms");
      for (String kind : new String[] {"login", "list", "patient", "form", "write", "all"}) {
        List<Long> ns = new ArrayList<>();
        for (Sample s : all) {
          if (kind.equals("all") || s.kind().equals(kind)) {
            ns.add(s.nanos());
          }
        }
        Collections.sort(ns);
        if (!ns.isEmpty()) {
          System.out.printf(
              "%-8s %6d %9.1f %8.1f %8.1f%n",
              kind, ns.size(), q(ns, 0.50), q(ns, 0.95), q(ns, 0.99));
        }
      }
      errors.stream().limit(10).forEach(e -> System.out.println("error: " + e));
      integrity.stream().limit(10).forEach(e -> System.out.println("integrity: " + e));
      System.out.println(
          errors.isEmpty() && integrity.isEmpty()
              ? "OK: no error, no lost or duplicated write (stored values and audit checked)"
              : "FAILED");
      if (registry != null) {
        registry.close();
      }
      if (schema != null) {
        try (var c =
                java.sql.DriverManager.getConnection(
                    pgBase, env.get("THYRA_DB_USER"), env.get("THYRA_DB_PASSWORD"));
            var st = c.createStatement()) {
          st.execute("DROP SCHEMA " + schema + " CASCADE");
        }
      }
      if (!errors.isEmpty() || !integrity.isEmpty()) {
        System.exit(1);
      }
    }
  }

  /** The machine's 1/5/15-minute load averages (the figures mean little without them). */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip()
          + " on "
          + Runtime.getRuntime().availableProcessors()
          + " cores";
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  private static double q(List<Long> sorted, double p) {
    int i = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, i)) / 1e6;
  }

  private static HttpResponse<String> timed(
      ConcurrentLinkedQueue<Sample> samples, String kind, Call c) throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<String> r = c.call();
    samples.add(new Sample(kind, System.nanoTime() - t0));
    return r;
  }

  interface Call {
    HttpResponse<String> call() throws Exception;
  }

  private static void expect(
      HttpResponse<String> r, ConcurrentLinkedQueue<String> errors, String what, int... ok) {
    for (int s : ok) {
      if (r.statusCode() == s) {
        return;
      }
    }
    errors.add(what + " → " + r.statusCode());
  }

  private static void run(
      int id,
      String base,
      String password,
      Instant end,
      ConcurrentLinkedQueue<Sample> samples,
      ConcurrentLinkedQueue<String> errors,
      Map<Double, String> added,
      java.util.Set<Double> correctedTo,
      AtomicInteger conflicts,
      AtomicInteger writes,
      AtomicInteger valueSeq)
      throws Exception {
    Random rnd = new Random(id);
    Http h = new Http(base);
    h.get("/login");
    HttpResponse<String> login =
        timed(
            samples,
            "login",
            () -> h.postWithToken("/login", Map.of("username", "u" + id, "password", password)));
    expect(login, errors, "login u" + id, 303);
    boolean editor = id % 5 != 4;
    List<String> patients = new ArrayList<>();
    while (Instant.now().isBefore(end)) {
      HttpResponse<String> list = timed(samples, "list", () -> h.get("/patients"));
      expect(list, errors, "list", 200);
      Matcher m = PATIENT.matcher(list.body());
      patients.clear();
      while (m.find()) {
        if (!m.group(1).equals("new")) {
          patients.add(m.group(1));
        }
      }
      if (patients.isEmpty()) {
        errors.add("u" + id + ": empty patient list");
        return;
      }
      String p = patients.get(rnd.nextInt(patients.size()));
      HttpResponse<String> page = timed(samples, "patient", () -> h.get("/patients/" + p));
      expect(page, errors, "patient " + p, 200);
      int action = rnd.nextInt(10);
      if (!editor || action < 4) {
        continue; // browsing only
      }
      boolean correct = action >= 8;
      String formPath =
          "/patients/" + p + "/entries/lab/" + (correct ? "4" : "new"); // labs[4]: the 5th Tg
      while (Instant.now().isBefore(end)) {
        HttpResponse<String> form = timed(samples, "form", () -> h.get(formPath));
        expect(form, errors, "form " + formPath, 200);
        Matcher v = VERSION.matcher(form.body());
        if (!v.find()) {
          errors.add("no version in " + formPath);
          return;
        }
        double value = 1000 + valueSeq.incrementAndGet();
        Map<String, String> f = new java.util.HashMap<>();
        f.put("version", v.group(1));
        f.put("reason", "bench " + (correct ? "correction" : "entry"));
        if (correct) {
          f.putAll(Map.of("date", "2012-09-01", "analyte", "TSH", "value", Double.toString(value)));
        } else {
          f.putAll(Map.of("date", "2013-01-01", "analyte", "TSH", "value", Double.toString(value)));
        }
        String post = correct ? formPath : "/patients/" + p + "/entries/lab";
        HttpResponse<String> r = timed(samples, "write", () -> h.postWithToken(post, f));
        if (r.statusCode() == 409) {
          conflicts.incrementAndGet();
          continue; // read the new version and enter the change again
        }
        expect(r, errors, "write " + post, 303);
        if (r.statusCode() == 303) {
          writes.incrementAndGet();
          if (correct) {
            correctedTo.add(value);
          } else {
            added.put(value, p);
          }
        }
        break;
      }
    }
  }
}
