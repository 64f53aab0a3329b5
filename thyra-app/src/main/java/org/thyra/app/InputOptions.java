package org.thyra.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.thyra.frame.DataTable;
import org.thyra.frame.InputException;
import org.thyra.frame.TableReader;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.ModelFrame;
import picocli.CommandLine.Option;

/** {@code --data} and {@code --ref}, shared by every command that reads a data file. */
public final class InputOptions {

  @Option(
      names = "--data",
      required = true,
      paramLabel = "FILE",
      description = "CSV (comma or semicolon) or XLSX file with a header row.")
  Path data;

  @Option(
      names = "--ref",
      paramLabel = "VAR=LEVEL",
      description = "Reference level of a categorical variable (repeatable).")
  List<String> references = new ArrayList<>();

  public Path data() {
    return data;
  }

  /** The file's name, as results and messages cite it. */
  public String source() {
    return data.getFileName() == null ? data.toString() : data.getFileName().toString();
  }

  /** {@code --ref} options as a map variable → level. */
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
    return TableReader.read(data, columns);
  }

  /**
   * Runs a statistical method on this file's data. The statistics module knows no files, so an
   * argument it rejects (one group for a log-rank test, a single row for a Cox model) is reported
   * here as bad input of this file, naming the column when one is given.
   */
  public <T> T analyse(String column, Supplier<T> method) {
    try {
      return method.get();
    } catch (IllegalArgumentException e) {
      throw new InputException(source(), null, column, e.getMessage(), e);
    }
  }

  /**
   * Reads the columns a formula uses and builds its model frame; a {@code cluster()} term is
   * refused (only {@code thyra cox} uses one: {@link #modelFrameWithCluster}).
   */
  public ModelFrame modelFrame(Formula formula) {
    if (formula.cluster() != null) {
      throw new InputException(
          source(),
          null,
          formula.cluster(),
          "cluster() gives a robust variance in thyra cox only; remove it from \""
              + formula
              + "\"");
    }
    return modelFrameWithCluster(formula);
  }

  /** As {@link #modelFrame}, allowing a {@code cluster()} term. */
  public ModelFrame modelFrameWithCluster(Formula formula) {
    return ModelFrame.build(read(formula.variables()), formula, referenceLevels());
  }
}
