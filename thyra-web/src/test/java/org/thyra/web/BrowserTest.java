package org.thyra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.thyra.web.patient.AuditEntry;

/**
 * The application in a real browser (issue 15 item 5): Playwright for Java driving Debian's
 * Chromium ({@code /usr/bin/chromium}, installed by {@code .ci/chromium.sh}; Playwright's own
 * browser download is skipped). The tests run in order as one clinical session: a data manager
 * enters a patient, sees the derived status, corrects an entry and finds it in the audit; other
 * users are refused. Screenshots go to {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest {
  static final Path CHROMIUM = Path.of(System.getProperty("thyra.chromium", "/usr/bin/chromium"));
  static final Path SHOTS = Path.of("target", "screenshots");

  static TestServer server;
  static Playwright playwright;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    assertThat(CHROMIUM)
        .as(
            "Chromium is needed for the browser tests: run .ci/chromium.sh (apt-get install chromium)")
        .isExecutable();
    Files.createDirectories(SHOTS);
    server = new TestServer();
    server.seed("seed001-rai-avid-micrometastases", "B");
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--no-first-run")));
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

  static final String ID = "WEB-001";

  private static Page signIn(String user) {
    BrowserContext ctx =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
    Page page = ctx.newPage();
    page.navigate(server.base() + "/patients");
    assertThat(page.url()).endsWith("/login"); // anonymous → login
    page.getByLabel("User name").fill(user);
    page.getByLabel("Password").fill(TestServer.PASSWORD);
    page.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Sign in"))
        .click();
    page.waitForLoadState();
    return page;
  }

  private static void link(Page page, String name) {
    page.getByRole(
            com.microsoft.playwright.options.AriaRole.LINK,
            new Page.GetByRoleOptions().setName(name).setExact(true))
        .click();
    page.waitForLoadState();
  }

  private static void shot(Page page, String name) {
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
  }

  private static void fill(Page page, String label, String value) {
    page.getByLabel(label, new Page.GetByLabelOptions().setExact(true)).fill(value);
  }

  private static void select(Page page, String label, String value) {
    page.getByLabel(label, new Page.GetByLabelOptions().setExact(true)).selectOption(value);
  }

  private static void save(Page page, String reason) {
    page.getByLabel("Reason for the change (required)").fill(reason);
    page.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Save"))
        .click();
    page.waitForLoadState();
  }

  private static String statusValue(Page page, String rule, String subject) {
    return page.locator(
            "#status tr[data-rule='" + rule + "']:has(td:nth-child(2):text-is('" + subject + "'))")
        .first()
        .locator("td.value")
        .innerText();
  }

  @Test
  @Order(1)
  void dataManagerEntersAPatientAndSeesTheStatusWithReasons() {
    Page page = signIn("dm-a");
    assertThat(page.url()).endsWith("/patients");
    shot(page, "01-patients-empty");
    link(page, "New patient");
    fill(page, "Pseudonymous patient id (never a name or hospital number) (required)", ID);
    select(page, "Sex (required)", "FEMALE");
    fill(page, "Birth date (yyyy-mm-dd) (required)", "1955-02-01");
    fill(page, "Diagnosis date (yyyy-mm-dd) (required)", "2015-03-02");
    page.getByLabel("Reason (required)").fill("new referral");
    page.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Create"))
        .click();
    page.waitForLoadState();
    assertThat(page.url()).endsWith("/patients/" + ID);

    link(page, "Enter Primary tumour and nodes");
    select(page, "Histology (required)", "PAPILLARY");
    fill(page, "Size (cm)", "4.5");
    select(page, "Extrathyroidal extension", "GROSS_STRAP_MUSCLES");
    select(page, "Complete resection", "yes");
    save(page, "pathology report");

    link(page, "Add Surgery");
    fill(page, "Date (yyyy-mm-dd) (required)", "2015-03-02");
    select(page, "Operation (required)", "TOTAL_THYROIDECTOMY");
    save(page, "operation note");

    link(page, "Add Lesion");
    fill(page, "Lesion id (required)", "LU1");
    select(page, "Site (required)", "LUNG");
    fill(page, "Detected (yyyy-mm-dd) (required)", "2015-04-01");
    page.getByLabel("RECIST target lesion").check();
    save(page, "staging CT");

    String[][] rai = {{"2015-06-01", "150", "LU1", ""}, {"2016-01-10", "200", "", "LU1"}};
    for (String[] r : rai) {
      link(page, "Add RAI course");
      fill(page, "Date (yyyy-mm-dd) (required)", r[0]);
      fill(page, "Activity", r[1]);
      select(page, "Activity unit", "mCi");
      select(page, "Preparation", "WITHDRAWAL");
      fill(page, "Avid lesions on the post-therapy scan (comma-separated)", r[2]);
      fill(page, "Non-avid lesions on the post-therapy scan (comma-separated)", r[3]);
      save(page, "RAI treatment record");
    }

    String[][] tg = {{"2015-06-01", "600"}, {"2016-01-10", "420"}, {"2016-09-01", "880"}};
    for (String[] t : tg) {
      link(page, "Add Laboratory value (Tg, TgAb, TSH)");
      fill(page, "Date (yyyy-mm-dd) (required)", t[0]);
      select(page, "Analyte (required)", "TG");
      fill(page, "Value", t[1]);
      fill(page, "Unit", "ng/mL");
      select(page, "TSH state", "STIMULATED");
      save(page, "lab report");
    }
    assertThat(page.url()).contains("/patients/" + ID);

    // the derived status, each with its reason
    assertThat(statusValue(page, "ajcc8-stage", "patient")).isEqualTo("IVB");
    assertThat(statusValue(page, "ajcc8-m", "patient")).isEqualTo("M1");
    assertThat(statusValue(page, "rair", "patient")).isEqualTo("yes");
    assertThat(statusValue(page, "rair", "criterion lost_avidity")).isEqualTo("fired");
    assertThat(page.locator("#status tr[data-rule='tg-response']").count()).isPositive();
    String reason =
        page.locator("#status tr[data-rule='ajcc8-stage']")
            .first()
            .locator("td")
            .nth(3)
            .innerText();
    assertThat(reason).isNotBlank();
    // the timeline is one SVG drawn by the figure layer, with its lanes
    assertThat(page.locator("#timeline svg g#rai").count()).isEqualTo(1);
    assertThat(page.locator("#timeline svg g#tg").count()).isEqualTo(1);
    shot(page, "02-patient-desktop");

    page.setViewportSize(390, 844);
    page.reload();
    shot(page, "03-patient-phone");
  }

  @Test
  @Order(2)
  void badValuesAreShownBesideTheirField() {
    Page page = signIn("dm-a");
    page.navigate(server.base() + "/patients/" + ID + "/entries/lab/new");
    fill(page, "Date (yyyy-mm-dd) (required)", "2016-13-01");
    select(page, "Analyte (required)", "TG");
    fill(page, "Value", "abc");
    save(page, "lab report");
    assertThat(page.locator(".field.invalid").count()).isEqualTo(2);
    assertThat(page.locator("#e-f-date").innerText()).contains("not a date");
    assertThat(page.locator("#e-f-value").innerText()).contains("not a number");
    shot(page, "04-field-errors");
    assertThat(server.directory.find(ID).orElseThrow().course().labs()).hasSize(3);
    // the course validator (as on import): an RAI course dated before the diagnosis
    page.navigate(server.base() + "/patients/" + ID + "/entries/rai/new");
    fill(page, "Date (yyyy-mm-dd) (required)", "2014-01-01");
    save(page, "RAI record");
    assertThat(page.locator("#e-f-date").innerText()).contains("before the diagnosis");
    assertThat(server.directory.find(ID).orElseThrow().course().raiCourses()).hasSize(2);
  }

  @Test
  @Order(3)
  void correctionAppearsInTheAuditWithUserAndReason() {
    Page page = signIn("dm-a");
    page.navigate(server.base() + "/patients/" + ID);
    link(page, "Correct Laboratory value (Tg, TgAb, TSH) 2");
    assertThat(page.getByLabel("Value", new Page.GetByLabelOptions().setExact(true)).inputValue())
        .isEqualTo("420");
    fill(page, "Value", "42");
    save(page, "transcription error: 42 not 420");
    assertThat(server.directory.find(ID).orElseThrow().course().labs().get(1).value())
        .isEqualTo(42.0);
    link(page, "Audit history");
    page.waitForLoadState();
    var row =
        page.locator("#audit tbody tr")
            .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("labs[1]"))
            .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("update"));
    assertThat(row.count()).isEqualTo(1);
    assertThat(row.innerText())
        .contains("dm-a")
        .contains("update")
        .contains("transcription error: 42 not 420")
        .contains("\"value\":420")
        .contains("\"value\":42");
    shot(page, "05-audit");
    List<AuditEntry> trail = server.directory.history(ID);
    assertThat(trail).extracting(AuditEntry::username).containsOnly("dm-a");
    assertThat(trail).allSatisfy(a -> assertThat(a.reason()).isNotBlank());
  }

  @Test
  @Order(4)
  void otherSitesAndRolesAreRefused() {
    Page b = signIn("dm-b");
    Response r = b.navigate(server.base() + "/patients/" + ID);
    assertThat(r.status()).isEqualTo(404);
    assertThat(b.content()).doesNotContain("IVB");
    assertThat(b.navigate(server.base() + "/patients").status()).isEqualTo(200);
    assertThat(b.locator("#results").innerText()).doesNotContain(ID).contains("P001-01");
    shot(b, "06-other-site-404");

    Page analyst = signIn("analyst");
    assertThat(analyst.url()).endsWith("/cohort");
    assertThat(analyst.navigate(server.base() + "/patients/" + ID).status()).isEqualTo(404);
    assertThat(analyst.navigate(server.base() + "/cohort").status()).isEqualTo(200);
    assertThat(analyst.content()).doesNotContain(ID).doesNotContain("P001-01");
    shot(analyst, "07-analyst-cohort");

    Page clin = signIn("clin-a");
    clin.navigate(server.base() + "/patients/" + ID);
    assertThat(clin.locator("#status").count()).isEqualTo(1);
    assertThat(clin.getByText("Add Surgery").count()).isZero();
    assertThat(clin.navigate(server.base() + "/patients/" + ID + "/entries/lab/0").status())
        .isEqualTo(404);
  }

  @Test
  @Order(5)
  void formWithoutCsrfTokenIsRefused() {
    Page page = signIn("dm-a");
    page.navigate(server.base() + "/patients/" + ID + "/entries/lab/new");
    long version = server.directory.find(ID).orElseThrow().version();
    page.evaluate("document.querySelectorAll('input[name=_csrf]').forEach(e => e.remove())");
    fill(page, "Date (yyyy-mm-dd) (required)", "2017-01-01");
    select(page, "Analyte (required)", "TG");
    fill(page, "Value", "1");
    Response r =
        page.waitForResponse(
            x -> x.request().method().equals("POST"), () -> save(page, "should not be saved"));
    assertThat(r.status()).isEqualTo(403);
    assertThat(page.content()).contains("security token");
    assertThat(server.directory.find(ID).orElseThrow().version()).isEqualTo(version);
    shot(page, "08-csrf-refused");
  }
}
