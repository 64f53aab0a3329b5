package org.thyra.web.analytics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.thyra.analysis.DataFile;
import org.thyra.analysis.survival.KaplanMeierAnalysis;
import org.thyra.analysis.survival.KaplanMeierReport;
import org.thyra.analysis.survival.LogRankAnalysis;
import org.thyra.analysis.survival.LogRankReport;
import org.thyra.analysis.table1.Table1;
import org.thyra.analysis.table1.Table1Builder;
import org.thyra.frame.DataTable;
import org.thyra.registry.export.AnalysisFrame;
import org.thyra.report.figure.FigureFormat;
import org.thyra.report.figure.FigureWriter;
import org.thyra.report.figure.KmFigure;
import org.thyra.report.output.TableLayout;
import org.thyra.report.survival.KmSeries;
import org.thyra.report.table1.Table1Layout;
import org.thyra.stats.descriptive.TablePreset;
import org.thyra.web.patient.StoredPatient;

/**
 * Cohort analytics for analysts: the de-identified frame of the patients the user may see, split by
 * one grouping → Kaplan–Meier curves with a risk table and the log-rank test of the chosen
 * endpoint, and the baseline table by the same grouping. Everything is computed by thyra-analysis
 * (as {@code thyra km}, {@code thyra logrank}, {@code thyra table1}) and drawn by thyra-report.
 *
 * <p>Disclosure control: a group with fewer than {@link #MIN_GROUP} patients is left out of every
 * output (and named as left out), and in the baseline table a count from 1 to {@code MIN_GROUP - 1}
 * is shown as "&lt; 5", as the cohort counts page does.
 */
public final class CohortAnalysis {
  /** Smallest group shown, and smallest count shown in the baseline table. */
  public static final int MIN_GROUP = 5;

  /** Groupings offered: frame column → label. */
  public static final Map<String, String> GROUPINGS = new LinkedHashMap<>();

  /** Endpoints offered: column prefix → label. */
  public static final Map<String, String> ENDPOINTS = new LinkedHashMap<>();

  static {
    GROUPINGS.put("site", "Site");
    GROUPINGS.put("sex", "Sex");
    GROUPINGS.put("histology", "Histology");
    GROUPINGS.put("ajcc8_stage", "AJCC 8th stage");
    GROUPINGS.put("ata_risk", "ATA 2015 initial risk");
    GROUPINGS.put("rair", "RAI-refractory (ATA 2015)");
    GROUPINGS.put("uptake_pattern", "Uptake pattern");
    GROUPINGS.put("metastasis_timing", "Distant metastasis timing");
    ENDPOINTS.put("os", "Overall survival from diagnosis");
    ENDPOINTS.put(
        "pfs", "Progression-free survival from diagnosis (structural progression or death)");
  }

  /** Baseline-table variables: frame column → whether summarised as median (Q1, Q3). */
  static final Map<String, Boolean> TABLE1 = new LinkedHashMap<>();

  static {
    TABLE1.put("age_at_diagnosis", false);
    TABLE1.put("sex", false);
    TABLE1.put("histology", false);
    TABLE1.put("size_cm", true);
    TABLE1.put("ajcc8_stage", false);
    TABLE1.put("ata_risk", false);
    TABLE1.put("rair", false);
    TABLE1.put("rai_courses", true);
    TABLE1.put("dead", false);
  }

  /** KM survival is reported at 3, 5 and 10 years. */
  static final List<Double> AT = List.of(36.0, 60.0, 120.0);

  /**
   * What the page shows.
   *
   * @param grouping grouping column
   * @param endpoint endpoint prefix
   * @param patients patients in the frame
   * @param analysed patients in the groups shown with the endpoint known
   * @param leftOut groups left out (fewer than {@link #MIN_GROUP}), with their reason
   * @param kmSvg the Kaplan–Meier figure with its risk table (inline SVG), or null
   * @param km per-group table: n, events, median, survival at 3/5/10 years
   * @param logRank the log-rank table, or null with one group
   * @param table1 the baseline table by the grouping
   * @param methods every method statement
   * @param warnings every warning
   */
  public record Result(
      String grouping,
      String endpoint,
      int patients,
      int analysed,
      List<String> leftOut,
      String kmSvg,
      TableLayout km,
      TableLayout logRank,
      TableLayout table1,
      List<String> methods,
      List<String> warnings) {}

