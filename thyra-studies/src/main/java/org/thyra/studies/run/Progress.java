package org.thyra.studies.run;

/** Where a run reports its progress (a progress bar on a terminal; nothing otherwise). */
public interface Progress {
  /** Called before each step: {@code done} of {@code total} finished, {@code what} starts. */
  void step(int done, int total, String what);

  /** Reports nothing. */
  Progress NONE = (done, total, what) -> {};
}
