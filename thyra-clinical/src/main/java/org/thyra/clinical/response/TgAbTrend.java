package org.thyra.clinical.response;

/** Anti-thyroglobulin antibody status at a response assessment. */
public enum TgAbTrend {
  /** TgAb undetectable (negative). */
  UNDETECTABLE,
  /** TgAb detectable and stable or declining. */
  STABLE_OR_DECLINING,
  /** TgAb detectable and rising. */
  RISING
}
