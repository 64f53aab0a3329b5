package org.thyra.app.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.thyra.report.figure.Figure;
import org.thyra.report.figure.FigureFormat;
import org.thyra.report.figure.FigureSpec;
import org.thyra.report.figure.FigureStyle;
import org.thyra.report.figure.FigureWriter;
import org.thyra.report.figure.TimeUnit;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --figure FILE [--figure-size WxH] [--dpi N] [--style S]} (SPEC §5), shared by every
 * command that draws. The format comes from the extension; the figure is written atomically, like
 * {@code --out}. Option values are checked while the command line is parsed, so a bad one stops the
 * command (exit 2) before anything is computed or written.
 */
public final class FigureOptions {

  @Option(
      names = "--figure",
      paramLabel = "FILE",
      converter = FigureFile.class,
      description = "Also draw the figure to FILE: .svg, .pdf, .png, .tif or .tiff (by extension).")
  Path file;

  @Option(
      names = "--figure-size",
      paramLabel = "WIDTHxHEIGHT",
      converter = Size.class,
      description =
          "Figure size in millimetres, e.g. 85x70 (single column) or 170x120 (double column).")
  Millimetres size;

  @Option(
      names = "--dpi",
      defaultValue = "300",
      converter = Dpi.class,
      description = "Resolution of .png and .tif figures (default: ${DEFAULT-VALUE}).")
  int dpi = 300;

  @Option(
      names = "--style",
      defaultValue = "default",
      converter = Style.class,
      description =
          "Figure style: default, nejm, lancet, jama or grey (default: ${DEFAULT-VALUE}).")
  FigureStyle style = FigureStyle.DEFAULT;

  @Option(
      names = "--time-unit",
      converter = Unit.class,
      description =
          "Unit of the time column (days, weeks, months, years): names the time axis and writes"
              + " horizons in words, e.g. 36 months as \"3-year survival\".")
  TimeUnit timeUnit = TimeUnit.UNKNOWN;

  /** Whether a figure was asked for. */
  public boolean requested() {
    return file != null;
  }

  /**
   * @return the {@code --figure} file, or null
   */
  public Path file() {
    return file;
  }

  /** The style and size asked for. */
  public FigureSpec spec() {
    return new FigureSpec(
        style,
        size == null ? Double.NaN : size.width(),
        size == null ? Double.NaN : size.height(),
        timeUnit);
  }

  /** Builds a figure from the spec. */
  @FunctionalInterface
  public interface Drawing {
    Figure draw(FigureSpec spec) throws IOException;
  }

  /** Draws and writes the figure when {@code --figure} was given (all or nothing). */
  public void write(Drawing drawing) throws IOException {
    if (file == null) {
      return;
    }
    FigureWriter.write(file, drawing.draw(spec()), dpi);
  }

  /** Checks the extension of {@code --figure}. */
  public static final class FigureFile implements ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
      Path p = Path.of(value);
      try {
        FigureFormat.of(p);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
      return p;
    }
  }

  /** A width and height in millimetres. */
  public record Millimetres(double width, double height) {}

  /** Parses {@code WIDTHxHEIGHT} in millimetres. */
  public static final class Size implements ITypeConverter<Millimetres> {
    @Override
    public Millimetres convert(String value) {
      String[] parts = value.toLowerCase(Locale.ROOT).split("x");
      try {
        if (parts.length == 2) {
          double w = Double.parseDouble(parts[0].trim());
          double h = Double.parseDouble(parts[1].trim());
          if (w >= 20 && w <= 1000 && h >= 20 && h <= 1000) {
            return new Millimetres(w, h);
          }
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new TypeConversionException(
          "'" + value + "' is not WIDTHxHEIGHT in millimetres between 20 and 1000, e.g. 170x120");
    }
  }

  /** Checks the resolution. */
  public static final class Dpi implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      try {
        int d = Integer.parseInt(value.trim());
        if (d >= 72 && d <= 2400) {
          return d;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new TypeConversionException(
          "'" + value + "' is not a resolution between 72 and 2400 dpi (journals: 300, 600, 1000)");
    }
  }

  /** Parses a style name. */
  public static final class Style implements ITypeConverter<FigureStyle> {
    @Override
    public FigureStyle convert(String value) {
      try {
        return FigureStyle.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** Parses a time unit. */
  public static final class Unit implements ITypeConverter<TimeUnit> {
    @Override
    public TimeUnit convert(String value) {
      try {
        return TimeUnit.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
