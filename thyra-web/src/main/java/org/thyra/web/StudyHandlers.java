package org.thyra.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.thyra.web.account.Role;
import org.thyra.web.patient.PatientDirectory;
import org.thyra.web.patient.PatientQuery;
import org.thyra.web.patient.StoredPatient;
import org.thyra.web.session.Session;
import org.thyra.web.study.StudyRuns;

/**
 * {@code /studies}: run a bundled study protocol on the de-identified registry frame of the
 * patients the user may see, and download its report.
 */
final class StudyHandlers {
  private final PatientDirectory directory;
  private final StudyRuns runs;
  private final Pages pages;

  StudyHandlers(PatientDirectory directory, StudyRuns runs, Pages pages) {
    this.directory = directory;
    this.runs = runs;
    this.pages = pages;
  }

  void list(Context ctx) {
    show(ctx, 200, null);
  }

  private void show(Context ctx, int status, String error) {
    Session s = Security.required(ctx);
    Map<String, Object> m = new HashMap<>();
    m.put("viewer", Security.viewer(ctx));
    m.put("protocols", StudyRuns.protocols());
    m.put("runs", runs.visible(s.username(), s.role() == Role.ADMIN));
    m.put("error", error);
    pages.show(ctx, status, "studies.jte", m);
  }

  void run(Context ctx) throws IOException {
    Session s = Security.required(ctx);
    String protocol = ctx.formParam("protocol");
    if (protocol == null || !StudyRuns.protocols().containsKey(protocol)) {
      show(ctx, 422, "Choose one of the bundled studies.");
      return;
    }
    List<StoredPatient> patients =
        directory.search(new PatientQuery("", null, null, Integer.MAX_VALUE), s.site());
    StudyRuns.Run r;
    try {
      r = runs.run(protocol, patients, s.username(), s.site());
    } catch (IllegalStateException e) {
      show(ctx, 409, e.getMessage());
      return;
    }
    ctx.redirect("/studies/runs/" + r.id(), HttpStatus.SEE_OTHER);
  }

  private StudyRuns.Run visible(Context ctx) {
    Session s = Security.required(ctx);
    return runs.find(ctx.pathParam("runId"), s.username(), s.role() == Role.ADMIN)
        .orElseThrow(() -> new NotFoundResponse("No such study run"));
  }

  void show(Context ctx) {
    StudyRuns.Run r = visible(ctx);
    Map<String, Object> m = new HashMap<>();
    m.put("viewer", Security.viewer(ctx));
    m.put("run", r);
    m.put("title", StudyRuns.protocols().get(r.protocol()));
    pages.show(ctx, r.ok() ? 200 : 422, "study_run.jte", m);
  }

  void download(Context ctx) throws IOException {
    StudyRuns.Run r = visible(ctx);
    String file = ctx.pathParam("file");
    String type = StudyRuns.FILES.get(file);
    if (!r.ok() || type == null) {
      throw new NotFoundResponse("No such file");
    }
    Path p = r.folder().resolve(file);
    if (!Files.isRegularFile(p)) {
      throw new NotFoundResponse("No such file");
    }
    ctx.header("Content-Disposition", "attachment; filename=\"" + r.protocol() + "-" + file + "\"");
    ctx.contentType(type);
    try (InputStream in = Files.newInputStream(p)) {
      ctx.result(in.readAllBytes());
    }
  }
}
