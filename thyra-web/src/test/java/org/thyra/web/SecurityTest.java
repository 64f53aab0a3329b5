package org.thyra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thyra.web.session.LoginThrottle;

/** The security contract of issue 15 over real HTTP: sessions, CSRF, roles, sites, headers. */
class SecurityTest {
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer();
    server.seed("seed003-rair-lung", "A");
    server.seed("seed001-rai-avid-micrometastases", "B");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  Http http() {
    return new Http(server.base());
  }

  @Test
  void anonymousRequestsAreSentToTheLoginPage() throws Exception {
    Http h = http();
    for (String path :
        new String[] {
          "/",
          "/patients",
          "/patients/P003-01",
          "/cohort",
          "/nomograms",
          "/nomograms/seed004-os",
          "/studies",
          "/studies/runs/x",
          "/studies/runs/x/report.pdf"
        }) {
      HttpResponse<String> r = h.get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(303);
      assertThat(r.headers().firstValue("Location")).as(path).hasValue("/login");
    }
    HttpResponse<String> p = h.post("/patients/P003-01/entries/lab", Map.of("value", "1"));
    assertThat(p.statusCode()).isEqualTo(401);
  }

  @Test
  void loginFormHasTheContractFields() throws Exception {
    HttpResponse<String> r = http().get("/login");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains("name=\"username\"")
        .contains("name=\"password\"")
        .containsPattern("type=\"hidden\" name=\"[^\"]*csrf[^\"]*\" value=\"[A-Za-z0-9_-]{43}\"");
  }

