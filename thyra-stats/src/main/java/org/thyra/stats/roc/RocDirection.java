package org.thyra.stats.roc;

/** Which way the marker points, as pROC's {@code direction}. */
public enum RocDirection {
  /** Choose by medians: {@link #CONTROLS_LOWER} when median(controls) &lt;= median(cases). */
  AUTO("auto"),
  /**
   * pROC {@code "<"}: controls have lower values; a case is predicted when marker &gt;= threshold.
   */
  CONTROLS_LOWER("<"),
  /**
   * pROC {@code ">"}: controls have higher values; a case is predicted when marker &lt;= threshold.
   */
  CONTROLS_HIGHER(">");

  private final String symbol;

  RocDirection(String symbol) {
    this.symbol = symbol;
  }

  /** pROC's symbol: "&lt;", "&gt;" or "auto". */
  public String symbol() {
    return symbol;
  }
}
