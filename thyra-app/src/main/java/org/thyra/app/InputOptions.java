package org.thyra.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.thyra.analysis.DataFile;
import org.thyra.frame.DataTable;
import org.thyra.frame.InputException;
import org.thyra.frame.ReadOptions;
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

  @Option(
      names = "--na",
      split = ",",
      paramLabel = "WORD",
      description =
          "Further words that mark a missing value, comma-separated (e.g. --na \"N/A,?\");"
              + " an empty cell, NA and . always do.")
  List<String> missingWords = new ArrayList<>();

  @Option(
      names = "--decimal-comma",
      description = "Numbers are written with a decimal comma (61,5); a full stop is then not one.")
  boolean decimalComma;

  /** The command this mixin belongs to: its {@code --factor} columns are declared categorical. */
  @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
  picocli.CommandLine.Model.CommandSpec command;

  public Path data() {
    return data;
  }

  /** The data file and reference levels, as the analyses take them. */
  public DataFile file() {
    return new DataFile(data, references, readOptions(List.of()));
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

  /**
   * Reads the columns a formula uses; its {@code factor()} and {@code strata()} are categorical.
   */
  public DataTable read(Formula formula) {
    return file().read(formula);
  }

  /** Reads another file (e.g. {@code --validate-on}) with this command's reading options. */
  public DataTable read(Path other, Formula formula) {
    return new DataFile(other, references, readOptions(List.of())).read(formula);
  }

  /**
   * How cells are read: {@code --na}, {@code --decimal-comma}, and the columns declared categorical
   * (the command's {@code --factor} columns, plus {@code also}).
   */
  public ReadOptions readOptions(Collection<String> also) {
    List<String> categorical = new ArrayList<>(also);
    if (command != null) {
      var factor = command.findOption("--factor");
      if (factor != null && factor.getValue() instanceof Collection<?> names) {
        names.forEach(n -> categorical.add(n.toString()));
      }
    }
    List<String> words = new ArrayList<>();
    for (String w : missingWords) {
      words.add(w.strip());
    }
    return new ReadOptions(Set.copyOf(words), decimalComma, Set.copyOf(categorical));
  }

  /** See {@link DataFile#analyse(String, Supplier)}. */
  public <T> T analyse(String column, Supplier<T> method) {
    return file().analyse(column, method);
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
    if (formula.response() instanceof org.thyra.frame.formula.SurvivalResponse s && s.counting()) {
      throw new InputException(
          source(),
          null,
          s.start(),
          "counting-process data Surv(start, stop, event) are analysed by thyra cox only; use"
              + " Surv(time, event) here");
    }
    return modelFrameWithCluster(formula);
  }

  /** As {@link #modelFrame}, allowing a {@code cluster()} term. */
  public ModelFrame modelFrameWithCluster(Formula formula) {
    return file().modelFrame(formula);
  }
}
