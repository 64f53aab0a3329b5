package org.thyra.studies.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.thyra.frame.Column;
import org.thyra.frame.DataTable;
import org.thyra.frame.TableReader;
import org.thyra.report.document.DocxReport;
import org.thyra.report.document.HtmlReport;
import org.thyra.report.document.PdfReport;
import org.thyra.report.document.ReportDocument;
import org.thyra.report.figure.Figure;
import org.thyra.report.figure.FigureFormat;
import org.thyra.report.figure.FigureWriter;
import org.thyra.report.figure.FlowChart;
import org.thyra.report.output.TableLayout;
import org.thyra.studies.cohort.Cohort;
import org.thyra.studies.cohort.CohortFlow;
import org.thyra.studies.cohort.Derivations;
import org.thyra.studies.protocol.Analysis;
import org.thyra.studies.protocol.Condition;
import org.thyra.studies.protocol.Derivation;
import org.thyra.studies.protocol.Protocol;
import org.thyra.studies.protocol.ReportLayout;

/**
 * {@code thyra study run}: runs a checked protocol on a data file and writes the report folder —
 * {@code report.html}, {@code report.pdf}, {@code report.docx}, {@code figures/}, {@code
 * results.json} (every number, no timestamps, so two runs give identical files) and {@code
 * protocol.lock.yaml} (the protocol text as run, Thyra's version, the input's SHA-256 and every
 * seed). Everything is written to a temporary sibling folder that is moved into place only when
 * complete, so a failed run leaves no half-written report.
 */
public final class StudyRunner {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Protocol protocol;
  private final String protocolText;
  private final String version;

  /**
   * @param protocol the checked protocol
   * @param protocolText its text, as read (written into the lock file)
   * @param version Thyra's version
   */
  public StudyRunner(Protocol protocol, String protocolText, String version) {
    this.protocol = protocol;
    this.protocolText = protocolText;
    this.version = version;
  }

  /** Runs the study on {@code data} and writes the report folder {@code out}. */
  public StudyResult run(Path data, Path out, Progress progress) throws IOException {
    Path target = out.toAbsolutePath().normalize();
    if (Files.exists(target)
        && (!Files.isDirectory(target)
            || (!isEmpty(target) && !Files.exists(target.resolve("results.json"))))) {
      throw new IllegalArgumentException(
          "--out "
              + out
              + ": exists and is not a Thyra report folder; choose a new folder (nothing was"
              + " written)");
    }
    // reading, each analysis, then the report's parts (the PDF is the slowest), then done
    int total = protocol.analyses().size() + 6;
    progress.step(0, total, "reading " + data.getFileName());
    byte[] bytes = Files.readAllBytes(data);
    String sha = sha256(bytes);
    DataTable table = TableReader.read(data);
    DataTable derived = Derivations.apply(table, protocol.derive());
    Cohort cohort = Cohort.select(derived, protocol.cohort());

    Analyses analyses = new Analyses(protocol);
    Map<String, AnalysisOutput> outputs = new LinkedHashMap<>();
    List<String> notRun = new ArrayList<>();
    int step = 1;
    for (Analysis a : protocol.analyses()) {
      progress.step(step++, total, a.id() + " (" + a.command() + ")");
      // in: MATCH-ID analyses the matched cohort of that match analysis (run before it)
      DataTable base = a.in() == null ? cohort.table() : analyses.matchedCohort(a.in());
      if (base == null) {
        notRun.add(a.id());
        continue;
      }
      AnalysisOutput o = analyses.run(a, subset(base, a.where()));
      if (o == null) {
        notRun.add(a.id());
      } else {
        outputs.put(a.id(), o);
      }
    }

    progress.step(step++, total, "drawing the figures");
    ObjectNode results =
        results(data, sha, table.rowCount(), cohort.flow(), outputs, notRun, analyses);
    List<NumberedFigure> figures = new ArrayList<>();
    ReportDocument doc = document(data, sha, cohort.flow(), outputs, notRun, analyses, figures);

    Path parent = target.getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
    try {
      progress.step(step++, total, "writing the figure files");
      Files.createDirectories(tmp.resolve("figures"));
      for (NumberedFigure f : figures) {
        // each figure as its own file: SVG (as inlined in report.html), PDF (vector) and PNG
        Path base = tmp.resolve("figures");
        String name = "figure" + f.number();
        write(base.resolve(name + ".svg"), o -> o.write(f.svg().getBytes(StandardCharsets.UTF_8)));
        write(
            base.resolve(name + ".pdf"),
            o -> FigureWriter.write(o, FigureFormat.PDF, f.figure(), 300));
        write(
            base.resolve(name + ".png"),
            o -> FigureWriter.write(o, FigureFormat.PNG, f.figure(), 300));
      }
      write(tmp.resolve("results.json"), o -> JSON.writeValue(o, results));
      write(
          tmp.resolve("protocol.lock.yaml"),
          o -> o.write(lock(data, sha, table.rowCount()).getBytes(StandardCharsets.UTF_8)));
      progress.step(step++, total, "writing report.html");
      write(tmp.resolve("report.html"), o -> HtmlReport.write(doc, o));
      progress.step(step++, total, "writing report.pdf");
      write(tmp.resolve("report.pdf"), o -> PdfReport.write(doc, o));
      progress.step(step++, total, "writing report.docx");
      write(tmp.resolve("report.docx"), o -> DocxReport.write(doc, o));
      replace(tmp, target);
    } catch (IOException | RuntimeException e) {
      deleteTree(tmp);
      throw e;
    }
    progress.step(total, total, "done");
    return new StudyResult(
        target,
        List.of(
            "report.html",
            "report.pdf",
            "report.docx",
            "figures/",
            "results.json",
            "protocol.lock.yaml"),
        notRun);
  }

