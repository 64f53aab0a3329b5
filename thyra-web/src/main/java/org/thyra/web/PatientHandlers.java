package org.thyra.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.thyra.clinical.CourseClassifier;
import org.thyra.clinical.Finding;
import org.thyra.clinical.course.Histology;
import org.thyra.clinical.course.PatientCourse;
import org.thyra.report.figure.PatientTimelineFigure;
import org.thyra.report.figure.SvgFigure;
import org.thyra.web.entry.EntryForm;
import org.thyra.web.entry.EntryKind;
import org.thyra.web.patient.Change;
import org.thyra.web.patient.ConflictException;
import org.thyra.web.patient.PatientDirectory;
import org.thyra.web.patient.PatientQuery;
import org.thyra.web.patient.StoredPatient;
import org.thyra.web.session.Session;

/**
 * The patient pages. Every handler reaches a patient only through {@link #visible}: a patient of
 * another site answers 404, exactly as one that does not exist.
 */
final class PatientHandlers {
  static final int LIST_LIMIT = 500;
  private static final Pattern PATIENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern SITE = Pattern.compile("[A-Za-z0-9._ -]{1,64}");

  private final PatientDirectory directory;
  private final Pages pages;

  /** What a patient page derives from one version of the course (cheap to keep, slow to draw). */
  private record Derived(long version, String svg, List<Finding> findings, String error) {}

  /**
   * Derived views by patient id; an entry is used only for the version it was made from, so a
   * change is seen at once. Bounded: cleared when it grows past {@link #CACHE_MAX} patients.
   */
  private final Map<String, Derived> derived = new java.util.concurrent.ConcurrentHashMap<>();

  private static final int CACHE_MAX = 2000;

  PatientHandlers(PatientDirectory directory, Pages pages) {
    this.directory = directory;
    this.pages = pages;
  }

  /** The patient, if it exists and the signed-in user may see its site; else 404. */
  StoredPatient visible(Context ctx) {
    Session s = Security.required(ctx);
    String id = ctx.pathParam("patientId");
    return directory
        .find(id)
        .filter(p -> s.role().seesPatients() && (s.site() == null || s.site().equals(p.site())))
        .orElseThrow(() -> new NotFoundResponse("No such patient"));
  }

  void list(Context ctx) {
    Session s = Security.required(ctx);
    String q = param(ctx, "q");
    String site = param(ctx, "site");
    String histology = param(ctx, "histology");
    List<StoredPatient> found =
        directory.search(new PatientQuery(q, site, histology, LIST_LIMIT + 1), s.site());
    Map<String, Object> m = new HashMap<>();
    m.put("viewer", Security.viewer(ctx));
    m.put("rows", found.stream().limit(LIST_LIMIT).map(PatientRow::of).toList());
    m.put("q", q);
    m.put("site", site);
    m.put("histology", histology);
    m.put("histologies", Arrays.stream(Histology.values()).map(Enum::name).toList());
    m.put("truncated", found.size() > LIST_LIMIT);
    pages.show(ctx, 200, "patients.jte", m);
  }

  private static String param(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v == null ? "" : v.strip();
  }

  void show(Context ctx) {
    StoredPatient p = visible(ctx);
    Derived d = derived.get(p.patientId());
    if (d == null || d.version() != p.version()) {
      d = derive(p);
      if (derived.size() >= CACHE_MAX) {
        derived.clear();
      }
      derived.put(p.patientId(), d);
    }
    Map<String, Object> m = new HashMap<>();
    m.put("viewer", Security.viewer(ctx));
    m.put("p", p);
    m.put("timelineSvg", d.svg());
    m.put("findings", d.findings());
    m.put("classifyError", d.error());
    pages.show(ctx, 200, "patient.jte", m);
  }

  private static Derived derive(StoredPatient p) {
    List<Finding> findings = List.of();
    String error = null;
    try {
      findings = CourseClassifier.classify(p.course(), CourseClassifier.Options.defaults());
    } catch (RuntimeException e) {
      error = "The status could not be derived: " + e.getMessage();
    }
    return new Derived(p.version(), timeline(p.course()), findings, error);
  }

