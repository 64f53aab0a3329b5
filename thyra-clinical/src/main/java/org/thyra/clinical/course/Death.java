package org.thyra.clinical.course;

import java.time.LocalDate;

/**
 * Death.
 *
 * @param date date of death
 * @param cause cause
 */
public record Death(LocalDate date, DeathCause cause) {}
