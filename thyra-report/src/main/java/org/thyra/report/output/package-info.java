/** Rendering of results: text laid out like R's printout, JSON and CSV; atomic file output. */
package org.thyra.report.output;
