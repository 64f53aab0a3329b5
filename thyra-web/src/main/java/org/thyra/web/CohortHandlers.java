package org.thyra.web;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.thyra.web.analytics.CohortAnalysis;
import org.thyra.web.patient.PatientDirectory;
import org.thyra.web.patient.PatientQuery;
import org.thyra.web.patient.StoredPatient;
import org.thyra.web.session.Session;

/**
 * {@code GET /cohort}: de-identified counts, and with {@code ?grouping=G&endpoint=E} the
 * Kaplan–Meier curves, log-rank test and baseline table by that grouping. A clinician or analyst
 * with a site sees that site's patients only.
 */
final class CohortHandlers {
  private final PatientDirectory directory;
  private final Pages pages;

  CohortHandlers(PatientDirectory directory, Pages pages) {
    this.directory = directory;
    this.pages = pages;
  }

  List<StoredPatient> visible(Session s) {
    return directory.search(new PatientQuery("", null, null, Integer.MAX_VALUE), s.site());
  }

  void show(Context ctx) {
    Session s = Security.required(ctx);
    List<StoredPatient> patients = visible(s);
    String grouping = ctx.queryParam("grouping");
    String endpoint = ctx.queryParam("endpoint");
    Map<String, Object> m = new HashMap<>();
    m.put("viewer", Security.viewer(ctx));
    m.put("cohort", CohortSummary.of(patients));
    m.put("groupings", CohortAnalysis.GROUPINGS);
    m.put("endpoints", CohortAnalysis.ENDPOINTS);
    m.put("grouping", grouping == null ? "histology" : grouping);
    m.put("endpoint", endpoint == null ? "os" : endpoint);
    m.put("analysis", null);
    m.put("error", null);
    int status = 200;
    if (grouping != null || endpoint != null) {
      if (!CohortAnalysis.GROUPINGS.containsKey(grouping)
          || !CohortAnalysis.ENDPOINTS.containsKey(endpoint)) {
        status = 422;
        m.put("error", "Choose a grouping and an endpoint from the lists.");
      } else {
        m.put("analysis", CohortAnalysis.run(patients, grouping, endpoint));
      }
    }
    pages.show(ctx, status, "cohort.jte", m);
  }
}
