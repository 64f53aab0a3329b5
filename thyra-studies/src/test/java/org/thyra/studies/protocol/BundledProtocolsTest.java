package org.thyra.studies.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.thyra.frame.DataTable;
import org.thyra.frame.TableReader;
import org.thyra.studies.cohort.Cohort;
import org.thyra.studies.cohort.CohortFlow;
import org.thyra.studies.cohort.Derivations;
import org.thyra.studies.synth.Design;

class BundledProtocolsTest {

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Design.class)
  void checksCleanAgainstItsSyntheticCohort(Design design) throws Exception {
    Path csv = dir.resolve(design.id() + ".csv");
    try (Writer w = Files.newBufferedWriter(csv)) {
      design.generate(design.defaultN(), 1).writeCsv(w);
    }
    DataTable data = TableReader.read(csv);
    BundledProtocols.Bundled b = BundledProtocols.of(design);
    assertThat(ProtocolCheck.check(b.read(), b.name(), data)).isEmpty();
    Protocol p = b.read().protocol();
    assertThat(p.id()).isEqualTo(design.id());
    // every step and analysis says where in the seed it comes from
    assertThat(p.cohort())
        .allSatisfy(s -> assertThat(s.source()).contains("seed " + design.seedPaper()));
    assertThat(p.analyses())
        .allSatisfy(a -> assertThat(a.source()).contains("seed " + design.seedPaper()));
    assertThat(p.derive())
        .allSatisfy(d -> assertThat(d.source()).contains("seed " + design.seedPaper()));
    // the flow: each step removes some of the screened patients, as in the seed's flow chart
    Cohort cohort = Cohort.select(Derivations.apply(data, p.derive()), p.cohort());
    CohortFlow flow = cohort.flow();
    assertThat(flow.read()).isEqualTo(design.defaultN());
    int left = flow.read();
    for (CohortFlow.Step s : flow.steps()) {
      assertThat(s.before()).isEqualTo(left);
      left = s.after();
    }
    assertThat(flow.included()).isEqualTo(left).isEqualTo(cohort.table().rowCount());
  }
}
