package org.thyra.clinical.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.thyra.clinical.AtaEdition;
import org.thyra.clinical.Derived;
import org.thyra.clinical.course.ExtrathyroidalExtension;
import org.thyra.clinical.response.InitialTherapy;
import org.thyra.clinical.response.RecistResponse;

/**
 * Every clinical rule {@code thyra derive} can apply to a table, with its input roles, parameters
 * and output columns. Each entry only reads cells and calls the concept class that holds the
 * guideline logic (and its documented boundaries).
 *
 * <p>Coded outputs are lower case ({@code low}, {@code synchronous}, {@code no_avidity}); staging
 * and RECIST keep their conventional labels ({@code T1a}, {@code IVB}, {@code PR}, {@code
 * non-CR/non-PD}). An empty output cell means the rule could not decide; the reason says why.
 */
public final class RuleRegistry {

  /** Built on first use, after every constant the rules refer to (initialisation order). */
  private static final class All {
    static final List<Rule> RULES = build();
  }

  private RuleRegistry() {}

  /** Every rule, in a stable order. */
  public static List<Rule> all() {
    return All.RULES;
  }

  /** The rule with this name. */
  public static Optional<Rule> find(String name) {
    return All.RULES.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /** The rule with this name, or an exception listing the names. */
  public static Rule get(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown rule '"
                        + name
                        + "'; rules: "
                        + All.RULES.stream().map(Rule::name).collect(Collectors.joining(", "))));
  }

  static final String ATA = "Haugen BR et al., 2015 ATA guidelines, Thyroid 2016;26:1–133";
  static final String ATA_2025 =
      "Ringel MD et al., 2025 ATA guidelines, Thyroid 2025;35(8):841–985";
  static final Parameter EDITION =
      new Parameter(
          "edition",
          "2015",
          "ATA edition: 2015 (Haugen 2016) or 2025 (Ringel 2025; only the parts a readable source"
              + " states)");
  static final String RECIST = "Eisenhauer EA et al., RECIST 1.1, Eur J Cancer 2009;45:228–247";
  static final String EXT =
      "extension: none, microscopic, gross_strap_muscles, gross_major_structures, gross_prevertebral_or_vessels";

  private static List<Rule> build() {
    List<Rule> r = new ArrayList<>();
    // --- staging
    r.addAll(StagingAdapter.tableRules());
    // --- risk and response
    r.add(AtaRiskAdapter.tableRule());
    r.add(AtaResponseAdapter.tableRule());
    r.add(TgResponseAdapter.tableRule());
    r.addAll(RecistAdapter.tableRules());
    // --- refractory
    r.addAll(RairAdapter.tableRules());
    // --- course timing
    r.addAll(TimingAdapter.tableRules());
    // --- lesions and ablation
    r.addAll(VolumeAdapter.tableRules());
    r.addAll(AblationAdapter.tableRules());
    // --- distant metastases
    r.add(LocalTreatmentAdapter.tableRule());
    // --- comorbidity, performance, units
    r.addAll(ComorbidityAdapter.tableRules());
    r.addAll(UnitsAdapter.tableRules());
    return List.copyOf(r);
  }

  // ---------------------------------------------------------------- cell readers

  static double age(Row row) {
    Double a = row.nonNegative("age");
    return a;
  }

  static ExtrathyroidalExtension extension(Row row) {
    String t = row.text("extension");
    if (t == null) {
      return null;
    }
    switch (t.toLowerCase(Locale.ROOT)) {
      case "minimal":
        return ExtrathyroidalExtension.MICROSCOPIC;
      case "strap":
        return ExtrathyroidalExtension.GROSS_STRAP_MUSCLES;
      case "no":
        return ExtrathyroidalExtension.NONE;
      default:
        return row.choice("extension", ExtrathyroidalExtension.class);
    }
  }

  static int checkedCount(String role, int value, Row row) {
    if (value < 0) {
      throw new RuleInputException(role, row.text(role), "must not be negative");
    }
    return value;
  }

  static Integer positiveCount(Row row, String role) {
    Integer n = row.integer(role);
    if (n != null && n < 1) {
      throw new RuleInputException(role, row.text(role), "must be 1 or more");
    }
    return n;
  }

  static Integer nonNegativeCount(Row row, String role) {
    Integer n = row.integer(role);
    if (n != null && n < 0) {
      throw new RuleInputException(role, row.text(role), "must not be negative");
    }
    return n;
  }

  static int parameterCount(Map<String, String> p, String name, int min) {
    try {
      int v = Integer.parseInt(p.get(name).trim());
      if (v < min) {
        throw new RuleParameterException(name, p.get(name), "must be a whole number ≥ " + min);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new RuleParameterException(name, p.get(name), "must be a whole number ≥ " + min);
    }
  }

  static BigDecimal nonNegativeDecimal(Row row, String role) {
    BigDecimal d = row.decimal(role);
    if (d.signum() < 0) {
      throw new RuleInputException(role, row.text(role), "must not be negative");
    }
    return d;
  }

  static RecistResponse recistCategory(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT).replace(" ", "");
    if (t.equals("NON-CR/NON-PD") || t.equals("NON_CR_NON_PD") || t.equals("NONCR/NONPD")) {
      return RecistResponse.NON_CR_NON_PD;
    }
    return RecistResponse.valueOf(t);
  }

  static Derived<?> guarded(String role, Row row, java.util.function.Supplier<Derived<?>> f) {
    try {
      return f.get();
    } catch (IllegalArgumentException e) {
      throw new RuleInputException(role, row.text(role), "is not valid: " + e.getMessage());
    }
  }

  // ---------------------------------------------------------------- parameters and output

  static BigDecimal parameterDecimal(Map<String, String> p, String name) {
    try {
      return new BigDecimal(p.get(name).trim());
    } catch (NumberFormatException e) {
      throw new RuleParameterException(name, p.get(name), "must be a number");
    }
  }

  static boolean parameterBoolean(Map<String, String> p, String name) {
    String v = p.get(name).trim().toLowerCase(Locale.ROOT);
    if (v.equals("true") || v.equals("yes")) {
      return true;
    }
    if (v.equals("false") || v.equals("no")) {
      return false;
    }
    throw new RuleParameterException(name, p.get(name), "must be true or false");
  }

  static <E extends Enum<E>> E parameterEnum(Map<String, String> p, String name, Class<E> type) {
    String v = p.get(name).trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(v)) {
        return e;
      }
    }
    throw new RuleParameterException(
        name,
        p.get(name),
        "must be one of "
            + java.util.Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ")));
  }

  static AtaEdition edition(Map<String, String> p) {
    return param(p, "edition", AtaEdition::parse);
  }

  static InitialTherapy parameterTherapy(Map<String, String> p) {
    return param(p, "treatment", InitialTherapy::parse);
  }

  /**
   * A parameter read by a parser; its IllegalArgumentException becomes a {@link
   * RuleParameterException}.
   */
  static <T> T param(
      Map<String, String> p, String name, java.util.function.Function<String, T> parser) {
    try {
      return parser.apply(p.get(name));
    } catch (RuleParameterException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      String msg = String.valueOf(e.getMessage());
      String prefix = "'" + p.get(name) + "' ";
      throw new RuleParameterException(
          name, p.get(name), msg.startsWith(prefix) ? msg.substring(prefix.length()) : msg);
    }
  }

  static RuleOutput lower(String column, Derived<?> d) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put(column, d.value() == null ? "" : d.value().toString().toLowerCase(Locale.ROOT));
    return new RuleOutput(v, TableRule.reason(d), d.method());
  }

  static RuleOutput recist(String column, Derived<RecistResponse> d) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put(column, d.value() == null ? "" : d.value().label());
    return new RuleOutput(v, TableRule.reason(d), d.method());
  }

  /** A double with up to 10 significant digits, no exponent for ordinary magnitudes. */
  static String number(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    return plain(new BigDecimal(v).round(new MathContext(10)));
  }

  static String plain(BigDecimal v) {
    String s = v.round(new MathContext(12)).stripTrailingZeros().toPlainString();
    return s.equals("-0") ? "0" : s;
  }
}
