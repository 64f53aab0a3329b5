package org.thyra.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thyra.app.CliRun.badInput;
import static org.thyra.app.CliRun.ok;
import static org.thyra.app.CliRun.warnings;

import com.fasterxml.jackson.databind.JsonNode;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * {@code thyra table1 / paired / match / impute} and {@code cox --impute} at the command line: the
 * edge cases of issue 5 (a group with no rows, a level absent from one group, an all-missing
 * column, more treated than controls, no control within the caliper), the five table formats, the
 * files written, and bad input (one line naming file, row and column). The numbers are checked
 * against R in {@link CliGoldenTest} (golden/cli/table1_*, paired_*, match_*, cox_imputed_*).
 */
class CohortCliTest {
  @TempDir Path tmp;

  private Path csv(String name, String... lines) throws IOException {
    Path p = tmp.resolve(name);
    Files.write(p, List.of(lines));
    return p;
  }

  private static String data(String name) {
    return CliRun.dataDir().resolve(name).toString();
  }

  private static JsonNode variable(JsonNode table1, String name) {
    for (JsonNode v : table1.get("variables")) {
      if (v.get("variable").asText().equals(name)) {
        return v;
      }
    }
    throw new AssertionError("no variable " + name + " in " + table1);
  }

  // ---- table1
  // -------------------------------------------------------------------------------------

  /** Group b has no value of x; level "z" of c is absent from group a; y is missing everywhere. */
  private Path awkward() throws IOException {
    return csv(
        "awkward.csv",
        "g,x,c,y,w",
        "a,1.5,u,,1",
        "a,2.5,u,,2",
        "a,3.5,v,,3",
        "b,,z,,4",
        "b,,u,,5",
        "b,,v,,6",
        ",9,u,,7");
  }

