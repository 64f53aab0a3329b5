/**
 * The immutable model of a patient's course ({@link org.thyra.clinical.course.PatientCourse}), its
 * validation ({@link org.thyra.clinical.course.CourseException}), its JSON format ({@link
 * org.thyra.clinical.course.CourseJson}), and the course-timing rules: synchronous vs metachronous
 * metastasis, local recurrence vs persistent disease.
 */
package org.thyra.clinical.course;
