/** Numerical methods with no clinical knowledge. */
package org.thyra.stats;
