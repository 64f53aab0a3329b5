package org.thyra.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End-to-end goldens: {@code thyra km / logrank / cox} run as a user types them, on the example
 * data sets, against R's survfit / survdiff / coxph / cox.zph / concordance answers written by
 * {@code src/test/r/cli_goldens.R} (golden/cli/NAME.json: {name, args, expected}).
 */
class CliGoldenTest {
  @TempDir Path tmp;

  static Stream<Path> goldens() throws IOException {
    try (Stream<Path> files = Files.list(CliRun.resource("/golden/cli"))) {
      List<Path> list = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      assertThat(list).hasSizeGreaterThanOrEqualTo(25);
      return list.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void agreesWithR(Path golden) {
    JsonNode g = CliRun.readJson(golden);
    List<String> args = new ArrayList<>();
    for (JsonNode a : g.get("args")) {
      args.add(a.asText().replace("{data}", CliRun.dataDir().toString()));
    }
    JsonNode actual = runJson(g.get("name").asText(), args);
    int compared = GoldenJson.assertMatches(g.get("name").asText(), g.get("expected"), actual);
    assertThat(compared).isPositive();
  }

  /** The same model read from an XLSX copy of lung.csv gives R's answer for the CSV. */
  @Test
  void xlsxInputGivesTheSameAnswerAsCsv() throws IOException {
    Path xlsx = tmp.resolve("lung.xlsx");
    writeXlsx(CliRun.dataDir().resolve("lung.csv"), xlsx);
    JsonNode g = CliRun.readJson(CliRun.resource("/golden/cli/cox_lung_missing.json"));
    List<String> args = new ArrayList<>();
    for (JsonNode a : g.get("args")) {
      args.add(a.asText().replace("{data}/lung.csv", xlsx.toString()));
    }
    assertThat(args).contains(xlsx.toString());
    JsonNode actual = runJson("xlsx", args);
    assertThat(actual.get("data").asText()).isEqualTo("lung.xlsx");
    GoldenJson.assertMatches("cox_lung_missing (xlsx)", g.get("expected"), actual);
  }

  private JsonNode runJson(String name, List<String> args) {
    Path out = tmp.resolve(name + ".out.json");
    List<String> full = new ArrayList<>(args);
    full.addAll(List.of("--format", "json", "--out", out.toString()));
    CliRun run = CliRun.run(full.toArray(String[]::new));
    assertThat(run.exitCode()).as("exit code of %s; stderr: %s", full, run.err()).isZero();
    JsonNode actual = CliRun.readJson(out);
    assertThat(actual.get("method")).as("method").isNotNull();
    assertThat(actual.get("method").isObject()).isTrue();
    assertThat(actual.get("warnings")).as("warnings").isNotNull();
    assertThat(actual.get("warnings").isArray()).isTrue();
    return actual;
  }

  /**
   * Header as text cells, numbers as numeric cells, empty / NA as blank cells (as Excel holds
   * them).
   */
  static void writeXlsx(Path csv, Path xlsx) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    try (XSSFWorkbook wb = new XSSFWorkbook();
        OutputStream os = Files.newOutputStream(xlsx)) {
      Sheet sheet = wb.createSheet("data");
      for (int r = 0; r < lines.size(); r++) {
        Row row = sheet.createRow(r);
        String[] cells = lines.get(r).split(",", -1);
        for (int c = 0; c < cells.length; c++) {
          String v = cells[c].replace("\"", "");
          if (v.isEmpty() || v.equals("NA")) {
            continue;
          }
          if (r > 0 && isNumber(v)) {
            row.createCell(c).setCellValue(Double.parseDouble(v));
          } else {
            row.createCell(c).setCellValue(v);
          }
        }
      }
      wb.write(os);
    }
  }

  private static boolean isNumber(String v) {
    try {
      Double.parseDouble(v);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
