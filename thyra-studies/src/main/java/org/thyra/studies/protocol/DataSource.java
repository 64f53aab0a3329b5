package org.thyra.studies.protocol;

import java.util.List;

/**
 * Where the study's rows come from: a CSV/XLSX file (relative to the protocol file), or a registry
 * whose analysis frame ({@code thyra registry export}) the study reads. {@code thyra study run
 * --data F} or {@code --registry R} overrides it.
 *
 * @param file the table file, or null when given on the command line
 * @param registry a registry location (a directory or a {@code jdbc:postgresql://} URL), or null
 * @param unit what one row is, e.g. {@code patient} (for the flow chart and methods; from a
 *     registry also the export's unit: {@code patient}, {@code lesion}, {@code rai-course})
 * @param derive from a registry: the derived facts exported as columns ({@code ajcc8-stage}, {@code
 *     rair}, ...; as {@code thyra registry export --derive})
 * @param endpoints from a registry: the endpoints exported as columns ({@code os}, {@code
 *     pfs:origin=first-rai}, ...; as {@code thyra registry export --endpoint})
 */
public record DataSource(
    String file, String registry, String unit, List<String> derive, List<String> endpoints) {

  public DataSource {
    derive = derive == null ? List.of() : List.copyOf(derive);
    endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
  }
}
