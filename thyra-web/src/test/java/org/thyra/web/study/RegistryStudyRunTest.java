package org.thyra.web.study;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thyra.frame.DataTable;
import org.thyra.frame.TableReader;
import org.thyra.registry.Registry;
import org.thyra.registry.RegistryLocation;
import org.thyra.registry.imports.CourseImport;
import org.thyra.studies.synth.Design;
import org.thyra.studies.synth.SyntheticTable;
import org.thyra.web.analytics.CohortFrame;
import org.thyra.web.patient.PatientQuery;
import org.thyra.web.patient.RegistryPatientDirectory;
import org.thyra.web.patient.StoredPatient;

/**
 * A bundled study run from the web on a real (embedded) registry holding a study cohort, as {@code
 * thyra demo} loads it: the data come from the registry's export of the patients the user may see,
 * never from a file the user names.
 */
class RegistryStudyRunTest {

  @Test
  void aBundledStudyRunsOnTheRegistrysPatientsAndOnlyOnThoseTheUserMaySee(@TempDir Path dir)
      throws Exception {
    Design d = Design.of("rair-lung");
    SyntheticTable t = d.generate(d.defaultN(), 11);
    Path csv = dir.resolve("rair-lung.csv");
    try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      t.writeCsv(w);
    }
    Files.writeString(dir.resolve("rair-lung.mapping.json"), t.registryMapping("rair-lung-"));
    try (Registry registry = Registry.open(RegistryLocation.h2(dir.resolve("registry")), true)) {
      registry.init();
      CourseImport.Report rep =
          CourseImport.run(
              registry,
              List.of(csv),
              new CourseImport.Options("north", false, "test", "study cohort", null, null));
      assertThat(rep.problems()).isEmpty();
      List<StoredPatient> all =
          new RegistryPatientDirectory(registry)
              .search(new PatientQuery("", null, null, Integer.MAX_VALUE), null);
      assertThat(all).hasSize(t.rows());

      StudyRuns.DataSource source = StudyRuns.registryStudyFrame(registry);
      // the frame holds exactly the patients given, with the study's recorded variables
      List<StoredPatient> some = all.subList(0, 40);
      Path part = source.write("rair-lung", some);
      try {
        DataTable frame = TableReader.read(part);
        assertThat(frame.rowCount()).isEqualTo(40);
        assertThat(frame.columnNames()).contains("rair_pattern", "ps_tg", "pfs_months");
      } finally {
        CohortFrame.delete(part);
      }

      try (StudyRuns runs = new StudyRuns(Clock.systemUTC(), source)) {
        StudyRuns.Run r = runs.run("rair-lung", all, "ana", null);
        assertThat(r.problems()).isEmpty();
        assertThat(r.ok()).isTrue();
        for (String f : StudyRuns.FILES.keySet()) {
          assertThat(r.folder().resolve(f)).isRegularFile();
        }
        JsonNode results = new ObjectMapper().readTree(r.folder().resolve("results.json").toFile());
        // the flow chart starts from every registry patient given
        assertThat(results.at("/flow/read").asInt()).isEqualTo(t.rows());
      }
    }
  }
}