  @Test
  void table1EdgeCasesGiveATableWithWarningsNotAnError() throws IOException {
    JsonNode j =
        ok(
                "table1",
                "--data",
                awkward().toString(),
                "--by",
                "g",
                "--vars",
                "x,c,y,w",
                "--format",
                "json")
            .json();
    assertThat(j.get("n").asInt()).isEqualTo(6);
    assertThat(j.get("dropped_missing").asInt()).isEqualTo(1);
    // a group with no rows for x: its summary is null, no test, a warning naming the variable and
    // group
    JsonNode x = variable(j, "x");
    assertThat(x.get("levels").get(0).get("groups").get("b").get("n").asInt()).isZero();
    assertThat(x.get("levels").get(0).get("groups").get("b").get("mean").isNull()).isTrue();
    assertThat(x.get("levels").get(0).get("overall").get("mean").asDouble()).isEqualTo(2.5);
    assertThat(x.get("p").isNull()).isTrue();
    assertThat(x.get("missing").get("groups").get("b").asInt()).isEqualTo(3);
    assertThat(warnings(j)).anyMatch(w -> w.startsWith("x: group b has no non-missing values"));
    // a level absent from one group: 0 (0 %), and the chi-squared test still runs
    JsonNode c = variable(j, "c");
    JsonNode z = c.get("levels").get(2);
    assertThat(z.get("level").asText()).isEqualTo("z");
    assertThat(z.get("groups").get("a").get("n").asInt()).isZero();
    assertThat(z.get("groups").get("a").get("percent").asDouble()).isZero();
    assertThat(z.get("groups").get("b").get("percent").asDouble())
        .isCloseTo(100.0 / 3, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(c.get("p").isNumber()).isTrue();
    // an all-missing column: read as numeric, every summary null, no test, no SMD
    JsonNode y = variable(j, "y");
    assertThat(y.get("missing").get("overall").asInt()).isEqualTo(6);
    assertThat(y.get("levels").get(0).get("overall").get("n").asInt()).isZero();
    assertThat(y.get("p").isNull()).isTrue();
    assertThat(y.get("smd").isNull()).isTrue();
    // a complete variable is unaffected
    assertThat(variable(j, "w").get("p").isNumber()).isTrue();
    assertThat(warnings(j)).anyMatch(w -> w.contains("1 rows with a missing g are left out"));
  }

  @Test
  void table1WithASingleGroupStillSummarises() throws IOException {
    Path f = csv("one.csv", "g,x,c", "a,1,u", "a,2,v", "a,4,u");
    JsonNode j =
        ok("table1", "--data", f.toString(), "--by", "g", "--vars", "x,c", "--format", "json")
            .json();
    assertThat(j.get("groups")).hasSize(1);
    assertThat(variable(j, "x").get("levels").get(0).get("overall").get("median").asDouble())
        .isEqualTo(2);
    assertThat(variable(j, "x").get("p").isNull()).isTrue();
    assertThat(variable(j, "c").get("smd").isNull()).isTrue();
    assertThat(warnings(j)).anyMatch(w -> w.contains("1 group with rows"));
  }

  @Test
  void table1TextShowsTheTestOnEachRowAndMissingCounts() {
    String out =
        ok(
                "table1",
                "--data",
                data("lung.csv"),
                "--by",
                "sex",
                "--vars",
                "age,ph.ecog,wt.loss",
                "--factor",
                "ph.ecog")
            .out();
    assertThat(out)
        .contains("age, mean (SD)", "ph.ecog, n (%)", "  missing", "anova", "chisq", "SMD");
    assertThat(out).containsPattern("age, mean \\(SD\\) +62\\.45 \\(9\\.07\\)");
    String gt =
        ok(
                "table1",
                "--data",
                data("lung.csv"),
                "--by",
                "sex",
                "--vars",
                "age",
                "--preset",
                "gtsummary")
            .out();
    assertThat(gt).contains("age, median (Q1, Q3)", "wilcoxon");
  }

  @Test
  void table1FiveFormatsShowTheSameCells() throws Exception {
    String[] base = {
      "table1",
      "--data",
      data("birthwt.csv"),
      "--by",
      "race",
      "--vars",
      "age,bwt,smoke,ftv",
      "--factor",
      "smoke,ftv",
      "--exact",
      "ftv"
    };
    JsonNode json = ok(concat(base, "--format", "json")).json();
    List<String> header = new ArrayList<>();
    json.get("table").get("header").forEach(h -> header.add(h.asText()));
    List<List<String>> cells = new ArrayList<>();
    for (JsonNode r : json.get("table").get("rows")) {
      List<String> row = new ArrayList<>();
      r.get("cells").forEach(c -> row.add(c.asText()));
      cells.add(row);
    }
    assertThat(header).containsExactly("", "Overall", "1", "2", "3", "p", "test", "SMD");
    assertThat(cells.get(0)).containsExactly("n", "189", "96", "26", "67", "", "", "");
    // CSV: same cells after row_type and variable
    List<CsvRecord> csv = new ArrayList<>();
    try (CsvReader<CsvRecord> r =
        CsvReader.builder().ofCsvRecord(ok(concat(base, "--format", "csv")).out())) {
      r.forEach(csv::add);
    }
    assertThat(csv).hasSize(cells.size() + 1);
    for (int i = 0; i < cells.size(); i++) {
      assertThat(csv.get(i + 1).getFields().subList(2, csv.get(i + 1).getFieldCount()))
          .isEqualTo(cells.get(i));
    }
    // XHTML: well-formed XML, one <tr> per row, the same cell text
    Path html = tmp.resolve("t1.html");
    ok(concat(base, "--format", "html", "--out", html.toString()));
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Document doc = f.newDocumentBuilder().parse(html.toFile());
    assertThat(doc.getDocumentElement().getNamespaceURI())
        .isEqualTo("http://www.w3.org/1999/xhtml");
    NodeList trs = doc.getElementsByTagName("tbody").item(0).getChildNodes();
    List<List<String>> htmlRows = new ArrayList<>();
    for (int i = 0; i < trs.getLength(); i++) {
      if (trs.item(i).getNodeName().equals("tr")) {
        List<String> row = new ArrayList<>();
        NodeList tds = trs.item(i).getChildNodes();
        for (int k = 0; k < tds.getLength(); k++) {
          row.add(tds.item(k).getTextContent());
        }
        htmlRows.add(row);
      }
    }
    assertThat(htmlRows).isEqualTo(cells);
    // Word: one table, header + rows, same text
    Path docx = tmp.resolve("t1.docx");
    ok(concat(base, "--format", "docx", "--out", docx.toString()));
    try (InputStream in = Files.newInputStream(docx);
        XWPFDocument word = new XWPFDocument(in)) {
      assertThat(word.getTables()).hasSize(1);
      XWPFTable t = word.getTables().get(0);
      assertThat(t.getRows()).hasSize(cells.size() + 1);
      for (int i = 0; i < cells.size(); i++) {
        List<String> row = new ArrayList<>();
        t.getRow(i + 1).getTableCells().forEach(c -> row.add(c.getText()));
        assertThat(row).isEqualTo(cells.get(i));
      }
      assertThat(t.getRow(0).getCell(1).getText()).isEqualTo("Overall");
    }
  }

  @Test
  void table1BadInput() throws IOException {
    assertThat(
            badInput(
                    "table1",
                    "--data",
                    data("lung.csv"),
                    "--by",
                    "sex",
                    "--vars",
                    "age",
                    "--format",
                    "docx")
                .err())
        .contains("--out");
    assertThat(
            badInput(
                    "table1",
                    "--data",
                    data("lung.csv"),
                    "--by",
                    "sex",
                    "--vars",
                    "age,ph.ecog",
                    "--nonnormal",
                    "ph.ecog",
                    "--factor",
                    "ph.ecog")
                .err())
        .contains("lung.csv", "ph.ecog", "categorical");
    assertThat(
            badInput(
                    "table1",
                    "--data",
                    data("lung.csv"),
                    "--by",
                    "sex",
                    "--vars",
                    "age",
                    "--exact",
                    "age")
                .err())
        .contains("lung.csv", "\"age\"", "numeric");
    assertThat(
            badInput(
                    "table1",
                    "--data",
                    data("lung.csv"),
                    "--by",
                    "sex",
                    "--vars",
                    "age",
                    "--exact",
                    "sex")
                .err())
        .contains("--vars");
    assertThat(
            badInput("table1", "--data", data("lung.csv"), "--by", "sex", "--vars", "sex,age")
                .err())
        .contains("grouping column");
    assertThat(
            badInput("table1", "--data", data("lung.csv"), "--by", "sex", "--vars", "agee").err())
        .contains("lung.csv", "agee", "age");
    Path ragged = csv("ragged.csv", "g,x", "a,1", "b,2,3");
    assertThat(badInput("table1", "--data", ragged.toString(), "--by", "g", "--vars", "x").err())
        .contains("ragged.csv", "row 2");
  }

  @Test
  void table1OutIsAtomicAndNothingIsLeftOnError() throws IOException {
    Path out = tmp.resolve("sub/t.docx");
    badInput(
        "table1",
        "--data",
        data("lung.csv"),
        "--by",
        "sex",
        "--vars",
        "nosuch",
        "--format",
        "docx",
        "--out",
        out.toString());
    assertThat(out).doesNotExist();
    ok(
        "table1",
        "--data",
        data("lung.csv"),
        "--by",
        "sex",
        "--vars",
        "age",
        "--format",
        "docx",
        "--out",
        out.toString());
    try (Stream<Path> files = Files.list(out.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("t.docx");
    }
  }

  // ---- paired
  // -------------------------------------------------------------------------------------

  @Test
  void pairedAutoChoosesByColumnType() {
    String f = data("pbcseq_first_last.csv");
    assertThat(
            ok(
                    "paired",
                    "--data",
                    f,
                    "--before",
                    "bili_first",
                    "--after",
                    "bili_last",
                    "--format",
                    "json")
                .json()
                .get("test")
                .asText())
        .isEqualTo("wilcoxon");
    assertThat(
            ok(
                    "paired",
                    "--data",
                    f,
                    "--before",
                    "ascites_first",
                    "--after",
                    "ascites_last",
                    "--format",
                    "json")
                .json()
                .get("test")
                .asText())
        .isEqualTo("mcnemar");
    assertThat(
            ok(
                    "paired",
                    "--data",
                    f,
                    "--before",
                    "edema_first",
                    "--after",
                    "edema_last",
                    "--factor",
                    "--format",
                    "json")
                .json()
                .get("test")
                .asText())
        .isEqualTo("bowker");
    String text =
        ok(
                "paired",
                "--data",
                data("response_first_last.csv"),
                "--before",
                "first",
                "--after",
                "last")
            .out();
    assertThat(text).contains("McNemar-Bowker", "df = 6");
  }

  @Test
  void pairedBadInput() throws IOException {
    String f = data("pbcseq_first_last.csv");
    assertThat(
            badInput(
                    "paired",
                    "--data",
                    f,
                    "--before",
                    "edema_first",
                    "--after",
                    "edema_last",
                    "--factor",
                    "--test",
                    "mcnemar")
                .err())
        .contains("pbcseq_first_last.csv", "3 ", "--test bowker");
    assertThat(
            badInput(
                    "paired",
                    "--data",
                    data("response_first_last.csv"),
                    "--before",
                    "first",
                    "--after",
                    "last",
                    "--test",
                    "wilcoxon")
                .err())
        .contains("response_first_last.csv", "first", "numeric");
    Path same = csv("same.csv", "a,b", "x,x", "x,x");
    assertThat(badInput("paired", "--data", same.toString(), "--before", "a", "--after", "b").err())
        .contains("same.csv", "at least 2 categories");
    Path empty = csv("nopairs.csv", "a,b", "1,", ",2");
    assertThat(
            badInput(
                    "paired",
                    "--data",
                    empty.toString(),
                    "--before",
                    "a",
                    "--after",
                    "b",
                    "--test",
                    "wilcoxon")
                .err())
        .contains("nopairs.csv", "no row has both a and b");
    assertThat(
            badInput(
                    "paired",
                    "--data",
                    empty.toString(),
                    "--before",
                    "a",
                    "--after",
                    "b",
                    "--factor")
                .err())
        .contains("nopairs.csv", "no row has both a and b");
  }

  // ---- match
  // --------------------------------------------------------------------------------------

  private static final String COVS = "age,educ,race,married,nodegree,re74,re75";

  @Test
  void moreTreatedThanControlsWithoutReplacementLeavesTreatedUnmatched() {
    JsonNode j =
        ok(
                "match",
                "--data",
                data("lalonde_reversed.csv"),
                "--treatment",
                "treat",
                "--covariates",
                COVS,
                "--format",
                "json")
            .json();
    assertThat(j.get("n_treated").asInt()).isEqualTo(429);
    assertThat(j.get("n_control").asInt()).isEqualTo(185);
    assertThat(j.get("matched_treated").asInt()).isEqualTo(185);
    assertThat(j.get("matched_control").asInt()).isEqualTo(185);
    assertThat(warnings(j)).anyMatch(w -> w.startsWith("Fewer control units than treated units"));
    Set<Integer> controls = new HashSet<>();
    j.get("pairs").forEach(p -> controls.add(p.get("control_row").asInt()));
    assertThat(controls).hasSize(185);
  }

  @Test
  void noControlWithinTheCaliperGivesNoPairsAndNullBalanceAfter() throws IOException {
    // distinct x, so every propensity differs from every other by far more than the caliper
    Path f =
        csv(
            "apart.csv",
            "t,x",
            "1,1",
            "0,2",
            "1,3",
            "0,4",
            "1,5",
            "0,6",
            "1,7",
            "0,8",
            "0,0",
            "0,9");
    JsonNode j =
        ok(
                "match",
                "--data",
                f.toString(),
                "--treatment",
                "t",
                "--covariates",
                "x",
                "--caliper",
                "1e-6",
                "--std-caliper",
                "false",
                "--format",
                "json")
            .json();
    assertThat(j.get("caliper_abs").asDouble()).isEqualTo(1e-6);
    assertThat(j.get("matched_treated").asInt()).isZero();
    assertThat(j.get("pairs")).isEmpty();
    assertThat(j.get("balance").get(1).get("smd_after").isNull()).isTrue();
    assertThat(j.get("balance").get(1).get("smd_before").isNumber()).isTrue();
    assertThat(warnings(j))
        .anyMatch(w -> w.equals("4 of 4 treated units have no match within the caliper"));
  }

  @Test
  void outMatchedHoldsEveryMatchedRowWithItsPairId() throws IOException {
    Path m = tmp.resolve("matched.csv");
    JsonNode j =
        ok(
                "match",
                "--data",
                data("lalonde.csv"),
                "--treatment",
                "treat",
                "--covariates",
                COVS,
                "--caliper",
                "0.05",
                "--ratio",
                "2",
                "--out-matched",
                m.toString(),
                "--format",
                "json")
            .json();
    List<CsvRecord> rows = new ArrayList<>();
    try (CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(m)) {
      r.forEach(rows::add);
    }
    assertThat(rows.get(0).getFields().subList(0, 6))
        .containsExactly("pair_id", "row", "treated", "distance", "weights", "treat");
    int matchedT = j.get("matched_treated").asInt();
    assertThat(rows).hasSize(1 + matchedT + j.get("pairs").size());
    // each pair: the treated row first, then its controls, same pair id; treat column agrees
    JsonNode first = j.get("pairs").get(0);
    assertThat(rows.get(1).getField(0)).isEqualTo("1");
    assertThat(rows.get(1).getField(1)).isEqualTo(first.get("treated_row").asText());
    assertThat(rows.get(1).getField(2)).isEqualTo("1");
    assertThat(rows.get(1).getField(5)).isEqualTo("1");
    assertThat(rows.get(2).getField(1)).isEqualTo(first.get("control_row").asText());
    assertThat(rows.get(2).getField(5)).isEqualTo("0");
    assertThat(rows.get(rows.size() - 1).getField(0)).isEqualTo(Integer.toString(matchedT));
  }

  @Test
  void randomOrderIsReproducibleWithItsSeed() {
    String[] args = {
      "match",
      "--data",
      data("lalonde.csv"),
      "--treatment",
      "treat",
      "--covariates",
      COVS,
      "--caliper",
      "0.1",
      "--order",
      "random",
      "--format",
      "json"
    };
    JsonNode a = ok(concat(args, "--seed", "7")).json();
    JsonNode b = ok(concat(args, "--seed", "7")).json();
    assertThat(a.get("pairs")).isEqualTo(b.get("pairs"));
    assertThat(a.get("method").get("order").asText()).isEqualTo("random");
  }

  @Test
  void matchBadInput() throws IOException {
    Path three = csv("three.csv", "t,x", "0,1", "1,2", "2,3", "0,4", "1,5");
    assertThat(
            badInput("match", "--data", three.toString(), "--treatment", "t", "--covariates", "x")
                .err())
        .contains("three.csv", "row 3", "column \"t\"", "binary");
    Path noControl = csv("nocontrol.csv", "t,x", "1,1", "1,2", "1,3");
    assertThat(
            badInput(
                    "match",
                    "--data",
                    noControl.toString(),
                    "--treatment",
                    "t",
                    "--covariates",
                    "x")
                .err())
        .contains("nocontrol.csv");
    assertThat(
            badInput(
                    "match",
                    "--data",
                    data("lalonde.csv"),
                    "--treatment",
                    "treat",
                    "--covariates",
                    "age",
                    "--compat",
                    "matchit-4.6")
                .err())
        .contains("--compat");
    assertThat(
            badInput(
                    "match",
                    "--data",
                    data("lalonde.csv"),
                    "--treatment",
                    "treat",
                    "--covariates",
                    "age",
                    "--ratio",
                    "0")
                .err())
        .contains("ratio");
  }

  // ---- impute and cox --impute
  // ----------------------------------------------------------------------

  @Test
  void imputeFillsOnlyMissingValuesReproducibly() throws IOException {
    Path a = tmp.resolve("a.csv");
    Path b = tmp.resolve("b.csv");
    Path dir = tmp.resolve("sets");
    String[] args = {
      "impute",
      "--data",
      data("lung.csv"),
      "--m",
      "3",
      "--seed",
      "42",
      "--vars",
      "time,status,age,sex,ph.ecog,wt.loss,meal.cal",
      "--factor",
      "ph.ecog"
    };
    JsonNode j =
        ok(concat(args, "--stacked", a.toString(), "--out-dir", dir.toString(), "--format", "json"))
            .json();
    ok(concat(args, "--stacked", b.toString()));
    assertThat(Files.readString(a)).isEqualTo(Files.readString(b));
    assertThat(j.get("files")).hasSize(4);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("imputation_1.csv", "imputation_2.csv", "imputation_3.csv");
    }
    JsonNode cols = j.get("columns");
    assertThat(cols.get(4).get("column").asText()).isEqualTo("ph.ecog");
    assertThat(cols.get(4).get("method").asText()).isEqualTo("polyreg");
    assertThat(cols.get(5).get("method").asText()).isEqualTo("pmm");
    assertThat(cols.get(5).get("missing").asInt()).isEqualTo(14);
    assertThat(cols.get(0).get("method").asText()).isEqualTo("none");
    List<CsvRecord> original = new ArrayList<>();
    try (CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(Path.of(data("lung.csv")))) {
      r.forEach(original::add);
    }
    List<CsvRecord> stacked = new ArrayList<>();
    try (CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(a)) {
      r.forEach(stacked::add);
    }
    assertThat(stacked).hasSize(1 + 3 * 228);
    int wt = original.get(0).getFields().indexOf("wt.loss");
    int inst = original.get(0).getFields().indexOf("inst");
    for (int k = 1; k < stacked.size(); k++) {
      CsvRecord s = stacked.get(k);
      CsvRecord o = original.get(Integer.parseInt(s.getField(1)));
      assertThat(s.getField(2 + wt)).isNotEmpty();
      if (!o.getField(wt).isEmpty()) {
        assertThat(Double.parseDouble(s.getField(2 + wt)))
            .isEqualTo(Double.parseDouble(o.getField(wt)));
      }
      // a column not imputed is copied as it was, missing included
      assertThat(s.getField(2 + inst))
          .isEqualTo(o.getField(inst).equals("NA") ? "" : o.getField(inst));
    }
  }

  @Test
  void imputedSetsPoolThroughCox() throws IOException {
    Path a = tmp.resolve("long.csv");
    ok(
        "impute",
        "--data",
        data("lung.csv"),
        "--m",
        "4",
        "--vars",
        "time,status,age,sex,wt.loss",
        "--stacked",
        a.toString());
    JsonNode j =
        ok(
                "cox",
                "--data",
                a.toString(),
                "--imputed",
                ".imp",
                "--formula",
                "Surv(time, status) ~ age + sex + wt.loss",
                "--format",
                "json")
            .json();
    assertThat(j.get("imputations").asInt()).isEqualTo(4);
    assertThat(j.get("terms")).hasSize(3);
    JsonNode wt = j.get("terms").get(2);
    assertThat(wt.get("fmi").asDouble()).isBetween(0.0, 1.0);
    assertThat(wt.get("lambda").asDouble()).isBetween(0.0, 1.0);
    assertThat(wt.get("df").asDouble()).isLessThanOrEqualTo(165 - 3);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void coxImputeIsReproducibleAndCloseToCompleteCases(long seed) {
    String[] args = {
      "cox",
      "--data",
      data("lung.csv"),
      "--formula",
      "Surv(time, status) ~ age + sex + wt.loss",
      "--impute",
      "5",
      "--seed",
      Long.toString(seed),
      "--format",
      "json"
    };
    JsonNode a = ok(args).json();
    JsonNode b = ok(args).json();
    assertThat(a.get("terms")).isEqualTo(b.get("terms"));
    assertThat(a.get("n").asInt()).isEqualTo(228);
    assertThat(a.get("imputation").get("columns").get(2).get("method").asText()).isEqualTo("pmm");
    // sex is complete: its pooled HR stays near the complete-case 0.59 (14 of 228 rows imputed)
    double hr = a.get("terms").get(1).get("hr").asDouble();
    assertThat(hr).isBetween(0.5, 0.7);
  }

  @Test
  void logisticImputePoolsEveryCoefficientWithTheIntercept() throws IOException {
    Path f = csv("bw.csv", Files.readAllLines(Path.of(data("birthwt.csv"))).toArray(String[]::new));
    List<String> lines = new ArrayList<>(Files.readAllLines(f));
    // blank lwt (column 3) in every 5th row
    for (int i = 1; i < lines.size(); i += 5) {
      String[] c = lines.get(i).split(",", -1);
      c[2] = "";
      lines.set(i, String.join(",", c));
    }
    Files.write(f, lines);
    String[] args = {
      "logistic",
      "--data",
      f.toString(),
      "--formula",
      "low ~ age + lwt + smoke",
      "--impute",
      "5",
      "--seed",
      "3",
      "--format",
      "json"
    };
    JsonNode a = ok(args).json();
    assertThat(a.get("terms").get(0).get("term").asText()).isEqualTo("(Intercept)");
    assertThat(a.get("terms")).hasSize(4);
    assertThat(a.get("n").asInt()).isEqualTo(189);
    assertThat(a.get("terms").get(2).get("fmi").asDouble()).isPositive();
    assertThat(a.get("method").get("df").asText()).contains("185");
    assertThat(ok(args).json().get("terms")).isEqualTo(a.get("terms"));
    assertThat(
            badInput(
                    "logistic",
                    "--data",
                    f.toString(),
                    "--formula",
                    "low ~ age + lwt",
                    "--impute",
                    "5",
                    "--ci",
                    "profile")
                .err())
        .contains("--ci profile");
  }

  @Test
  void imputeBadInput() throws IOException {
    Path allMissing = csv("allmissing.csv", "x,y,z", "1,,a", "2,,b", ",,a");
    assertThat(
            badInput(
                    "impute",
                    "--data",
                    allMissing.toString(),
                    "--stacked",
                    tmp.resolve("s.csv").toString())
                .err())
        .contains("allmissing.csv", "column \"y\"", "every value is missing");
    assertThat(badInput("impute", "--data", data("lung.csv"), "--m", "3").err())
        .contains("--out-dir");
    assertThat(
            badInput(
                    "impute",
                    "--data",
                    data("lung.csv"),
                    "--m",
                    "0",
                    "--stacked",
                    tmp.resolve("s.csv").toString())
                .err())
        .contains("--m must be between 1 and");
    assertThat(
            badInput(
                    "cox",
                    "--data",
                    data("lung.csv"),
                    "--formula",
                    "Surv(time, status) ~ age",
                    "--impute",
                    "1")
                .err())
        .contains("at least 2");
    Path stacked = csv("stacked.csv", ".imp,time,status,x", "1,1,1,0.5", ",2,0,0.1");
    assertThat(
            badInput(
                    "cox",
                    "--data",
                    stacked.toString(),
                    "--formula",
                    "Surv(time, status) ~ x",
                    "--imputed",
                    ".imp")
                .err())
        .contains("stacked.csv", "row 2", ".imp");
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
