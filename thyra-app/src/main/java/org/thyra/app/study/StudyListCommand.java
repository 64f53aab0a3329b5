package org.thyra.app.study;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.thyra.studies.protocol.BundledProtocols;
import org.thyra.studies.protocol.Protocol;
import picocli.CommandLine.Command;

/** {@code thyra study list}: the bundled protocols, one per seed design. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description =
        "List the bundled study protocols (one per seed design) and their synthetic data.")
public final class StudyListCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    PrintStream out = System.out;
    for (BundledProtocols.Bundled b : BundledProtocols.all()) {
      Protocol p = b.read().protocol();
      out.printf(
          "%-11s seed %s  %s%n            %d cohort steps, %d derivations, %d analyses; data: thyra"
              + " synth --design %s%n",
          b.design().id(),
          b.design().seedPaper(),
          p.title(),
          p.cohort().size(),
          p.derive().size(),
          p.analyses().size(),
          b.design().id());
    }
    out.println();
    out.println("A bundled protocol is named by its id wherever a PROTOCOL.yaml is expected.");
    return 0;
  }
}
