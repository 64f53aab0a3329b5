package org.thyra.studies.protocol;

/**
 * Where the study's rows come from: a CSV/XLSX file (relative to the protocol file), or later the
 * registry. {@code thyra study run --data F} overrides the file.
 *
 * @param file the table file, or null when given on the command line
 * @param registry a registry location (reserved for the registry module)
 * @param unit what one row is, e.g. {@code patient} (for the flow chart and methods)
 */
public record DataSource(String file, String registry, String unit) {}