  @Test
  void sessionCookieIsHttpOnlySameSiteAndRenewedAtLogin() throws Exception {
    Http h = http();
    HttpResponse<String> form = h.get("/login");
    String setCookie = form.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");
    assertThat(setCookie).doesNotContain("Secure"); // plain HTTP on loopback
    String anonymous = h.cookie;
    HttpResponse<String> r =
        h.postWithToken("/login", Map.of("username", "dm-a", "password", TestServer.PASSWORD));
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).hasValue("/patients");
    assertThat(h.cookie).isNotNull().isNotEqualTo(anonymous); // no session fixation
    assertThat(r.headers().firstValue("Set-Cookie").orElseThrow())
        .contains("HttpOnly")
        .contains("SameSite=Strict");
  }

  @Test
  void loginWithoutCsrfTokenIsRefused() throws Exception {
    Http h = http();
    h.get("/login");
    HttpResponse<String> r =
        h.post("/login", Map.of("username", "dm-a", "password", TestServer.PASSWORD));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(h.get("/patients").statusCode()).isEqualTo(303);
  }

  @Test
  void stateChangingRequestWithoutOrWithWrongCsrfTokenChangesNothing() throws Exception {
    Http h = http();
    h.login("dm-a", TestServer.PASSWORD);
    long[] before = server.directory.counts();
    long version = server.directory.find("P003-01").orElseThrow().version();
    Map<String, String> lab =
        Map.of(
            "date", "2013-01-01",
            "analyte", "TG",
            "value", "5",
            "version", Long.toString(version),
            "reason", "csrf test");
    assertThat(h.post("/patients/P003-01/entries/lab", lab).statusCode()).isEqualTo(403);
    Map<String, String> wrong = new java.util.HashMap<>(lab);
    wrong.put("_csrf", "A".repeat(43));
    assertThat(h.post("/patients/P003-01/entries/lab", wrong).statusCode()).isEqualTo(403);
    assertThat(h.post("/logout", Map.of()).statusCode()).isEqualTo(403);
    assertThat(server.directory.counts()).containsExactly(before);
    assertThat(server.directory.find("P003-01").orElseThrow().version()).isEqualTo(version);
  }

  @Test
  void patientOfAnotherSiteAnswers404LikeAMissingOne() throws Exception {
    Http a = http();
    a.login("dm-a", TestServer.PASSWORD);
    assertThat(a.get("/patients/P003-01").statusCode()).isEqualTo(200);
    HttpResponse<String> other = a.get("/patients/P001-01");
    HttpResponse<String> missing = a.get("/patients/NO-SUCH");
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(other.body()).doesNotContain("P001-01");
    assertThat(a.get("/patients/P001-01/audit").statusCode()).isEqualTo(404);
    assertThat(a.get("/patients/P001-01/entries/lab/0").statusCode()).isEqualTo(404);
    assertThat(
            a.postWithToken(
                    "/patients/P001-01/entries/lab",
                    Map.of("date", "2013-01-01", "analyte", "TG", "value", "1", "reason", "x"))
                .statusCode())
        .isEqualTo(404);
    assertThat(a.get("/patients").body()).contains("P003-01").doesNotContain("P001-01");
    assertThat(a.get("/patients?site=B").body()).doesNotContain("P001-01");
  }

  @Test
  void rolesAreEnforcedOnTheServer() throws Exception {
    Http clin = http();
    clin.login("clin-a", TestServer.PASSWORD);
    assertThat(clin.get("/patients/P003-01").statusCode()).isEqualTo(200);
    assertThat(clin.get("/patients/P003-01").body()).doesNotContain("/entries/lab/new");
    assertThat(clin.get("/patients/P003-01/entries/lab/new").statusCode()).isEqualTo(404);
    long[] before = server.directory.counts();
    assertThat(
            clin.postWithToken(
                    "/patients/P003-01/entries/lab",
                    Map.of("date", "2013-01-01", "analyte", "TG", "value", "1", "reason", "x"))
                .statusCode())
        .isEqualTo(404);
    assertThat(clin.get("/patients/new").statusCode()).isEqualTo(403);
    assertThat(server.directory.counts()).containsExactly(before);

    Http analyst = http();
    HttpResponse<String> r = analyst.login("analyst", TestServer.PASSWORD);
    assertThat(r.headers().firstValue("Location")).hasValue("/cohort");
    assertThat(analyst.get("/patients").statusCode()).isEqualTo(403);
    assertThat(analyst.get("/patients/P003-01").statusCode()).isEqualTo(404);
    HttpResponse<String> cohort = analyst.get("/cohort");
    assertThat(cohort.statusCode()).isEqualTo(200);
    // de-identified: no patient id, no date
    assertThat(cohort.body())
        .doesNotContain("P003-01")
        .doesNotContain("P001-01")
        .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
  }

  @Test
  void securityHeadersOnEveryResponse() throws Exception {
    Http h = http();
    for (String path : new String[] {"/login", "/no-such-page", "/patients"}) {
      HttpResponse<String> r = h.get(path);
      assertThat(r.headers().firstValue("Content-Security-Policy"))
          .as(path)
          .hasValueSatisfying(
              v ->
                  assertThat(v)
                      .contains("script-src 'self'")
                      .contains("frame-ancestors 'none'")
                      .doesNotContain("unsafe-inline"));
      assertThat(r.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
      assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertThat(r.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
    }
    // no inline script anywhere in a page
    String page = h.get("/login").body();
    assertThat(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)");
    assertThat(page).doesNotContain("style=\"");
    assertThat(h.get("/webjars/htmx.org/2.0.4/dist/htmx.min.js").statusCode()).isEqualTo(200);
  }

  @Test
  void loginIsThrottledAfterRepeatedFailures() throws Exception {
    Http h = http();
    h.get("/login");
    for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
      HttpResponse<String> r =
          h.postWithToken("/login", Map.of("username", "dm-b", "password", "wrong" + i));
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(r.body()).contains("Wrong user name or password");
    }
    // now even the right password is refused without being checked
    HttpResponse<String> locked =
        h.postWithToken("/login", Map.of("username", "dm-b", "password", TestServer.PASSWORD));
    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(locked.headers().firstValue("Retry-After")).isPresent();
    server.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
    HttpResponse<String> ok =
        h.postWithToken("/login", Map.of("username", "dm-b", "password", TestServer.PASSWORD));
    assertThat(ok.statusCode()).isEqualTo(303);
  }

  @Test
  void unknownUserAndWrongPasswordLookTheSame() throws Exception {
    Http h = http();
    h.get("/login");
    HttpResponse<String> a =
        h.postWithToken("/login", Map.of("username", "nobody", "password", "x"));
    HttpResponse<String> b =
        h.postWithToken("/login", Map.of("username", "admin", "password", "x"));
    assertThat(a.statusCode()).isEqualTo(b.statusCode()).isEqualTo(401);
    assertThat(a.body().replace("nobody", "admin")).isEqualTo(b.body());
  }

  @Test
  void idleSessionExpires() throws Exception {
    Http h = http();
    h.login("clin-a", TestServer.PASSWORD);
    assertThat(h.get("/patients").statusCode()).isEqualTo(200);
    server.clock.advance(Duration.ofMinutes(14));
    assertThat(h.get("/patients").statusCode()).isEqualTo(200); // activity renews
    server.clock.advance(Duration.ofMinutes(15).plusSeconds(1));
    HttpResponse<String> r = h.get("/patients");
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).hasValue("/login");
  }

  @Test
  void logoutEndsTheSession() throws Exception {
    Http h = http();
    h.login("clin-a", TestServer.PASSWORD);
    String old = h.cookie;
    HttpResponse<String> r = h.postWithToken("/logout", Map.of());
    assertThat(r.statusCode()).isEqualTo(303);
    h.cookie = old; // replaying the old cookie does not work
    assertThat(h.get("/patients").statusCode()).isEqualTo(303);
  }

  @Test
  void aBundledStudyOnTheRegistryFrameIsRefusedWithItsProblemsAndItsRunIsTheAnalystsOwn()
      throws Exception {
    Http analyst = http();
    analyst.login("analyst", TestServer.PASSWORD);
    analyst.get("/studies");
    HttpResponse<String> post =
        analyst.postWithToken("/studies/runs", Map.of("protocol", "nomogram"));
    assertThat(post.statusCode()).isEqualTo(303);
    String run = post.headers().firstValue("Location").orElseThrow();
    HttpResponse<String> page = analyst.get(run);
    assertThat(page.statusCode()).isEqualTo(422);
    assertThat(page.body())
        .contains("The study was not run")
        .contains("nomogram.yaml:")
        .contains("no column 'activity_mci'")
        .doesNotContain("P003-01")
        .doesNotContain("P001-01");
    assertThat(analyst.get(run + "/report.pdf").statusCode()).isEqualTo(404);
    assertThat(analyst.postWithToken("/studies/runs", Map.of("protocol", "../x")).statusCode())
        .isEqualTo(422);
    Http admin = http();
    admin.login("admin", TestServer.PASSWORD);
    assertThat(admin.get(run).statusCode()).isEqualTo(422); // administrators see every run
    Http clin = http();
    clin.login("clin-a", TestServer.PASSWORD);
    assertThat(clin.get(run).statusCode()).isEqualTo(403);
  }
}
