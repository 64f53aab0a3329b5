package org.thyra.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.thyra.report.figure.FigureFormat;
import org.thyra.report.figure.FigureWriter;
import org.thyra.report.figure.KmFigure;

/**
 * The Kaplan–Meier figure of {@link KmFigureBenchmark} (10^6 rows, fitted first) drawn repeatedly
 * in one fresh JVM, printing for each draw the wall time, the drawing thread's CPU time and the
 * process's CPU time (JIT and collector included). On a shared machine the wall time includes
 * waiting for a core; the thread's CPU time barely depends on the load. The first repeat is the
 * cold draw a one-shot {@code thyra km --figure} makes.
 *
 * <pre>
 * java -Xmx2g -cp thyra-bench/target/benchmarks.jar org.thyra.bench.KmFigureCpuTime days|continuous [repeats]
 * </pre>
 */
public final class KmFigureCpuTime {
  private KmFigureCpuTime() {}

  public static void main(String[] args) throws IOException {
    boolean days = args.length == 0 || !args[0].equals("continuous");
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    ThreadMXBean thread = ManagementFactory.getThreadMXBean();
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    List<KmFigure.Series> series = KmFigureBenchmark.data(days);
    // what the figure keeps of the data: every event time a step, censor marks thinned
    KmFigure f = KmFigureBenchmark.figure(series);
    for (int k = 0; k < series.size(); k++) {
      var c = series.get(k).curve();
      int eventTimes = 0;
      for (int i = 0; i < c.size(); i++) {
        eventTimes += c.nEvent(i) > 0 ? 1 : 0;
      }
      System.out.printf(
          "%s: %d distinct times, %d with events, %d steps drawn%n",
          series.get(k).label(), c.size(), eventTimes, f.steps(k));
    }
    System.out.printf(
        "censor marks drawn %d of %d distinct censoring times%n",
        f.censorMarksDrawn(), f.censorTimes());
    for (int r = 0; r < repeats; r++) {
      StringBuilder line = new StringBuilder("run " + (r + 1) + ":");
      for (FigureFormat format :
          new FigureFormat[] {FigureFormat.SVG, FigureFormat.PDF, FigureFormat.PNG}) {
        long wall0 = System.nanoTime();
        long thread0 = thread.getCurrentThreadCpuTime();
        long process0 = os.getProcessCpuTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FigureWriter.write(out, format, KmFigureBenchmark.figure(series), 300);
        line.append(
            String.format(
                " %s wall %.0f ms, thread cpu %.0f ms, process cpu %.0f ms, %d bytes;",
                format,
                (System.nanoTime() - wall0) / 1e6,
                (thread.getCurrentThreadCpuTime() - thread0) / 1e6,
                (os.getProcessCpuTime() - process0) / 1e6,
                out.size()));
      }
      System.out.println(line);
    }
  }
}
