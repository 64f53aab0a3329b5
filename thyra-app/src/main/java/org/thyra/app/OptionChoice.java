package org.thyra.app;

import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An option whose value is one of a fixed list of names that an analysis defines (e.g. {@code
 * MatchAnalysis.DISTANCES}), read as picocli reads an enum: any case, the canonical upper-case name
 * returned, and picocli's own message for anything else. The command thus needs no enum of
 * thyra-stats; the analysis turns the name into its type.
 *
 * <p>A subclass names the list; it serves both as the option's {@code converter} and as its {@code
 * completionCandidates} (for {@code ${COMPLETION-CANDIDATES}} in the help).
 */
public abstract class OptionChoice implements ITypeConverter<String>, Iterable<String> {
  private final List<String> names;

  /** {@code names}: the allowed values in upper case, in help order. */
  protected OptionChoice(List<String> names) {
    this.names = List.copyOf(names);
  }

  @Override
  public String convert(String value) {
    String upper = value.toUpperCase(Locale.ROOT);
    if (names.contains(upper)) {
      return upper;
    }
    // picocli's wording for an enum option, so messages stay as they were
    throw new TypeConversionException(
        String.format("expected one of %s (case-insensitive) but was '%s'", names, value));
  }

  @Override
  public java.util.Iterator<String> iterator() {
    return names.iterator();
  }
}
