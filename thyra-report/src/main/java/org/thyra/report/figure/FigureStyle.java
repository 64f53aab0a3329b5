package org.thyra.report.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Locale;

/**
 * Colours and line types of a figure's groups. {@code default} is the Okabe–Ito palette (safe for
 * the common colour-vision deficiencies); {@code nejm}, {@code lancet} and {@code jama} are the
 * palettes of {@code ggsci} after those journals; {@code grey} is for print in black and white:
 * grey levels far apart and a different dash pattern per group, so groups stay apart without
 * colour.
 */
public enum FigureStyle {
  DEFAULT(
      "default",
      new int[] {0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7, 0xE69F00, 0x56B4E9, 0x000000, 0xF0E442},
      false),
  NEJM(
      "nejm",
      new int[] {0xBC3C29, 0x0072B5, 0xE18727, 0x20854E, 0x7876B1, 0x6F99AD, 0xFFDC91, 0xEE4C97},
      false),
  LANCET(
      "lancet",
      new int[] {0x00468B, 0xED0000, 0x42B540, 0x0099B4, 0x925E9F, 0xFDAF91, 0xAD002A, 0xADB6B6},
      false),
  JAMA(
      "jama",
      new int[] {0x374E55, 0xDF8F44, 0x00A1D5, 0xB24745, 0x79AF97, 0x6A6599, 0x80796B},
      false),
  GREY("grey", new int[] {0x000000, 0x7A7A7A, 0x3C3C3C, 0xA8A8A8, 0x5A5A5A}, true);

  private final String id;
  private final int[] rgb;
  private final boolean dashed;

  FigureStyle(String id, int[] rgb, boolean dashed) {
    this.id = id;
    this.rgb = rgb;
    this.dashed = dashed;
  }

  /** The name used on the command line. */
  public String id() {
    return id;
  }

  /**
   * @param name a style name, case-insensitive ({@code gray} is accepted for {@code grey})
   * @throws IllegalArgumentException naming the styles when unknown
   */
  public static FigureStyle parse(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    if (n.equals("gray") || n.equals("greyscale") || n.equals("grayscale")) {
      n = "grey";
    }
    for (FigureStyle s : values()) {
      if (s.id.equals(n)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown figure style \"" + name + "\"; choose default, nejm, lancet, jama or grey");
  }

  /** Colour of group {@code k} (cycling). */
  public Color color(int k) {
    return new Color(rgb[Math.floorMod(k, rgb.length)]);
  }

  /** The same colour with the given opacity (0–1), for bands and fills. */
  public Color fill(int k, double alpha) {
    Color c = color(k);
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(alpha * 255));
  }

  /** Line of group {@code k}: solid for every group, except in the grey style (a dash each). */
  public BasicStroke line(int k, double width) {
    float w = (float) width;
    if (!dashed || k % 4 == 0) {
      return new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);
    }
    float[] pattern =
        switch (k % 4) {
          case 1 -> new float[] {4f * w, 2f * w};
          case 2 -> new float[] {1f * w, 1.5f * w};
          default -> new float[] {4f * w, 1.5f * w, 1f * w, 1.5f * w};
        };
    return new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, pattern, 0f);
  }

  /** Whether this style separates groups by line type as well as colour. */
  public boolean dashed() {
    return dashed;
  }
}
