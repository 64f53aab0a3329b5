/**
 * A course as rows: {@link org.thyra.registry.store.CourseRows} writes a {@code PatientCourse} to
 * one table per kind of entry and reads it back exactly; {@link
 * org.thyra.registry.store.CourseStore} adds the optimistic version check and the audit trail.
 */
package org.thyra.registry.store;
