package org.thyra.analysis;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.thyra.frame.DataTable;
import org.thyra.frame.InputException;
import org.thyra.frame.ReadOptions;
import org.thyra.frame.TableReader;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.frame.formula.VariableResponse;

/**
 * The data file an analysis reads and the reference levels the user chose ({@code VAR=LEVEL}): what
 * every analysis needs from its caller, whether a command line, a study step or a web form.
 *
 * @param path the CSV or XLSX file
 * @param references reference levels as the user wrote them, {@code VARIABLE=LEVEL}; parsed (and
 *     refused with a message naming the file) only when a model frame is built
 * @param options how cells are read: missing-value words, decimal comma, columns declared
 *     categorical (docs/CLI.md "Column types")
 */
public record DataFile(Path path, List<String> references, ReadOptions options) {

  public DataFile {
    references = List.copyOf(references);
    java.util.Objects.requireNonNull(options, "options");
  }

  /** A file read with the built-in missing values and nothing declared categorical. */
  public DataFile(Path path, List<String> references) {
    this(path, references, ReadOptions.DEFAULT);
  }

  /** The file's name, as results and messages cite it. */
  public String source() {
    return path.getFileName() == null ? path.toString() : path.getFileName().toString();
  }

  /** The reference levels as a map variable → level. */
  public Map<String, String> referenceLevels() {
    Map<String, String> refs = new LinkedHashMap<>();
    for (String r : references) {
      int eq = r.indexOf('=');
      if (eq <= 0 || eq == r.length() - 1) {
        throw new InputException(
            source(), null, null, "--ref must be VARIABLE=LEVEL, got \"" + r + "\"");
      }
      refs.put(r.substring(0, eq).trim(), r.substring(eq + 1).trim());
    }
    return refs;
  }

  /** Reads only the named columns of the data file. */
  public DataTable read(Collection<String> columns) {
    return TableReader.read(path, columns, options);
  }

  /**
   * Reads the columns a formula uses; its {@code factor()} and {@code strata()} columns (and a
   * {@code factor(y)} response) are declared categorical, so the typing rule leaves them be.
   */
  public DataTable read(Formula formula) {
    return read(formula, List.of());
  }

  /**
   * As {@link #read(Formula)}, also reading the named columns (e.g. a {@code --weights} column).
   */
  public DataTable read(Formula formula, Collection<String> also) {
    List<String> categorical = new java.util.ArrayList<>(formula.categoricalColumns());
    if (formula.response() instanceof VariableResponse r && r.factor()) {
      categorical.add(r.name());
    }
    java.util.LinkedHashSet<String> columns = new java.util.LinkedHashSet<>(formula.variables());
    columns.addAll(also);
    return TableReader.read(path, List.copyOf(columns), options.withCategorical(categorical));
  }

  /**
   * Runs a statistical method on this file's data. The statistics module knows no files, so an
   * argument it rejects (one group for a log-rank test, a single row for a Cox model) is reported
   * here as bad input of this file, naming the column when one is given.
   */
  public <T> T analyse(String column, Supplier<T> method) {
    return analyse(source(), column, method);
  }

  /**
   * As {@link #analyse(String, Supplier)} for data not read from a file by this class (a study's
   * cohort table): a refused argument is reported as bad input of {@code source}.
   */
  public static <T> T analyse(String source, String column, Supplier<T> method) {
    try {
      return method.get();
    } catch (IllegalArgumentException e) {
      throw new InputException(source, null, column, e.getMessage(), e);
    }
  }

  /** Reads the columns a formula uses and builds its model frame. */
  public ModelFrame modelFrame(Formula formula) {
    return ModelFrame.build(read(formula), formula, referenceLevels());
  }
}
