package org.thyra.app.study;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.thyra.frame.DataTable;
import org.thyra.frame.InputException;
import org.thyra.frame.TableReader;
import org.thyra.studies.protocol.ProtocolCheck;
import org.thyra.studies.protocol.ProtocolProblem;
import org.thyra.studies.protocol.ProtocolReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code thyra study check PROTOCOL.yaml [--data F]}: every problem of the protocol, one per line
 * as {@code FILE:LINE:COLUMN: PATH: MESSAGE}; with data also every unknown column or level. Exit
 * code 0 when there is none, 2 otherwise.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Check a study protocol: every problem with its YAML line and column.",
      "With --data, also every column or level the protocol names that the data lacks."
    })
public final class StudyCheckCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      paramLabel = "PROTOCOL",
      description = "Protocol file (or a bundled id).")
  String protocol;

  @Option(names = "--data", paramLabel = "FILE", description = "CSV or XLSX data to check against.")
  Path data;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    ProtocolReader.Read read = ProtocolSource.read(protocol);
    DataTable table = null;
    if (data != null) {
      try {
        table = TableReader.read(data);
      } catch (InputException e) {
        spec.commandLine().getErr().println("thyra study check: " + e.getMessage());
        return 2;
      }
    }
    List<ProtocolProblem> problems = ProtocolCheck.check(read, protocol, table);
    if (problems.isEmpty()) {
      System.out.println(
          protocol
              + ": no problems"
              + (table == null
                  ? ""
                  : " (checked against " + data + ", " + table.rowCount() + " rows)"));
      return 0;
    }
    for (ProtocolProblem p : problems) {
      spec.commandLine().getErr().println(p);
    }
    spec.commandLine()
        .getErr()
        .println(problems.size() + (problems.size() == 1 ? " problem" : " problems"));
    return 2;
  }
}
