/** Values compared across the levels of a grouping column by rank tests. */
package org.thyra.analysis.comparison;
