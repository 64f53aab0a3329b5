package org.thyra.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.thyra.analysis.DataFile;
import org.thyra.frame.DataTable;
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

  /** The data file and reference levels, as the analyses take them. */
  public DataFile file() {
    return new DataFile(data, references);
  }

  /** The file's name, as results and messages cite it. */
  public String source() {
    return file().source();
  }

  /** {@code --ref} options as a map variable → level. */
  public Map<String, String> referenceLevels() {
    return file().referenceLevels();
  }

  /** Reads only the named columns of the data file. */
  public DataTable read(Collection<String> columns) {
    return file().read(columns);
  }

  /** See {@link DataFile#analyse(String, Supplier)}. */
  public <T> T analyse(String column, Supplier<T> method) {
    return file().analyse(column, method);
  }

  /** Reads the columns a formula uses and builds its model frame. */
  public ModelFrame modelFrame(Formula formula) {
    return file().modelFrame(formula);
  }
}
