package org.thyra.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.thyra.frame.DataTable;
import org.thyra.frame.InputException;
import org.thyra.frame.ReadOptions;
import org.thyra.frame.TableReader;
import org.thyra.frame.formula.Formula;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.frame.formula.Term;
import org.thyra.frame.formula.TermKind;
import org.thyra.frame.formula.VariableResponse;
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
    return TableReader.read(data, columns, readOptions(List.of()));
  }

  /**
   * Reads the columns a formula uses; its {@code factor()} and {@code strata()} are categorical.
   */
  public DataTable read(Formula formula) {
    return read(data, formula);
  }

  /** Reads another file (e.g. {@code --validate-on}) with this command's reading options. */
  public DataTable read(Path file, Formula formula) {
    return TableReader.read(file, formula.variables(), readOptions(declaredCategorical(formula)));
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

  private static List<String> declaredCategorical(Formula formula) {
    List<String> names = new ArrayList<>();
    for (Term t : formula.terms()) {
      if (t.kind() != TermKind.AUTO) {
        names.add(t.variable());
      }
    }
    if (formula.response() instanceof VariableResponse r && r.factor()) {
      names.add(r.name());
    }
    return names;
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

  /** Reads the columns a formula uses and builds its model frame. */
  public ModelFrame modelFrame(Formula formula) {
    return ModelFrame.build(read(formula), formula, referenceLevels());
  }
}
