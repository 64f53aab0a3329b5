package org.thyra.frame.formula;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.thyra.frame.CategoricalColumn;
import org.thyra.frame.Column;
import org.thyra.frame.DataTable;
import org.thyra.frame.DecimalText;
import org.thyra.frame.EventCode;
import org.thyra.frame.EventCoding;
import org.thyra.frame.EventStatus;
import org.thyra.frame.InputException;
import org.thyra.frame.NumericColumn;

/**
 * The rows, response, design matrix and strata of one model: what a formula selects from a table.
 *
 * <p>Rules (SPEC §5):
 *
 * <ul>
 *   <li>A row with a missing value in any variable the formula uses (time and event included) is
 *       dropped and counted in {@link #droppedMissing()}.
 *   <li>A plain name is numeric or categorical by its column type; {@code factor(x)} makes a
 *       numeric column categorical, with labels as R prints numbers ({@code 1}, {@code 0.5}).
 *   <li>Levels are sorted (numerically when all numeric, else by code point); the first is the
 *       reference unless {@code referenceLevels} names another. A level with no rows left is
 *       dropped and reported in {@link #warnings()}.
 *   <li>Survival times must be numeric and not negative (zero is allowed, as in R); event values
 *       are decoded by {@link EventCoding}.
 * </ul>
 */
public final class ModelFrame {
  /**
   * A categorical covariate with more levels than this is refused before any fit: a column of
   * identifiers, dates or free text read as categories would give a model with one coefficient per
   * value, and minutes of work for nothing useful.
   */
  public static final int MAX_LEVELS = 100;

  private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?[0-9]+,[0-9]+");

  private final String source;
  private final Formula formula;
  private final int[] rows;
  private final int droppedMissing;
  private final double[] time;
  private final double[] start;
  private final int[] status;
  private final EventCode eventCoding;
  private final double[] responseValues;
  private final Factor responseFactor;
  private final DesignMatrix design;
  private final List<Variable> variables;
  private final Map<Term, Coding> codings;
  private final int[] strata;
  private final List<String> strataLabels;
  private final int[] cluster;
  private final List<String> warnings;

  private ModelFrame(Builder b) {
    this.source = b.source;
    this.formula = b.formula;
    this.rows = b.rows;
    this.droppedMissing = b.droppedMissing;
    this.time = b.time;
    this.start = b.start;
    this.status = b.status;
    this.eventCoding = b.eventCoding;
    this.responseValues = b.responseValues;
    this.responseFactor = b.responseFactor;
    this.design = b.design;
    this.variables = List.copyOf(b.variables);
    this.codings = Map.copyOf(b.codings);
    this.strata = b.strata;
    this.strataLabels = b.strataLabels == null ? null : List.copyOf(b.strataLabels);
    this.cluster = b.cluster;
    this.warnings = List.copyOf(b.warnings);
  }

  /**
   * @param table the data
   * @param formula the model formula
   * @return the frame with the first sorted level of each categorical variable as reference
   */
  public static ModelFrame build(DataTable table, Formula formula) {
    return build(table, formula, Map.of());
  }

  /**
   * @param table the data
   * @param formula the model formula
   * @param referenceLevels variable name to reference level (the CLI's {@code --ref VAR=LEVEL});
   *     may be empty or {@code null}
   * @return the frame
   * @throws InputException for a problem in the data (naming file, row and column) or an unknown
   *     reference variable or level (listing the valid ones)
   */
  public static ModelFrame build(
      DataTable table, Formula formula, Map<String, String> referenceLevels) {
    return new ModelFrame(
        new Builder(table, formula, referenceLevels == null ? Map.of() : referenceLevels).build());
  }

  /**
   * Builds the frame on a subset of the table's rows, as if the other rows were not in the file:
   * levels, reference and dropped-level warnings come from these rows only (a development set).
   *
   * @param table the data
   * @param formula the model formula
   * @param referenceLevels as {@link #build(DataTable, Formula, Map)}
   * @param dataRows 1-based data rows to use (others are ignored, not counted as missing)
   * @return the frame
   * @throws InputException as {@link #build(DataTable, Formula, Map)}
   */
  public static ModelFrame build(
      DataTable table, Formula formula, Map<String, String> referenceLevels, int[] dataRows) {
    Builder b = new Builder(table, formula, referenceLevels == null ? Map.of() : referenceLevels);
    b.include = mask(table, dataRows);
    return new ModelFrame(b.build());
  }

  /**
   * Codes other data exactly as this frame: the same formula, the same levels of every categorical
   * variable in the same order with the same reference, so the design columns mean what they mean
   * here and a model fitted on this frame applies unchanged (as R's {@code predict(fit, newdata)}).
   * Rows with a missing value are dropped and counted.
   *
   * @param other the new data (e.g. a validation file)
   * @param dataRows 1-based data rows of {@code other} to use, or {@code null} for all
   * @return the frame of the new data
   * @throws InputException naming file, row, column and level for a level this frame has not seen,
   *     or a column whose type differs from this frame's
   * @throws IllegalArgumentException when this frame has strata (not supported)
   */
  public ModelFrame encode(DataTable other, int[] dataRows) {
    if (strata != null) {
      throw new IllegalArgumentException(
          "coding new data with the levels of a stratified model is not supported");
    }
    Builder b = new Builder(other, formula, Map.of());
    b.template = this;
    b.include = dataRows == null ? null : mask(other, dataRows);
    return new ModelFrame(b.build());
  }

