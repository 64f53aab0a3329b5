/**
 * Documents (SPEC §3): a report model — sections, paragraphs, numbered tables ({@link
 * org.thyra.report.output.TableLayout}) and figures (SVG documents) — written as self-contained
 * HTML with inline SVG, as PDF (openhtmltopdf, vector figures, embedded Liberation Sans) and as
 * Word (editable tables, figures inside).
 */
package org.thyra.report.document;
