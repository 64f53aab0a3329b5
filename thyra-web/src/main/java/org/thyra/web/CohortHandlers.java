package org.thyra.web;

import io.javalin.http.Context;
import java.util.Map;
import org.thyra.web.patient.PatientDirectory;
import org.thyra.web.patient.PatientQuery;
import org.thyra.web.session.Session;

/** {@code GET /cohort}: de-identified counts for analysts. */
final class CohortHandlers {
  private final PatientDirectory directory;
  private final Pages pages;

  CohortHandlers(PatientDirectory directory, Pages pages) {
    this.directory = directory;
    this.pages = pages;
  }

  void show(Context ctx) {
    Session s = Security.required(ctx);
    var patients = directory.search(new PatientQuery("", null, null, Integer.MAX_VALUE), s.site());
    pages.show(
        ctx,
        200,
        "cohort.jte",
        Map.of("viewer", Security.viewer(ctx), "cohort", CohortSummary.of(patients)));
  }
}
