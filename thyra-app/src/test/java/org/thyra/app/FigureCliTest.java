package org.thyra.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code --figure} on the command line (SPEC §5): every drawing command, formats, errors. */
class FigureCliTest {
  @TempDir Path tmp;

  private static String data(String f) {
    return CliRun.dataDir().resolve(f).toString();
  }

  static Stream<Arguments> commands() {
    String lung = data("lung.csv");
    String pbc = data("pbc.csv");
    return Stream.of(
        Arguments.of(
            List.of("km", "--data", lung, "--time", "time", "--event", "status", "--group", "sex")),
        Arguments.of(
            List.of(
                "logrank", "--data", lung, "--time", "time", "--event", "status", "--group",
                "ph.ecog")),
        Arguments.of(
            List.of("cox", "--data", lung, "--formula", "Surv(time, status) ~ age + factor(sex)")),
        Arguments.of(List.of("logistic", "--data", pbc, "--formula", "ascites ~ bili + age")),
        Arguments.of(
            List.of(
                "screen",
                "--model",
                "cox",
                "--data",
                lung,
                "--formula",
                "Surv(time, status) ~ age + factor(sex) + ph.karno")),
        Arguments.of(List.of("roc", "--data", pbc, "--outcome", "ascites", "--marker", "bili")),
        Arguments.of(
            List.of(
                "tdroc",
                "--data",
                lung,
                "--time",
                "time",
                "--event",
                "status",
                "--marker",
                "ph.karno",
                "--at",
                "180,365")),
        Arguments.of(
            List.of(
                "cutpoint",
                "--data",
                lung,
                "--time",
                "time",
                "--event",
                "status",
                "--variable",
                "age")),
        Arguments.of(
            List.of(
                "validate",
                "--data",
                lung,
                "--formula",
                "Surv(time, status) ~ age + factor(sex)",
                "--bootstrap",
                "5",
                "--seed",
                "1",
                "--horizon",
                "365")),
        Arguments.of(
            List.of(
                "nomogram",
                "--data",
                lung,
                "--formula",
                "Surv(time, status) ~ age + factor(sex)",
                "--horizons",
                "365")),
        Arguments.of(List.of("paired", "--data", pbc, "--before", "hepato", "--after", "spiders")));
  }

