/**
 * All-or-nothing import of course JSON files and of flat CSV/XLSX tables (one kind of entry per
 * file, described by a mapping file), with a dry run that reports every change and every problem.
 */
package org.thyra.registry.imports;
