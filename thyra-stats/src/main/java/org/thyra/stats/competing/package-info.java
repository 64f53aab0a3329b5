/**
 * Competing risks: Aalen–Johansen cumulative incidence with Gray's variance and Gray's k-sample
 * test ({@code cmprsk::cuminc}), and the Fine–Gray subdistribution hazards model ({@code
 * cmprsk::crr}).
 *
 * <p>Outcomes are coded as primitive arrays: {@code cause[i] = 0} for a censored row and {@code
 * 1..K} for the cause of failure; the caller maps its data's codes onto these.
 */
package org.thyra.stats.competing;