  private CohortAnalysis() {}

  /**
   * Runs the analysis.
   *
   * @throws IllegalArgumentException for a grouping or endpoint not offered
   */
  public static Result run(List<StoredPatient> visible, String grouping, String endpoint) {
    if (!GROUPINGS.containsKey(grouping)) {
      throw new IllegalArgumentException("grouping: choose one of " + GROUPINGS.keySet());
    }
    if (!ENDPOINTS.containsKey(endpoint)) {
      throw new IllegalArgumentException("endpoint: choose one of " + ENDPOINTS.keySet());
    }
    AnalysisFrame full = CohortFrame.of(visible);
    List<String> warnings = new ArrayList<>(full.warnings());
    List<String> methods = new ArrayList<>();
    methods.add("Analysis frame: " + full.method());
    int gi = full.columns().indexOf(grouping);
    int ti = full.columns().indexOf(endpoint + "_months");
    Map<String, Integer> sizes = new TreeMap<>();
    for (List<String> r : full.rows()) {
      String g = r.get(gi);
      if (g != null && !g.isEmpty()) {
        sizes.merge(g, 1, Integer::sum);
      }
    }
    List<String> leftOut = new ArrayList<>();
    sizes.forEach(
        (g, n) -> {
          if (n < MIN_GROUP) {
            leftOut.add(
                "a group with fewer than " + MIN_GROUP + " patients (not shown, to protect them)");
          }
        });
    int missingGroup = 0;
    List<List<String>> kept = new ArrayList<>();
    for (List<String> r : full.rows()) {
      String g = r.get(gi);
      if (g == null || g.isEmpty()) {
        missingGroup++;
      } else if (sizes.get(g) >= MIN_GROUP) {
        kept.add(r);
      }
    }
    if (missingGroup > 0) {
      warnings.add(missingGroup + " patient(s) without a value of " + grouping + " are left out");
    }
    if (kept.isEmpty()) {
      return new Result(
          grouping,
          endpoint,
          full.rows().size(),
          0,
          leftOut,
          null,
          null,
          null,
          null,
          methods,
          warnings);
    }
    AnalysisFrame frame = new AnalysisFrame(full.columns(), kept, full.method(), List.of());
    Path csv = null;
    try {
      csv = CohortFrame.writeCsv(frame, "cohort.csv");
      DataFile file = new DataFile(csv, List.of());
      String time = endpoint + "_months";
      String event = endpoint + "_status";
      int analysed = 0;
      for (List<String> r : kept) {
        if (r.get(ti) != null && !r.get(ti).isEmpty()) {
          analysed++;
        }
      }
      String kmSvg = null;
      TableLayout kmTable = null;
      TableLayout lrTable = null;
      if (analysed > 0) {
        KaplanMeierReport km =
            KaplanMeierAnalysis.run(
                file, new KaplanMeierAnalysis.Request(time, event, grouping, "log", 0.95, AT));
        warnings.addAll(km.warnings());
        methods.add("Kaplan–Meier: " + km.method());
        List<KmFigure.Series> series = KmSeries.of(km.data(), km.curves());
        KmFigure.Builder fig =
            KmFigure.builder(series)
                .xTitle("Time since diagnosis (months)")
                .yTitle(ENDPOINTS.get(endpoint).split(" from ")[0])
                .legendTitle(GROUPINGS.get(grouping))
                .riskTable(true)
                .breaks(breaks(series));
        if (series.size() > 1) {
          LogRankReport lr =
              LogRankAnalysis.run(
                  file,
                  new LogRankAnalysis.Request(time, event, grouping, List.of(), 0, null, 0.95));
          warnings.addAll(lr.warnings());
          methods.add("Log-rank: " + lr.method());
          fig.test(lr.test());
          lrTable = SurvivalTables.logRank(lr, GROUPINGS.get(grouping));
        }
        kmTable = SurvivalTables.km(km, GROUPINGS.get(grouping), AT);
        kmSvg = svg(fig.build());
      } else {
        warnings.add("no patient in the groups shown has the endpoint's origin (diagnosis date)");
      }
      DataTable data = file.read(TABLE1.keySet().stream().toList());
      List<String> vars = new ArrayList<>();
      Set<String> nonNormal = new java.util.HashSet<>();
      TABLE1.forEach(
          (v, skewed) -> {
            vars.add(v);
            if (skewed) {
              nonNormal.add(v);
            }
          });
      DataTable withGroup = file.read(concat(vars, grouping));
      Table1 t1 =
          Table1Builder.build(
              withGroup,
              grouping,
              vars.stream().filter(v -> !v.equals(grouping)).toList(),
              Set.of("dead"), // 0/1: a count, not a mean
              nonNormal.stream()
                  .filter(v -> withGroup.column(v) instanceof org.thyra.frame.NumericColumn)
                  .collect(java.util.stream.Collectors.toSet()),
              Set.of(),
              TablePreset.TABLEONE);
      // Table 1's own warnings are its notes (shown under it)
      TableLayout t1Layout =
          suppressSmallCounts(Table1Layout.of(t1, "registry (de-identified)", TABLE1_METHOD));
      if (data.rowCount() != kept.size()) {
        throw new IllegalStateException("baseline table read " + data.rowCount() + " rows");
      }
      return new Result(
          grouping,
          endpoint,
          full.rows().size(),
          analysed,
          leftOut,
          kmSvg,
          kmTable,
          lrTable,
          t1Layout,
          methods,
          warnings);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      CohortFrame.delete(csv);
    }
  }