  /** A figure of the report with its number and its SVG text. */
  private record NumberedFigure(int number, Figure figure, String svg) {}

  private static String svg(Figure f) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try {
      FigureWriter.write(b, FigureFormat.SVG, f, 300);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return b.toString(StandardCharsets.UTF_8);
  }

  private static ReportDocument.Figure figure(
      List<NumberedFigure> figures, Figure f, String caption) {
    int n = figures.size() + 1;
    String svg = svg(f);
    figures.add(new NumberedFigure(n, f, svg));
    return new ReportDocument.Figure(n, caption, svg, "figures/figure" + n + ".svg");
  }

  /**
   * The flow chart of the cohort: the rows read, then one box per run of consecutive inclusion or
   * exclusion steps with, beside it, each step's label and the rows it removed (from the flow the
   * cohort selection counted, so the boxes agree with the flow table).
   */
  static FlowChart flowChart(CohortFlow flow) {
    List<FlowChart.Step> boxes = new ArrayList<>();
    boxes.add(new FlowChart.Step("Patients in the data", flow.read()));
    List<CohortFlow.Step> steps = flow.steps();
    int i = 0;
    while (i < steps.size()) {
      boolean inclusion = steps.get(i).inclusion();
      List<FlowChart.Exclusion> out = new ArrayList<>();
      int after = flow.read();
      while (i < steps.size() && steps.get(i).inclusion() == inclusion) {
        CohortFlow.Step s = steps.get(i);
        out.add(
            new FlowChart.Exclusion(
                inclusion ? "Not meeting: " + s.label() : s.label(), s.removed()));
        after = s.after();
        i++;
      }
      String label =
          i == steps.size()
              ? "Included in the analysis"
              : inclusion ? "Meeting the inclusion criteria" : "Remaining after exclusions";
      boxes.add(new FlowChart.Step(label, after, out));
    }
    return FlowChart.of(boxes);
  }

  private interface Body {
    void write(OutputStream out) throws IOException;
  }

  private static void write(Path file, Body body) throws IOException {
    try (OutputStream o = Files.newOutputStream(file)) {
      body.write(o);
    }
  }

