package org.thyra.app.discrimination;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.thyra.app.InputOptions;
import org.thyra.app.output.OutputOptions;
import org.thyra.app.survival.SurvivalColumns;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.report.output.CsvTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.Numbers;
import org.thyra.stats.survival.Concordance;
import org.thyra.stats.survival.ConcordanceResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code thyra concordance}: Harrell's C of a predictor for survival (SPEC §5), as
 * survival::concordance.
 */
@Command(
    name = "concordance",
    mixinStandardHelpOptions = true,
    description =
        "Harrell's C as survival::concordance(Surv(T, E) ~ P): predictor ties count 1/2, SE by infinitesimal"
            + " jackknife; --reverse when a larger predictor means shorter survival (a risk score).")
public final class ConcordanceCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin OutputOptions output;

  @Mixin SurvivalColumns outcome;

  @Option(names = "--predictor", required = true, description = "Numeric predictor column.")
  String predictor;

  @Option(
      names = "--reverse",
      description =
          "Concordant when the larger predictor has the shorter time (as reverse = TRUE).")
  boolean reverse;

  @Override
  public Integer call() throws Exception {
    ModelFrame frame =
        MarkerInput.survival(input, outcome.time(), outcome.event(), List.of(predictor));
    double[] x = MarkerInput.marker(frame, 0);
    ConcordanceResult c =
        input.analyse(
            predictor, () -> Concordance.compute(frame.time(), frame.status(), x, null, reverse));
    List<String> warnings = new ArrayList<>(frame.warnings());
    int events = 0;
    for (int s : frame.status()) {
      events += s;
    }
    if (events == 0) {
      warnings.add("no events: no comparable pairs, C is undefined");
    }
    int ev = events;
    output.write(
        out -> {
          switch (output.format()) {
            case JSON -> Json.write(json(frame, c, ev, warnings), out);
            case CSV -> csv(c).print(out);
            default -> text(frame, c, ev, warnings, out);
          }
        });
    return 0;
  }

  private ObjectNode json(
      ModelFrame frame, ConcordanceResult c, int events, List<String> warnings) {
    ObjectNode root = Json.object();
    root.put("analysis", "concordance");
    root.put("data", input.source());
    root.put("time", outcome.time());
    root.put("event", outcome.event());
    root.put("event_coding", frame.eventCoding().description());
    root.put("predictor", predictor);
    root.put("n", frame.n());
    root.put("events", events);
    root.put("dropped_missing", frame.droppedMissing());
    ObjectNode m = root.putObject("method");
    m.put("statistic", "Harrell's C (survival::concordance, timewt = \"n\")");
    m.put(
        "ties",
        "comparable pairs tied on the predictor count 1/2; pairs tied on time are not comparable");
    m.put("se", "infinitesimal jackknife");
    m.put("reverse", reverse);
    m.put("description", c.method());
    root.set("warnings", Json.strings(warnings));
    root.set("c", Json.number(c.c()));
    root.set("se", Json.number(c.se()));
    root.set("concordant", Json.number(c.concordant()));
    root.set("discordant", Json.number(c.discordant()));
    root.set("tied_predictor", Json.number(c.tiedPredictor()));
    root.set("tied_time", Json.number(c.tiedTime()));
    root.set("tied_both", Json.number(c.tiedBoth()));
    return root;
  }

  private static CsvTable csv(ConcordanceResult c) {
    CsvTable t =
        new CsvTable(
            List.of(
                "c", "se", "concordant", "discordant", "tied_predictor", "tied_time", "tied_both"));
    t.row(
        List.of(
            Numbers.full(c.c()),
            Numbers.full(c.se()),
            Numbers.full(c.concordant()),
            Numbers.full(c.discordant()),
            Numbers.full(c.tiedPredictor()),
            Numbers.full(c.tiedTime()),
            Numbers.full(c.tiedBoth())));
    return t;
  }

  /** Laid out like R's print(concordance(...)). */
  private void text(
      ModelFrame frame, ConcordanceResult c, int events, List<String> warnings, PrintStream out) {
    out.printf(
        "Concordance: Surv(%s, %s) ~ %s%s   data: %s%n",
        outcome.time(), outcome.event(), predictor, reverse ? " (reverse)" : "", input.source());
    out.printf(
        "n= %d, events= %d%s%n%n",
        frame.n(),
        events,
        frame.droppedMissing() > 0
            ? "   (" + frame.droppedMissing() + " observations deleted due to missingness)"
            : "");
    out.printf("Concordance= %s se= %s%n", Numbers.signif(c.c(), 4), Numbers.signif(c.se(), 4));
    out.printf("concordant discordant     tied.x     tied.y    tied.xy%n");
    out.printf(
        "%10s %10s %10s %10s %10s%n",
        Numbers.signif(c.concordant(), 10),
        Numbers.signif(c.discordant(), 10),
        Numbers.signif(c.tiedPredictor(), 10),
        Numbers.signif(c.tiedTime(), 10),
        Numbers.signif(c.tiedBoth(), 10));
    out.println();
    out.println(
        "Method: "
            + c.method()
            + (reverse ? "; reverse = TRUE" : "")
            + "; events coded "
            + frame.eventCoding().description());
    for (String w : warnings) {
      out.println("Warning: " + w);
    }
  }
}
