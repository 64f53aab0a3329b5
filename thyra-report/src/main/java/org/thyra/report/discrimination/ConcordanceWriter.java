package org.thyra.report.discrimination;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import org.thyra.analysis.discrimination.ConcordanceAnalysis;
import org.thyra.frame.formula.ModelFrame;
import org.thyra.report.output.CsvTable;
import org.thyra.report.output.Json;
import org.thyra.report.output.Numbers;
import org.thyra.report.output.OutputFormat;
import org.thyra.stats.survival.ConcordanceResult;

/** {@code thyra concordance}'s report in text (as R's print(concordance)), JSON and CSV. */
public final class ConcordanceWriter {
  private final ConcordanceAnalysis.Report report;
  private final String source;
  private final String predictor;
  private final boolean reverse;
  private final String time;
  private final String event;

  public ConcordanceWriter(ConcordanceAnalysis.Report report) {
    this.report = report;
    this.source = report.source();
    this.predictor = report.request().predictor();
    this.reverse = report.request().reverse();
    this.time = report.request().time();
    this.event = report.request().event();
  }

  /** Writes the report in one format. */
  public void write(OutputFormat format, PrintStream out) throws IOException {
    ModelFrame frame = report.frame();
    ConcordanceResult c = report.result();
    switch (format) {
      case JSON -> Json.write(json(frame, c, report.events(), report.warnings()), out);
      case CSV -> csv(c).print(out);
      default -> text(frame, c, report.events(), report.warnings(), out);
    }
  }

  public ObjectNode json(ModelFrame frame, ConcordanceResult c, int events, List<String> warnings) {
    ObjectNode root = Json.object();
    root.put("analysis", "concordance");
    root.put("data", source);
    root.put("time", time);
    root.put("event", event);
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
        time, event, predictor, reverse ? " (reverse)" : "", source);
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
