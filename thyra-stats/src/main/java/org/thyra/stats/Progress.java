package org.thyra.stats;

/**
 * Told how far a long computation has come (bootstrap replicates, imputations), so a caller can
 * show progress. It only observes: a method reports the same steps and returns the same result
 * whatever listens, and {@link #NONE} listens to nothing.
 *
 * <p>A method that runs on several threads calls {@link #update} from each of them; an
 * implementation must be thread-safe, and may see two updates of one task out of order (the larger
 * {@code done} is the truth). The last update of a task has {@code done == total}, also when some
 * steps failed (a dropped bootstrap replicate is a step done).
 */
@FunctionalInterface
public interface Progress {

  /** Shows nothing. */
  Progress NONE = (task, done, total) -> {};

  /**
   * @param task what is being done, in a reader's words (e.g. "bootstrap of the Cox model")
   * @param done steps finished so far, 0 to {@code total}
   * @param total steps of the task
   */
  void update(String task, long done, long total);
}
