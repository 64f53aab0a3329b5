/** The analysis frame: data input, typed columns, model formulas and design matrices. */
package org.thyra.frame;
