package org.thyra.report.figure;

/**
 * What the user asked of a figure: its style, its size in millimetres when given (each kind of
 * figure has its own default size otherwise) and the unit of the time column.
 *
 * @param style palette and line types
 * @param widthMm requested width, or NaN for the figure's default
 * @param heightMm requested height, or NaN for the figure's default
 * @param timeUnit the time column's unit (horizons in words, time-axis titles)
 */
public record FigureSpec(FigureStyle style, double widthMm, double heightMm, TimeUnit timeUnit) {
  /** The default style at each figure's default size. */
  public static final FigureSpec DEFAULT =
      new FigureSpec(FigureStyle.DEFAULT, Double.NaN, Double.NaN, TimeUnit.UNKNOWN);

  /** This spec at another size (mm; NaN for the figure's default). */
  public FigureSpec withSize(double w, double h) {
    return new FigureSpec(style, w, h, timeUnit);
  }

  /** Width: the requested one, else {@code dflt}. */
  public double width(double dflt) {
    return Double.isNaN(widthMm) ? dflt : widthMm;
  }

  /** Height: the requested one, else {@code dflt}. */
  public double height(double dflt) {
    return Double.isNaN(heightMm) ? dflt : heightMm;
  }
}