  @ParameterizedTest
  @MethodSource("commands")
  void everyDrawingCommandWritesItsFigureAtTheRequestedSizeAndDpi(List<String> args)
      throws Exception {
    Path png = tmp.resolve(args.get(0) + ".png");
    List<String> a = new ArrayList<>(args);
    a.addAll(List.of("--figure", png.toString(), "--figure-size", "120x90", "--dpi", "200"));
    CliRun.ok(a.toArray(String[]::new));
    BufferedImage img = ImageIO.read(png.toFile());
    assertThat(img.getWidth())
        .isEqualTo((int) Math.round(Math.round(120 / 25.4 * 72) / 72.0 * 200));
    try (Stream<Path> files = Files.list(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .containsExactly(args.get(0) + ".png");
    }
  }

  @Test
  void theRiskTableOfKmIsWhatKmAtReports() throws Exception {
    Path pdf = tmp.resolve("km.pdf");
    String[] base = {
      "km", "--data", data("lung.csv"), "--time", "time", "--event", "status", "--group", "sex"
    };
    List<String> a = new ArrayList<>(List.of(base));
    a.addAll(
        List.of(
            "--figure",
            pdf.toString(),
            "--x-breaks",
            "0,250,500,750,1000",
            "--format",
            "json",
            "--at",
            "0,250,500,750,1000"));
    JsonNode j = CliRun.ok(a.toArray(String[]::new)).json();
    List<List<String>> rows = numberRows(pdf);
    for (JsonNode g : j.get("groups")) {
      // the row starts with the group's label (here a number too)
      List<String> expected = new ArrayList<>(List.of(g.get("group").asText()));
      for (JsonNode at : g.get("at")) {
        expected.add(at.isNull() ? "0" : at.get("n_risk").asText());
      }
      assertThat(rows).contains(expected);
    }
  }

  @Test
  void yTitleNamesTheEndpointOnKmLogrankAndCutpointFigures() throws Exception {
    String[] survival = {"--data", data("lung.csv"), "--time", "time", "--event", "status"};
    List<List<String>> commands =
        List.of(
            List.of("km", "--group", "sex"),
            List.of("logrank", "--group", "sex"),
            List.of("cutpoint", "--variable", "age"));
    for (List<String> command : commands) {
      Path plain = tmp.resolve(command.get(0) + "-plain.svg");
      Path titled = tmp.resolve(command.get(0) + "-titled.svg");
      List<String> a = new ArrayList<>(command.subList(0, 1));
      a.addAll(List.of(survival));
      a.addAll(command.subList(1, command.size()));
      List<String> withTitle = new ArrayList<>(a);
      a.addAll(List.of("--figure", plain.toString()));
      withTitle.addAll(List.of("--figure", titled.toString(), "--y-title", " Overall survival "));
      CliRun.ok(a.toArray(String[]::new));
      CliRun.ok(withTitle.toArray(String[]::new));
      assertThat(Files.readString(plain))
          .as(command.get(0))
          .contains(">Survival probability<")
          .doesNotContain("Overall survival");
      // the title replaces the default, stripped of the spaces around it
      assertThat(Files.readString(titled))
          .as(command.get(0))
          .contains(">Overall survival<")
          .doesNotContain("Survival probability");
    }
  }

  /** Rows of the PDF (words on one baseline, left to right) made only of whole numbers. */
  private static List<List<String>> numberRows(Path pdf) throws Exception {
    java.util.TreeMap<Long, java.util.TreeMap<Double, String>> byLine = new java.util.TreeMap<>();
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      PDFTextStripper s =
          new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> pos) {
              if (!pos.isEmpty() && text.trim().matches("[0-9]+")) {
                byLine
                    .computeIfAbsent(
                        Math.round(pos.get(0).getYDirAdj() * 10.0), k -> new java.util.TreeMap<>())
                    .put((double) pos.get(0).getXDirAdj(), text.trim());
              }
            }
          };
      s.setSortByPosition(true);
      s.writeText(doc, Writer.nullWriter());
    }
    List<List<String>> rows = new ArrayList<>();
    byLine.values().forEach(m -> rows.add(new ArrayList<>(m.values())));
    return rows;
  }

  @Test
  void anUnknownExtensionIsBadInputBeforeAnythingIsComputedOrWritten() throws Exception {
    Path out = tmp.resolve("result.json");
    CliRun r =
        CliRun.run(
            "km",
            "--data",
            data("lung.csv"),
            "--time",
            "time",
            "--event",
            "status",
            "--out",
            out.toString(),
            "--figure",
            tmp.resolve("km.jpg").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines().findFirst().orElseThrow())
        .contains("--figure", "km.jpg", ".svg, .pdf, .png, .tif or .tiff");
    try (Stream<Path> files = Files.list(tmp)) {
      assertThat(files.toList()).isEmpty();
    }
  }

  @Test
  void badSizeDpiAndStyleAreBadInputNamingTheOption() {
    String[] base = {
      "km",
      "--data",
      data("lung.csv"),
      "--time",
      "time",
      "--event",
      "status",
      "--figure",
      tmp.resolve("k.png").toString()
    };
    List<String[]> bad =
        List.of(
            new String[] {"--figure-size", "85"},
            new String[] {"--figure-size", "5x5"},
            new String[] {"--dpi", "10"},
            new String[] {"--style", "nature"},
            new String[] {"--fun", "hazard"},
            new String[] {"--time-unit", "fortnights"});
    for (String[] b : bad) {
      List<String> a = new ArrayList<>(List.of(base));
      a.addAll(List.of(b));
      CliRun r = CliRun.run(a.toArray(String[]::new));
      assertThat(r.exitCode()).as(String.join(" ", b)).isEqualTo(2);
      assertThat(r.err()).as(String.join(" ", b)).contains(b[0]);
    }
  }

  @Test
  void nomogramHorizonsAreInWordsWhenTheUnitIsKnownAndSvgStillWorks() throws Exception {
    Path fig = tmp.resolve("nom.pdf");
    Path svg = tmp.resolve("nom.svg");
    CliRun.ok(
        "nomogram",
        "--data",
        data("lung.csv"),
        "--formula",
        "Surv(time, status) ~ age + factor(sex)",
        "--horizons",
        "365,730",
        "--time-unit",
        "days",
        "--figure",
        fig.toString(),
        "--svg",
        svg.toString());
    String text;
    try (PDDocument doc = Loader.loadPDF(fig.toFile())) {
      text = new PDFTextStripper().getText(doc);
    }
    assertThat(text).contains("1-year survival", "2-year survival", "Total Points");
    assertThat(Files.readString(svg)).contains("1-year survival");
  }

  private static String pdfText(Path pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      return new PDFTextStripper().getText(doc).replace('\u00a0', ' ');
    }
  }

  @Test
  void plotSubcommandsDrawTheSeedFiguresFromData() throws Exception {
    String ex = Path.of("../examples/figures").toAbsolutePath().normalize().toString();
    Path volume = tmp.resolve("volume.pdf");
    CliRun.ok(
        "plot",
        "volume",
        "--data",
        ex + "/lesion_volumes.csv",
        "--id",
        "lesion",
        "--time",
        "visit_month",
        "--volume",
        "volume_ml",
        "--group",
        "location",
        "--figure",
        volume.toString());
    assertThat(pdfText(volume)).contains("Wilcoxon rank-sum", "bone", "lung");
    Path flow = tmp.resolve("flow.pdf");
    CliRun.ok("plot", "flow", "--data", ex + "/selection_steps.csv", "--figure", flow.toString());
    assertThat(pdfText(flow))
        .contains("n = 1534", "Excluded (n = 849)", "No distant metastasis (n = 812)", "n = 254");
    Path sankey = tmp.resolve("sankey.pdf");
    CliRun.ok(
        "paired",
        "--data",
        ex + "/rai_response.csv",
        "--before",
        "first_response",
        "--after",
        "last_response",
        "--figure",
        sankey.toString());
    assertThat(pdfText(sankey)).contains("McNemar–Bowker symmetry test p", "first_response");
    Path box = tmp.resolve("box.pdf");
    CliRun.ok(
        "plot",
        "box",
        "--data",
        data("pbc.csv"),
        "--variable",
        "bili",
        "--group",
        "ascites",
        "--log",
        "--figure",
        box.toString());
    assertThat(pdfText(box)).contains("Wilcoxon rank-sum", "n = ");
    CliRun noFigure = CliRun.run("plot", "box", "--data", data("pbc.csv"), "--variable", "bili");
    assertThat(noFigure.exitCode()).isEqualTo(2);
    assertThat(noFigure.err()).contains("--figure");
  }

  private static int[] pixels(Path png) throws Exception {
    BufferedImage img = ImageIO.read(png.toFile());
    return new int[] {img.getWidth(), img.getHeight()};
  }

  private static int px(double mm, int dpi) {
    return (int) Math.round(Math.round(mm / 25.4 * 72) / 72.0 * dpi);
  }

  @Test
  void multiPanelFiguresTakeTheRequestedSize() throws Exception {
    // validate: two calibration horizons and the risk groups' Kaplan–Meier panel
    Path validate = tmp.resolve("validate.png");
    CliRun.ok(
        "validate",
        "--data",
        data("lung.csv"),
        "--formula",
        "Surv(time, status) ~ age + factor(sex) + ph.ecog",
        "--bootstrap",
        "5",
        "--seed",
        "1",
        "--horizon",
        "180,365",
        "--figure",
        validate.toString(),
        "--figure-size",
        "170x120",
        "--dpi",
        "100");
    assertThat(pixels(validate)).containsExactly(px(170, 100), px(120, 100));
    String ex = Path.of("../examples/figures").toAbsolutePath().normalize().toString();
    Path volume = tmp.resolve("volume.png");
    CliRun.ok(
        "plot",
        "volume",
        "--data",
        ex + "/lesion_volumes.csv",
        "--id",
        "lesion",
        "--time",
        "visit_month",
        "--volume",
        "volume_ml",
        "--group",
        "location",
        "--figure",
        volume.toString(),
        "--figure-size",
        "85x60",
        "--dpi",
        "100");
    assertThat(pixels(volume)).containsExactly(px(85, 100), px(60, 100));
  }

  @Test
  void pooledEstimatesOfImputedModelsAreDrawnAsAForestPlot() throws Exception {
    Path cox = tmp.resolve("cox-mi.pdf");
    JsonNode j =
        CliRun.ok(
                "cox",
                "--data",
                data("lung.csv"),
                "--formula",
                "Surv(time, status) ~ age + factor(sex) + wt.loss",
                "--impute",
                "3",
                "--seed",
                "7",
                "--format",
                "json",
                "--figure",
                cox.toString())
            .json();
    String text = pdfText(cox);
    assertThat(text).contains("HR (95% CI)", "Reference", "Pooled over 3 imputations");
    for (JsonNode t : j.get("terms")) {
      // the pooled ratio and its limits, as the figure formats them (2 decimals below 10)
      String ci =
          String.format(
              java.util.Locale.ROOT,
              "%.2f (%.2f–%.2f)",
              t.get("hr").asDouble(),
              t.get("lower").asDouble(),
              t.get("upper").asDouble());
      assertThat(text).as(t.get("term").asText()).contains(ci);
    }
    Path logistic = tmp.resolve("logistic-mi.svg");
    CliRun.ok(
        "logistic",
        "--data",
        data("pbc.csv"),
        "--formula",
        "ascites ~ age + chol + factor(sex)",
        "--impute",
        "2",
        "--seed",
        "3",
        "--figure",
        logistic.toString());
    assertThat(Files.readString(logistic)).contains("OR (95% CI)", "Pooled over 2 imputations");
  }

  @Test
  void responseCategoriesKeepTheirClinicalOrderOrTheOrderGiven() throws Exception {
    String ex = Path.of("../examples/figures").toAbsolutePath().normalize().toString();
    String[] base = {
      "paired",
      "--data",
      ex + "/rai_response.csv",
      "--before",
      "first_response",
      "--after",
      "last_response"
    };
    // ATA 2015 response to therapy, best to worst, not alphabetical (BIR, ER, IDR, SIR)
    JsonNode j = CliRun.ok(concat(base, "--format", "json")).json();
    assertThat(j.get("levels").toString()).isEqualTo("[\"ER\",\"IDR\",\"BIR\",\"SIR\"]");
    Path pdf = tmp.resolve("sankey.pdf");
    CliRun.ok(concat(base, "--figure", pdf.toString()));
    List<String> topToBottom = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      PDFTextStripper s =
          new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> pos) {
              String w = text.trim().split(" ")[0];
              if (w.matches("ER|IDR|BIR|SIR") && pos.get(0).getXDirAdj() < 150) {
                topToBottom.add(w);
              }
            }
          };
      s.setSortByPosition(true);
      s.writeText(doc, Writer.nullWriter());
    }
    assertThat(topToBottom).containsExactly("ER", "IDR", "BIR", "SIR");
    // an order given on the command line
    JsonNode given =
        CliRun.ok(concat(base, "--levels", "SIR,BIR,IDR,ER,unused", "--format", "json")).json();
    assertThat(given.get("levels").toString()).isEqualTo("[\"SIR\",\"BIR\",\"IDR\",\"ER\"]");
    assertThat(given.get("p").asDouble()).isEqualTo(j.get("p").asDouble());
    // a category the list leaves out is bad input naming the column and the category
    CliRun bad = CliRun.badInput(concat(base, "--levels", "ER,IDR,BIR"));
    assertThat(bad.err()).contains("first_response", "\"SIR\"", "--levels");
  }

  private static String[] concat(String[] a, String... b) {
    List<String> all = new ArrayList<>(List.of(a));
    all.addAll(List.of(b));
    return all.toArray(String[]::new);
  }
}
