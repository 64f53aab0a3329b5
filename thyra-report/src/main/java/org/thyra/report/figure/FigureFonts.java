package org.thyra.report.figure;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.awt.font.FontRenderContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The one type family every figure uses: Liberation Sans 2.1 (regular and bold; metric-compatible
 * with Arial, which journals ask for), shipped on the class path with its SIL Open Font License
 * ({@code font/LICENSE-LiberationSans.txt}), so a figure is laid out and drawn identically on every
 * machine, headless, with no system font installed. Widths come from the font's own metrics with
 * fractional advances, never from a screen.
 */
public final class FigureFonts {
  /** Class-path folder of the TrueType files. */
  static final String FOLDER = "/org/thyra/report/figure/font/";

  static final String REGULAR_FILE = "LiberationSans-Regular.ttf";
  static final String BOLD_FILE = "LiberationSans-Bold.ttf";

  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
  private static final Font REGULAR = load(REGULAR_FILE);
  private static final Font BOLD = load(BOLD_FILE);

  private FigureFonts() {}

  private static Font load(String file) {
    try (InputStream in = FigureFonts.class.getResourceAsStream(FOLDER + file)) {
      if (in == null) {
        throw new IllegalStateException("font " + file + " is missing from the class path");
      }
      Font f = Font.createFont(Font.TRUETYPE_FONT, in);
      // registered so that a Graphics2D asked for the family by name (Batik, PDF) finds this one
      GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(f);
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read font " + file, e);
    } catch (FontFormatException e) {
      throw new IllegalStateException("font " + file + " is not TrueType", e);
    }
  }

  /**
   * @param size in points
   * @return the regular face at that size
   */
  public static Font regular(double size) {
    return REGULAR.deriveFont((float) size);
  }

  /**
   * @param size in points
   * @return the bold face (a real bold, not a synthetic one) at that size
   */
  public static Font bold(double size) {
    // the weight attribute only tells writers (Batik's SVG) that this face is bold; the glyphs are
    // the bold file's own, and Java2D adds no synthetic bold to a face that is already bold
    return BOLD.deriveFont(
        java.util.Map.of(
            java.awt.font.TextAttribute.SIZE,
            (float) size,
            java.awt.font.TextAttribute.WEIGHT,
            java.awt.font.TextAttribute.WEIGHT_BOLD));
  }

  /** The family name written into SVG and PDF. */
  public static String family() {
    return REGULAR.getFamily();
  }

  /** Opens one of the bundled TrueType files (for PDF embedding). */
  static InputStream open(String file) {
    InputStream in = FigureFonts.class.getResourceAsStream(FOLDER + file);
    if (in == null) {
      throw new IllegalStateException("font " + file + " is missing from the class path");
    }
    return in;
  }

  /** Face name of the regular font, as Graphics2D reports it. */
  static String regularName() {
    return REGULAR.getFontName();
  }

  /** Face name of the bold font. */
  static String boldName() {
    return BOLD.getFontName();
  }

  /**
   * @return the advance width of {@code text} in {@code font}, in points
   */
  public static double width(Font font, String text) {
    if (text.isEmpty()) {
      return 0;
    }
    return font.getStringBounds(text, FRC).getWidth();
  }

  /** Height of a capital letter (Liberation Sans: 1409/2048 em), for centring text vertically. */
  public static double capHeight(Font font) {
    return 0.688 * font.getSize2D();
  }
}
