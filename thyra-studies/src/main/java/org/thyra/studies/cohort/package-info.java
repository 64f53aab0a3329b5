/**
 * The study cohort: derived columns appended to the data table, then the protocol's inclusion and
 * exclusion steps applied in order, each step's count kept for the flow chart.
 */
package org.thyra.studies.cohort;
