package org.thyra.web.nomogram;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.thyra.frame.Column;
import org.thyra.frame.DataTable;
import org.thyra.frame.TableReader;
import org.thyra.studies.cohort.Cohort;
import org.thyra.studies.cohort.Derivations;
import org.thyra.studies.protocol.BundledProtocols;
import org.thyra.studies.protocol.Protocol;
import org.thyra.studies.synth.Design;

/**
 * Writes the training set of the bundled seed-004 study exactly as the study runner selects it (the
 * protocol's derivations, cohort steps and {@code set = training}), so that {@code thyra nomogram}
 * can fit the study's nomogram on it. Used once by {@code make-bundled-model.sh} to make the web
 * application's bundled model; not a test.
 *
 * <p>Arguments: the synthetic data file ({@code thyra synth --design nomogram}), the output CSV.
 */
public final class StudyTrainingSet {
  private StudyTrainingSet() {}

  public static void main(String[] args) throws Exception {
    Protocol p = BundledProtocols.of(Design.NOMOGRAM).read().protocol();
    // n_stage is "0", "1" or "x": categorical, as the protocol treats it
    DataTable derived =
        Derivations.apply(
            TableReader.read(
                Path.of(args[0]),
                null,
                org.thyra.frame.ReadOptions.DEFAULT.withCategorical(List.of("n_stage", "t_stage"))),
            p.derive());
    DataTable cohort = Cohort.select(derived, p.cohort()).table();
    List<String> names = cohort.columnNames();
    try (PrintWriter w =
        new PrintWriter(Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8))) {
      w.println(String.join(",", names));
      Column set = cohort.column("set");
      for (int r = 0; r < cohort.rowCount(); r++) {
        if (!"training".equals(set.text(r))) {
          continue;
        }
        StringBuilder line = new StringBuilder();
        for (int j = 0; j < names.size(); j++) {
          Column c = cohort.column(names.get(j));
          if (j > 0) {
            line.append(',');
          }
          String v = c.isMissing(r) ? "" : c.text(r);
          line.append(v.contains(",") ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
        }
        w.println(line);
      }
    }
  }
}
