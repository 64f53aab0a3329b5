package org.thyra.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thyra.report.figure.PValues;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code thyra km --weights W --figure} and {@code thyra logrank --weights W --figure}: the SVG
 * read back against R (golden/weighted_figure, from src/test/r/weighted_figure_golden.R): the risk
 * table is survfit's weighted n.risk at the breaks rounded as ggsurvplot prints it, the KMunicate
 * rows the weighted cumulative censored and events, the legend names the weight column and the p of
 * the robust score test of coxph(weights, robust = TRUE).
 */
class WeightedFigureCliTest {
  @TempDir Path tmp;

  private static final JsonNode GOLDEN =
      CliRun.readJson(CliRun.resource("/golden/weighted_figure/veteran_iptw_figure.json"));

  private static String vet() {
    return CliRun.resource("/golden/weighted/data/veteran_iptw.csv").toString();
  }

  private static List<String> base(String command) {
    return new ArrayList<>(
        List.of(
            command,
            "--data",
            vet(),
            "--time",
            "time",
            "--event",
            "status",
            "--group",
            "trt",
            "--weights",
            "iptw",
            "--x-breaks",
            "0,100,200,300,400,500,600"));
  }

  private static Document svg(Path file) throws Exception {
    DocumentBuilderFactory fac = DocumentBuilderFactory.newInstance();
    fac.setNamespaceAware(true);
    fac.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return fac.newDocumentBuilder().parse(file.toFile());
  }

  private static List<String> texts(Document doc, String part) {
    NodeList gs = doc.getElementsByTagNameNS("*", "g");
    for (int i = 0; i < gs.getLength(); i++) {
      Element g = (Element) gs.item(i);
      if (part.equals(g.getAttribute("id"))) {
        List<String> out = new ArrayList<>();
        NodeList ts = g.getElementsByTagNameNS("*", "text");
        for (int k = 0; k < ts.getLength(); k++) {
          out.add(ts.item(k).getTextContent().strip());
        }
        return out;
      }
    }
    throw new AssertionError("no part " + part);
  }

  /** The expected risk-table texts: per section its title, then per group its label and numbers. */
  private static List<String> expectedTable(List<String> sections, List<String> fields) {
    List<String> out = new ArrayList<>();
    for (int s = 0; s < sections.size(); s++) {
      out.add(sections.get(s));
      for (JsonNode g : GOLDEN.get("groups")) {
        out.add(g.get("group").asText());
        for (JsonNode v : g.get(fields.get(s))) {
          out.add(Long.toString(v.asLong()));
        }
      }
    }
    return out;
  }

  @Test
  void kmRiskTableIsRsWeightedNumberAtRiskRoundedAndTheLegendNamesTheWeights() throws Exception {
    Path fig = tmp.resolve("km.svg");
    List<String> a = base("km");
    a.addAll(List.of("--figure", fig.toString()));
    CliRun.ok(a.toArray(String[]::new));
    Document doc = svg(fig);
    assertThat(texts(doc, "risk-table"))
        .containsExactlyElementsOf(
            expectedTable(List.of("Weighted number at risk"), List.of("n_risk_rounded")));
    assertThat(texts(doc, "legend")).containsExactly("trt", "1", "2", "Weights: iptw");
    // the unrounded numbers are thyra km --weights --at's n_risk (what the table rounds)
    List<String> j = base("km");
    j.addAll(List.of("--at", "0,100,200,300,400,500", "--format", "json"));
    JsonNode out = CliRun.ok(j.toArray(String[]::new)).json();
    for (int g = 0; g < 2; g++) {
      JsonNode at = out.get("groups").get(g).get("at");
      JsonNode r = GOLDEN.get("groups").get(g).get("n_risk");
      for (int k = 0; k < at.size(); k++) {
        assertThat(at.get(k).get("n_risk").asDouble())
            .isCloseTo(r.get(k).asDouble(), org.assertj.core.api.Assertions.within(1e-9));
      }
    }
  }

  @Test
  void logrankFigureShowsTheRobustScorePAndWeightedKmunicateRows() throws Exception {
    Path fig = tmp.resolve("lr.svg");
    List<String> a = base("logrank");
    a.addAll(List.of("--figure", fig.toString(), "--kmunicate", "--conf-band"));
    CliRun.ok(a.toArray(String[]::new));
    Document doc = svg(fig);
    assertThat(texts(doc, "risk-table"))
        .containsExactlyElementsOf(
            expectedTable(
                List.of("Weighted number at risk", "Weighted censored", "Weighted events"),
                List.of("n_risk_rounded", "censored_rounded", "events_rounded")));
    assertThat(texts(doc, "legend"))
        .containsExactly(
            "trt",
            "1",
            "2",
            "Weights: iptw",
            "Weighted log-rank (robust score) " + PValues.equation(GOLDEN.get("p").asDouble()));
  }