  /** The timeline drawn by the figure layer, as an inline {@code <svg>} element. */
  static String timeline(PatientCourse c) {
    Path tmp = null;
    try {
      tmp = Files.createTempFile("thyra-timeline", ".svg");
      PatientTimelineFigure figure = new PatientTimelineFigure(c, 960);
      SvgFigure.write(tmp, figure);
      String svg = Files.readString(tmp, StandardCharsets.UTF_8);
      int at = svg.indexOf("<svg");
      svg = at < 0 ? svg : svg.substring(at);
      // scale to the page width; keep the drawing's coordinates
      return svg.replaceFirst(
          "<svg ",
          "<svg viewBox=\"0 0 "
              + figure.width()
              + " "
              + figure.height()
              + "\" role=\"img\" aria-label=\"Timeline of patient "
              + escape(c.patientId())
              + "\" ");
    } catch (IOException | RuntimeException e) {
      return "<p class=\"error\">The timeline could not be drawn: "
          + escape(e.getMessage())
          + "</p>";
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // a temporary file left behind is harmless
        }
      }
    }
  }

  private static String escape(String s) {
    return s == null
        ? ""
        : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  void audit(Context ctx) {
    StoredPatient p = visible(ctx);
    Map<String, Object> m = new HashMap<>();
    m.put("viewer", Security.viewer(ctx));
    m.put("patientId", p.patientId());
    m.put("entries", directory.history(p.patientId()));
    pages.show(ctx, 200, "audit.jte", m);
  }

  // ------------------------------------------------------------------ new patient

  void newForm(Context ctx) {
    showNew(ctx, 200, Map.of(), Map.of(), null);
  }

  void create(Context ctx) {
    Session s = Security.required(ctx);
    Map<String, String> form = form(ctx);
    Map<String, String> errors = new LinkedHashMap<>();
    String id = form.getOrDefault("patientId", "").strip();
    if (!PATIENT_ID.matcher(id).matches()) {
      errors.put("patientId", "1 to 64 letters, digits, '.', '-' or '_'");
    }
    String site = s.site() != null ? s.site() : form.getOrDefault("site", "").strip();
    if (!SITE.matcher(site).matches()) {
      errors.put("site", "1 to 64 letters, digits, spaces, '.', '-' or '_'");
    }
    String reason = form.getOrDefault("reason", "").strip();
    if (reason.isEmpty()) {
      errors.put("reason", "give a reason (e.g. \"new referral\")");
    }
    // the demographics form on an empty course: the same binding and validation as any entry
    Map<String, String> sub = new HashMap<>(form);
    EntryForm.Outcome o = EntryForm.createDemographics(id.isEmpty() ? "new" : id, sub);
    errors.putAll(o.errors());
    if (!errors.isEmpty() || !o.ok()) {
      showNew(ctx, 422, form, errors, o.formError());
      return;
    }
    try {
      StoredPatient p = directory.create(site, o.course(), new Change(s.username(), reason));
      ctx.redirect("/patients/" + p.patientId(), HttpStatus.SEE_OTHER);
    } catch (IllegalArgumentException e) {
      showNew(ctx, 409, form, Map.of("patientId", "this id exists already"), null);
    }
  }

  private void showNew(
      Context ctx,
      int status,
      Map<String, String> values,
      Map<String, String> errors,
      String formError) {
    Map<String, Object> m = new HashMap<>();
    m.put("viewer", Security.viewer(ctx));
    m.put("values", values);
    m.put("errors", errors);
    m.put("formError", formError);
    pages.show(ctx, status, "new_patient.jte", m);
  }

  // ------------------------------------------------------------------ entries

  private static EntryKind kind(Context ctx) {
    return EntryKind.bySlug(ctx.pathParam("kind"))
        .orElseThrow(() -> new NotFoundResponse("No such kind of entry"));
  }

  private static int index(Context ctx, StoredPatient p, EntryKind k) {
    try {
      int i = Integer.parseInt(ctx.pathParam("index"));
      int n = EntryForm.count(p.course(), k);
      if (i < 0 || (k.repeating() ? i >= n : i != 0)) {
        throw new NotFoundResponse("No such entry");
      }
      return i;
    } catch (NumberFormatException e) {
      throw new NotFoundResponse("No such entry");
    }
  }

  void entryNew(Context ctx) {
    StoredPatient p = visible(ctx);
    EntryKind k = kind(ctx);
    if (!k.repeating()) {
      throw new NotFoundResponse("No such entry");
    }
    showEntry(ctx, 200, p, k, -1, p.version(), Map.of(), Map.of(), null, "");
  }

  void entryEdit(Context ctx) {
    StoredPatient p = visible(ctx);
    EntryKind k = kind(ctx);
    int i = index(ctx, p, k);
    Map<String, String> values =
        EntryForm.count(p.course(), k) == 0 ? Map.of() : EntryForm.values(p.course(), k, i);
    showEntry(ctx, 200, p, k, i, p.version(), values, Map.of(), null, "");
  }

  void entryAdd(Context ctx) {
    StoredPatient p = visible(ctx);
    EntryKind k = kind(ctx);
    if (!k.repeating()) {
      throw new NotFoundResponse("No such entry");
    }
    save(ctx, p, k, -1);
  }

  void entryUpdate(Context ctx) {
    StoredPatient p = visible(ctx);
    EntryKind k = kind(ctx);
    save(ctx, p, k, index(ctx, p, k));
  }

  void entryDelete(Context ctx) {
    StoredPatient p = visible(ctx);
    EntryKind k = kind(ctx);
    if (!k.repeating()) {
      throw new NotFoundResponse("No such entry");
    }
    int i = index(ctx, p, k);
    Map<String, String> form = form(ctx);
    String reason = form.getOrDefault("reason", "").strip();
    long version = version(form);
    EntryForm.Outcome o = EntryForm.remove(p.course(), k, i);
    if (reason.isEmpty() || !o.ok()) {
      showEntry(
          ctx,
          422,
          p,
          k,
          i,
          version,
          EntryForm.values(p.course(), k, i),
          Map.of(),
          reason.isEmpty() ? "Give a reason for deleting the entry." : o.formError(),
          "");
      return;
    }
    commit(ctx, p, k, i, version, o, reason, form);
  }

  private void save(Context ctx, StoredPatient p, EntryKind k, int index) {
    Map<String, String> form = form(ctx);
    String reason = form.getOrDefault("reason", "").strip();
    long version = version(form);
    EntryForm.Outcome o = EntryForm.apply(p.course(), k, index, form);
    Map<String, String> errors = new LinkedHashMap<>(o.errors());
    if (reason.isEmpty()) {
      errors.put("reason", "give a reason for the change");
    }
    if (!errors.isEmpty() || !o.ok()) {
      showEntry(ctx, 422, p, k, index, version, o.values(), errors, o.formError(), reason);
      return;
    }
    commit(ctx, p, k, index, version, o, reason, form);
  }

  private void commit(
      Context ctx,
      StoredPatient p,
      EntryKind k,
      int index,
      long version,
      EntryForm.Outcome o,
      String reason,
      Map<String, String> form) {
    Session s = Security.required(ctx);
    try {
      directory.update(p.patientId(), version, o.course(), new Change(s.username(), reason));
      ctx.redirect("/patients/" + p.patientId() + "#kind-" + k.slug(), HttpStatus.SEE_OTHER);
    } catch (ConflictException e) {
      showEntry(ctx, 409, p, k, index, version, o.values(), Map.of(), e.getMessage(), reason);
    }
  }

  private static long version(Map<String, String> form) {
    try {
      return Long.parseLong(form.getOrDefault("version", ""));
    } catch (NumberFormatException e) {
      return -1; // an update from a form without a version always conflicts
    }
  }

  private static Map<String, String> form(Context ctx) {
    Map<String, String> out = new HashMap<>();
    ctx.formParamMap().forEach((k, v) -> out.put(k, v.isEmpty() ? "" : v.get(v.size() - 1)));
    return out;
  }

  private void showEntry(
      Context ctx,
      int status,
      StoredPatient p,
      EntryKind k,
      int index,
      long version,
      Map<String, String> values,
      Map<String, String> errors,
      String formError,
      String reason) {
    String base = "/patients/" + p.patientId() + "/entries/" + k.slug();
    Map<String, Object> m = new HashMap<>();
    m.put("viewer", Security.viewer(ctx));
    m.put("patientId", p.patientId());
    m.put("kind", k);
    m.put("action", index < 0 ? base : base + "/" + index);
    m.put("version", version);
    m.put("values", values);
    m.put("errors", errors);
    m.put("formError", formError);
    m.put("reason", reason);
    m.put("deleteAction", index >= 0 && k.repeating() ? base + "/" + index + "/delete" : null);
    pages.show(ctx, status, "entry.jte", m);
  }
}