  private static boolean[] mask(DataTable table, int[] dataRows) {
    boolean[] include = new boolean[table.rowCount()];
    for (int r : dataRows) {
      if (r < 1 || r > include.length) {
        throw new IllegalArgumentException("data row " + r + " is not in 1.." + include.length);
      }
      include[r - 1] = true;
    }
    return include;
  }

  /**
   * @return the file name of the table
   */
  public String source() {
    return source;
  }

  /**
   * @return the formula
   */
  public Formula formula() {
    return formula;
  }

  /**
   * @return number of rows kept
   */
  public int n() {
    return rows.length;
  }

  /**
   * @return the 1-based data rows kept, ascending
   */
  public int[] rows() {
    return rows.clone();
  }

  /**
   * @return number of rows dropped for a missing value in a variable the formula uses
   */
  public int droppedMissing() {
    return droppedMissing;
  }

  /**
   * @return whether the response is {@code Surv(time, event)}
   */
  public boolean isSurvival() {
    return time != null;
  }

  /**
   * @return survival times of the kept rows
   */
  public double[] time() {
    return survival(time).clone();
  }

  /**
   * @return entry times of the kept rows for counting-process data {@code Surv(start, stop, event)}
   *     (each row at risk on {@code (start, stop]}), or null for right-censored data
   */
  public double[] start() {
    return start == null ? null : start.clone();
  }

  /**
   * @return event status of the kept rows: 1 event, 0 censored
   */
  public int[] status() {
    return survival(status).clone();
  }

  /**
   * @return how the event column was coded, or {@code null} without a survival response
   */
  public EventCode eventCoding() {
    return eventCoding;
  }

  /**
   * @return the response of the kept rows: a numeric column as is, a categorical one as its 0/1
   *     coding ({@link #binaryResponse()})
   */
  public double[] response() {
    variableResponse();
    if (responseValues != null) {
      return responseValues.clone();
    }
    int[] b = binaryResponse();
    double[] y = new double[b.length];
    for (int i = 0; i < b.length; i++) {
      y[i] = b[i];
    }
    return y;
  }

  /**
   * The response coded 0/1: numeric 0/1; TRUE/FALSE or yes/no (TRUE, yes = 1); or for another
   * two-level categorical column the non-reference level = 1.
   *
   * @return per kept row 0 or 1
   * @throws InputException when the response is not binary
   */
  public int[] binaryResponse() {
    String name = variableResponse().name();
    int n = rows.length;
    int[] y = new int[n];
    if (responseValues != null) {
      for (int i = 0; i < n; i++) {
        double v = responseValues[i];
        if (v != 0 && v != 1) {
          throw new InputException(
              source,
              rows[i],
              name,
              DecimalText.format(v)
                  + " is not a binary outcome (expected 0/1, TRUE/FALSE, yes/no, "
                  + "or a column with two categories; for a column coded 1/2 write factor("
                  + Formula.quote(name)
                  + ") ~ ..., whose higher level is the event, as R's glm)");
        }
        y[i] = (int) v;
      }
      return y;
    }
    Factor f = responseFactor;
    int[] levelValue = logicalLevels(f.levels);
    if (levelValue == null) {
      if (f.levels.size() > 2) {
        Integer third = null; // the first row holding a level beyond the first two
        for (int i = 0; i < n && third == null; i++) {
          if (f.codes[i] >= 2) {
            third = rows[i];
          }
        }
        throw new InputException(
            source,
            third,
            name,
            "the outcome has "
                + f.levels.size()
                + " categories "
                + f.levels
                + "; a binary outcome needs two");
      }
      levelValue = new int[f.levels.size()];
      for (int k = 1; k < levelValue.length; k++) {
        levelValue[k] = 1; // levels are reference first
      }
    }
    for (int i = 0; i < n; i++) {
      y[i] = levelValue[f.codes[i]];
    }
    return y;
  }

  /**
   * How {@link #binaryResponse()} codes the outcome, for results to state: {@code "0/1"} for a
   * numeric column, {@code "TRUE = 1"} / {@code "yes = 1"} for a logical column, or {@code
   * "\"level\" = 1 (reference \"ref\" = 0)"} for another two-level column.
   *
   * @return the description
   */
  public String binaryResponseCoding() {
    variableResponse();
    if (responseValues != null) {
      return "0/1";
    }
    List<String> levels = responseFactor.levels;
    int[] logical = logicalLevels(levels);
    if (logical != null) {
      for (int k = 0; k < levels.size(); k++) {
        if (logical[k] == 1) {
          return "\"" + levels.get(k) + "\" = 1";
        }
      }
      return "\"" + levels.get(0) + "\" = 0";
    }
    if (levels.size() == 2) {
      return "\"" + levels.get(1) + "\" = 1 (reference \"" + levels.get(0) + "\" = 0)";
    }
    return "levels " + levels;
  }

  /**
   * @return the covariate design matrix (kept rows × covariate columns)
   */
  public DesignMatrix design() {
    return design;
  }

  /**
   * @return the covariates in formula order (strata excluded)
   */
  public List<Variable> variables() {
    return variables;
  }

  /**
   * @return per kept row the stratum index 0..k-1, or {@code null} without strata
   */
  public int[] strata() {
    return strata == null ? null : strata.clone();
  }

