/**
 * The analysis frame: the registry's courses as one row per patient (or per lesion, or per RAI
 * course), with derived facts and endpoints as columns, written as CSV or XLSX for every analysis
 * command.
 */
package org.thyra.registry.export;
