package org.thyra.report.output;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import org.thyra.stats.Progress;

/**
 * A progress bar on one line of a terminal, redrawn in place ({@code \r}) at most every {@link
 * #REDRAW_NANOS} and once more when a task ends, then left as a finished line:
 *
 * <pre>
 * bootstrap of the Cox model  [##########..........]  50%  100/200  about 12 s left
 * </pre>
 *
 * <p>{@link #onStandardError()} gives a bar only when standard error is a terminal, and {@link
 * Progress#NONE} otherwise: a redirected or piped run, a test, or the web server's log never gets
 * carriage returns. Only the drawing differs; the computation it watches is the same either way.
 */
public final class TerminalProgress implements Progress {
  /** Redraw no more often than this (5 times a second). */
  static final long REDRAW_NANOS = 200_000_000L;

  private static final int BAR = 20;

  /** The bar with an unfinished line on the terminal, if any (to end it before an error). */
  private static volatile TerminalProgress open;

  private final PrintStream out;
  private final LongSupplier clock;
  private String task;
  private long started;
  private long lastDraw;
  private long best;
  private int drawnWidth;

  /**
   * @param out where to draw
   * @param clock nanoseconds, as {@link System#nanoTime()}
   */
  TerminalProgress(PrintStream out, LongSupplier clock) {
    this.out = out;
    this.clock = clock;
  }

  /**
   * A bar on standard error when it is a terminal, otherwise {@link Progress#NONE}. The environment
   * variable {@code THYRA_PROGRESS=never} turns it off.
   */
  public static Progress onStandardError() {
    if ("never".equalsIgnoreCase(System.getenv("THYRA_PROGRESS")) || !standardErrorIsTerminal()) {
      return Progress.NONE;
    }
    return new TerminalProgress(System.err, System::nanoTime);
  }

  /**
   * Ends a bar's unfinished line (a run failing half-way), so a message printed next starts on a
   * line of its own. Does nothing when no bar is drawn.
   */
  public static void endLine() {
    TerminalProgress bar = open;
    if (bar != null) {
      bar.finishLine();
    }
  }

  /**
   * Standard error is a terminal. On Linux the descriptor's link names the device ({@code
   * /dev/pts/N}); elsewhere Java 17 can only tell whether standard input and output both are
   * ({@link System#console()}), the best guess there.
   */
  static boolean standardErrorIsTerminal() {
    Path fd2 = Path.of("/proc/self/fd/2");
    try {
      if (Files.isSymbolicLink(fd2)) {
        String target = Files.readSymbolicLink(fd2).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      }
    } catch (Exception e) {
      return false; // not allowed to look: stay quiet
    }
    return System.console() != null;
  }

  @Override
  public synchronized void update(String what, long done, long total) {
    long now = clock.getAsLong();
    if (!what.equals(task)) {
      if (task != null && drawnWidth > 0) {
        finishLine();
      }
      task = what;
      started = now;
      best = -1;
      lastDraw = Long.MIN_VALUE;
    }
    if (done <= best) {
      return; // a slower thread's older count
    }
    best = done;
    boolean end = done >= total;
    if (!end && lastDraw != Long.MIN_VALUE && now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    draw(line(what, done, total, now - started));
    if (end) {
      finishLine();
      task = null;
    }
  }

  private void draw(String line) {
    StringBuilder s = new StringBuilder("\r").append(line);
    for (int i = line.length(); i < drawnWidth; i++) {
      s.append(' '); // wipe the end of a longer earlier line
    }
    out.print(s);
    out.flush();
    drawnWidth = line.length();
    open = this;
  }

  private synchronized void finishLine() {
    if (drawnWidth > 0) {
      out.println();
      out.flush();
      drawnWidth = 0;
    }
    if (open == this) {
      open = null;
    }
  }

  /** One line of the bar (package-private for tests). */
  static String line(String task, long done, long total, long elapsedNanos) {
    double f = total <= 0 ? 1 : Math.min(1, (double) done / total);
    int filled = (int) Math.floor(f * BAR);
    StringBuilder s = new StringBuilder(task).append("  [");
    for (int i = 0; i < BAR; i++) {
      s.append(i < filled ? '#' : '.');
    }
    s.append("]  ")
        .append((int) Math.floor(f * 100))
        .append("%  ")
        .append(done)
        .append('/')
        .append(total);
    double seconds = elapsedNanos / 1e9;
    if (done >= total) {
      s.append("  done in ").append(duration(seconds));
    } else if (done > 0 && seconds >= 1) {
      double left = seconds * (total - done) / done;
      s.append(left < 1 ? "  under 1 s left" : "  about " + duration(left) + " left");
    }
    return s.toString();
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return (s / 60) + " min " + (s % 60) + " s";
    }
    return (s / 3600) + " h " + (s % 3600 / 60) + " min";
  }
}
