package org.thyra.web.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.thyra.studies.synth.Design;
import org.thyra.web.analytics.CohortAnalysisTest;
import org.thyra.web.patient.StoredPatient;

public class StudyRunsTest {

  /** A bundled design's synthetic cohort in place of the registry (what the runner is given). */
  public static final StudyRuns.DataSource SYNTHETIC =
      (protocolId, patients) -> {
        Design d = Design.of(protocolId);
        Path dir = Files.createTempDirectory("thyra-web-synth");
        Path csv = dir.resolve(protocolId + ".csv");
        try (Writer w = Files.newBufferedWriter(csv)) {
          d.generate(d.defaultN(), 1).writeCsv(w);
        }
        return csv;
      };

  @Test
  void onTheRegistryFrameABundledProtocolLackingColumnsIsRefusedWithEachProblemOnce()
      throws Exception {
    List<StoredPatient> patients = CohortAnalysisTest.cohort();
    try (StudyRuns runs = new StudyRuns(Clock.systemUTC())) {
      for (String id : StudyRuns.protocols().keySet()) {
        StudyRuns.Run r = runs.run(id, patients, "ana", null);
        assertThat(r.ok()).as(id).isFalse();
        assertThat(r.folder()).isNull();
        assertThat(r.patients()).isEqualTo(15);
        assertThat(r.problems()).doesNotHaveDuplicates();
        assertThat(r.problems().get(0)).startsWith(id + ".yaml:");
        assertThat(r.problems().get(r.problems().size() - 1))
            .startsWith("the registry's columns: subject, site, sex, age_at_diagnosis");
        // the column list is said once, not in every problem
        assertThat(r.problems().stream().filter(p -> p.contains("age_at_diagnosis"))).hasSize(1);
      }
      assertThat(runs.visible("ana", false)).hasSize(StudyRuns.protocols().size());
    }
  }

  @Test
  void aProtocolWhoseDataFitsRunsAndItsReportIsKeptForWhoRanItAndAdministrators() throws Exception {
    try (StudyRuns runs = new StudyRuns(Clock.systemUTC(), SYNTHETIC)) {
      StudyRuns.Run r = runs.run("rai-cycles", List.of(), "ana", "A");
      assertThat(r.problems()).isEmpty();
      assertThat(r.ok()).isTrue();
      for (String f : StudyRuns.FILES.keySet()) {
        assertThat(r.folder().resolve(f)).isRegularFile();
      }
      assertThat(Files.readString(r.folder().resolve("report.html"))).contains("<svg");
      assertThat(runs.find(r.id(), "ana", false)).contains(r);
      assertThat(runs.find(r.id(), "bob", false)).isEmpty();
      assertThat(runs.find(r.id(), "root", true)).contains(r);
      assertThat(runs.visible("bob", false)).isEmpty();
    }
  }
}
