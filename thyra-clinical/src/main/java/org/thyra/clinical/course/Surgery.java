package org.thyra.clinical.course;

import java.time.LocalDate;

/**
 * One operation.
 *
 * @param date date of surgery
 * @param type kind of surgery
 * @param completeResection all macroscopic tumour removed ({@code null} not recorded)
 * @param note free text
 */
public record Surgery(LocalDate date, SurgeryType type, Boolean completeResection, String note) {}
