package org.thyra.studies.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.thyra.frame.CategoricalColumn;
import org.thyra.frame.DataTable;
import org.thyra.frame.NumericColumn;

class ProtocolReaderTest {

  static final String GOOD =
      """
      protocol: 1
      id: demo
      title: A demo study
      derive:
        - name: size_group
          cut: diameter
          at: [1.0]
          labels: ["<=1 cm", ">1 cm"]
      cohort:
        - include: Adults
          column: age
          at-least: 18
        - exclude: Declined follow-up
          column: consent
          is: [no]
      variables:
        - column: consent
          levels: [no, yes]
          ref: no
      analyses:
        - id: km_pfs
          analysis: km
          time: months
          event: progressed
          group: size_group
          conf-type: log-log
          at: [12, 36, 60]
        - id: cox_pfs
          analysis: cox
          formula: Surv(months, progressed) ~ age + factor(size_group)
          ref: {size_group: "<=1 cm"}
      report:
        sections:
          - title: Results
            items:
              - table: km_pfs
                caption: PFS rates
              - figure: km_pfs
                caption: PFS by size
      """;

  @Test
  void bindsTypedRecordsWithCliOptionNames() {
    ProtocolReader.Read r = ProtocolReader.read(GOOD, "p.yaml");
    assertThat(r.problems()).isEmpty();
    Protocol p = r.protocol();
    assertThat(ProtocolCheck.check(r, "p.yaml")).isEmpty();
    Analysis.Km km = (Analysis.Km) p.analysis("km_pfs");
    assertThat(km.confType()).isEqualTo("log-log");
    assertThat(km.at()).containsExactly(12.0, 36.0, 60.0);
    assertThat(((Analysis.Cox) p.analysis("cox_pfs")).ref()).containsEntry("size_group", "<=1 cm");
    assertThat(p.derive().get(0).kind()).isEqualTo("cut");
    assertThat(p.cohort().get(0).isInclusion()).isTrue();
    assertThat(p.cohort().get(0).atLeast()).isEqualTo(18.0);
  }

  @Test
  void yaml11BooleansStayTextWhereALevelIsExpected() {
    Protocol p = ProtocolReader.read(GOOD, "p.yaml").protocol();
    assertThat(p.cohort().get(1).is()).containsExactly("no");
    assertThat(p.variables().get(0).levels()).containsExactly("no", "yes");
    assertThat(p.variables().get(0).ref()).isEqualTo("no");
  }

  @Test
  void reportsEveryBindingProblemWithLineAndColumn() {
    String bad =
        """
        protocol: 1
        id: bad
        title: Bad
        analyses:
          - id: a
            analysis: km
            time: months
            evnt: progressed
            at: [twelve]
          - id: b
            analysis: kaplan
            time: months
          - id: c
            time: months
        report:
          sections: []
        """;
    ProtocolReader.Read r = ProtocolReader.read(bad, "bad.yaml");
    List<String> msgs = r.problems().stream().map(ProtocolProblem::toString).toList();
    assertThat(msgs)
        .anySatisfy(m -> assertThat(m).startsWith("bad.yaml:8:5:").contains("unknown key 'evnt'"))
        .anySatisfy(
            m -> assertThat(m).startsWith("bad.yaml:9:10:").contains("'twelve' is not a number"))
        .anySatisfy(
            m -> assertThat(m).startsWith("bad.yaml:11:").contains("unknown analysis 'kaplan'"))
        .anySatisfy(m -> assertThat(m).startsWith("bad.yaml:").contains("no 'analysis' key"));
    // and the record checks go on: km a has no event
    List<ProtocolProblem> all = ProtocolCheck.check(r, "bad.yaml");
    assertThat(all)
        .anySatisfy(
            x -> {
              assertThat(x.line()).isEqualTo(5);
              assertThat(x.message()).isEqualTo("event is required");
            });
  }

