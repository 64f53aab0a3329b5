package org.thyra.report.output;

/** The output formats every analysis command offers (SPEC §5). */
public enum OutputFormat {
  /** Human-readable, laid out like R's printout. */
  TEXT,
  /** One JSON object with {@code method} and {@code warnings}. */
  JSON,
  /** One CSV table, the command's main table. */
  CSV
}
