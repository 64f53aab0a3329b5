package org.thyra.studies.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.thyra.studies.protocol.BundledProtocols;
import org.thyra.studies.protocol.ProtocolReader;
import org.thyra.studies.synth.Design;

class StudyRunnerTest {
  @TempDir Path dir;

  Path synth(Design d) throws Exception {
    Path csv = dir.resolve(d.id() + ".csv");
    try (Writer w = Files.newBufferedWriter(csv)) {
      d.generate(d.defaultN(), 1).writeCsv(w);
    }
    return csv;
  }

  StudyRunner runner(Design d) {
    BundledProtocols.Bundled b = BundledProtocols.of(d);
    ProtocolReader.Read r = b.read();
    return new StudyRunner(r.protocol(), b.text(), "test");
  }

  @ParameterizedTest
  @EnumSource(Design.class)
  void writesTheReportFolderAndIdenticalResultsTwice(Design d) throws Exception {
    Path csv = synth(d);
    Path out = dir.resolve("report-" + d.id());
    StudyResult r = runner(d).run(csv, out, Progress.NONE);
    for (String f :
        new String[] {
          "report.html", "report.pdf", "report.docx", "results.json", "protocol.lock.yaml"
        }) {
      assertThat(out.resolve(f)).isNotEmptyFile();
    }
    assertThat(out.resolve("figures")).isDirectory();
    byte[] first = Files.readAllBytes(out.resolve("results.json"));
    runner(d).run(csv, out, Progress.NONE);
    assertThat(Files.readAllBytes(out.resolve("results.json"))).isEqualTo(first);
    // no temporary sibling is left behind
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.contains(".tmp-") || n.contains(".old-"));
    }
    JsonNode json = new ObjectMapper().readTree(first);
    assertThat(json.at("/input/sha256").asText()).hasSize(64);
    assertThat(json.at("/flow/read").asInt()).isEqualTo(d.defaultN());
    // the lock names the version, the input's hash and the protocol as run, and reads back
    String lock = Files.readString(out.resolve("protocol.lock.yaml"));
    assertThat(lock)
        .contains("thyra-version: \"test\"")
        .contains(json.at("/input/sha256").asText());
    // every analysis run has its table in the PDF
    try (PDDocument pdf = Loader.loadPDF(out.resolve("report.pdf").toFile())) {
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains("Table 1.").contains("Screened");
      assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(2);
    }
    assertThat(r.notRun()).doesNotContain("table1");
  }

  @Test
  void kmRatesAtFixedTimesAreThoseOfTheCurve() throws Exception {
    Path csv = synth(Design.ABLATION);
    Path out = dir.resolve("ablation");
    runner(Design.ABLATION).run(csv, out, Progress.NONE);
    JsonNode a = new ObjectMapper().readTree(out.resolve("results.json").toFile()).at("/analyses");
    JsonNode km = null;
    for (JsonNode n : a) {
      if (n.get("id").asText().equals("pfs_size")) {
        km = n.get("result");
      }
    }
    assertThat(km).isNotNull();
    assertThat(km.at("/groups/0/group").asText()).isEqualTo("<=1 cm");
    JsonNode at60 = km.at("/groups/0/at/2");
    assertThat(at60.get("time").asDouble()).isEqualTo(60);
    assertThat(at60.get("lower").asDouble()).isLessThan(at60.get("survival").asDouble());
    assertThat(at60.get("upper").asDouble()).isGreaterThan(at60.get("survival").asDouble());
  }

  /** The progress a terminal's bar shows: every step in order, from 0 to the total, once each. */
  @Test
  void progressReportsEveryStepInOrderUpToTheTotal() throws Exception {
    Path csv = synth(Design.RAIR_LUNG);
    java.util.List<String> seen = new java.util.ArrayList<>();
    java.util.List<Integer> done = new java.util.ArrayList<>();
    int[] total = {-1};
    runner(Design.RAIR_LUNG)
        .run(
            csv,
            dir.resolve("out"),
            (d, t, what) -> {
              done.add(d);
              seen.add(what);
              total[0] = t;
            });
    int analyses = BundledProtocols.of(Design.RAIR_LUNG).read().protocol().analyses().size();
    assertThat(total[0]).isEqualTo(analyses + 6);
    assertThat(done).hasSize(total[0] + 1).isSorted().doesNotHaveDuplicates();
    assertThat(done.get(0)).isZero();
    assertThat(done.get(done.size() - 1)).isEqualTo(total[0]);
    assertThat(seen).contains("writing report.pdf", "done");
  }

  @Test
  void aFolderThatIsNotAReportIsNeverReplaced() throws Exception {
    Path csv = synth(Design.RAIR_LUNG);
    Path out = dir.resolve("mine");
    Files.createDirectories(out);
    Files.writeString(out.resolve("notes.txt"), "keep me");
    assertThatThrownBy(() -> runner(Design.RAIR_LUNG).run(csv, out, Progress.NONE))
        .hasMessageContaining("not a Thyra report folder");
    assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("keep me");
  }
}
