package org.thyra.frame;

/**
 * A decoded event column.
 *
 * @param status per row of the table: 1 event, 0 censored, -1 missing
 * @param code the coding found in the column
 */
public record EventStatus(int[] status, EventCode code) {}
