package org.thyra.registry.export;

import java.util.List;
import org.thyra.clinical.endpoint.Origin;

/**
 * What to export.
 *
 * @param unit one row per patient, lesion or RAI course
 * @param derive rule names ({@code ajcc8-stage}, {@code ata-risk}, {@code rair}, ...) whose value
 *     becomes a column
 * @param endpoints endpoint specifications ({@code os}, {@code pfs:origin=first-ablation}, ...)
 * @param deidentified drop direct identifiers and turn dates into days from {@code dateOrigin}
 * @param dateOrigin the origin of the day intervals when de-identified
 * @param site only this site's patients, or {@code null} for all
 * @param recorded add the values the sources recorded ({@code recorded.NAME} of a flat import, e.g.
 *     a study's own variables) as columns named NAME
 */
public record ExportOptions(
    Unit unit,
    List<String> derive,
    List<String> endpoints,
    boolean deidentified,
    Origin dateOrigin,
    String site,
    boolean recorded) {

  /** Without the recorded values. */
  public ExportOptions(
      Unit unit,
      List<String> derive,
      List<String> endpoints,
      boolean deidentified,
      Origin dateOrigin,
      String site) {
    this(unit, derive, endpoints, deidentified, dateOrigin, site, false);
  }

  /** The unit of a row. */
  public enum Unit {
    PATIENT,
    LESION,
    RAI_COURSE
  }

  public ExportOptions {
    derive = derive == null ? List.of() : List.copyOf(derive);
    endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
    if (dateOrigin == null) {
      dateOrigin = Origin.DIAGNOSIS;
    }
  }

  /** One row per patient, nothing derived, identified. */
  public static ExportOptions patients() {
    return new ExportOptions(Unit.PATIENT, List.of(), List.of(), false, Origin.DIAGNOSIS, null);
  }
}
