package org.thyra.web.study;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.thyra.frame.DataTable;
import org.thyra.frame.TableReader;
import org.thyra.registry.export.AnalysisFrame;
import org.thyra.registry.export.ExportOptions;
import org.thyra.registry.export.FrameExport;
import org.thyra.registry.store.StoredCourse;
import org.thyra.studies.protocol.BundledProtocols;
import org.thyra.studies.protocol.ProtocolCheck;
import org.thyra.studies.protocol.ProtocolProblem;
import org.thyra.studies.protocol.ProtocolReader;
import org.thyra.studies.run.Progress;
import org.thyra.studies.run.RegistrySource;
import org.thyra.studies.run.StudyResult;
import org.thyra.studies.run.StudyRunner;
import org.thyra.web.analytics.CohortFrame;
import org.thyra.web.patient.StoredPatient;

/**
 * Runs a bundled study protocol on the registry's patients that the user may see and keeps the
 * report folder for download.
 *
 * <p>The data: over a registry ({@code thyra serve --registry}), {@link #registryStudyFrame}: the
 * frame {@code thyra study run --registry} exports (the protocol's unit, derived facts, endpoints
 * and the recorded study variables), restricted to the patients the user may see; otherwise the
 * de-identified analysis frame {@link #REGISTRY_FRAME} ({@link FrameExport}: every derived rule, OS
 * and PFS from diagnosis). It is written to a private temporary CSV and given to thyra-studies'
 * {@link StudyRunner} as {@code thyra study run --data} would be. The protocol is checked against
 * that table first ({@link ProtocolCheck}): a protocol whose columns the frame does not have is
 * refused with every problem listed, nothing run.
 *
 * <p>One run at a time (a study run takes a core for seconds to minutes); reports are kept in a
 * private folder for the life of the server, each readable only by the user who ran it (and
 * administrators).
 */
public final class StudyRuns implements AutoCloseable {
  /** One finished or refused run. */
  public record Run(
      String id,
      String protocol,
      String user,
      String site,
      Instant at,
      int patients,
      Path folder,
      List<String> notRun,
      List<String> problems) {
    public boolean ok() {
      return folder != null;
    }
  }

