/**
 * {@code thyra study list|check|run}, {@code thyra synth} and {@code thyra demo}: the command line
 * of the study runner (thyra-studies). Options are parsed here; everything else is in the module.
 */
package org.thyra.app.study;
