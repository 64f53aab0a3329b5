package org.thyra.stats;

import java.util.List;

/**
 * What every result of Thyra states besides its numbers (SPEC §4): the conventions it used and what
 * went wrong on the way. One interface so that every presentation (text, JSON, a figure caption, a
 * study report, a web page) can show both without knowing the result type.
 */
public interface Result {

  /**
   * The conventions used, in words a reader of the methods section needs: tie method, CI type, test
   * variant, df source, weights, and R's function it follows.
   */
  String method();

  /**
   * What the reader must know to trust the numbers (non-convergence, separation, a dropped level,
   * an unadjusted p); empty when there is nothing to say. Never null.
   */
  List<String> warnings();
}
