package org.thyra.web.entry;

import java.util.Arrays;
import java.util.List;

/**
 * One input of an entry form, bound to a course-JSON path relative to the entry ({@code date},
 * {@code activity.value}).
 *
 * @param path dotted JSON path; also the form field's name
 * @param label what the person reads
 * @param type how the text is read
 * @param options allowed values of a choice or list (enum names), else empty
 * @param required true when the entry cannot be saved without it
 * @param hint unit or format shown beside the label, or empty
 */
public record Field(
    String path, String label, Type type, List<String> options, boolean required, String hint) {

  /** How the submitted text is read. */
  public enum Type {
    /** ISO date yyyy-MM-dd. */
    DATE,
    /** Decimal number. */
    NUMBER,
    /** Whole number. */
    INTEGER,
    /** Free text. */
    TEXT,
    /** One of {@link #options}. */
    CHOICE,
    /** A checkbox (absent = false). */
    CHECKBOX,
    /** yes / no / not recorded. */
    YES_NO,
    /** Comma-separated list, of {@link #options} when given. */
    LIST
  }

  static Field date(String path, String label, boolean required) {
    return new Field(path, label, Type.DATE, List.of(), required, "yyyy-mm-dd");
  }

  static Field number(String path, String label, String unit) {
    return new Field(path, label, Type.NUMBER, List.of(), false, unit);
  }

  static Field integer(String path, String label) {
    return new Field(path, label, Type.INTEGER, List.of(), false, "");
  }

  static Field text(String path, String label, boolean required) {
    return new Field(path, label, Type.TEXT, List.of(), required, "");
  }

  static Field choice(String path, String label, Class<? extends Enum<?>> e, boolean required) {
    return new Field(path, label, Type.CHOICE, names(e), required, "");
  }

  static Field choice(String path, String label, List<String> options, boolean required) {
    return new Field(path, label, Type.CHOICE, options, required, "");
  }

  static Field checkbox(String path, String label) {
    return new Field(path, label, Type.CHECKBOX, List.of(), false, "");
  }

  static Field yesNo(String path, String label) {
    return new Field(path, label, Type.YES_NO, List.of(), false, "");
  }

  static Field list(String path, String label, Class<? extends Enum<?>> e) {
    return new Field(
        path, label, Type.LIST, e == null ? List.of() : names(e), false, "comma-separated");
  }

  private static List<String> names(Class<? extends Enum<?>> e) {
    return Arrays.stream(e.getEnumConstants()).map(Enum::name).toList();
  }

  /** The HTML id of the input (dots are not valid in CSS selectors without escaping). */
  public String inputId() {
    return "f-" + path.replace('.', '-');
  }

  /** Human-readable label of an option: {@code TOTAL_THYROIDECTOMY} → "total thyroidectomy". */
  public static String optionLabel(String option) {
    if (!option.equals(option.toUpperCase(java.util.Locale.ROOT))) {
      return option; // a unit such as mCi keeps its case
    }
    return option.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