  static final String TABLE1_METHOD =
      "tableone: numeric by one-way ANOVA (Student's t for two groups), Kruskal-Wallis for skewed"
          + " variables (median (Q1, Q3)); categorical by chisq.test (Yates on 2x2); percentages of"
          + " non-missing values; counts from 1 to "
          + (MIN_GROUP - 1)
          + " shown as \"< "
          + MIN_GROUP
          + "\"";

  private static List<String> concat(List<String> vars, String g) {
    List<String> out = new ArrayList<>(vars);
    if (!out.contains(g)) {
      out.add(g);
    }
    return out;
  }

  /** 12-month breaks (24 beyond 11 years), as the study runner's figures. */
  static double[] breaks(List<KmFigure.Series> series) {
    double max = 0;
    for (KmFigure.Series s : series) {
      var c = s.curve();
      if (c.size() > 0) {
        max = Math.max(max, c.time(c.size() - 1));
      }
    }
    double step = max > 132 ? 24 : 12;
    int k = (int) Math.ceil(max / step);
    double[] b = new double[Math.max(k, 1) + 1];
    for (int i = 0; i < b.length; i++) {
      b[i] = i * step;
    }
    return b;
  }

  private static final Pattern COUNT = Pattern.compile("^(\\d+)( \\(.*\\))?$");

  /** Replaces counts 1..MIN_GROUP-1 (with their percentage) by "< 5" in level and missing rows. */
  static TableLayout suppressSmallCounts(TableLayout t) {
    List<TableLayout.Row> rows = new ArrayList<>();
    for (TableLayout.Row r : t.rows()) {
      if (r.kind() != TableLayout.Kind.LEVEL && r.kind() != TableLayout.Kind.MISSING) {
        rows.add(r);
        continue;
      }
      List<String> cells = new ArrayList<>(r.cells());
      for (int j = 1; j < cells.size(); j++) {
        Matcher m = COUNT.matcher(cells.get(j).strip());
        if (m.matches()) {
          long n = Long.parseLong(m.group(1));
          if (n > 0 && n < MIN_GROUP) {
            cells.set(j, "< " + MIN_GROUP);
          }
        }
      }
      rows.add(new TableLayout.Row(r.kind(), r.variable(), cells));
    }
    return new TableLayout(t.title(), t.header(), rows, t.notes());
  }

  static String svg(org.thyra.report.figure.Figure f) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try {
      FigureWriter.write(b, FigureFormat.SVG, f, 300);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String s = b.toString(StandardCharsets.UTF_8);
    int at = s.indexOf("<svg");
    return at < 0 ? s : s.substring(at);
  }
}
