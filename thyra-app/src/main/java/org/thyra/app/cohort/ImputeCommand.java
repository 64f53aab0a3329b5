package org.thyra.app.cohort;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.thyra.analysis.imputation.MultipleImputation;
import org.thyra.app.InputOptions;
import org.thyra.app.output.OutputOptions;
import org.thyra.frame.Column;
import org.thyra.frame.DataTable;
import org.thyra.frame.InputException;
import org.thyra.frame.NumericColumn;
import org.thyra.frame.TableReader;
import org.thyra.report.output.AtomicFile;
import org.thyra.report.output.CsvTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.TerminalProgress;
import org.thyra.report.output.TextTable;
import org.thyra.stats.imputation.MiceOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code thyra impute}: multiple imputation by chained equations (SPEC §4–§5), writing the m
 * completed data sets as files or as one stacked CSV numbered by {@code .imp} (mice's long format,
 * which {@code thyra cox --imputed .imp} analyses and pools).
 */
@Command(
    name = "impute",
    mixinStandardHelpOptions = true,
    description =
        "Multiple imputation by chained equations as mice: pmm for numeric, logreg for two categories,"
            + " polyreg for more; writes the m completed data sets (--out-dir) or one stacked CSV with .imp and"
            + " .id (--stacked).")
public final class ImputeCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin OutputOptions output;

  @Option(
      names = "--m",
      defaultValue = "5",
      description = "Number of imputations (default: ${DEFAULT-VALUE}).")
  int m;

  @Option(
      names = "--maxit",
      defaultValue = "5",
      description = "Iterations per imputation (default: ${DEFAULT-VALUE}).")
  int maxit;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--vars",
      split = ",",
      paramLabel = "VAR",
      description =
          "Columns to impute and to use as predictors (default: every column). Other columns are"
              + " copied unchanged.")
  List<String> vars = new ArrayList<>();

  @Option(
      names = "--factor",
      split = ",",
      paramLabel = "VAR",
      description = "Numeric columns to impute as categories.")
  List<String> factors = new ArrayList<>();

  @Option(
      names = "--out-dir",
      paramLabel = "DIR",
      description = "Write imputation_1.csv ... imputation_M.csv here.")
  Path outDir;

  @Option(
      names = "--stacked",
      paramLabel = "FILE",
      description = "Write one CSV: .imp, .id, then every column.")
  Path stacked;

  @Override
  public Integer call() throws Exception {
    if (outDir == null && stacked == null) {
      throw new IllegalArgumentException(
          "say where the completed data sets go: --out-dir DIR and/or --stacked FILE");
    }
    DataTable table = TableReader.read(input.data(), null, input.readOptions(List.of()));
    // observed cells and columns not imputed are copied as written, byte for byte
    DataTable text = TableReader.readText(input.data());
    List<String> names = vars.isEmpty() ? table.columnNames() : vars;
    Set<String> set = new LinkedHashSet<>(names);
    if (set.size() < names.size()) {
      throw new InputException(input.source(), null, null, "--vars names a column twice: " + names);
    }
    for (String f : factors) {
      if (!set.contains(f)) {
        throw new InputException(
            input.source(), null, f, "--factor must name a column that is imputed");
      }
      table.column(f);
    }
    names.forEach(table::column); // unknown names fail here, with a suggestion
    MiceOptions options = input.analyse(null, () -> new MiceOptions(m, maxit, seed, 5, 1e-5));
    MultipleImputation.Result r =
        MultipleImputation.impute(
            table,
            names,
            Set.copyOf(factors),
            List.of(),
            options,
            TerminalProgress.onStandardError());
    List<String> files = new ArrayList<>();
    if (outDir != null) {
      for (int l = 0; l < m; l++) {
        Path file = outDir.resolve("imputation_" + (l + 1) + ".csv");
        DataTable done = r.completed().get(l);
        AtomicFile.write(file, os -> writeCsv(table, text, done, set, -1, os));
        files.add(file.toString());
      }
    }
    if (stacked != null) {
      AtomicFile.write(
          stacked,
          os -> {
            CsvWriter csv =
                CsvWriter.builder().build(new OutputStreamWriter(os, StandardCharsets.UTF_8));
            List<String> header = new ArrayList<>(List.of(".imp", ".id"));
            header.addAll(table.columnNames());
            csv.writeRecord(header);
            for (int l = 0; l < m; l++) {
              rows(csv, table, text, r.completed().get(l), set, l + 1);
            }
            csv.flush();
          });
      files.add(stacked.toString());
    }
    output.write(
        out -> {
          switch (output.format()) {
            case JSON -> Json.write(json(table, r, files), out);
            case CSV -> columns(r).print(out);
            default -> text(table, r, files, out);
          }
        });
    return 0;
  }

  private static void writeCsv(
      DataTable table,
      DataTable text,
      DataTable done,
      Set<String> imputed,
      int imp,
      java.io.OutputStream os)
      throws IOException {
    CsvWriter csv = CsvWriter.builder().build(new OutputStreamWriter(os, StandardCharsets.UTF_8));
    csv.writeRecord(table.columnNames());
    rows(csv, table, text, done, imputed, imp);
    csv.flush();
  }

  /** One record per data row: with {@code imp > 0}, .imp and .id first. */
  private static void rows(
      CsvWriter csv,
      DataTable table,
      DataTable text,
      DataTable done,
      Set<String> imputed,
      int imp) {
    List<String> names = table.columnNames();
    Column[] typed = new Column[names.size()];
    Column[] filled = new Column[names.size()];
    Column[] written = new Column[names.size()];
    for (int j = 0; j < names.size(); j++) {
      typed[j] = table.column(names.get(j));
      filled[j] = imputed.contains(names.get(j)) ? done.column(names.get(j)) : null;
      written[j] = text.column(names.get(j));
    }
    List<String> rec = new ArrayList<>(names.size() + 2);
    for (int i = 0; i < table.rowCount(); i++) {
      rec.clear();
      if (imp > 0) {
        rec.add(Integer.toString(imp));
        rec.add(Integer.toString(i + 1));
      }
      for (int j = 0; j < names.size(); j++) {
        if (filled[j] != null && typed[j].isMissing(i)) {
          if (filled[j] instanceof NumericColumn num && !Double.isFinite(num.value(i))) {
            // never write a non-finite value as if it were data
            throw new IllegalStateException(
                "imputation gave no finite value for column " + names.get(j) + ", row " + (i + 1));
          }
          rec.add(TableReader.cellText(filled[j], i));
        } else {
          rec.add(TableReader.cellText(written[j], i));
        }
      }
      csv.writeRecord(rec);
    }
  }

  private ObjectNode json(DataTable table, MultipleImputation.Result r, List<String> files) {
    ObjectNode root = Json.object();
    root.put("analysis", "impute");
    root.put("data", input.source());
    root.put("n", table.rowCount());
    root.put("m", m);
    root.put("maxit", maxit);
    root.put("seed", seed);
    ObjectNode method = root.putObject("method");
    method.put("algorithm", "chained equations (fully conditional specification), as mice");
    method.put("models", "pmm (numeric), logreg (two categories), polyreg (more categories)");
    method.put("predictors", "every other imputed column (mice's default predictor matrix)");
    method.put(
        "rng", "commons-rng XO_RO_SHI_RO_128_PP: reproducible in thyra, not R's random numbers");
    method.put("description", r.method());
    root.set("warnings", Json.strings(r.warnings()));
    ArrayNode cols = root.putArray("columns");
    for (int j = 0; j < r.names().size(); j++) {
      ObjectNode o = cols.addObject();
      o.put("column", r.names().get(j));
      o.put("type", r.types().get(j).name().toLowerCase(Locale.ROOT));
      o.put("method", r.methods().get(j).name().toLowerCase(Locale.ROOT));
      o.put("missing", r.missing()[j]);
    }
    root.set("files", Json.strings(files));
    return root;
  }

  private static CsvTable columns(MultipleImputation.Result r) {
    CsvTable t = new CsvTable(List.of("column", "type", "method", "missing"));
    for (int j = 0; j < r.names().size(); j++) {
      t.row(
          List.of(
              r.names().get(j),
              r.types().get(j).name().toLowerCase(Locale.ROOT),
              r.methods().get(j).name().toLowerCase(Locale.ROOT),
              Integer.toString(r.missing()[j])));
    }
    return t;
  }

  private void text(
      DataTable table, MultipleImputation.Result r, List<String> files, PrintStream out) {
    out.printf(
        "Multiple imputation by chained equations: %s, %d rows; m = %d, maxit = %d, seed = %d%n%n",
        input.source(), table.rowCount(), m, maxit, seed);
    TextTable t = new TextTable(List.of("column", "type", "method", "missing"));
    for (int j = 0; j < r.names().size(); j++) {
      t.row(
          List.of(
              r.names().get(j),
              r.types().get(j).name().toLowerCase(Locale.ROOT),
              r.methods().get(j).name().toLowerCase(Locale.ROOT),
              Integer.toString(r.missing()[j])));
    }
    t.print(out);
    out.println();
    out.println("Method: " + r.method());
    files.forEach(f -> out.println("Written: " + f));
    r.warnings().forEach(w -> out.println("Warning: " + w));
  }
}
