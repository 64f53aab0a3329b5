package org.thyra.app.study;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.thyra.report.output.AtomicFile;
import org.thyra.studies.synth.Design;
import org.thyra.studies.synth.SyntheticTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code thyra synth --design NAME --n N --seed S --out F}: a synthetic cohort of one bundled
 * design (CSV), whose distributions follow the seed's Table 1 and whose outcomes follow the effects
 * it reports (see the generators' documentation, docs/STUDIES.md).
 */
@Command(
    name = "synth",
    mixinStandardHelpOptions = true,
    description = {
      "Draw a synthetic cohort of a bundled design: ablation (seed 000), rai-cycles (001),",
      "rair-lung (003), nomogram (004). Same seed, same file."
    })
public final class SynthCommand implements Callable<Integer> {

  @Option(names = "--design", required = true, paramLabel = "NAME", description = "Design name.")
  String design;

  @Option(
      names = "--n",
      paramLabel = "N",
      description = "Screened patients (default: as many as the seed screened).")
  Integer n;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed (default 1).")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "CSV file to write.")
  Path out;

  @Override
  public Integer call() throws Exception {
    Design d = Design.of(design);
    SyntheticTable t = d.generate(n == null ? d.defaultN() : n, seed);
    AtomicFile.write(
        out,
        os -> {
          Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
          t.writeCsv(w);
          w.flush();
        });
    System.err.println(
        "thyra synth: " + t.rows() + " synthetic patients of design " + d.id() + " in " + out);
    return 0;
  }
}