  /** Files of a report folder that can be downloaded, with their media types. */
  public static final Map<String, String> FILES =
      Map.of(
          "report.html", "text/html; charset=utf-8",
          "report.pdf", "application/pdf",
          "report.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "results.json", "application/json",
          "protocol.lock.yaml", "text/yaml; charset=utf-8");

  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * Where a run's data table comes from: writes it (CSV) into {@code dir} for these patients.
   * {@link #REGISTRY_FRAME} in the application; the seam where thyra-studies' registry data source
   * ({@code study run --registry}) plugs in.
   */
  @FunctionalInterface
  public interface DataSource {
    Path write(String protocolId, List<StoredPatient> patients) throws IOException;
  }

  /** The registry's de-identified frame: one row per patient, every rule, OS and PFS. */
  public static final DataSource REGISTRY_FRAME =
      (protocolId, patients) -> {
        Map<String, StoredCourse> courses = new java.util.LinkedHashMap<>();
        for (StoredPatient p : patients) {
          courses.put(p.patientId(), new StoredCourse(p.site(), (int) p.version(), p.course()));
        }
        AnalysisFrame frame =
            FrameExport.build(
                courses,
                new ExportOptions(
                    ExportOptions.Unit.PATIENT,
                    FrameExport.RULES,
                    List.of("os", "pfs"),
                    true,
                    org.thyra.clinical.endpoint.Origin.DIAGNOSIS,
                    null));
        return CohortFrame.writeCsv(frame, "registry.csv");
      };

  /**
   * A registry's study frame, as {@code thyra study run --registry} exports it ({@link
   * RegistrySource#options}: the protocol's unit, derived facts, endpoints and the recorded values,
   * i.e. the study's own variables), restricted to the patients this user may see. The frame stays
   * on the server (a temporary file removed after the run); only the report is downloaded.
   */
  public static DataSource registryStudyFrame(org.thyra.registry.Registry registry) {
    return (protocolId, patients) -> {
      BundledProtocols.Bundled bundled = bundled(protocolId);
      java.util.Set<String> ids = new java.util.HashSet<>();
      for (StoredPatient p : patients) {
        ids.add(p.patientId());
      }
      AnalysisFrame frame =
          new org.thyra.registry.RegistryService(registry)
              .export(RegistrySource.options(bundled.read().protocol().data(), null), ids);
      return CohortFrame.writeCsv(frame, "registry.csv");
    };
  }

  private static BundledProtocols.Bundled bundled(String protocolId) {
    return BundledProtocols.all().stream()
        .filter(b -> b.design().id().equals(protocolId))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no bundled study " + protocolId));
  }

  private final DataSource source;
  private final Path root;
  private final Clock clock;
  private final Semaphore one = new Semaphore(1);
  private final Map<String, Run> runs = new ConcurrentHashMap<>();

  public StudyRuns(Clock clock) {
    this(clock, REGISTRY_FRAME);
  }

  /** With another data source (tests: a bundled design's synthetic cohort). */
  public StudyRuns(Clock clock, DataSource source) {
    this.clock = clock;
    this.source = source;
    try {
      this.root = Files.createTempDirectory("thyra-web-studies");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bundled protocols: id → title. */
  public static Map<String, String> protocols() {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    for (BundledProtocols.Bundled b : BundledProtocols.all()) {
      m.put(b.design().id(), b.read().protocol().title());
    }
    return m;
  }

  /**
   * Runs a bundled protocol on these patients.
   *
   * @return the run (with its problems when the protocol cannot run on the registry's data)
   * @throws IllegalStateException when another run is in progress
   */
  public Run run(String protocolId, List<StoredPatient> patients, String user, String site)
      throws IOException {
    BundledProtocols.Bundled bundled = bundled(protocolId);
    if (!one.tryAcquire()) {
      throw new IllegalStateException("another study is running; try again in a minute");
    }
    Path csv = null;
    String id = HexFormat.of().formatHex(bytes());
    try {
      csv = source.write(protocolId, patients);
      ProtocolReader.Read read = bundled.read();
      List<String> text = new ArrayList<>();
      DataTable table = null;
      try {
        table = TableReader.read(csv);
      } catch (RuntimeException e) {
        text.add(e.getMessage());
      }
      if (table != null) {
        text.addAll(condense(ProtocolCheck.check(read, bundled.name(), table), table));
      }
      // a protocol that does not fit the cohort is not run: the run records the problems instead
      Path folder = null;
      List<String> notRun = List.of();
      if (text.isEmpty()) {
        StudyRunner runner = new StudyRunner(read.protocol(), bundled.text(), "thyra-web");
        StudyResult r = runner.run(csv, root.resolve(id), Progress.NONE);
        folder = r.folder();
        notRun = r.notRun();
      }
      Run run =
          new Run(
              id, protocolId, user, site, clock.instant(), patients.size(), folder, notRun, text);
      runs.put(id, run);
      return run;
    } finally {
      CohortFrame.delete(csv);
      one.release();
    }
  }

  private static final java.util.regex.Pattern COLUMNS =
      java.util.regex.Pattern.compile(" in [^ ]+ \\(columns: [^)]*\\)");

  /**
   * Each problem once, without the list of the table's columns that every "no column" message
   * repeats; that list follows once at the end.
   */
  static List<String> condense(List<ProtocolProblem> problems, DataTable table) {
    java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
    boolean missing = false;
    for (ProtocolProblem p : problems) {
      String s = p.toString();
      String short_ = COLUMNS.matcher(s).replaceAll("");
      missing |= !short_.equals(s);
      out.add(short_);
    }
    List<String> list = new ArrayList<>(out);
    if (missing) {
      list.add("the registry's columns: " + String.join(", ", table.columnNames()));
    }
    return list;
  }

  private static byte[] bytes() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return b;
  }

  /** The runs a user may see, newest first (administrators: every run). */
  public List<Run> visible(String user, boolean admin) {
    return runs.values().stream()
        .filter(r -> admin || r.user().equals(user))
        .sorted(java.util.Comparator.comparing(Run::at).reversed())
        .toList();
  }

  /** A run the user may see. */
  public Optional<Run> find(String id, String user, boolean admin) {
    Run r = runs.get(id);
    return r == null || !(admin || r.user().equals(user)) ? Optional.empty() : Optional.of(r);
  }

  @Override
  public void close() {
    CohortFrame.delete(root.resolve("x"));
  }
}