  @Test
  void aKeyGivenTwiceIsAProblemNotTheLastOneWins() {
    String twice = GOOD.replace("conf-type: log-log", "conf-type: log-log\n    conf-type: plain");
    assertThat(twice).isNotEqualTo(GOOD);
    ProtocolReader.Read r = ProtocolReader.read(twice, "p.yaml");
    assertThat(r.problems()).hasSize(1);
    assertThat(r.problems().get(0).message()).contains("conf-type");
    int second = twice.substring(0, twice.indexOf("conf-type: plain")).split("\n").length;
    assertThat(r.problems().get(0).line()).isEqualTo(second);
  }

  @Test
  void syntaxErrorNamesLineAndColumn() {
    ProtocolReader.Read r = ProtocolReader.read("protocol: 1\nid: [unclosed\ntitle: x\n", "s.yaml");
    assertThat(r.protocol()).isNull();
    assertThat(r.problems()).hasSize(1);
    assertThat(r.problems().get(0).line()).isGreaterThan(1);
    assertThat(r.problems().get(0).message()).startsWith("not valid YAML");
  }

  @Test
  void pairwiseAdjustmentsAreTheOnesTheLogrankCommandRuns() {
    // study check must refuse what study run would refuse: hochberg is R's, not thyra's
    String logrank =
        GOOD.replace(
            "  - id: cox_pfs",
            "  - id: lr\n"
                + "    analysis: logrank\n"
                + "    time: months\n"
                + "    event: progressed\n"
                + "    group: size_group\n"
                + "    pairwise: PAIRWISE\n"
                + "  - id: cox_pfs");
    for (String ok : List.of("none", "holm", "bonferroni", "BH", "fdr")) {
      String text = logrank.replace("PAIRWISE", ok);
      assertThat(ProtocolCheck.check(ProtocolReader.read(text, "p.yaml"), "p.yaml")).isEmpty();
    }
    List<ProtocolProblem> p =
        ProtocolCheck.check(
            ProtocolReader.read(logrank.replace("PAIRWISE", "hochberg"), "p.yaml"), "p.yaml");
    assertThat(p).extracting(ProtocolProblem::path).containsExactly("analyses[1].pairwise");
    assertThat(p.get(0).message()).contains("hochberg").contains("holm, bonferroni, BH, fdr");
  }

  @Test
  void recordChecksFindOptionValuesFormulasAndReferences() {
    String text =
        GOOD.replace("conf-type: log-log", "conf-type: loglog")
            .replace("Surv(months, progressed) ~", "progressed ~")
            .replace("- figure: km_pfs", "- figure: nothing");
    List<ProtocolProblem> p = ProtocolCheck.check(ProtocolReader.read(text, "p.yaml"), "p.yaml");
    assertThat(p)
        .extracting(ProtocolProblem::path)
        .containsExactly(
            "analyses[0].conf-type", "analyses[1].formula", "report.sections[0].items[1].figure");
    assertThat(p.get(0).line()).isEqualTo(26);
    assertThat(p.get(0).column()).isEqualTo(16);
  }

  @Test
  void withDataReportsEveryUnknownColumnAndLevel() {
    DataTable data =
        DataTable.of(
            "cohort.csv",
            List.of(
                NumericColumn.of("age", 40, 17, 60),
                NumericColumn.of("diameter", 0.8, 1.2, 1.0),
                CategoricalColumn.of("consent", "yes", "yes", "yes"),
                NumericColumn.of("months", 10, 20, 30)));
    List<ProtocolProblem> p =
        ProtocolCheck.check(ProtocolReader.read(GOOD, "p.yaml"), "p.yaml", data);
    List<String> s = p.stream().map(ProtocolProblem::toString).toList();
    assertThat(s)
        .anySatisfy(m -> assertThat(m).contains("cohort[1].is[0]").contains("no level 'no'"))
        .anySatisfy(m -> assertThat(m).contains("variables[0].levels[0]").contains("no level 'no'"))
        .anySatisfy(
            m -> assertThat(m).contains("analyses[0].event").contains("no column 'progressed'"))
        .anySatisfy(
            m -> assertThat(m).contains("analyses[1].formula").contains("no column 'progressed'"));
    // the derived column is known, and its levels too: no problem for size_group
    assertThat(s).noneMatch(m -> m.contains("'size_group'") || m.contains("ref.size_group"));
    assertThat(p).allSatisfy(x -> assertThat(x.line()).isPositive());
  }
}
