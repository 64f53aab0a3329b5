package org.thyra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.thyra.web.account.Account;
import org.thyra.web.account.PasswordHasher;
import org.thyra.web.account.Role;
import org.thyra.web.golden.Golden;
import org.thyra.web.study.StudyRunsTest;

/**
 * The nomogram calculator, cohort analytics and study runs in a real browser (Playwright driving
 * Debian's Chromium, as {@link BrowserTest}), at desktop (1280 × 900) and phone (390 × 844) sizes,
 * with refusals across roles and without a CSRF token. Screenshots go to {@code
 * target/screenshots/}. Study runs are given a bundled design's synthetic cohort here (the bundled
 * protocols' columns are not in the registry's frame: see {@code StudyRunsTest}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalyticsBrowserTest {
  static TestServer server;
  static Playwright playwright;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    assertThat(BrowserTest.CHROMIUM).isExecutable();
    Files.createDirectories(BrowserTest.SHOTS);
    // the bundled model and a spline x factor interaction model (as thyra serve --models DIR)
    java.nio.file.Path models = Files.createTempDirectory("thyra-models");
    Files.copy(
        Golden.path("nomogram").resolve("lung-rcs-by-sex.json"),
        models.resolve("lung-rcs-by-sex.json"));
    server =
        new TestServer(StudyRunsTest.SYNTHETIC, org.thyra.web.nomogram.NomogramModels.load(models));
    server.seedCopies("seed003-rair-lung", "A", "ANA", 6);
    server.seedCopies("seed001-rai-avid-micrometastases", "B", "BOB", 7);
    server.seedCopies("seed000-ablation-lymph-node", "C", "CAT", 2);
    server.accounts.add(
        new Account(
            "analyst-2",
            Role.ANALYST,
            null,
            new PasswordHasher().hash(TestServer.PASSWORD),
            Instant.EPOCH));
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(BrowserTest.CHROMIUM)
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run")));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
    if (server != null) {
      server.close();
    }
  }

  static Page signIn(String user, int width, int height) {
    Page page =
        browser
            .newContext(
                new Browser.NewContextOptions()
                    .setViewportSize(width, height)
                    .setAcceptDownloads(true))
            .newPage();
    page.navigate(server.base() + "/login");
    page.getByLabel("User name").fill(user);
    page.getByLabel("Password").fill(TestServer.PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    page.waitForLoadState();
    return page;
  }

  static Page signIn(String user) {
    return signIn(user, 1280, 900);
  }

  static void shot(Page page, String name) {
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(BrowserTest.SHOTS.resolve(name + ".png"))
            .setFullPage(true));
  }

  static String pct(double x) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * x);
  }

  @Test
  @Order(1)
  void clinicianEntersValuesWithTheKeyboardAndReadsThePredictedSurvival() throws Exception {
    JsonNode expected = Golden.read("nomogram/seed004-os-patient-1.expected.json");
    Page page = signIn("clin-a");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nomograms")).click();
    page.waitForLoadState();
    page.getByRole(
            AriaRole.LINK,
            new Page.GetByRoleOptions().setName("Overall survival after 131I").setExact(false))
        .click();
    page.waitForLoadState();
    assertThat(page.locator("figure.nomogram svg").count()).isEqualTo(1);
    shot(page, "20-nomogram-form-desktop");
    // the values of golden patient 1, entered from the keyboard only: focus moves with Tab, a
    // select takes the typed level, Enter submits
    page.locator("#v-sex").focus();
    String[] inOrder = {
      "male", ">=55", "lung+other", "150", "secondary non-uptake", "1.2", ">=500"
    };
    for (String v : inOrder) {
      String id = (String) page.evaluate("document.activeElement.id");
      if (page.locator("#" + id).evaluate("e => e.tagName").equals("SELECT")) {
        page.locator("#" + id).selectOption(v); // as typing the level's text does
      } else {
        page.keyboard().type(v);
      }
      page.keyboard().press("Tab");
    }
    // Enter in a text field submits the form
    page.waitForResponse(
        r -> r.request().method().equals("POST"),
        () -> page.locator("#v-nodule_cm").press("Enter"));
    page.waitForLoadState();
    String result = page.locator("#result").innerText();
    JsonNode pred = expected.path("predictions");
    assertThat(result)
        .contains("3-year survival")
        .contains(pct(pred.get(0).path("survival").asDouble()))
        .contains("5-year survival")
        .contains(pct(pred.get(1).path("survival").asDouble()))
        .contains("10-year survival")
        .contains(pct(pred.get(2).path("survival").asDouble()))
        .contains(
            String.format(
                Locale.ROOT, "%.1f", expected.path("patient").path("total_points").asDouble()));
    // the values stay out of the URL (POST), and the form keeps them
    assertThat(page.url()).endsWith("/nomograms/seed004-os");
    assertThat(page.locator("#v-activity_mci").inputValue()).isEqualTo("150");
    shot(page, "21-nomogram-result-desktop");
    page.setViewportSize(390, 844);
    shot(page, "22-nomogram-result-phone");

    // a bad value is named beside its field, and nothing is predicted
    page.setViewportSize(1280, 900);
    page.locator("#v-nodule_cm").fill("1,2");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Calculate")).click();
    page.waitForLoadState();
    assertThat(page.locator("#e-nodule_cm").innerText()).contains("decimal point");
    assertThat(page.locator("#result").count()).isZero();
  }

  @Test
  @Order(8)
  void clinicianScoresASplineByFactorModelOnTheAxisOfTheEnteredLevel() throws Exception {
    JsonNode expected = Golden.read("nomogram/lung-rcs-by-sex-patient-1.expected.json");
    Page page = signIn("clin-a");
    page.navigate(server.base() + "/nomograms");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("lung-rcs-by-sex")).click();
    page.waitForLoadState();
    // one field per model variable: the factor chooses the axis, it has none of its own
    assertThat(page.locator("form.entry select#v-sex").count()).isEqualTo(1);
    assertThat(page.locator("form.entry input#v-age").count()).isEqualTo(1);
    assertThat(page.locator("label[for=v-age]").innerText()).contains("axis from 35 to 85");
    page.getByLabel("age").fill("67");
    page.locator("#v-sex").selectOption("2");
    page.locator("#v-ph\\.ecog").selectOption("1");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Calculate")).click();
    page.waitForLoadState();
    String result = page.locator("#result").innerText();
    JsonNode pred = expected.path("predictions");
    assertThat(result)
        .contains("S(180)")
        .contains(pct(pred.get(0).path("survival").asDouble()))
        .contains("S(365)")
        .contains(pct(pred.get(1).path("survival").asDouble()))
        .contains(
            String.format(
                Locale.ROOT, "%.1f", expected.path("patient").path("total_points").asDouble()));
    String agePoints =
        String.format(
            Locale.ROOT,
            "%.1f",
            expected.path("patient").path("points").path("age (sex=2)").asDouble());
    assertThat(page.locator("#v-age ~ .hint").innerText())
        .isEqualTo(agePoints + " points on age (sex=2)");
    assertThat(page.locator("#v-sex").inputValue()).isEqualTo("2");
    shot(page, "20b-nomogram-spline-interaction-desktop");
    page.setViewportSize(390, 844);
    shot(page, "20c-nomogram-spline-interaction-phone");
    // beyond the axis: scored on the extended spline (linear there), with the warning
    page.setViewportSize(1280, 900);
    page.getByLabel("age").fill("88");
    page.locator("#v-sex").selectOption("1");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Calculate")).click();
    page.waitForLoadState();
    assertThat(page.locator("#result .warning").innerText())
        .contains("age = 88 lies outside the nomogram axis [35, 85]");
    assertThat(page.locator("#v-age ~ .hint").innerText()).endsWith("points on age (sex=1)");
    // a level not chosen is named beside its field, and nothing is predicted
    page.locator("#v-sex").selectOption("");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Calculate")).click();
    page.waitForLoadState();
    assertThat(page.locator("#e-sex").innerText()).isEqualTo("choose a value");
    assertThat(page.locator("#result").count()).isZero();
  }

  @Test
  @Order(2)
  void analystChoosesAGroupingAndSeesCurvesTestAndBaselineTableWithoutIdentifiers() {
    Page page = signIn("analyst");
    assertThat(page.url()).endsWith("/cohort");
    page.getByLabel("Grouping").selectOption("site");
    page.getByLabel("Endpoint").selectOption("os");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Analyse")).click();
    page.waitForLoadState();
    assertThat(page.locator("#analysis figure.km svg").count()).isEqualTo(1);
    String text = page.locator("#analysis").innerText();
    assertThat(text)
        .contains("Kaplan–Meier estimates")
        .contains("Log-rank test")
        .contains("Left out: a group with fewer than 5 patients");
    // site C's 2 patients are left out; Table 1 by site A (6) and B (7)
    assertThat(text).contains("13 of 15 patient(s) analysed");
    assertThat(page.locator("table.results caption").allInnerTexts()).hasSize(3);
    String html = page.content();
    assertThat(html).doesNotContain("ANA-").doesNotContain("BOB-").doesNotContain("CAT-");
    assertThat(html).doesNotContainPattern("(19|20)\\d\\d-\\d\\d-\\d\\d");
    shot(page, "23-cohort-km-desktop");
    page.setViewportSize(390, 844);
    shot(page, "24-cohort-km-phone");
  }

  @Test
  @Order(3)
  void analystRunsABundledStudyAndDownloadsItsReport() throws Exception {
    Page page = signIn("analyst");
    page.setDefaultTimeout(300_000); // a study run takes a core for a while on a loaded machine
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Studies")).click();
    page.waitForLoadState();
    page.getByLabel("Bundled study").selectOption("rai-cycles");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run on the registry"))
        .click();
    page.waitForLoadState();
    assertThat(page.url()).contains("/studies/runs/");
    shot(page, "25-study-run-desktop");
    Download d =
        page.waitForDownload(
            () ->
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("report.pdf"))
                    .click());
    assertThat(d.suggestedFilename()).isEqualTo("rai-cycles-report.pdf");
    assertThat(
            new String(
                Files.readAllBytes(d.path()), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
        .isEqualTo("%PDF-");
    String run = page.url().substring(server.base().length());
    // another analyst cannot see the run (404), a clinician or data manager may not run studies
    Page other = signIn("analyst-2");
    assertThat(other.navigate(server.base() + run).status()).isEqualTo(404);
    assertThat(other.navigate(server.base() + run + "/report.pdf").status()).isEqualTo(404);
    Page admin = signIn("admin");
    assertThat(admin.navigate(server.base() + run).status()).isEqualTo(200);
    page.setViewportSize(390, 844);
    page.navigate(server.base() + "/studies");
    shot(page, "26-studies-phone");
  }

  @Test
  @Order(4)
  void eachNewPageRefusesTheRolesItIsNotFor() {
    Page analyst = signIn("analyst");
    assertThat(analyst.navigate(server.base() + "/nomograms").status()).isEqualTo(403);
    assertThat(analyst.navigate(server.base() + "/nomograms/seed004-os").status()).isEqualTo(403);
    Page clin = signIn("clin-a");
    assertThat(clin.navigate(server.base() + "/studies").status()).isEqualTo(403);
    assertThat(clin.navigate(server.base() + "/cohort").status()).isEqualTo(200);
    // a clinician of site A sees site A's patients only in the cohort
    assertThat(clin.content()).contains("6 patient(s)");
    Page dm = signIn("dm-a");
    assertThat(dm.navigate(server.base() + "/studies").status()).isEqualTo(403);
    assertThat(dm.navigate(server.base() + "/cohort").status()).isEqualTo(403);
    assertThat(dm.navigate(server.base() + "/nomograms").status()).isEqualTo(200);
    assertThat(dm.navigate(server.base() + "/nomograms/no-such-model").status()).isEqualTo(404);
    APIResponse run =
        dm.request()
            .post(
                server.base() + "/studies/runs",
                RequestOptions.create()
                    .setForm(FormData.create().set("protocol", "rai-cycles"))
                    .setHeader("X-CSRF-Token", csrf(dm)));
    assertThat(run.status()).isEqualTo(403);
    // anonymous: sent to the login page
    Page anon = browser.newContext().newPage();
    anon.navigate(server.base() + "/nomograms/seed004-os");
    assertThat(anon.url()).endsWith("/login");
  }

  static String csrf(Page page) {
    return page.locator("input[name=_csrf]").first().getAttribute("value");
  }

  @Test
  @Order(5)
  void stateChangesWithoutTheCsrfTokenAreRefused() {
    Page clin = signIn("clin-a");
    clin.navigate(server.base() + "/nomograms/seed004-os");
    APIResponse noToken =
        clin.request()
            .post(
                server.base() + "/nomograms/seed004-os",
                RequestOptions.create().setForm(FormData.create().set("sex", "male")));
    assertThat(noToken.status()).isEqualTo(403);
    Page analyst = signIn("analyst");
    analyst.navigate(server.base() + "/studies");
    APIResponse study =
        analyst
            .request()
            .post(
                server.base() + "/studies/runs",
                RequestOptions.create().setForm(FormData.create().set("protocol", "rai-cycles")));
    assertThat(study.status()).isEqualTo(403);
    APIResponse wrong =
        analyst
            .request()
            .post(
                server.base() + "/studies/runs",
                RequestOptions.create()
                    .setForm(
                        FormData.create().set("protocol", "rai-cycles").set("_csrf", "forged")));
    assertThat(wrong.status()).isEqualTo(403);
  }

  @Test
  @Order(6)
  void everyPageShowsItsMainContentFromOneRequest() {
    // item 7: the page's own HTML carries its content (patients, figures, tables); only the
    // stylesheet and htmx follow, and no request fetches data after load
    String[][] pages = {
      {"dm-a", "/patients"},
      {"dm-a", "/patients/ANA-1"},
      {"dm-a", "/patients/ANA-1/audit"},
      {"dm-a", "/patients/ANA-1/entries/lab/new"},
      {"clin-a", "/nomograms/seed004-os"},
      {"analyst", "/cohort?grouping=site&endpoint=pfs"},
      {"analyst", "/studies"}
    };
    for (String[] p : pages) {
      Page page = signIn(p[0]);
      List<Request> requests = new ArrayList<>();
      page.onRequest(requests::add);
      page.navigate(server.base() + p[1]);
      page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
      List<String> data =
          requests.stream()
              .filter(r -> List.of("document", "xhr", "fetch").contains(r.resourceType()))
              .map(Request::url)
              .toList();
      assertThat(data).as(p[1]).hasSize(1);
      assertThat(requests)
          .as(p[1])
          .allSatisfy(
              r ->
                  assertThat(r.url())
                      .matches(
                          ".*("
                              + java.util.regex.Pattern.quote(p[1])
                              + "|/static/thyra\\.css|/webjars/.*)"));
    }
  }

  @Test
  @Order(7)
  void existingPagesAtPhoneSize() {
    Page page = signIn("dm-a", 390, 844);
    page.navigate(server.base() + "/patients");
    shot(page, "27-patients-phone");
    page.navigate(server.base() + "/patients/ANA-1/entries/lab/new");
    shot(page, "28-entry-form-phone");
    // the form is reachable from the keyboard: Tab from the page top reaches its first field
    page.keyboard().press("Tab");
    assertThat(page.evaluate("document.activeElement.className")).isEqualTo("skip");
    Page desk = signIn("dm-a");
    desk.navigate(server.base() + "/patients");
    shot(desk, "29-patients-desktop");
    // an entry made with the keyboard: Tab moves field to field, Enter in a text field saves
    int before = server.directory.find("ANA-2").orElseThrow().course().labs().size();
    desk.navigate(server.base() + "/patients/ANA-2/entries/lab/new");
    desk.locator("#f-date").focus();
    desk.keyboard().type("2013-03-01");
    desk.keyboard().press("Tab");
    assertThat(desk.evaluate("document.activeElement.id")).isEqualTo("f-analyte");
    desk.locator("#f-analyte").selectOption("TG"); // as typing "TG" on the focused list does
    desk.keyboard().press("Tab");
    desk.keyboard().type("7.5");
    desk.keyboard().press("Tab");
    assertThat(desk.evaluate("document.activeElement.id")).isEqualTo("f-unit");
    desk.keyboard().type("ng/mL");
    for (int i = 0; i < 10 && !"reason".equals(desk.evaluate("document.activeElement.name")); i++) {
      desk.keyboard().press("Tab");
    }
    desk.keyboard().type("keyboard entry");
    desk.keyboard().press("Enter");
    desk.waitForURL(java.util.regex.Pattern.compile(".*/patients/ANA-2(#.*)?$"));
    assertThat(desk.url()).contains("/patients/ANA-2").doesNotContain("/entries/");
    assertThat(server.directory.find("ANA-2").orElseThrow().course().labs()).hasSize(before + 1);
  }
}
