package org.thyra.report.figure;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.List;

/**
 * Several figures on one page in a grid, labelled A, B, C… at their top-left corners (as journals
 * letter the panels of one figure). Each panel is drawn at its own size; a grid cell is as wide as
 * the widest panel of its column and as high as the highest of its row. For a requested page size
 * ({@code --figure-size}), build the panels at {@link #cell}'s size and pass the spec to {@link
 * #PanelFigure(List, int, FigureSpec)}: the page is then exactly that size.
 */
public final class PanelFigure implements Figure {
  private static final double LABEL = 14;

  private final List<Figure> panels;
  private final int columns;
  private final double[] colX;
  private final double[] rowY;
  private final int width;
  private final int height;

  /**
   * @param panels the panels, filled row by row
   * @param columns panels per row
   */
  public PanelFigure(List<Figure> panels, int columns) {
    this(panels, columns, FigureSpec.DEFAULT);
  }

  /**
   * @param panels the panels, filled row by row (built at {@link #cell}'s size)
   * @param columns panels per row
   * @param spec the page: its requested width and height (mm) when given, else the grid's
   */
  public PanelFigure(List<Figure> panels, int columns, FigureSpec spec) {
    if (panels.isEmpty() || columns < 1) {
      throw new IllegalArgumentException("a multi-panel figure needs panels and columns >= 1");
    }
    this.panels = List.copyOf(panels);
    this.columns = Math.min(columns, panels.size());
    int rows = (panels.size() + this.columns - 1) / this.columns;
    double[] colW = new double[this.columns];
    double[] rowH = new double[rows];
    for (int k = 0; k < panels.size(); k++) {
      colW[k % this.columns] = Math.max(colW[k % this.columns], panels.get(k).width());
      rowH[k / this.columns] = Math.max(rowH[k / this.columns], panels.get(k).height());
    }
    colX = new double[this.columns + 1];
    for (int c = 0; c < this.columns; c++) {
      colX[c + 1] = colX[c] + LABEL + colW[c];
    }
    rowY = new double[rows + 1];
    for (int r = 0; r < rows; r++) {
      rowY[r + 1] = rowY[r] + LABEL + rowH[r];
    }
    int gridW = (int) Math.ceil(colX[this.columns]);
    int gridH = (int) Math.ceil(rowY[rows]);
    this.width = Double.isNaN(spec.widthMm()) ? gridW : FigureWriter.points(spec.widthMm());
    this.height = Double.isNaN(spec.heightMm()) ? gridH : FigureWriter.points(spec.heightMm());
  }

  /**
   * The size of each panel of a page of {@code count} panels in {@code columns} columns: the
   * requested page size less the panel letters' margins, shared equally; a dimension not requested
   * stays the panels' own default (NaN).
   */
  public static FigureSpec cell(FigureSpec page, int count, int columns) {
    int cols = Math.max(1, Math.min(columns, count));
    int rows = (count + cols - 1) / cols;
    double label = LABEL * FigureWriter.MM_PER_PT;
    double w = page.widthMm();
    double h = page.heightMm();
    // whole points, rounded down, so that the grid never exceeds the page
    double cw =
        Double.isNaN(w)
            ? Double.NaN
            : Math.floor((w / cols - label) / FigureWriter.MM_PER_PT) * FigureWriter.MM_PER_PT;
    double ch =
        Double.isNaN(h)
            ? Double.NaN
            : Math.floor((h / rows - label) / FigureWriter.MM_PER_PT) * FigureWriter.MM_PER_PT;
    return page.withSize(cw, ch);
  }

  /** The panel letter of panel k: A, B, …, Z, AA, AB… */
  public static String letter(int k) {
    String s = "";
    int n = k;
    do {
      s = (char) ('A' + n % 26) + s;
      n = n / 26 - 1;
    } while (n >= 0);
    return s;
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int height() {
    return height;
  }

  @Override
  public List<String> parts() {
    List<String> p = new ArrayList<>();
    for (int k = 0; k < panels.size(); k++) {
      p.add("panel-" + letter(k));
    }
    return p;
  }

  @Override
  public void drawPart(Graphics2D g, int part) {
    double x = colX[part % columns];
    double y = rowY[part / columns];
    new Canvas(g).panelLabel(letter(part), x + 2, y + 2);
    AffineTransform t = g.getTransform();
    g.translate(x + LABEL, y + LABEL);
    panels.get(part).draw(g);
    g.setTransform(t);
  }
}
