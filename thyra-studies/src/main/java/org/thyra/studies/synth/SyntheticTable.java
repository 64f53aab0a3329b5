package org.thyra.studies.synth;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A synthetic cohort as columns of text, written as CSV (comma separated, header row, empty cell =
 * missing). Numbers are written with a fixed number of decimals so files compare byte for byte.
 */
public final class SyntheticTable {
  private final List<String> names = new ArrayList<>();
  private final List<String[]> columns = new ArrayList<>();
  private final int rows;

  SyntheticTable(int rows) {
    this.rows = rows;
  }

  void text(String name, String[] values) {
    names.add(name);
    columns.add(values);
  }

  void number(String name, double[] values, int decimals) {
    String[] s = new String[rows];
    for (int i = 0; i < rows; i++) {
      s[i] =
          Double.isNaN(values[i])
              ? null
              : String.format(Locale.ROOT, "%." + decimals + "f", values[i]);
    }
    text(name, s);
  }

  void integer(String name, int[] values) {
    String[] s = new String[rows];
    for (int i = 0; i < rows; i++) {
      s[i] = values[i] < 0 ? null : Integer.toString(values[i]);
    }
    text(name, s);
  }

  /** The column names. */
  public List<String> names() {
    return List.copyOf(names);
  }

  /** Number of rows. */
  public int rows() {
    return rows;
  }

  /** The cell of a column by name (null = missing). */
  public String cell(String column, int row) {
    return columns.get(names.indexOf(column))[row];
  }

  /**
   * The registry's flat-import mapping of this cohort (JSON, {@code thyra registry import}'s
   * mapping file): one patient per row (the cohort's own patient ids, else the row number after
   * {@code idPrefix}), every column a recorded study variable. The cohorts are study tables, not
   * courses (no dates, labs or imaging): the diagnosis date is a placeholder, and a study reads the
   * variables back through the export's recorded columns ({@code study run --registry}).
   *
   * @param idPrefix the patient id prefix when the cohort has no {@code patient} column
   */
  public String registryMapping(String idPrefix) {
    com.fasterxml.jackson.databind.node.ObjectNode m =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    m.put("kind", "patients");
    if (names.contains("patient")) {
      m.put("patientId", "patient"); // the cohorts' own zero-padded ids, unique across designs
    } else {
      m.put("patientIdFromRow", idPrefix);
    }
    com.fasterxml.jackson.databind.node.ObjectNode cols = m.putObject("columns");
    for (String name : names) {
      cols.put("recorded." + name, name);
    }
    m.putObject("constants").put("diagnosisDate", "2000-01-01");
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper()
          .writerWithDefaultPrettyPrinter()
          .writeValueAsString(m);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the table as CSV. */
  public void writeCsv(Writer out) throws IOException {
    out.write(String.join(",", names));
    out.write('\n');
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns.size(); c++) {
        if (c > 0) {
          out.write(',');
        }
        String v = columns.get(c)[r];
        if (v != null) {
          out.write(v.contains(",") || v.contains("\"") ? '"' + v.replace("\"", "\"\"") + '"' : v);
        }
      }
      out.write('\n');
    }
  }
}
