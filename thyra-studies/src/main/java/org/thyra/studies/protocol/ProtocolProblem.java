package org.thyra.studies.protocol;

/**
 * One problem of a protocol, located in its YAML file (1-based line and column; 0 when the file as
 * a whole is meant).
 *
 * @param file the protocol file as the user named it
 * @param line 1-based line
 * @param column 1-based column
 * @param path the key path, e.g. {@code analyses[2].time}
 * @param message what is wrong, in the user's words
 */
public record ProtocolProblem(String file, int line, int column, String path, String message) {

  /** {@code FILE:LINE:COLUMN: PATH: MESSAGE}, the form editors jump to. */
  @Override
  public String toString() {
    String where = line > 0 ? file + ":" + line + ":" + column : file;
    return where + ": " + (path == null || path.isEmpty() ? "" : path + ": ") + message;
  }
}
