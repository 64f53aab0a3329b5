package org.thyra.report.figure;

import java.awt.Graphics2D;
import java.util.List;

/**
 * A figure drawn with Graphics2D as named parts (an axis, a curve, a legend), so that a vector
 * export can keep each part in its own group and a raster export can draw them all in turn.
 */
public interface Figure {

  /**
   * @return width in pixels (SVG user units)
   */
  int width();

  /**
   * @return height in pixels
   */
  int height();

  /**
   * @return one name per part, in drawing order (an SVG group id: letters, digits, '-', '_')
   */
  List<String> parts();

  /**
   * Draws one part.
   *
   * @param g where to draw, in pixels from the top-left corner
   * @param part index into {@link #parts()}
   */
  void drawPart(Graphics2D g, int part);

  /** Draws every part. */
  default void draw(Graphics2D g) {
    for (int k = 0; k < parts().size(); k++) {
      drawPart(g, k);
    }
  }
}
