package org.thyra.app.study;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.thyra.app.ThyraCli;
import org.thyra.frame.DataTable;
import org.thyra.frame.TableReader;
import org.thyra.registry.RegistryLocation;
import org.thyra.studies.protocol.DataSource;
import org.thyra.studies.protocol.Protocol;
import org.thyra.studies.protocol.ProtocolCheck;
import org.thyra.studies.protocol.ProtocolException;
import org.thyra.studies.protocol.ProtocolProblem;
import org.thyra.studies.protocol.ProtocolReader;
import org.thyra.studies.run.Progress;
import org.thyra.studies.run.RegistrySource;
import org.thyra.studies.run.StudyResult;
import org.thyra.studies.run.StudyRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code thyra study run PROTOCOL.yaml --data F --out DIR}: checks the protocol against the data
 * (every problem reported, nothing written), then runs it and writes the report folder. A progress
 * bar is shown on a terminal only.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run a study protocol on a data file (or a registry's analysis frame) and write the report"
          + " folder:",
      "report.html, report.pdf, report.docx, figures/, results.json, protocol.lock.yaml."
    })
public final class StudyRunCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      paramLabel = "PROTOCOL",
      description = "Protocol file (or a bundled id).")
  String protocol;

  @Option(names = "--data", paramLabel = "FILE", description = "CSV or XLSX data.")
  Path data;

  @Option(
      names = "--registry",
      paramLabel = "LOCATION",
      description = {
        "Instead of --data: a registry (directory or jdbc:postgresql:// URL; credentials from"
            + " THYRA_DB_USER / THYRA_DB_PASSWORD); the study reads its exported analysis frame"
            + " with the protocol's data.derive / data.endpoints and the recorded values.",
        "Default: the protocol's data.registry."
      })
  String registry;

  @Option(
      names = "--site",
      paramLabel = "S",
      description = "With a registry: only this site's patients.")
  String site;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Report folder.")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (data != null && registry != null) {
      throw new IllegalArgumentException("--data and --registry: give one of them, not both");
    }
    StudyResult r;
    if (data != null) {
      r = run(protocol, data, out, System.console() != null);
    } else {
      String where = registry;
      if (where == null) {
        DataSource ds = ProtocolSource.read(protocol).protocol().data();
        where = ds == null ? null : ds.registry();
      }
      if (where == null || where.isBlank()) {
        throw new IllegalArgumentException(
            "--data FILE or --registry LOCATION: the study needs its data (the protocol names no"
                + " data.registry)");
      }
      r =
          runFromRegistry(
              protocol,
              RegistryLocation.resolve(where, System.getenv()),
              site,
              out,
              System.console() != null);
    }
    System.out.println("report: " + r.folder().resolve("report.html"));
    if (!r.notRun().isEmpty()) {
      spec.commandLine()
          .getErr()
          .println(
              "thyra study run: not yet run by this version (named in the report): "
                  + String.join(", ", r.notRun()));
    }
    return 0;
  }

  /**
   * Runs a protocol on a registry's analysis frame ({@link RegistrySource}): the frame is exported
   * beside the report folder, the study runs on it, and the frame is kept in the report folder as
   * {@value RegistrySource#FILE_NAME} (the file whose SHA-256 the report names).
   */
  static StudyResult runFromRegistry(
      String protocol, RegistryLocation location, String site, Path out, boolean terminal)
      throws IOException {
    ProtocolReader.Read read = ProtocolSource.read(protocol);
    Path parent = out.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempDirectory(parent, "." + out.getFileName() + ".registry-");
    try {
      Path frame = RegistrySource.export(location, read.protocol().data(), site, tmp);
      StudyResult r = run(protocol, frame, out, terminal);
      Files.move(
          frame, r.folder().resolve(RegistrySource.FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
      return r;
    } finally {
      try (var files = Files.list(tmp)) {
        for (Path f : files.toList()) {
          Files.deleteIfExists(f);
        }
      }
      Files.deleteIfExists(tmp);
    }
  }

  /** Checks and runs a protocol; throws {@link ProtocolException} listing every problem. */
  static StudyResult run(String protocol, Path data, Path out, boolean terminal)
      throws IOException {
    ProtocolReader.Read read = ProtocolSource.read(protocol);
    DataTable table = TableReader.read(data);
    List<ProtocolProblem> problems = ProtocolCheck.check(read, protocol, table);
    if (!problems.isEmpty()) {
      throw new ProtocolException(problems);
    }
    Protocol p = read.protocol();
    StudyRunner runner = new StudyRunner(p, ProtocolSource.text(protocol), version());
    if (!terminal) {
      return runner.run(data, out, Progress.NONE);
    }
    try (ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName(p.id())
            .setInitialMax(p.analyses().size() + 6)
            .setStyle(ProgressBarStyle.ASCII)
            .continuousUpdate()
            .build()) {
      return runner.run(
          data,
          out,
          (done, total, what) -> {
            bar.maxHint(total);
            bar.stepTo(done);
            bar.setExtraMessage(what);
          });
    }
  }

  static String version() {
    Properties p = new Properties();
    try (InputStream in = ThyraCli.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // unknown version
    }
    return p.getProperty("version", "unknown");
  }
}