  /**
   * @return per kept row the code of its {@code cluster(id)} value (0-based, in sorted level
   *     order), or {@code null} without a cluster term
   */
  public int[] cluster() {
    return cluster == null ? null : cluster.clone();
  }

  /**
   * @return stratum labels as R prints them ({@code z=1}; {@code a=1, b=2}), or {@code null}
   */
  public List<String> strataLabels() {
    return strataLabels;
  }

  /**
   * @return notes about the data, e.g. levels dropped because no rows were left
   */
  public List<String> warnings() {
    return warnings;
  }

  private <T> T survival(T value) {
    if (value == null) {
      throw new IllegalStateException(
          "the formula's response is not Surv(time, event): " + formula);
    }
    return value;
  }

  private VariableResponse variableResponse() {
    if (formula.response() instanceof VariableResponse v) {
      return v;
    }
    throw new IllegalStateException(
        "the formula's response is Surv(time, event), not one variable: " + formula);
  }

  private static int[] logicalLevels(List<String> levels) {
    int[] value = new int[levels.size()];
    String family = null;
    for (int k = 0; k < levels.size(); k++) {
      String l = levels.get(k).toLowerCase(Locale.ROOT);
      String f;
      switch (l) {
        case "true", "t" -> {
          value[k] = 1;
          f = "logical";
        }
        case "false", "f" -> {
          value[k] = 0;
          f = "logical";
        }
        case "yes" -> {
          value[k] = 1;
          f = "yes";
        }
        case "no" -> {
          value[k] = 0;
          f = "yes";
        }
        default -> {
          return null;
        }
      }
      if (family != null && !family.equals(f)) {
        return null;
      }
      family = f;
    }
    return value;
  }

