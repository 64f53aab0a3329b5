package org.thyra.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.thyra.clinical.CourseClassifier;
import org.thyra.clinical.Finding;
import org.thyra.web.patient.StoredPatient;

/**
 * The analyst's view of the cohort: counts only, no identifier, no date, and every count below
 * {@link #MIN_CELL} suppressed (the usual small-cell rule of statistical disclosure control).
 */
public record CohortSummary(int patients, List<Table> tables) {
  /** Smallest count shown. */
  public static final int MIN_CELL = 5;

  /** One frequency table. */
  public record Table(String title, String variable, List<Row> rows) {}

  /** One level and its (possibly suppressed) count. */
  public record Row(String level, String count) {}

  static CohortSummary of(List<StoredPatient> patients) {
    List<Table> t = new ArrayList<>();
    t.add(table("Patients by site", "Site", patients, StoredPatient::site));
    t.add(
        table(
            "Patients by histology",
            "Histology",
            patients,
            p ->
                p.course().primaryTumour() == null || p.course().primaryTumour().histology() == null
                    ? "not recorded"
                    : p.course().primaryTumour().histology().name().toLowerCase()));
    t.add(table("AJCC 8th stage", "Stage", patients, p -> finding(p, "ajcc8-stage", "patient")));
    t.add(table("ATA 2015 initial risk", "Risk", patients, p -> finding(p, "ata-risk", "patient")));
    t.add(table("RAI-refractory (ATA 2015)", "RAIR", patients, p -> finding(p, "rair", "patient")));
    return new CohortSummary(patients.size(), t);
  }

  private static String finding(StoredPatient p, String rule, String subject) {
    try {
      for (Finding f : CourseClassifier.classify(p.course(), CourseClassifier.Options.defaults())) {
        if (f.rule().equals(rule) && f.subject().equals(subject)) {
          return f.value().isEmpty() ? "undetermined" : f.value();
        }
      }
      return "not applicable";
    } catch (RuntimeException e) {
      return "undetermined";
    }
  }

  private static Table table(
      String title, String variable, List<StoredPatient> ps, Function<StoredPatient, String> f) {
    Map<String, Integer> counts = new TreeMap<>();
    for (StoredPatient p : ps) {
      counts.merge(f.apply(p), 1, Integer::sum);
    }
    List<Row> rows = new ArrayList<>();
    counts.forEach(
        (k, v) -> rows.add(new Row(k, v < MIN_CELL ? "< " + MIN_CELL : Integer.toString(v))));
    return new Table(title, variable, rows);
  }
}