  /** Moves the finished folder into place; a previous report there is replaced only then. */
  private static void replace(Path tmp, Path target) throws IOException {
    if (Files.exists(target)) {
      Path old =
          Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
      Files.delete(old);
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      deleteTree(old);
    } else {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The rows meeting every condition. */
  static DataTable subset(DataTable t, List<Condition> where) {
    if (where.isEmpty()) {
      return t;
    }
    List<Integer> keep = new ArrayList<>();
    for (int r = 0; r < t.rowCount(); r++) {
      boolean ok = true;
      for (Condition c : where) {
        Column col = t.column(c.column());
        ok &= Cohort.meets(c, col, r);
      }
      if (ok) {
        keep.add(r);
      }
    }
    return Cohort.subset(t, keep.stream().mapToInt(Integer::intValue).toArray());
  }

  private ObjectNode results(
      Path data,
      String sha,
      int rows,
      CohortFlow flow,
      Map<String, AnalysisOutput> outputs,
      List<String> notRun,
      Analyses analyses) {
    ObjectNode root = JSON.createObjectNode();
    root.put("protocol", protocol.id());
    root.put("thyra_version", version);
    ObjectNode in = root.putObject("input");
    in.put("file", data.getFileName().toString());
    in.put("sha256", sha);
    in.put("rows", rows);
    ObjectNode f = root.putObject("flow");
    f.put("read", flow.read());
    ArrayNode steps = f.putArray("steps");
    for (CohortFlow.Step s : flow.steps()) {
      ObjectNode o = steps.addObject();
      o.put("label", s.label());
      o.put("kind", s.inclusion() ? "include" : "exclude");
      o.put("before", s.before());
      o.put("removed", s.removed());
      o.put("after", s.after());
    }
    f.put("included", flow.included());
    ArrayNode list = root.putArray("analyses");
    for (Analysis a : protocol.analyses()) {
      ObjectNode o = list.addObject();
      o.put("id", a.id());
      o.put("analysis", a.command());
      AnalysisOutput out = outputs.get(a.id());
      if (out == null) {
        o.put("status", "not run");
        o.put(
            "reason",
            a.in() != null && analyses.matchedCohort(a.in()) == null
                ? "its matched cohort '" + a.in() + "' was not formed"
                : "thyra " + a.command() + " is not yet run by this version of the study runner");
        continue;
      }
      o.put("status", "done");
      o.put("method", out.table() == null ? "" : String.join(" | ", out.table().notes()));
      ArrayNode w = o.putArray("warnings");
      out.warnings().forEach(w::add);
      o.set("result", out.json());
    }
    return root;
  }

  private String lock(Path data, String sha, int rows) {
    StringBuilder b = new StringBuilder();
    b.append("# The protocol as run, with what is needed to rerun it exactly.\n");
    b.append("thyra-version: ").append(quote(version)).append('\n');
    b.append("input:\n");
    b.append("  file: ").append(quote(data.getFileName().toString())).append('\n');
    b.append("  sha256: ").append(sha).append('\n');
    b.append("  rows: ").append(rows).append('\n');
    b.append("seeds:\n");
    int n = 0;
    for (int i = 0; i < protocol.derive().size(); i++) {
      Derivation d = protocol.derive().get(i);
      if (d.seed() != null) {
        b.append("  - {path: \"derive[")
            .append(i)
            .append("]\", seed: ")
            .append(d.seed())
            .append("}\n");
        n++;
      }
    }
    for (int i = 0; i < protocol.analyses().size(); i++) {
      Long seed = seed(protocol.analyses().get(i));
      if (seed != null) {
        b.append("  - {path: \"analyses[")
            .append(i)
            .append("]\", seed: ")
            .append(seed)
            .append("}\n");
        n++;
      }
    }
    if (n == 0) {
      b.setLength(b.length() - 1);
      b.append(" []\n");
    }
    b.append("protocol:\n");
    for (String line : protocolText.split("\n", -1)) {
      b.append(line.isEmpty() ? "" : "  " + line).append('\n');
    }
    return b.toString();
  }

  private static Long seed(Analysis a) {
    if (a instanceof Analysis.Cox c) {
      return c.seed();
    }
    if (a instanceof Analysis.Logistic c) {
      return c.seed();
    }
    if (a instanceof Analysis.Match c) {
      return c.seed();
    }
    if (a instanceof Analysis.Impute c) {
      return c.seed();
    }
    if (a instanceof Analysis.Validate c) {
      return c.seed();
    }
    return null;
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private ReportDocument document(
      Path data,
      String sha,
      CohortFlow flow,
      Map<String, AnalysisOutput> outputs,
      List<String> notRun,
      Analyses analyses,
      List<NumberedFigure> figures) {
    List<ReportDocument.Block> blocks = new ArrayList<>();
    ReportLayout layout = protocol.report();
    int tableNo = 0;
    for (ReportLayout.Section s : layout.sections()) {
      blocks.add(new ReportDocument.Heading(1, s.title()));
      if (Boolean.TRUE.equals(s.methods())) {
        blocks.addAll(methods(flow, outputs, analyses));
      }
      if (Boolean.TRUE.equals(s.flow())) {
        blocks.add(new ReportDocument.Paragraph(flowText(flow)));
        tableNo++;
        blocks.add(
            new ReportDocument.Table(
                tableNo, "Selection of the study cohort.", flowTable(flow), List.of()));
        if (!flowFigureItem(layout)) {
          blocks.add(
              figure(figures, flowChart(flow), "Flow chart of the selection of the study cohort."));
        }
      }
      for (String p : s.text()) {
        blocks.add(new ReportDocument.Paragraph(p));
      }
      for (ReportLayout.Item it : s.items()) {
        if ("flow".equals(it.figure())) {
          blocks.add(figure(figures, flowChart(flow), it.caption()));
          continue;
        }
        if (it.figure() != null) {
          AnalysisOutput o = outputs.get(it.figure());
          if (o == null || o.figure() == null) {
            blocks.add(
                new ReportDocument.Paragraph(
                    "["
                        + it.caption()
                        + " — the figure of analysis '"
                        + it.figure()
                        + "' is not yet drawn by this version of the study runner.]"));
          } else {
            blocks.add(figure(figures, o.figure(), it.caption()));
          }
          continue;
        }
        AnalysisOutput o = outputs.get(it.table());
        if (o == null || o.table() == null) {
          blocks.add(
              new ReportDocument.Paragraph(
                  "["
                      + it.caption()
                      + " — analysis '"
                      + it.table()
                      + "' is not yet run by this version of the study runner.]"));
          continue;
        }
        tableNo++;
        List<String> foot = new ArrayList<>();
        if (!o.warnings().isEmpty()) {
          foot.add("Warnings: " + String.join("; ", o.warnings()));
        }
        if (it.footnote() != null) {
          foot.add(0, it.footnote());
        }
        blocks.add(new ReportDocument.Table(tableNo, it.caption(), o.table(), foot));
      }
    }
    String title = layout.title() != null ? layout.title() : protocol.title();
    String subtitle =
        "Protocol "
            + protocol.id()
            + " · data "
            + data.getFileName()
            + " (SHA-256 "
            + sha.substring(0, 12)
            + "…) · Thyra "
            + version;
    return new ReportDocument(title, subtitle, blocks);
  }

  /** Whether the layout places the flow chart itself ({@code figure: flow}). */
  private static boolean flowFigureItem(ReportLayout layout) {
    return layout.sections().stream()
        .flatMap(s -> s.items().stream())
        .anyMatch(it -> "flow".equals(it.figure()));
  }

  private List<ReportDocument.Block> methods(
      CohortFlow flow, Map<String, AnalysisOutput> outputs, Analyses analyses) {
    List<ReportDocument.Block> b = new ArrayList<>();
    if (protocol.description() != null) {
      b.add(new ReportDocument.Paragraph(protocol.description()));
    }
    StringBuilder cohort = new StringBuilder();
    List<String> inc = new ArrayList<>();
    List<String> exc = new ArrayList<>();
    protocol
        .cohort()
        .forEach(
            s -> (s.isInclusion() ? inc : exc).add(s.label().toLowerCase(java.util.Locale.ROOT)));
    if (!inc.isEmpty()) {
      cohort.append("Inclusion criteria were: ").append(String.join("; ", inc)).append(". ");
    }
    if (!exc.isEmpty()) {
      cohort.append("Patients were excluded for: ").append(String.join("; ", exc)).append(". ");
    }
    for (Derivation d : protocol.derive()) {
      if ("cut".equals(d.kind())) {
        cohort
            .append(d.cut())
            .append(" was dichotomised at ")
            .append(d.at().stream().map(Fmt::time).toList())
            .append(" (")
            .append(String.join(" / ", d.labels()))
            .append("). ");
      } else if ("split".equals(d.kind())) {
        cohort
            .append("Patients were randomly assigned to ")
            .append(String.join(" and ", d.labels()))
            .append(" sets (")
            .append(d.proportions().stream().map(p -> Fmt.f(100 * p, 0) + "%").toList())
            .append(", seed ")
            .append(d.seed())
            .append("). ");
      } else if ("rule".equals(d.kind())) {
        cohort
            .append("The derived variable(s) of rule ")
            .append(d.rule())
            .append(" were computed by Thyra's clinical rules. ");
      }
    }
    if (!cohort.isEmpty()) {
      b.add(new ReportDocument.Paragraph(cohort.toString().trim()));
    }
    LinkedHashSet<String> sentences = new LinkedHashSet<>();
    outputs.values().forEach(o -> sentences.add(o.method()));
    StringBuilder stats = new StringBuilder();
    for (String s : sentences) {
      stats.append(Character.toUpperCase(s.charAt(0))).append(s.substring(1)).append(". ");
    }
    stats.append("All tests were two-sided with p < 0.05 considered significant. ");
    stats
        .append("Analyses were run with Thyra ")
        .append(version)
        .append(
            " (open source, Java), whose estimates agree with R (survival 3.5, rms 6.5, MatchIt 4.5, pROC 1.18) to at least 6 significant digits; the protocol file, the SHA-256 of the data and every random seed are given in protocol.lock.yaml.");
    b.add(new ReportDocument.Paragraph(stats.toString()));
    return b;
  }

  private String flowText(CohortFlow flow) {
    StringBuilder s = new StringBuilder();
    s.append(flow.read()).append(" patients were screened");
    for (CohortFlow.Step st : flow.steps()) {
      if (st.removed() > 0) {
        s.append("; ")
            .append(st.removed())
            .append(st.inclusion() ? " did not meet \"" : " were excluded for \"")
            .append(st.label())
            .append('"');
      }
    }
    s.append("; ").append(flow.included()).append(" were included in the analysis.");
    return s.toString();
  }

  private static TableLayout flowTable(CohortFlow flow) {
    List<TableLayout.Row> rows = new ArrayList<>();
    rows.add(
        new TableLayout.Row(
            TableLayout.Kind.COUNT, "", List.of("Screened", "", Integer.toString(flow.read()))));
    for (CohortFlow.Step s : flow.steps()) {
      rows.add(
          new TableLayout.Row(
              TableLayout.Kind.LEVEL,
              "",
              List.of(
                  (s.inclusion() ? "Inclusion: " : "Exclusion: ") + s.label(),
                  Integer.toString(s.removed()),
                  Integer.toString(s.after()))));
    }
    rows.add(
        new TableLayout.Row(
            TableLayout.Kind.VARIABLE,
            "",
            List.of("Analysed", "", Integer.toString(flow.included()))));
    return new TableLayout("", List.of("Step", "Removed", "Remaining"), rows, List.of());
  }
}
