package org.thyra.web.patient;

/**
 * A search of the patient list.
 *
 * @param text part of the pseudonymous id (case-insensitive), or empty
 * @param site only this site, or {@code null}
 * @param histology only this histology (enum name), or {@code null}
 * @param limit at most this many rows
 */
public record PatientQuery(String text, String site, String histology, int limit) {
  public PatientQuery {
    text = text == null ? "" : text.strip();
    site = site == null || site.isBlank() ? null : site;
    histology = histology == null || histology.isBlank() ? null : histology;
  }
}
