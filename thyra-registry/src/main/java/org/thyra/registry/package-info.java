/**
 * The registry (issue 14, SPEC §3): patients' courses stored relationally in an embedded H2 file
 * database or in PostgreSQL, with Flyway migrations, an append-only audit trail, all-or-nothing
 * imports, data-quality checks and the analysis-frame export.
 */
package org.thyra.registry;
