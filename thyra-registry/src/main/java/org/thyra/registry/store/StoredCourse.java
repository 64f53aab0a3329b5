package org.thyra.registry.store;

import org.thyra.clinical.course.PatientCourse;

/**
 * A course as the registry holds it.
 *
 * @param site the site (data access group) the patient belongs to
 * @param version the optimistic-lock version (1 after the first save, +1 on every change)
 * @param course the course
 */
public record StoredCourse(String site, int version, PatientCourse course) {}
