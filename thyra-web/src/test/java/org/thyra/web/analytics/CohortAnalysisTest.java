package org.thyra.web.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.thyra.clinical.course.CourseJson;
import org.thyra.clinical.course.PatientCourse;
import org.thyra.report.output.TableLayout;
import org.thyra.web.patient.StoredPatient;

public class CohortAnalysisTest {

  /** n copies of an example course under new ids at a site. */
  public static List<StoredPatient> copies(String example, String site, String prefix, int n)
      throws Exception {
    String json = Files.readString(Path.of("..", "examples", "courses", example + ".json"));
    String id = CourseJson.read(json, example).patientId();
    List<StoredPatient> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      String pid = prefix + "-" + i;
      PatientCourse c = CourseJson.read(json.replace("\"" + id + "\"", "\"" + pid + "\""), example);
      out.add(new StoredPatient(pid, site, c, 1, Instant.EPOCH, "test"));
    }
    return out;
  }

  public static List<StoredPatient> cohort() throws Exception {
    List<StoredPatient> all = new ArrayList<>();
    all.addAll(copies("seed003-rair-lung", "A", "ANA", 6));
    all.addAll(copies("seed001-rai-avid-micrometastases", "B", "BOB", 7));
    all.addAll(copies("seed000-ablation-lymph-node", "C", "CAT", 2));
    return all;
  }

  @Test
  void groupsOfFewerThanFivePatientsAreLeftOutOfEveryOutput() throws Exception {
    CohortAnalysis.Result r = CohortAnalysis.run(cohort(), "site", "os");
    assertThat(r.patients()).isEqualTo(15);
    assertThat(r.analysed()).isEqualTo(13);
    assertThat(r.leftOut()).hasSize(1);
    assertThat(r.leftOut().get(0)).doesNotContain("C"); // not even the small group's name
    assertThat(r.km().rows()).extracting(row -> row.cells().get(0)).containsExactly("A", "B");
    assertThat(r.km().rows()).extracting(row -> row.cells().get(1)).containsExactly("6", "7");
    assertThat(r.logRank()).isNotNull();
    assertThat(r.logRank().rows()).hasSize(2);
    assertThat(r.logRank().notes().get(0)).matches("χ² = [0-9.]+ on 1 df, p = .*");
    assertThat(r.kmSvg()).startsWith("<svg").contains("Number at risk").doesNotContain("CAT-");
    assertThat(r.table1().header()).containsExactly("", "Overall", "A", "B", "p", "test", "SMD");
    assertThat(r.table1().rows().get(0).cells().subList(0, 4)).containsExactly("n", "13", "6", "7");
    assertThat(String.join(" ", r.methods())).contains("Kaplan").contains("de-identified");
  }

  @Test
  void noIdentifierOrDateReachesTheOutput() throws Exception {
    CohortAnalysis.Result r = CohortAnalysis.run(cohort(), "histology", "pfs");
    StringBuilder all = new StringBuilder(r.kmSvg() == null ? "" : r.kmSvg());
    for (TableLayout t : new TableLayout[] {r.km(), r.logRank(), r.table1()}) {
      if (t != null) {
        t.rows().forEach(row -> all.append(String.join(" ", row.cells())));
        all.append(String.join(" ", t.header())).append(String.join(" ", t.notes()));
      }
    }
    all.append(String.join(" ", r.warnings()));
    assertThat(all.toString()).doesNotContain("ANA-").doesNotContain("BOB-").doesNotContain("P003");
    assertThat(all.toString()).doesNotContainPattern("(19|20)\\d\\d-\\d\\d-\\d\\d");
  }

  @Test
  void oneGroupGivesCurvesWithoutATest() throws Exception {
    List<StoredPatient> one = copies("seed003-rair-lung", "A", "ANA", 5);
    CohortAnalysis.Result r = CohortAnalysis.run(one, "site", "os");
    assertThat(r.km().rows()).hasSize(1);
    assertThat(r.logRank()).isNull();
    assertThat(r.table1().notes()).anyMatch(w -> w.contains("1 group"));
  }

  @Test
  void everyGroupTooSmallShowsNothingButSaysWhy() throws Exception {
    CohortAnalysis.Result r =
        CohortAnalysis.run(copies("seed003-rair-lung", "A", "ANA", 4), "site", "os");
    assertThat(r.kmSvg()).isNull();
    assertThat(r.table1()).isNull();
    assertThat(r.leftOut()).hasSize(1);
  }

  @Test
  void onlyTheOfferedGroupingsAndEndpointsAreAccepted() {
    assertThatThrownBy(() -> CohortAnalysis.run(List.of(), "patient_id", "os"))
        .hasMessageContaining("grouping");
    assertThatThrownBy(() -> CohortAnalysis.run(List.of(), "site", "dfs"))
        .hasMessageContaining("endpoint");
  }

  @Test
  void countsFromOneToFourAreSuppressedInTheBaselineTable() {
    TableLayout t =
        new TableLayout(
            "t",
            List.of("Characteristic", "Overall", "A", "B", "p"),
            List.of(
                new TableLayout.Row(
                    TableLayout.Kind.VARIABLE, "sex", List.of("sex, n (%)", "", "", "", "0.5")),
                new TableLayout.Row(
                    TableLayout.Kind.LEVEL,
                    "sex",
                    List.of("female", "5 (50.0)", "4 (80.0)", "0 (0.0)", "")),
                new TableLayout.Row(
                    TableLayout.Kind.MISSING, "sex", List.of("Missing", "1", "12", "0", ""))),
            List.of());
    TableLayout s = CohortAnalysis.suppressSmallCounts(t);
    assertThat(s.rows().get(0).cells()).containsExactly("sex, n (%)", "", "", "", "0.5");
    assertThat(s.rows().get(1).cells()).containsExactly("female", "5 (50.0)", "< 5", "0 (0.0)", "");
    assertThat(s.rows().get(2).cells()).containsExactly("Missing", "< 5", "12", "0", "");
  }
}
