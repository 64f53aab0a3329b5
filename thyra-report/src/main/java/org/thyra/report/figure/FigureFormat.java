package org.thyra.report.figure;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats a figure is written in, chosen by the file's extension. */
public enum FigureFormat {
  SVG,
  PDF,
  PNG,
  TIFF;

  /** Whether the format stores pixels (and so a dpi). */
  public boolean raster() {
    return this == PNG || this == TIFF;
  }

  /**
   * @param file a figure file
   * @return its format by extension: .svg, .pdf, .png, .tif or .tiff (any case)
   * @throws IllegalArgumentException naming the file and the accepted extensions otherwise
   */
  public static FigureFormat of(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    String ext =
        name.lastIndexOf('.') < 0
            ? ""
            : name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return switch (ext) {
      case "svg" -> SVG;
      case "pdf" -> PDF;
      case "png" -> PNG;
      case "tif", "tiff" -> TIFF;
      default ->
          throw new IllegalArgumentException(
              "figure file "
                  + file
                  + ": the extension chooses the format; use .svg, .pdf, .png, .tif or .tiff");
    };
  }
}