  @Test
  void stratifiedWeightedTestIsNamedSo() throws Exception {
    Path fig = tmp.resolve("lrs.svg");
    List<String> a = base("logrank");
    a.addAll(List.of("--strata", "celltype", "--figure", fig.toString(), "--format", "json"));
    JsonNode j = CliRun.ok(a.toArray(String[]::new)).json();
    assertThat(texts(svg(fig), "legend"))
        .contains(
            "Stratified weighted log-rank (robust score) "
                + PValues.equation(j.get("p").asDouble()));
  }

  @Test
  void aZeroWeightRowIsDrawnAsSurvfitKeepsItAndBadWeightsWriteNoFigure() throws Exception {
    Path zero = tmp.resolve("z.csv");
    // the zero-weight event at 2 changes nothing: one step (at 1, 1.5 of 4.5 at risk) then at 3
    Files.writeString(zero, "t,e,w\n1,1,1.5\n2,1,0\n3,1,2\n4,0,1\n");
    Path fig = tmp.resolve("z.svg");
    CliRun.ok(
        "km",
        "--data",
        zero.toString(),
        "--time",
        "t",
        "--event",
        "e",
        "--weights",
        "w",
        "--x-breaks",
        "0,1,2,3,4",
        "--figure",
        fig.toString());
    // survfit: n.risk 4.5, 4.5, 3, 3, 1 at 0..4 (the zero-weight row adds nothing); R's round()
    // takes 4.5 to 4 (half to even), as ggsurvplot prints it
    assertThat(texts(svg(fig), "risk-table"))
        .containsExactly("Weighted number at risk", "All", "4", "4", "3", "3", "1");

    Path bad = tmp.resolve("bad.csv");
    Files.writeString(bad, "t,e,w\n1,1,1.5\n2,1,-1\n3,1,2\n");
    Path none = tmp.resolve("none.svg");
    CliRun run =
        CliRun.badInput(
            "km",
            "--data",
            bad.toString(),
            "--time",
            "t",
            "--event",
            "e",
            "--weights",
            "w",
            "--figure",
            none.toString());
    assertThat(run.err()).contains("w");
    assertThat(none).doesNotExist();
  }

  @Test
  void rhoIsStillRefusedWithWeightsAndWritesNoFigure() {
    Path fig = tmp.resolve("rho.svg");
    List<String> a = base("logrank");
    a.addAll(List.of("--rho", "1", "--figure", fig.toString()));
    assertThat(CliRun.badInput(a.toArray(String[]::new)).err()).contains("--rho");
    assertThat(fig).doesNotExist();
  }

  private static List<String> celltype(String... more) {
    List<String> a = base("logrank");
    a.set(a.indexOf("trt"), "celltype");
    a.addAll(List.of(more));
    return a;
  }

  private static List<String> pairLines(JsonNode json, String heading) {
    List<String> out = new ArrayList<>(List.of(heading));
    for (JsonNode p : json.get("pairwise")) {
      out.add(
          p.get("a").asText()
              + " vs "
              + p.get("b").asText()
              + ": "
              + PValues.equation(p.get("p_adjusted").asDouble()));
    }
    return out;
  }

  @Test
  void moreThanTwoGroupsShowTheWeightedPairwisePHolmUnlessPairwiseNamesAnother() throws Exception {
    Path fig = tmp.resolve("holm.svg");
    CliRun.ok(celltype("--figure", fig.toString()).toArray(String[]::new));
    JsonNode holm =
        CliRun.ok(celltype("--pairwise", "holm", "--format", "json").toArray(String[]::new)).json();
    List<String> legend = texts(svg(fig), "legend");
    assertThat(legend).containsSubsequence(pairLines(holm, "Pairwise (Holm-adjusted):"));

    Path bh = tmp.resolve("bh.svg");
    JsonNode j =
        CliRun.ok(
                celltype("--pairwise", "BH", "--figure", bh.toString(), "--format", "json")
                    .toArray(String[]::new))
            .json();
    assertThat(texts(svg(bh), "legend"))
        .containsSubsequence(pairLines(j, "Pairwise (BH-adjusted):"));
    // two groups: no pairwise lines, as the unweighted figure
    Path two = tmp.resolve("two.svg");
    List<String> a = base("logrank");
    a.addAll(List.of("--figure", two.toString()));
    CliRun.ok(a.toArray(String[]::new));
    assertThat(texts(svg(two), "legend")).noneMatch(t -> t.startsWith("Pairwise"));
  }
}
