package org.thyra.report.imputation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.thyra.analysis.imputation.MultipleImputation;
import org.thyra.analysis.imputation.TableImputation;
import org.thyra.frame.Column;
import org.thyra.frame.DataTable;
import org.thyra.frame.NumericColumn;
import org.thyra.frame.TableReader;
import org.thyra.report.output.AtomicFile;
import org.thyra.report.output.CsvTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.OutputFormat;
import org.thyra.report.output.TextTable;

/**
 * {@code thyra impute}'s output: the m completed data sets as files ({@code imputation_1.csv} ...)
 * or one stacked CSV numbered by {@code .imp} (mice's long format), observed cells and columns not
 * imputed copied as written; and the summary of the imputation in text, JSON or CSV.
 */
public final class ImputeWriter {
  private ImputeWriter() {}

  /** Writes {@code imputation_1.csv ... imputation_M.csv} into {@code dir}; returns their names. */
  public static List<String> writeCompleted(TableImputation.Report report, Path dir)
      throws IOException {
    List<String> files = new ArrayList<>();
    for (int l = 0; l < report.request().m(); l++) {
      Path file = dir.resolve("imputation_" + (l + 1) + ".csv");
      DataTable done = report.result().completed().get(l);
      AtomicFile.write(
          file, os -> writeCsv(report.table(), report.text(), done, report.imputed(), -1, os));
      files.add(file.toString());
    }
    return files;
  }

  /** Writes one CSV: {@code .imp, .id}, then every column, the m data sets one after another. */
  public static void writeStacked(TableImputation.Report report, Path target) throws IOException {
    DataTable table = report.table();
    AtomicFile.write(
        target,
        os -> {
          CsvWriter csv =
              CsvWriter.builder().build(new OutputStreamWriter(os, StandardCharsets.UTF_8));
          List<String> header = new ArrayList<>(List.of(".imp", ".id"));
          header.addAll(table.columnNames());
          csv.writeRecord(header);
          for (int l = 0; l < report.request().m(); l++) {
            rows(
                csv,
                table,
                report.text(),
                report.result().completed().get(l),
                report.imputed(),
                l + 1);
          }
          csv.flush();
        });
  }

  /** Writes the summary in one format. */
  public static void write(
      TableImputation.Report report, List<String> files, OutputFormat format, PrintStream out)
      throws IOException {
    switch (format) {
      case JSON -> Json.write(json(report, files), out);
      case CSV -> columns(report.result()).print(out);
      default -> text(report, files, out);
    }
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

  /** The JSON of {@code thyra impute}; {@code files} are the files written. */
  public static ObjectNode json(TableImputation.Report report, List<String> files) {
    DataTable table = report.table();
    MultipleImputation.Result r = report.result();
    TableImputation.Request q = report.request();
    ObjectNode root = Json.object();
    root.put("analysis", "impute");
    root.put("data", report.source());
    root.put("n", table.rowCount());
    root.put("m", q.m());
    root.put("maxit", q.maxit());
    root.put("seed", q.seed());
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

  /** The imputed columns as CSV: column, type, method, missing. */
  public static CsvTable columns(MultipleImputation.Result r) {
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

  /** The text of {@code thyra impute}: the imputed columns, the method, the files written. */
  public static void text(TableImputation.Report report, List<String> files, PrintStream out) {
    MultipleImputation.Result r = report.result();
    TableImputation.Request q = report.request();
    out.printf(
        "Multiple imputation by chained equations: %s, %d rows; m = %d, maxit = %d, seed = %d%n%n",
        report.source(), report.table().rowCount(), q.m(), q.maxit(), q.seed());
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
