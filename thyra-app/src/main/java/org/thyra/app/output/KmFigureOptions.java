package org.thyra.app.output;

import java.util.List;
import org.thyra.report.figure.FigureSpec;
import org.thyra.report.figure.KmFigure;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The Kaplan–Meier figure's own options ({@code km}, {@code logrank}): {@code --x-breaks} (axis
 * ticks = risk-table times), {@code --conf-band}, {@code --fun survival|event}, {@code
 * --kmunicate}, {@code --median-lines}, {@code --y-title}.
 */
public final class KmFigureOptions {
  @Option(
      names = "--x-breaks",
      split = ",",
      paramLabel = "T",
      description = "Figure: time-axis ticks, also the risk table's times, e.g. 0,12,24,36,48,60.")
  double[] breaks;

  @Option(names = "--conf-band", description = "Figure: draw the pointwise confidence bands.")
  boolean confBand;

  @Option(
      names = "--fun",
      defaultValue = "survival",
      converter = FunConverter.class,
      description = "Figure: survival (S) or event (1 - S, cumulative incidence).")
  KmFigure.Fun fun = KmFigure.Fun.SURVIVAL;

  @Option(
      names = "--kmunicate",
      description = "Figure: add cumulative censored and events rows under the number at risk.")
  boolean kmunicate;

  @Option(names = "--median-lines", description = "Figure: dashed lines at the medians.")
  boolean medians;

  @Option(
      names = "--y-title",
      paramLabel = "TEXT",
      description =
          "Figure: title of the probability axis, e.g. \"Progression-free survival\" (default:"
              + " Survival probability; Cumulative incidence with --fun event).")
  String yTitle;

  /** Starts the figure with these options, the style and the size. */
  public KmFigure.Builder builder(List<KmFigure.Series> series, FigureSpec spec, String time) {
    return options(KmFigure.builder(series), series.size(), spec, time);
  }

  /** Starts a figure of weighted curves, the weights column named in its legend. */
  public KmFigure.Builder weightedBuilder(
      List<KmFigure.WeightedSeries> series, String weights, FigureSpec spec, String time) {
    return options(KmFigure.weightedBuilder(series, weights), series.size(), spec, time);
  }

  private KmFigure.Builder options(KmFigure.Builder b, int curves, FigureSpec spec, String time) {
    return b.style(spec.style())
        .size(spec.width(170), spec.height(curves > 2 || kmunicate ? 150 : 130))
        .breaks(breaks)
        .confBand(confBand)
        .fun(fun)
        .kmunicate(kmunicate)
        .medians(medians)
        .xTitle(spec.timeUnit().axisTitle(time))
        .yTitle(yTitle);
  }

  /** Parses {@code --fun}. */
  public static final class FunConverter implements ITypeConverter<KmFigure.Fun> {
    @Override
    public KmFigure.Fun convert(String value) {
      try {
        return KmFigure.Fun.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
