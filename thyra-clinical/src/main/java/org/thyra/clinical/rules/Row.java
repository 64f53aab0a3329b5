package org.thyra.clinical.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * Typed access to one row's cells by role. Missing cells (absent, empty, {@code NA}, {@code .}, as
 * SPEC §5) read as {@code null}; unreadable cells throw {@link RuleInputException}.
 */
public final class Row {

  private final Map<String, String> cells;

  Row(Map<String, String> cells) {
    this.cells = cells;
  }

  /** True when the role's cell holds a value. */
  public boolean has(String role) {
    return !isMissing(cells.get(role));
  }

  /** SPEC §5 missing values: empty, {@code NA}, {@code .}. */
  public static boolean isMissing(String cell) {
    if (cell == null) {
      return true;
    }
    String t = cell.trim();
    return t.isEmpty() || t.equals("NA") || t.equals(".");
  }

  /** The trimmed text, or {@code null}. */
  public String text(String role) {
    return has(role) ? cells.get(role).trim() : null;
  }

  /** A decimal number, or {@code null}. */
  public BigDecimal decimal(String role) {
    String t = text(role);
    if (t == null) {
      return null;
    }
    try {
      return new BigDecimal(t);
    } catch (NumberFormatException e) {
      throw new RuleInputException(role, t, "is not a number");
    }
  }

  /** A number, or {@code null}. */
  public Double number(String role) {
    BigDecimal d = decimal(role);
    return d == null ? null : d.doubleValue();
  }

  /** A non-negative number, or {@code null}. */
  public Double nonNegative(String role) {
    Double d = number(role);
    if (d != null && d < 0) {
      throw new RuleInputException(role, text(role), "must not be negative");
    }
    return d;
  }

  /** A whole number, or {@code null}. */
  public Integer integer(String role) {
    BigDecimal d = decimal(role);
    if (d == null) {
      return null;
    }
    try {
      return d.intValueExact();
    } catch (ArithmeticException e) {
      throw new RuleInputException(role, text(role), "is not a whole number");
    }
  }

  /** A yes/no cell: 1/0, true/false, yes/no, y/n (any case), or {@code null}. */
  public Boolean flag(String role) {
    String t = text(role);
    if (t == null) {
      return null;
    }
    switch (t.toLowerCase(Locale.ROOT)) {
      case "1":
      case "true":
      case "yes":
      case "y":
        return true;
      case "0":
      case "false":
      case "no":
      case "n":
        return false;
      default:
        throw new RuleInputException(role, t, "is not yes/no (expected 1/0, true/false, yes/no)");
    }
  }

  /** A yes/no cell with a default for missing cells. */
  public boolean flag(String role, boolean missing) {
    Boolean b = flag(role);
    return b == null ? missing : b;
  }

  /**
   * Excel's day 0 (serial numbers count days from here; 1900 leap-year bug included from day 61).
   */
  private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

  /**
   * An ISO date (yyyy-MM-dd), or {@code null}. A whole number from 61 to 2958465 is read as an
   * Excel date serial (an XLSX date cell arrives as its serial), e.g. 42045 = 2015-02-10.
   */
  public LocalDate date(String role) {
    String t = text(role);
    if (t == null) {
      return null;
    }
    if (t.matches("\\d{2,7}")) {
      long serial = Long.parseLong(t);
      if (serial >= 61 && serial <= 2958465) {
        return EXCEL_EPOCH.plusDays(serial);
      }
    }
    try {
      return LocalDate.parse(t);
    } catch (DateTimeParseException e) {
      throw new RuleInputException(role, t, "is not a date (yyyy-MM-dd)");
    }
  }

  /** An enum constant by name, case-insensitive, with '-' and ' ' read as '_'; or {@code null}. */
  public <E extends Enum<E>> E choice(String role, Class<E> type) {
    String t = text(role);
    if (t == null) {
      return null;
    }
    String n = t.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(n)) {
        return e;
      }
    }
    StringBuilder allowed = new StringBuilder();
    for (E e : type.getEnumConstants()) {
      allowed.append(allowed.length() == 0 ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT));
    }
    throw new RuleInputException(role, t, "is not one of " + allowed);
  }

  /** Parses with a parser that throws IllegalArgumentException, re-thrown naming the role. */
  public <T> T parsed(String role, java.util.function.Function<String, T> parser) {
    String t = text(role);
    if (t == null) {
      return null;
    }
    try {
      return parser.apply(t);
    } catch (RuleInputException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      String msg = String.valueOf(e.getMessage());
      String prefix = "'" + t + "' ";
      throw new RuleInputException(
          role,
          t,
          msg.startsWith(prefix) ? msg.substring(prefix.length()) : "is not valid: " + msg);
    }
  }
}
