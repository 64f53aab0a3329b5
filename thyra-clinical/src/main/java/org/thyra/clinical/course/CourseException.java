package org.thyra.clinical.course;

/**
 * A patient's course that cannot be true (death before diagnosis, an assessment after death, a
 * negative size, ...) or that lacks what a derivation needs. The message names the patient, the
 * entry and why.
 */
public final class CourseException extends IllegalArgumentException {

  private final String patientId;
  private final String entry;

  public CourseException(String patientId, String entry, String why) {
    this(patientId, entry, "patient " + patientId + ", " + entry + ": " + why, null);
  }

  private CourseException(String patientId, String entry, String message, Void unused) {
    super(message);
    this.patientId = patientId;
    this.entry = entry;
  }

  /** A course file that cannot be read: names the file and the JSON path. */
  public static CourseException format(String source, String path, String why) {
    return new CourseException(null, path, source + ": " + path + ": " + why, null);
  }

  /** The patient whose course is inconsistent ({@code null} for a file that could not be read). */
  public String patientId() {
    return patientId;
  }

  /** The entry at fault, e.g. {@code raiCourses[2] (2019-05-01)}. */
  public String entry() {
    return entry;
  }
}
