package org.thyra.report.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The terminal bar: throttled redraws on one line, a finished line per task, no stray output. */
class TerminalProgressTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final AtomicLong now = new AtomicLong();
  private final TerminalProgress bar =
      new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), now::get);

  private String shown() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aLineShowsTaskBarPercentCountAndTimeLeft() {
    assertThat(TerminalProgress.line("bootstrap of the Cox model", 50, 200, 4_000_000_000L))
        .isEqualTo(
            "bootstrap of the Cox model  [#####...............]  25%  50/200  about 12 s left");
    assertThat(TerminalProgress.line("x", 0, 10, 0))
        .isEqualTo("x  [....................]  0%  0/10");
    assertThat(TerminalProgress.line("x", 10, 10, 125_000_000_000L))
        .isEqualTo("x  [####################]  100%  10/10  done in 2 min 5 s");
    assertThat(TerminalProgress.duration(3 * 3600 + 7 * 60)).isEqualTo("3 h 7 min");
    assertThat(TerminalProgress.line("x", 99, 100, 2_000_000_000L)).endsWith("under 1 s left");
  }

  @Test
  void redrawsAtMostFiveTimesASecondAndEndsTheLineWhenDone() {
    for (int b = 0; b <= 1000; b++) {
      now.addAndGet(1_000_000L); // 1 ms per replicate: 1 s in all
      bar.update("bootstrap", b, 1000);
    }
    String s = shown();
    long redraws = s.chars().filter(c -> c == '\r').count();
    // the first update, one per 200 ms, and the last
    assertThat(redraws).isBetween(5L, 7L);
    assertThat(s).endsWith("1000/1000  done in 1 s\n");
    assertThat(s.chars().filter(c -> c == '\n').count()).isEqualTo(1);
  }

  @Test
  void anOlderCountFromASlowerThreadIsIgnored() {
    bar.update("b", 0, 10);
    now.addAndGet(TerminalProgress.REDRAW_NANOS);
    bar.update("b", 6, 10);
    now.addAndGet(TerminalProgress.REDRAW_NANOS);
    bar.update("b", 5, 10); // arrives late
    assertThat(shown()).contains("6/10").doesNotContain("5/10");
  }

  @Test
  void aNewTaskStartsANewLineAndEndLineClosesAnUnfinishedOne() {
    bar.update("imputation", 0, 4);
    bar.update("imputation", 4, 4);
    bar.update("calibration", 0, 3);
    now.addAndGet(TerminalProgress.REDRAW_NANOS);
    bar.update("calibration", 1, 3);
    TerminalProgress.endLine(); // the run fails here: the error must start on its own line
    String s = shown();
    assertThat(s).endsWith("1/3\n");
    assertThat(s.split("\n")).hasSize(2);
    TerminalProgress.endLine(); // nothing open: nothing printed
    assertThat(shown()).isEqualTo(s);
  }

  @Test
  void aShorterLineWipesTheEndOfALongerOne() {
    bar.update("a long task name", 0, 100);
    String first = shown();
    now.addAndGet(2_000_000_000L);
    bar.update("a long task name", 99, 100);
    now.addAndGet(TerminalProgress.REDRAW_NANOS);
    bar.update("a long task name", 100, 100);
    String[] draws = shown().split("\r");
    String last = draws[draws.length - 1];
    assertThat(last.length()).isGreaterThanOrEqualTo(draws[draws.length - 2].length());
    assertThat(first).startsWith("\r");
  }

  @Test
  void aRedirectedStandardErrorGetsNoBar() {
    // the test JVM's standard error is a pipe to Maven, never a terminal
    assertThat(TerminalProgress.standardErrorIsTerminal()).isFalse();
    assertThat(TerminalProgress.onStandardError()).isSameAs(org.thyra.stats.Progress.NONE);
  }
}
