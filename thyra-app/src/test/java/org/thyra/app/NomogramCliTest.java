package org.thyra.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Edge cases, bad patient input and the SVG drawing of {@code thyra nomogram}. */
class NomogramCliTest {
  @TempDir Path tmp;

  static String data(String file) {
    return NomogramCliGoldenTest.dir().resolve("data").resolve(file).toString();
  }

  static final String LUNG = "Surv(time, status) ~ age + sex + factor(ph.ecog)";

  private Path patient(String json) throws IOException {
    Path p = tmp.resolve("patient.json");
    Files.writeString(p, json);
    return p;
  }

  private static String[] lung(String... more) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "nomogram",
                "--data",
                data("lung.csv"),
                "--formula",
                LUNG,
                "--horizons",
                "180,365,730"));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  // ------------------------------------------------------------------ horizons

  @Test
  void horizonBeyondTheLastFollowUpIsRefusedWithoutExtrapolating() {
    CliRun run =
        CliRun.badInput(
            "nomogram", "--data", data("lung.csv"), "--formula", LUNG, "--horizons", "365,2000");
    assertThat(run.err())
        .contains("lung.csv")
        .contains("horizon 2000")
        .contains("last follow-up time 1022")
        .contains("no extrapolation");
  }

  @Test
  void horizonAtTheLastFollowUpIsAllowed() {
    JsonNode j = CliRun.ok(lung("--format", "json").clone()).json();
    assertThat(j.get("n").asInt()).isEqualTo(227);
    JsonNode at =
        CliRun.ok(
                "nomogram",
                "--data",
                data("lung.csv"),
                "--formula",
                LUNG,
                "--horizons",
                "1022",
                "--format",
                "json")
            .json();
    assertThat(at.get("total_points").get(0).get("survival").get("1022").asDouble())
        .isBetween(0.0, 1.0);
  }

  @Test
  void coxNeedsHorizonsAndLogisticRefusesThem() {
    assertThat(CliRun.badInput("nomogram", "--data", data("lung.csv"), "--formula", LUNG).err())
        .contains("--horizons");
    assertThat(
            CliRun.badInput(
                    "nomogram",
                    "--data",
                    data("birthwt.csv"),
                    "--formula",
                    "low ~ age + lwt",
                    "--horizons",
                    "5")
                .err())
        .contains("--horizons is for Cox");
    assertThat(
            CliRun.badInput(
                    "nomogram",
                    "--data",
                    data("lung.csv"),
                    "--formula",
                    "Surv(time, status) ~ age + strata(sex)",
                    "--horizons",
                    "365")
                .err())
        .contains("strata");
  }

  @Test
  void horizonBeforeTheFirstEventHasSurvivalOneAndNoAxis() {
    // lung's first death is at day 5
    JsonNode j =
        CliRun.ok(
                "nomogram",
                "--data",
                data("lung.csv"),
                "--formula",
                LUNG,
                "--horizons",
                "3,365",
                "--format",
                "json")
            .json();
    for (JsonNode t : j.get("total_points")) {
      assertThat(t.get("survival").get("3").asDouble()).isEqualTo(1.0);
      assertThat(t.get("survival").get("365").asDouble()).isLessThan(1.0);
    }
    assertThat(j.get("outcome_axes").get(0).get("values")).isEmpty();
    assertThat(CliRun.warnings(j))
        .anySatisfy(w -> assertThat(w).contains("S(3)").contains("no event"));
    assertThat(
            CliRun.badInput(
                    "nomogram", "--data", data("lung.csv"), "--formula", LUNG, "--horizons", "-1")
                .err())
        .contains("--horizons must be finite times >= 0");
    assertThat(
            CliRun.badInput(
                    "nomogram",
                    "--data",
                    data("lung.csv"),
                    "--formula",
                    LUNG,
                    "--horizons",
                    "365,180,365")
                .err())
        .contains("--horizons lists 365 twice");
  }

  @Test
  void aliasedCoefficientCountsAsZeroPointsAndIsReported() throws IOException {
    StringBuilder csv = new StringBuilder("time,status,x,x2,z\n");
    for (int i = 1; i <= 40; i++) {
      csv.append(i * 3)
          .append(',')
          .append(i % 3 == 0 ? 0 : 1)
          .append(',')
          .append(i % 7)
          .append(',')
          .append(2 * (i % 7))
          .append(',')
          .append((i * 11) % 13)
          .append('\n');
    }
    Path f = tmp.resolve("aliased.csv");
    Files.writeString(f, csv);
    JsonNode j =
        CliRun.ok(
                "nomogram",
                "--data",
                f.toString(),
                "--formula",
                "Surv(time, status) ~ x + x2 + z",
                "--horizons",
                "60",
                "--format",
                "json")
            .json();
    assertThat(CliRun.warnings(j))
        .anySatisfy(w -> assertThat(w).contains("x2").contains("aliased"));
    for (JsonNode p : j.get("axes").get(1).get("points")) {
      assertThat(p.asDouble()).isZero();
    }
  }

  // ------------------------------------------------------------------ missing values, one term

  @Test
  void rowsWithMissingValuesAreDroppedAndCounted() {
    JsonNode j =
        CliRun.ok(
                "nomogram",
                "--data",
                data("lung.csv"),
                "--formula",
                "Surv(time, status) ~ age + meal.cal",
                "--horizons",
                "365",
                "--format",
                "json")
            .json();
    // lung: 47 rows without meal.cal
    assertThat(j.get("dropped_missing").asInt()).isEqualTo(47);
    assertThat(j.get("n").asInt()).isEqualTo(228 - 47);
  }

  @Test
  void singleTermSpansExactlyOneHundredPoints() {
    JsonNode j =
        CliRun.ok(
                "nomogram",
                "--data",
                data("lung.csv"),
                "--formula",
                "Surv(time, status) ~ age",
                "--horizons",
                "365",
                "--format",
                "json")
            .json();
    JsonNode pts = j.get("axes").get(0).get("points");
    assertThat(pts.get(0).asDouble()).isZero();
    assertThat(pts.get(pts.size() - 1).asDouble()).isCloseTo(100.0, within(1e-9));
    // rms: a one-term nomogram's total points axis ends at 100
    JsonNode tp = j.get("total_points");
    assertThat(tp.get(tp.size() - 1).get("points").asDouble()).isEqualTo(100.0);
  }

  // ------------------------------------------------------------------ logistic separation

  @Test
  void logisticSeparationWarningsPassThrough() throws IOException {
    StringBuilder csv = new StringBuilder("y,x,z\n");
    for (int i = 1; i <= 30; i++) {
      csv.append(i > 15 ? 1 : 0).append(',').append(i).append(',').append((i * 7) % 5).append('\n');
    }
    Path f = tmp.resolve("separated.csv");
    Files.writeString(f, csv);
    JsonNode j =
        CliRun.ok("nomogram", "--data", f.toString(), "--formula", "y ~ x + z", "--format", "json")
            .json();
    assertThat(j.get("model").asText()).isEqualTo("logistic");
    assertThat(CliRun.warnings(j))
        .anySatisfy(w -> assertThat(w).contains("separation").contains("x"));
    assertThat(CliRun.warnings(j))
        .anySatisfy(w -> assertThat(w).startsWith("nomogram: coefficient x diverges"));
  }

  // ------------------------------------------------------------------ --predict

  @Test
  void unseenLevelNamesTheFileTheVariableAndTheKnownLevels() throws IOException {
    Path p = patient("{\"age\": 60, \"sex\": 1, \"ph.ecog\": \"4\"}");
    assertThat(CliRun.badInput(lung("--predict", p.toString())).err())
        .contains("patient.json")
        .contains("\"ph.ecog\"")
        .contains("level \"4\"")
        .contains("not seen in the development data")
        .contains("known levels: 0, 1, 2, 3");
  }

  @Test
  void missingUnknownAndNonNumericValuesAreRefused() throws IOException {
    assertThat(
            CliRun.badInput(lung("--predict", patient("{\"age\": 60, \"ph.ecog\": 1}").toString()))
                .err())
        .contains("patient.json")
        .contains("\"sex\" is missing");
    assertThat(
            CliRun.badInput(
                    lung(
                        "--predict",
                        patient("{\"age\": 60, \"sex\": 1, \"ph.ecog\": 1, \"wt\": 70}")
                            .toString()))
                .err())
        .contains("patient.json")
        .contains("\"wt\" is not in the model")
        .contains("age, sex, ph.ecog");
    assertThat(
            CliRun.badInput(
                    lung(
                        "--predict",
                        patient("{\"age\": \"old\", \"sex\": 1, \"ph.ecog\": 1}").toString()))
                .err())
        .contains("patient.json")
        .contains("\"age\" is numeric")
        .contains("old");
    assertThat(CliRun.badInput(lung("--predict", patient("[1, 2]").toString())).err())
        .contains("patient.json")
        .contains("JSON object");
    assertThat(CliRun.badInput(lung("--predict", patient("{\"age\": ").toString())).err())
        .contains("patient.json");
    assertThat(
            CliRun.badInput(
                    lung(
                        "--predict",
                        patient("{\"age\": 60, \"sex\": 1, \"ph.ecog\": [1]}").toString()))
                .err())
        .contains("\"ph.ecog\" takes one level")
        .contains("[1]")
        .contains("known levels: 0, 1, 2, 3");
    assertThat(CliRun.badInput(lung("--predict", tmp.resolve("absent.json").toString())).err())
        .contains("absent.json")
        .contains("file not found");
  }

  @Test
  void valueOutsideTheDataRangeIsAWarningAndExtrapolatesLinearly() throws IOException {
    JsonNode in =
        CliRun.ok(
                lung(
                    "--format",
                    "json",
                    "--predict",
                    patient("{\"age\": 80, \"sex\": 1, \"ph.ecog\": 1}").toString()))
            .json();
    JsonNode out =
        CliRun.ok(
                lung(
                    "--format",
                    "json",
                    "--predict",
                    patient("{\"age\": 100, \"sex\": \"1\", \"ph.ecog\": 1}").toString()))
            .json();
    assertThat(CliRun.warnings(in)).noneSatisfy(w -> assertThat(w).contains("outside"));
    assertThat(CliRun.warnings(out))
        .anySatisfy(
            w ->
                assertThat(w)
                    .contains("age = 100")
                    .contains("outside the development data range [39, 82]")
                    .contains("linearly"));
    // points are linear in age: 20 more years give 4 x the points of 5 years on the rms axis (35 ->
    // 40)
    double per5 = out.get("axes").get(0).get("points").get(1).asDouble();
    double diff =
        out.get("patient").get("points").get("age").asDouble()
            - in.get("patient").get("points").get("age").asDouble();
    assertThat(diff).isCloseTo(4 * per5, within(1e-9));
    assertThat(out.get("predictions").get(0).get("survival").asDouble())
        .isLessThan(in.get("predictions").get(0).get("survival").asDouble());
  }

  static final String AGE_BY_SEX =
      "Surv(time, status) ~ age + factor(sex) + factor(ph.ecog) + age:factor(sex)";

  private JsonNode ageBySex(String patient) throws IOException {
    return CliRun.ok(
            "nomogram",
            "--data",
            data("lung.csv"),
            "--formula",
            AGE_BY_SEX,
            "--horizons",
            "180,365",
            "--format",
            "json",
            "--predict",
            patient(patient).toString())
        .json();
  }

  @Test
  void anInteractionPatientScoresOnTheAxisOfTheirLevelOnly() throws IOException {
    JsonNode men = ageBySex("{\"age\": 67, \"sex\": 1, \"ph.ecog\": \"1\"}");
    JsonNode women = ageBySex("{\"age\": 67, \"sex\": \"2\", \"ph.ecog\": \"1\"}");
    // the factor has no axis: it chooses which of age's axes the patient is read on
    assertThat(fieldNames(men.get("patient").get("points")))
        .containsExactly("age (sex=1)", "ph.ecog");
    assertThat(fieldNames(women.get("patient").get("points")))
        .containsExactly("age (sex=2)", "ph.ecog");
    assertThat(fieldNames(women.get("patient").get("values")))
        .containsExactly("age", "sex", "ph.ecog");
    // 67 lies between the ticks 65 and 70 of each axis: its points interpolate that axis's
    for (JsonNode j : List.of(men, women)) {
      String level = j.get("patient").get("values").get("sex").asText();
      JsonNode axis = null;
      for (JsonNode a : j.get("axes")) {
        if (a.get("variable").asText().equals("age (sex=" + level + ")")) {
          axis = a;
        }
      }
      assertThat(axis).isNotNull();
      double p65 = axis.get("points").get(6).asDouble();
      double p70 = axis.get("points").get(7).asDouble();
      assertThat(axis.get("values").get(6).asDouble()).isEqualTo(65);
      assertThat(j.get("patient").get("points").get("age (sex=" + level + ")").asDouble())
          .isCloseTo(p65 + 0.4 * (p70 - p65), within(1e-9));
      double total = 0;
      for (JsonNode p : j.get("patient").get("points")) {
        total += p.asDouble();
      }
      assertThat(j.get("patient").get("total_points").asDouble()).isCloseTo(total, within(1e-9));
    }
    assertThat(women.get("predictions").get(1).get("survival").asDouble())
        .isNotCloseTo(men.get("predictions").get(1).get("survival").asDouble(), within(1e-3));
  }

  @Test
  void anInteractionPatientNeedsTheFactorAndOneOfItsLevels() throws IOException {
    String[] base = {
      "nomogram", "--data", data("lung.csv"), "--formula", AGE_BY_SEX, "--horizons", "365"
    };
    List<String> args = new ArrayList<>(List.of(base));
    args.addAll(List.of("--predict", patient("{\"age\": 67, \"ph.ecog\": 1}").toString()));
    assertThat(CliRun.badInput(args.toArray(String[]::new)).err())
        .contains("patient.json")
        .contains("\"sex\" is missing")
        .contains("age, sex, ph.ecog");
    args = new ArrayList<>(List.of(base));
    args.addAll(
        List.of("--predict", patient("{\"age\": 67, \"sex\": 3, \"ph.ecog\": 1}").toString()));
    assertThat(CliRun.badInput(args.toArray(String[]::new)).err())
        .contains("\"sex\": level \"3\"")
        .contains("known levels: 1, 2");
    // the axis name is not a variable of the patient file
    args = new ArrayList<>(List.of(base));
    args.addAll(
        List.of(
            "--predict",
            patient("{\"age (sex=1)\": 67, \"age\": 67, \"sex\": 1, \"ph.ecog\": 1}").toString()));
    assertThat(CliRun.badInput(args.toArray(String[]::new)).err())
        .contains("\"age (sex=1)\" is not in the model");
  }

  @Test
  void anInteractionPatientReadsInTextAndCsvOnTheAxisOfTheirLevel() throws IOException {
    Path p = patient("{\"age\": 90, \"sex\": 2, \"ph.ecog\": 0}");
    List<String> args =
        new ArrayList<>(
            List.of(
                "nomogram",
                "--data",
                data("lung.csv"),
                "--formula",
                AGE_BY_SEX,
                "--horizons",
                "365",
                "--predict",
                p.toString()));
    CliRun text = CliRun.ok(args.toArray(String[]::new));
    assertThat(text.out())
        .contains("Patient (patient.json)")
        .containsPattern("age \\(sex=2\\) +90");
    assertThat(text.out()).contains("age = 90 is outside the development data range [39, 82]");
    args.addAll(List.of("--format", "csv"));
    String csv = CliRun.ok(args.toArray(String[]::new)).out();
    assertThat(csv).contains("patient: age (sex=2),90,").doesNotContain("patient: age (sex=1)");
  }

  private static List<String> fieldNames(JsonNode o) {
    List<String> names = new ArrayList<>();
    o.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void textOutputReadsLikePrintNomogram() throws IOException {
    String text =
        CliRun.ok(
                lung(
                    "--predict",
                    patient("{\"age\": 67, \"sex\": 2, \"ph.ecog\": \"2\"}").toString()))
            .out();
    assertThat(text)
        .contains("Points per unit of linear predictor")
        .contains("Total Points")
        .contains("S(365)")
        .contains("Patient (patient.json)")
        .contains("ph.ecog")
        .contains("Method: points as rms::nomogram");
  }

  // ------------------------------------------------------------------ --svg

  @Test
  void resultThatCannotBeWrittenLeavesNoFigureBehind() throws IOException {
    Files.writeString(tmp.resolve("plain"), "a file, not a folder");
    Path svg = tmp.resolve("fig/nomogram.svg");
    CliRun run =
        CliRun.badInput(
            lung(
                "--format",
                "json",
                "--svg",
                svg.toString(),
                "--out",
                tmp.resolve("plain/result.json").toString()));
    assertThat(run.err()).contains("cannot write").contains("result.json");
    assertThat(svg).doesNotExist();
  }

  @Test
  void svgHasOneAxisGroupPerVariableAndOutcomeWithTicksWhereThePointsAre() throws Exception {
    Path svg = tmp.resolve("fig/nomogram.svg");
    JsonNode j = CliRun.ok(lung("--format", "json", "--svg", svg.toString())).json();
    try (Stream<Path> files = Files.list(svg.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .containsExactly("nomogram.svg");
    }
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    Document doc = f.newDocumentBuilder().parse(svg.toFile());
    assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
    Map<String, Element> groups = new LinkedHashMap<>();
    NodeList gs = doc.getElementsByTagNameNS("*", "g");
    for (int i = 0; i < gs.getLength(); i++) {
      Element g = (Element) gs.item(i);
      if ("part".equals(g.getAttribute("class"))) {
        groups.put(g.getAttribute("id"), g);
      }
    }
    assertThat(groups.keySet())
        .containsExactly(
            "axis-points",
            "axis-0",
            "axis-1",
            "axis-2",
            "axis-total-points",
            "axis-linear-predictor",
            "axis-outcome-0",
            "axis-outcome-1",
            "axis-outcome-2");

    // the Points axis fixes the x scale of the variable axes: 0 and 100 points
    double[] px = tickX(groups.get("axis-points"));
    assertThat(px).hasSize(11);
    double x0 = px[0];
    double perPoint = (px[10] - px[0]) / 100;
    for (int a = 0; a < 3; a++) {
      JsonNode axis = j.get("axes").get(a);
      Element g = groups.get("axis-" + a);
      assertThat(texts(g)).contains(axis.get("variable").asText());
      double[] xs = tickX(g);
      assertThat(xs).hasSize(axis.get("points").size());
      for (int k = 0; k < xs.length; k++) {
        assertThat((xs[k] - x0) / perPoint)
            .as("%s tick %d", axis.get("variable").asText(), k)
            .isCloseTo(axis.get("points").get(k).asDouble(), within(0.05));
        JsonNode value = axis.get("values").get(k);
        assertThat(texts(g))
            .contains(
                value.isNumber()
                    ? org.thyra.report.output.Numbers.signif(value.asDouble(), 4)
                    : value.asText());
      }
    }
    // the Total Points axis fixes the scale of the outcome axes
    JsonNode tp = j.get("total_points");
    double[] tx = tickX(groups.get("axis-total-points"));
    assertThat(tx).hasSize(tp.size());
    double t0 = tp.get(0).get("points").asDouble();
    double tn = tp.get(tp.size() - 1).get("points").asDouble();
    double perTotal = (tx[tx.length - 1] - tx[0]) / (tn - t0);
    for (int k = 0; k < 3; k++) {
      JsonNode o = j.get("outcome_axes").get(k);
      Element g = groups.get("axis-outcome-" + k);
      double[] xs = tickX(g);
      assertThat(xs).hasSize(o.get("points").size()).hasSizeGreaterThan(3);
      assertThat(texts(g)).contains("Survival at t = " + o.get("horizon").asInt());
      for (int i = 0; i < xs.length; i++) {
        assertThat(t0 + (xs[i] - tx[0]) / perTotal)
            .isCloseTo(o.get("points").get(i).asDouble(), within(0.05));
        assertThat(texts(g))
            .contains(org.thyra.report.output.Numbers.signif(o.get("values").get(i).asDouble(), 4));
      }
    }
  }

  @Test
  void aNonMonotoneSplineAxisIsDrawnInPiecesWithEveryValueAtItsPoints() throws Exception {
    Path svg = tmp.resolve("spline.svg");
    JsonNode j =
        CliRun.ok(
                "nomogram",
                "--data",
                data("lung.csv"),
                "--formula",
                "Surv(time, status) ~ sex + rcs(ph.karno, 3)",
                "--horizons",
                "365",
                "--format",
                "json",
                "--svg",
                svg.toString())
            .json();
    JsonNode axis = j.get("axes").get(1);
    assertThat(axis.get("type").asText()).isEqualTo("spline");
    assertThat(axis.get("knots")).hasSize(3);
    double[] pts = new double[axis.get("points").size()];
    for (int k = 0; k < pts.length; k++) {
      pts[k] = axis.get("points").get(k).asDouble();
    }
    // ph.karno's effect rises, then falls (the case the figure draws in pieces)
    boolean up = false;
    boolean down = false;
    for (int k = 1; k < pts.length; k++) {
      up |= pts[k] > pts[k - 1];
      down |= pts[k] < pts[k - 1];
    }
    assertThat(up && down).as("non-monotone points %s", java.util.Arrays.toString(pts)).isTrue();

    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    Document doc = f.newDocumentBuilder().parse(svg.toFile());
    Element points = null;
    Element g = null;
    NodeList gs = doc.getElementsByTagNameNS("*", "g");
    for (int i = 0; i < gs.getLength(); i++) {
      Element e = (Element) gs.item(i);
      if ("axis-points".equals(e.getAttribute("id"))) {
        points = e;
      }
      if ("axis-1".equals(e.getAttribute("id"))) {
        g = e;
      }
    }
    double[] px = tickX(points);
    double perPoint = (px[10] - px[0]) / 100;
    double[] xs = tickX(g);
    assertThat(xs).hasSize(pts.length);
    for (int k = 0; k < xs.length; k++) {
      assertThat((xs[k] - px[0]) / perPoint).isCloseTo(pts[k], within(0.05));
    }
    // the two monotone runs' labels lie on both sides of the axis line
    NodeList lines = g.getElementsByTagNameNS("*", "line");
    double lineY = Double.NaN;
    for (int i = 0; i < lines.getLength(); i++) {
      Element l = (Element) lines.item(i);
      if (l.getAttribute("y1").equals(l.getAttribute("y2"))) {
        lineY = Double.parseDouble(l.getAttribute("y1"));
      }
    }
    NodeList t = g.getElementsByTagNameNS("*", "text");
    int above = 0;
    int below = 0;
    for (int i = 0; i < t.getLength(); i++) {
      Element e = (Element) t.item(i);
      if (e.getTextContent().strip().equals("ph.karno")) {
        continue;
      }
      double y = Double.parseDouble(e.getAttribute("y"));
      above += y < lineY ? 1 : 0;
      below += y > lineY ? 1 : 0;
    }
    assertThat(above).isPositive();
    assertThat(below).isPositive();
    assertThat(above + below).isEqualTo(pts.length);
  }

  /**
   * x of the vertical tick marks of one axis group, in drawing order (the axis line is horizontal).
   */
  private static double[] tickX(Element g) {
    NodeList lines = g.getElementsByTagNameNS("*", "line");
    List<Double> xs = new ArrayList<>();
    for (int i = 0; i < lines.getLength(); i++) {
      Element l = (Element) lines.item(i);
      double x1 = Double.parseDouble(l.getAttribute("x1"));
      double x2 = Double.parseDouble(l.getAttribute("x2"));
      if (x1 == x2) {
        xs.add(x1);
      }
    }
    return xs.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static List<String> texts(Element g) {
    NodeList t = g.getElementsByTagNameNS("*", "text");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < t.getLength(); i++) {
      out.add(t.item(i).getTextContent().strip());
    }
    return out;
  }
}