  /**
   * @return the distinct non-NaN values, ascending (primitive sort: no boxing for large columns)
   */
  static double[] distinctSorted(double[] values) {
    double[] a = new double[values.length];
    int m = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        a[m++] = v == 0 ? 0.0 : v; // -0.0 and 0.0 are one level
      }
    }
    Arrays.sort(a, 0, m);
    int k = 0;
    for (int i = 0; i < m; i++) {
      if (k == 0 || a[i] != a[k - 1]) {
        a[k++] = a[i];
      }
    }
    return Arrays.copyOf(a, k);
  }

  /**
   * @return the distinct values, ascending
   */
  static long[] distinctSorted(long[] values) {
    long[] a = values.clone();
    Arrays.sort(a);
    int k = 0;
    for (int i = 0; i < a.length; i++) {
      if (k == 0 || a[i] != a[k - 1]) {
        a[k++] = a[i];
      }
    }
    return Arrays.copyOf(a, k);
  }

  /** The distinct main effects of the covariate terms, in order of first appearance. */
  private static List<Term> mainEffects(List<Term> covariates) {
    java.util.LinkedHashSet<Term> set = new java.util.LinkedHashSet<>();
    for (Term t : covariates) {
      set.addAll(t.mainEffects());
    }
    return new ArrayList<>(set);
  }

  /**
   * How one main effect was coded, for coding new data the same way.
   *
   * @param levels the levels, reference first, or null when numeric
   * @param knots a spline's knots, or null
   */
  private record Coding(List<String> levels, double[] knots) {}

  /** A main effect's columns on the kept rows: contrast-coded, and for a factor also full. */
  private static final class Block {
    final List<double[]> columns;
    final List<String> names;
    final List<String> levels;
    final int[] codes;

    private Block(List<double[]> columns, List<String> names, List<String> levels, int[] codes) {
      this.columns = columns;
      this.names = names;
      this.levels = levels;
      this.codes = codes;
    }

    static Block numeric(String name, double[] x) {
      return new Block(List.of(x), List.of(name), null, null);
    }

    /** rms's names: {@code age}, {@code age'}, {@code age''}. */
    static Block spline(String name, double[] x, double[] knots) {
      double[][] basis = SplineKnots.basis(x, knots);
      List<String> names = new ArrayList<>();
      StringBuilder primes = new StringBuilder();
      for (int c = 0; c < basis.length; c++) {
        names.add(name + primes);
        primes.append('\'');
      }
      return new Block(List.of(basis), names, null, null);
    }

    static Block factor(String name, List<String> levels, int[] codes) {
      List<double[]> cols = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (int level = 0; level < levels.size(); level++) {
        double[] x = new double[codes.length];
        for (int k = 0; k < codes.length; k++) {
          if (codes[k] == level) {
            x[k] = 1;
          }
        }
        cols.add(x);
        names.add(name + "=" + levels.get(level));
      }
      return new Block(cols, names, List.copyOf(levels), codes);
    }

    /**
     * Treatment contrasts for a factor (no reference column); the columns otherwise. The block's
     * own arrays go into the design, not copies: a block lives only during the build and nothing
     * writes to a column once made (a 2*10^5 x 10 design is 16 MB, docs/PERFORMANCE.md).
     */
    void addContrasts(List<double[]> to, List<String> toNames) {
      int from = levels == null ? 0 : 1;
      for (int c = from; c < columns.size(); c++) {
        to.add(columns.get(c));
        toNames.add(names.get(c));
      }
    }

    /** One indicator per level, reference included (the block's own arrays, as above). */
    void addFull(List<double[]> to, List<String> toNames) {
      for (int c = 0; c < columns.size(); c++) {
        to.add(columns.get(c));
        toNames.add(names.get(c));
      }
    }
  }

  /** A categorical variable during the build: codes over rows and its levels. */
  private static final class Factor {
    int[] codes;
    List<String> levels;
    double[] levelValues; // when built from a numeric column, for matching --ref numerically

    Factor(int[] codes, List<String> levels, double[] levelValues) {
      this.codes = codes;
      this.levels = levels;
      this.levelValues = levelValues;
    }

    static Factor of(Column column) {
      int n = column.size();
      if (column instanceof CategoricalColumn c) {
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
          codes[i] = c.code(i);
        }
        return new Factor(codes, c.levels(), null);
      }
      NumericColumn num = (NumericColumn) column;
      double[] values = num.toArray();
      double[] sorted = distinctSorted(values);
      int[] codes = new int[n];
      for (int i = 0; i < n; i++) {
        codes[i] =
            Double.isNaN(values[i])
                ? -1
                : Arrays.binarySearch(sorted, values[i] == 0 ? 0.0 : values[i]);
      }
      List<String> labels = new ArrayList<>(sorted.length);
      for (double v : sorted) {
        labels.add(DecimalText.format(v));
      }
      return new Factor(codes, labels, sorted);
    }

    /** Restricts to the kept rows and drops levels with no rows; returns the dropped labels. */
    List<String> keep(int[] kept) {
      int[] count = new int[levels.size()];
      int[] restricted = new int[kept.length];
      for (int i = 0; i < kept.length; i++) {
        restricted[i] = codes[kept[i]];
        count[restricted[i]]++;
      }
      int[] newCode = new int[levels.size()];
      List<String> keptLevels = new ArrayList<>();
      List<String> dropped = new ArrayList<>();
      double[] keptValues = levelValues == null ? null : new double[levels.size()];
      for (int k = 0; k < levels.size(); k++) {
        if (count[k] == 0) {
          newCode[k] = -1;
          dropped.add(levels.get(k));
        } else {
          if (keptValues != null) {
            keptValues[keptLevels.size()] = levelValues[k];
          }
          newCode[k] = keptLevels.size();
          keptLevels.add(levels.get(k));
        }
      }
      codes = recode(restricted, newCode);
      levels = keptLevels;
      levelValues = keptValues == null ? null : Arrays.copyOf(keptValues, keptLevels.size());
      return dropped;
    }

    /** Moves level {@code ref} to the front, as R's relevel. */
    void relevel(int ref) {
      if (ref == 0) {
        return;
      }
      List<String> reordered = new ArrayList<>(levels.size());
      reordered.add(levels.get(ref));
      int[] newCode = new int[levels.size()];
      newCode[ref] = 0;
      for (int k = 0; k < levels.size(); k++) {
        if (k != ref) {
          newCode[k] = reordered.size();
          reordered.add(levels.get(k));
        }
      }
      codes = recode(codes, newCode);
      levels = reordered;
      levelValues = null;
    }

    /** Renumbers codes in place through {@code newCode} (old level index to new); returns them. */
    private static int[] recode(int[] codes, int[] newCode) {
      for (int i = 0; i < codes.length; i++) {
        codes[i] = newCode[codes[i]];
      }
      return codes;
    }

    /**
     * @return index of the level the user named, matching numbers by value, or -1
     */
    int find(String label) {
      int k = levels.indexOf(label);
      if (k >= 0 || levelValues == null) {
        return k;
      }
      double v = DecimalText.parse(label.trim());
      for (int j = 0; j < levelValues.length; j++) {
        if (levelValues[j] == v) {
          return j;
        }
      }
      return -1;
    }
  }

  /** Builds the frame step by step; mutable, used once. */
  private static final class Builder {
    final DataTable table;
    final Formula formula;
    final Map<String, String> referenceLevels;
    final String source;
    final List<String> warnings = new ArrayList<>();

    /** Rows to consider, or null for all. */
    boolean[] include;

    /** The frame whose coding new data must follow, or null. */
    ModelFrame template;

    int[] rows;
    int droppedMissing;
    double[] time;
    double[] start;
    int[] status;
    EventCode eventCoding;
    double[] responseValues;
    Factor responseFactor;
    DesignMatrix design;
    List<Variable> variables = new ArrayList<>();
    Map<Term, Coding> codings = new java.util.HashMap<>();
    int[] strata;
    List<String> strataLabels;
    int[] cluster;

    Builder(DataTable table, Formula formula, Map<String, String> referenceLevels) {
      this.table = table;
      this.formula = formula;
      this.referenceLevels = referenceLevels;
      this.source = table.source();
    }

    Builder build() {
      int n = table.rowCount();
      for (String v : formula.variables()) {
        table.column(v); // unknown column: message lists the columns
      }
      boolean[] missing = new boolean[n];
      double[] allTime = null;
      double[] allStart = null;
      int[] allStatus = null;
      double[] allY = null;
      Factor yFactor = null;
      if (formula.response() instanceof SurvivalResponse s) {
        NumericColumn t = numeric(s.time(), "survival time");
        EventStatus events = EventCoding.read(table, s.event());
        if (template != null) {
          events = asTemplateCoding(s.event(), events);
        }
        eventCoding = events.code();
        allStatus = events.status();
        if (s.counting()) {
          NumericColumn st = numeric(s.start(), "start time");
          allStart = new double[n];
          for (int i = 0; i < n; i++) {
            double v = st.value(i);
            allStart[i] = v;
            if (Double.isNaN(v)) {
              missing[i] = true;
            } else if (Double.isInfinite(v)) {
              throw new InputException(source, i + 1, s.start(), "infinite start time");
            } else if (!Double.isNaN(t.value(i)) && !(v < t.value(i))) {
              throw new InputException(
                  source,
                  i + 1,
                  s.start(),
                  "start time "
                      + DecimalText.format(v)
                      + " is not below the stop time "
                      + DecimalText.format(t.value(i))
                      + " (column "
                      + s.time()
                      + "): a row covers the interval (start, stop], which must not be empty");
            }
          }
        }
        allTime = new double[n];
        for (int i = 0; i < n; i++) {
          double v = t.value(i);
          allTime[i] = v;
          if (Double.isNaN(v)) {
            missing[i] = true;
          } else if (v < 0) {
            throw new InputException(
                source,
                i + 1,
                s.time(),
                "negative survival time " + DecimalText.format(v) + "; times must be >= 0");
          } else if (Double.isInfinite(v)) {
            throw new InputException(source, i + 1, s.time(), "infinite survival time");
          }
          if (allStatus[i] < 0) {
            missing[i] = true;
          }
        }
      } else {
        VariableResponse response = (VariableResponse) formula.response();
        String y = response.name();
        Column c = table.column(y);
        if (c instanceof NumericColumn num && !response.factor()) {
          allY = num.toArray();
        } else {
          yFactor = Factor.of(c);
        }
        markMissing(c, missing);
      }
      List<Term> covariates = formula.covariates();
      List<Term> bases = mainEffects(covariates);
      Factor[] factors = new Factor[bases.size()];
      NumericColumn[] numerics = new NumericColumn[bases.size()];
      for (int j = 0; j < bases.size(); j++) {
        Term term = bases.get(j);
        Column c = table.column(term.variable());
        markMissing(c, missing);
        if (term.kind() == TermKind.SPLINE) {
          numerics[j] =
              c instanceof NumericColumn num ? num : numeric(term.variable(), "in " + term);
        } else if (c instanceof NumericColumn num && term.kind() == TermKind.AUTO) {
          numerics[j] = num;
        } else {
          factors[j] = Factor.of(c);
          if (template == null) {
            checkLevelCount(term, c, factors[j].levels.size());
          }
        }
      }
      List<String> strataNames = formula.strata();
      Factor[] strataFactors = new Factor[strataNames.size()];
      for (int j = 0; j < strataNames.size(); j++) {
        Column c = table.column(strataNames.get(j));
        markMissing(c, missing);
        strataFactors[j] = Factor.of(c);
      }
      Factor clusterFactor = null;
      if (formula.cluster() != null) {
        Column c = table.column(formula.cluster());
        markMissing(c, missing);
        clusterFactor = Factor.of(c);
      }
      checkReferenceNames(bases, factors, yFactor);

      int considered = n;
      if (include != null) {
        considered = 0;
        for (int i = 0; i < n; i++) {
          if (include[i]) {
            considered++;
          } else {
            missing[i] = true;
          }
        }
      }
      int kept = 0;
      for (boolean m : missing) {
        if (!m) {
          kept++;
        }
      }
      droppedMissing = considered - kept;
      if (kept == 0) {
        throw new InputException(
            source,
            null,
            null,
            "no rows left: every one of the "
                + considered
                + " rows has a missing value in a variable of "
                + formula);
      }
      int[] keptIndex = new int[kept];
      rows = new int[kept];
      for (int i = 0, k = 0; i < n; i++) {
        if (!missing[i]) {
          keptIndex[k] = i;
          rows[k++] = i + 1;
        }
      }
      if (allTime != null) {
        time = new double[kept];
        status = new int[kept];
        for (int k = 0; k < kept; k++) {
          time[k] = allTime[keptIndex[k]];
          if (allStart != null) {
            if (start == null) {
              start = new double[kept];
            }
            start[k] = allStart[keptIndex[k]];
          }
          status[k] = allStatus[keptIndex[k]];
        }
      }
      if (allY != null) {
        responseValues = new double[kept];
        for (int k = 0; k < kept; k++) {
          responseValues[k] = allY[keptIndex[k]];
        }
      }
      if (yFactor != null) {
        String y = ((VariableResponse) formula.response()).name();
        if (template != null) {
          if (template.responseFactor == null) {
            throw new InputException(
                source, null, y, "column \"" + y + "\" must be numeric, as in " + template.source);
          }
          recode(y, yFactor, template.responseFactor.levels, keptIndex);
        } else {
          prepareFactor(y, yFactor, keptIndex, true);
        }
        responseFactor = yFactor;
      } else if (template != null && template.responseFactor != null) {
        String y = ((VariableResponse) formula.response()).name();
        yFactor = Factor.of(table.column(y));
        recode(y, yFactor, template.responseFactor.levels, keptIndex);
        responseFactor = yFactor;
        responseValues = null;
      }
      design(covariates, bases, factors, numerics, keptIndex);
      if (template != null) {
        return this;
      }
      buildStrata(strataNames, strataFactors, keptIndex);
      if (clusterFactor != null) {
        cluster = new int[keptIndex.length];
        for (int k = 0; k < keptIndex.length; k++) {
          cluster[k] = clusterFactor.codes[keptIndex[k]];
        }
      }
      return this;
    }

    /** Refuses a categorical covariate with an absurd number of levels, before any fit. */
    private void checkLevelCount(Term term, Column c, int levels) {
      if (levels <= MAX_LEVELS) {
        return;
      }
      String way =
          c instanceof NumericColumn
              ? "it holds numbers: use it as a number (without factor() or --factor), or group its"
                  + " values into fewer categories"
              : "is it an identifier, a date or free text? Leave it out of the model, or group"
                  + " its values into fewer categories";
      throw new InputException(
          source,
          null,
          term.variable(),
          "has "
              + levels
              + " different values; a categorical variable in a model takes at most "
              + MAX_LEVELS
              + " ("
              + way
              + ")");
    }

    /**
     * New data's event column read with the development coding where its own values leave the
     * coding open: a numeric column holding only 1 is all events as 0/1 but all censored as 1/2
     * (R's Surv decides by the maximum), so it follows the development data; a coding that
     * genuinely differs is kept and reported.
     */
    private EventStatus asTemplateCoding(String column, EventStatus events) {
      EventCode dev = template.eventCoding;
      if (dev == null || dev == events.code()) {
        return events;
      }
      int[] st = events.status();
      if (dev == EventCode.ONE_TWO
          && events.code() == EventCode.ZERO_ONE
          && table.column(column) instanceof NumericColumn) {
        boolean onlyOnes = true;
        for (int v : st) {
          onlyOnes &= v != 0; // 0/1 reading: status 0 means the value 0 occurs
        }
        if (onlyOnes) {
          int[] censored = st.clone();
          for (int i = 0; i < censored.length; i++) {
            if (censored[i] == 1) {
              censored[i] = 0;
            }
          }
          warnings.add(
              "event column \""
                  + column
                  + "\" holds only the value 1: read as in the development"
                  + " data "
                  + template.source
                  + ", "
                  + dev.description()
                  + ", so every row is censored");
          return new EventStatus(censored, dev);
        }
      }
      warnings.add(
          "event column \""
              + column
              + "\" is coded "
              + events.code().description()
              + " here but "
              + dev.description()
              + " in the development data "
              + template.source
              + "; each file is read by"
              + " its own coding");
      return events;
    }

    private NumericColumn numeric(String name, String role) {
      Column c = table.column(name);
      if (c instanceof NumericColumn num) {
        return num;
      }
      CategoricalColumn cat = (CategoricalColumn) c;
      for (int i = 0; i < cat.size(); i++) {
        String label = cat.label(i);
        if (label != null && Double.isNaN(DecimalText.parse(label))) {
          String hint = decimalCommaHint(label);
          throw new InputException(
              source,
              i + 1,
              name,
              "column \""
                  + name
                  + "\" must be numeric ("
                  + role
                  + "), but row "
                  + (i + 1)
                  + " has \""
                  + label
                  + "\""
                  + hint);
        }
      }
      throw new InputException(
          source, null, name, "column \"" + name + "\" must be numeric (" + role + ")");
    }

    private static void markMissing(Column c, boolean[] missing) {
      if (c instanceof NumericColumn num) {
        for (int i = 0; i < missing.length; i++) {
          if (Double.isNaN(num.value(i))) {
            missing[i] = true;
          }
        }
      } else {
        CategoricalColumn cat = (CategoricalColumn) c;
        for (int i = 0; i < missing.length; i++) {
          if (cat.code(i) < 0) {
            missing[i] = true;
          }
        }
      }
    }

    private void checkReferenceNames(List<Term> covariates, Factor[] factors, Factor yFactor) {
      List<String> categorical = new ArrayList<>();
      for (int j = 0; j < covariates.size(); j++) {
        if (factors[j] != null) {
          categorical.add(covariates.get(j).variable());
        }
      }
      if (yFactor != null) {
        categorical.add(((VariableResponse) formula.response()).name());
      }
      for (String name : referenceLevels.keySet()) {
        if (categorical.contains(name)) {
          continue;
        }
        boolean numericTerm = covariates.stream().anyMatch(t -> t.variable().equals(name));
        String detail =
            numericTerm
                ? "a reference level was given for \""
                    + name
                    + "\", which is numeric; write factor("
                    + Formula.quote(name)
                    + ") in the formula to treat it as categorical"
                : "a reference level was given for \""
                    + name
                    + "\", which is not a categorical variable of "
                    + formula
                    + (categorical.isEmpty()
                        ? " (it has none)"
                        : "; categorical variables: " + String.join(", ", categorical));
        throw new InputException(source, null, name, detail);
      }
    }

    /** Why a level can have no rows: missing values, and for a subset frame the rows outside it. */
    private String whereEmpty() {
      return include == null
          ? "after dropping rows with missing values"
          : "in the selected rows (e.g. the development part of a split) without missing values";
    }

    /** Restricts to kept rows, drops empty levels (warning), applies the reference level. */
    private void prepareFactor(String name, Factor f, int[] keptIndex, boolean isResponse) {
      List<String> allLevels = f.levels;
      double[] allValues = f.levelValues;
      String ref = referenceLevels.get(name);
      if (ref != null) {
        Factor probe = new Factor(null, allLevels, allValues);
        if (probe.find(ref) < 0) {
          throw new InputException(
              source,
              null,
              name,
              "\""
                  + ref
                  + "\" is not a level of \""
                  + name
                  + "\"; levels are: "
                  + String.join(", ", allLevels));
        }
        ref = allLevels.get(probe.find(ref));
      }
      List<String> dropped = f.keep(keptIndex);
      for (String level : dropped) {
        warnings.add(
            "level \""
                + level
                + "\" of \""
                + name
                + "\" has no rows "
                + whereEmpty()
                + "; it was dropped");
      }
      if (ref != null) {
        int k = f.levels.indexOf(ref);
        if (k < 0) {
          throw new InputException(
              source,
              null,
              name,
              "the reference level \""
                  + ref
                  + "\" of \""
                  + name
                  + "\" has no rows "
                  + whereEmpty()
                  + "; levels left: "
                  + String.join(", ", f.levels));
        }
        f.relevel(k);
      }
      if (!isResponse && f.levels.size() == 1) {
        warnings.add(
            "\""
                + name
                + "\" has a single level (\""
                + f.levels.get(0)
                + "\") in the rows used; it adds no design column");
      }
    }

    /**
     * Maps each kept row's level onto {@code levels} (the template's order); an unseen level is an
     * error.
     */
    private void recode(String name, Factor f, List<String> levels, int[] keptIndex) {
      int[] map = new int[f.levels.size()];
      for (int k = 0; k < map.length; k++) {
        map[k] = levels.indexOf(f.levels.get(k));
      }
      int[] codes = new int[keptIndex.length];
      for (int i = 0; i < keptIndex.length; i++) {
        int code = map[f.codes[keptIndex[i]]];
        if (code < 0) {
          throw new InputException(
              source,
              keptIndex[i] + 1,
              name,
              "level \""
                  + f.levels.get(f.codes[keptIndex[i]])
                  + "\" of \""
                  + name
                  + "\" does not occur in the development data "
                  + template.source
                  + " (levels there: "
                  + String.join(", ", levels)
                  + "); the model has no coefficient for it");
        }
        codes[i] = code;
      }
      f.codes = codes;
      f.levels = levels;
      f.levelValues = null;
    }

    /** The hint added when a non-number looks like a number written with a decimal comma. */
    private static String decimalCommaHint(String label) {
      return DECIMAL_COMMA.matcher(label).matches()
          ? " (a decimal comma? write numbers with a decimal point)"
          : "";
    }

    /**
     * A column numeric in the template but not here: names the first row whose value is not a
     * number.
     */
    private InputException notNumericAsInTemplate(String name, int[] keptIndex) {
      Column c = table.column(name);
      if (c instanceof CategoricalColumn cat) {
        for (int i : keptIndex) {
          String label = cat.label(i);
          if (label != null && Double.isNaN(DecimalText.parse(label))) {
            String hint = decimalCommaHint(label);
            return new InputException(
                source,
                i + 1,
                name,
                "column \""
                    + name
                    + "\" must be numeric, as in"
                    + " the development data "
                    + template.source
                    + ", but row "
                    + (i + 1)
                    + " has \""
                    + label
                    + "\""
                    + hint);
          }
        }
      }
      return new InputException(
          source,
          null,
          name,
          "column \"" + name + "\" must be numeric, as in the development data " + template.source);
    }

    /**
     * Codes each main effect once (levels, or knots placed on this data; for new data the
     * template's) and builds every term's columns from them.
     */
    private void design(
        List<Term> covariates,
        List<Term> bases,
        Factor[] factors,
        NumericColumn[] numerics,
        int[] keptIndex) {
      int kept = keptIndex.length;
      Map<Term, Block> blocks = new java.util.HashMap<>();
      for (int j = 0; j < bases.size(); j++) {
        Term base = bases.get(j);
        String name = base.variable();
        Coding tc = template == null ? null : template.codings.get(base);
        if (template != null && tc == null) {
          throw new IllegalStateException("the template has no coding of " + base);
        }
        boolean categorical = tc != null ? tc.levels() != null : factors[j] != null;
        if (categorical) {
          Factor f = factors[j] != null ? factors[j] : Factor.of(table.column(name));
          if (tc != null) {
            recode(name, f, tc.levels(), keptIndex);
          } else {
            prepareFactor(name, f, keptIndex, false);
          }
          codings.put(base, new Coding(f.levels, null));
          blocks.put(base, Block.factor(name, f.levels, f.codes));
          continue;
        }
        if (numerics[j] == null) {
          throw notNumericAsInTemplate(name, keptIndex);
        }
        double[] x = new double[kept];
        for (int k = 0; k < kept; k++) {
          x[k] = numerics[j].value(keptIndex[k]);
        }
        if (base.kind() != TermKind.SPLINE) {
          codings.put(base, new Coding(null, null));
          blocks.put(base, Block.numeric(name, x));
          continue;
        }
        double[] knots;
        if (tc != null) {
          knots = tc.knots();
        } else if (!base.knots().isEmpty()) {
          knots = base.knots().stream().mapToDouble(Double::doubleValue).toArray();
        } else {
          knots = placeKnots(base, numerics[j]);
        }
        codings.put(base, new Coding(null, knots));
        blocks.put(base, Block.spline(name, x, knots));
      }
      List<double[]> columns = new ArrayList<>();
      List<String> names = new ArrayList<>();
      List<Integer> assign = new ArrayList<>();
      for (int j = 0; j < covariates.size(); j++) {
        Term term = covariates.get(j);
        int first = columns.size();
        if (term.kind() != TermKind.INTERACTION) {
          Block b = blocks.get(term);
          b.addContrasts(columns, names);
          for (int c = first; c < columns.size(); c++) {
            assign.add(j);
          }
          Coding coding = codings.get(term);
          List<Double> knotList = new ArrayList<>();
          if (coding.knots() != null) {
            for (double v : coding.knots()) {
              knotList.add(v);
            }
          }
          variables.add(
              b.levels == null
                  ? new Variable(
                      term.variable(),
                      term.kind(),
                      false,
                      List.of(),
                      null,
                      first,
                      columns.size() - first,
                      null,
                      knotList)
                  : new Variable(
                      term.variable(),
                      term.kind(),
                      true,
                      b.levels,
                      b.levels.get(0),
                      first,
                      columns.size() - first,
                      b.codes,
                      List.of()));
          continue;
        }
        // R's model.matrix: the first component varies fastest; a factor is coded by contrasts
        // when the term without it is in the model (or is empty), else by one column per level
        List<double[]> cols = new ArrayList<>();
        List<String> colNames = new ArrayList<>();
        cols.add(null);
        colNames.add(null);
        List<String> labels = new ArrayList<>();
        for (Term c : term.components()) {
          Block b = blocks.get(c);
          labels.add(c.variable());
          List<double[]> bc = new ArrayList<>();
          List<String> bn = new ArrayList<>();
          if (b.levels != null && !marginPresent(covariates, term, c)) {
            b.addFull(bc, bn);
          } else {
            b.addContrasts(bc, bn);
          }
          List<double[]> nextCols = new ArrayList<>();
          List<String> nextNames = new ArrayList<>();
          for (int q = 0; q < bc.size(); q++) {
            for (int p = 0; p < cols.size(); p++) {
              double[] a = cols.get(p);
              double[] v = bc.get(q);
              double[] prod = new double[kept];
              for (int k = 0; k < kept; k++) {
                prod[k] = a == null ? v[k] : a[k] * v[k];
              }
              nextCols.add(prod);
              nextNames.add(
                  colNames.get(p) == null ? bn.get(q) : colNames.get(p) + " * " + bn.get(q));
            }
          }
          cols = nextCols;
          colNames = nextNames;
        }
        columns.addAll(cols);
        names.addAll(colNames);
        for (int c = 0; c < cols.size(); c++) {
          assign.add(j);
        }
        variables.add(
            new Variable(
                String.join(":", labels),
                TermKind.INTERACTION,
                false,
                List.of(),
                null,
                first,
                cols.size(),
                null,
                List.of()));
      }
      int[] assignArray = assign.stream().mapToInt(Integer::intValue).toArray();
      design = new DesignMatrix(columns.toArray(new double[0][]), names, assignArray, kept);
    }

    /** Whether the interaction without {@code component} is a term of the model, or empty. */
    private static boolean marginPresent(List<Term> covariates, Term interaction, Term component) {
      List<Term> rest = new ArrayList<>(interaction.components());
      rest.remove(component);
      if (rest.isEmpty()) {
        return true;
      }
      java.util.Set<Term> want = new java.util.HashSet<>(rest);
      for (Term t : covariates) {
        if (t.mainEffects().size() == rest.size()
            && want.equals(new java.util.HashSet<>(t.mainEffects()))) {
          return true;
        }
      }
      return false;
    }

    /**
     * Knots at rms's default quantiles of the column's non-missing values in the rows considered
     * (before rows missing another variable are dropped, as R evaluates {@code rcs()} in {@code
     * model.frame} before {@code na.omit}).
     */
    private double[] placeKnots(Term spline, NumericColumn column) {
      int n = column.size();
      double[] values = new double[n];
      int m = 0;
      for (int i = 0; i < n; i++) {
        double v = column.value(i);
        if (!Double.isNaN(v) && (include == null || include[i])) {
          values[m++] = v;
        }
      }
      try {
        return SplineKnots.place(Arrays.copyOf(values, m), spline.knotCount(), warnings, spline);
      } catch (IllegalArgumentException e) {
        throw new InputException(source, null, spline.variable(), e.getMessage());
      }
    }

    private void buildStrata(List<String> names, Factor[] factors, int[] keptIndex) {
      if (names.isEmpty()) {
        return;
      }
      int kept = keptIndex.length;
      for (int j = 0; j < factors.length; j++) {
        List<String> dropped = factors[j].keep(keptIndex);
        for (String level : dropped) {
          warnings.add(
              "stratum level \""
                  + level
                  + "\" of \""
                  + names.get(j)
                  + "\" has no rows "
                  + whereEmpty()
                  + "; it was dropped");
        }
      }
      // mixed-radix key, first variable most significant: sorting keys orders strata as R's
      // strata()
      long[] keys = new long[kept];
      for (int k = 0; k < kept; k++) {
        long key = 0;
        for (Factor f : factors) {
          key = Math.multiplyExact(key, f.levels.size()) + f.codes[k];
        }
        keys[k] = key;
      }
      long[] distinct = distinctSorted(keys);
      strata = new int[kept];
      for (int k = 0; k < kept; k++) {
        strata[k] = Arrays.binarySearch(distinct, keys[k]);
      }
      Map<Long, String> labels = new LinkedHashMap<>();
      for (long key : distinct) {
        String[] parts = new String[factors.length];
        long rest = key;
        for (int j = factors.length - 1; j >= 0; j--) {
          int size = factors[j].levels.size();
          parts[j] = names.get(j) + "=" + factors[j].levels.get((int) (rest % size));
          rest /= size;
        }
        labels.put(key, String.join(", ", parts));
      }
      strataLabels = new ArrayList<>(labels.values());
    }
  }
}
