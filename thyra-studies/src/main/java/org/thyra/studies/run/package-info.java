/**
 * The study runner ({@code thyra study run}): the protocol's cohort, its analyses through the
 * statistics layer, and the report folder — report.html/pdf/docx, results.json, protocol.lock.yaml
 * — written to a temporary sibling and moved into place only when complete.
 */
package org.thyra.studies.run;
