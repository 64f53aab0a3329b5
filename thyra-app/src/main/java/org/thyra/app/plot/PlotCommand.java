package org.thyra.app.plot;

import picocli.CommandLine.Command;

/**
 * {@code thyra plot}: the seeds' figures that belong to no single analysis command, each drawn from
 * the data a study holds (one row per observation) to {@code --figure}.
 */
@Command(
    name = "plot",
    mixinStandardHelpOptions = true,
    description =
        "Figures drawn straight from data: lesion volume over visits with VRR (volume), a variable by"
            + " group with its test (box), proportions by subgroup (bars), cohort selection (flow).",
    subcommands = {
      PlotVolumeCommand.class,
      PlotBoxCommand.class,
      PlotBarsCommand.class,
      PlotFlowCommand.class
    })
public final class PlotCommand implements Runnable {
  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        new picocli.CommandLine(this), "name a figure: volume, box, bars or flow");
  }
}
