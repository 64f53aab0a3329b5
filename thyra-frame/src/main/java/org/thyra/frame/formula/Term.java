package org.thyra.frame.formula;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.thyra.frame.DecimalText;

/**
 * One right-hand-side term.
 *
 * <p>A main effect names one column ({@code x}, {@code factor(x)}, {@code rcs(x, 4)}); an
 * interaction ({@code a:b}, from {@code a:b} or {@code a*b}) lists its main-effect components, in
 * the order written, and its {@link #variable()} is the label R gives the term ({@code
 * age:factor(sex)}).
 *
 * @param variable the column name; for an interaction its label
 * @param kind how it enters the model
 * @param components for {@link TermKind#INTERACTION} its main-effect components (at least two);
 *     empty otherwise
 * @param knotCount for {@link TermKind#SPLINE} the number of knots (3 or more); 0 otherwise
 * @param knots for {@link TermKind#SPLINE} the knots given in the formula ({@code rcs(x, c(40, 55,
 *     70))}), ascending; empty when they are placed at rms's default quantiles or for other kinds
 */
public record Term(
    String variable, TermKind kind, List<Term> components, int knotCount, List<Double> knots) {
  /** Checks the components. */
  public Term {
    Objects.requireNonNull(variable, "variable");
    Objects.requireNonNull(kind, "kind");
    components = List.copyOf(components);
    knots = List.copyOf(knots);
    if (kind == TermKind.INTERACTION) {
      if (components.size() < 2) {
        throw new IllegalArgumentException("an interaction needs two or more components");
      }
      for (Term c : components) {
        if (!c.isMainEffect()) {
          throw new IllegalArgumentException(
              "interaction component " + c + " is not a main effect");
        }
      }
    } else if (!components.isEmpty()) {
      throw new IllegalArgumentException("only an interaction has components");
    }
    if (kind == TermKind.SPLINE) {
      if (knotCount < 3) {
        throw new IllegalArgumentException("a restricted cubic spline needs 3 or more knots");
      }
      if (!knots.isEmpty() && knots.size() != knotCount) {
        throw new IllegalArgumentException("knotCount differs from the knots given");
      }
    } else if (knotCount != 0 || !knots.isEmpty()) {
      throw new IllegalArgumentException("only a spline has knots");
    }
  }

  // equals and hashCode written out, as the record would generate them: the generated ones are
  // bootstrapped by invokedynamic, which spins some 26 method-handle classes on every run that
  // hashes a term (each model frame does); Java 17's class-data sharing cannot archive them
  @Override
  public boolean equals(Object o) {
    return o instanceof Term t
        && knotCount == t.knotCount
        && variable.equals(t.variable)
        && kind == t.kind
        && components.equals(t.components)
        && knots.equals(t.knots);
  }

  @Override
  public int hashCode() {
    return Objects.hash(variable, kind, components, knotCount, knots);
  }

  /**
   * A main effect, stratum or cluster term.
   *
   * @param variable the column name
   * @param kind {@link TermKind#AUTO}, {@link TermKind#FACTOR}, {@link TermKind#STRATA} or {@link
   *     TermKind#CLUSTER}
   */
  public Term(String variable, TermKind kind) {
    this(variable, kind, List.of(), 0, List.of());
  }

  /**
   * @param variable the column
   * @param knotCount number of knots, placed at rms's default quantiles of the column
   * @return {@code rcs(variable, knotCount)}
   */
  public static Term spline(String variable, int knotCount) {
    return new Term(variable, TermKind.SPLINE, List.of(), knotCount, List.of());
  }

  /**
   * @param variable the column
   * @param knots the knots, ascending, at least 3
   * @return {@code rcs(variable, c(knots))}
   */
  public static Term spline(String variable, List<Double> knots) {
    return new Term(variable, TermKind.SPLINE, List.of(), knots.size(), knots);
  }

  /**
   * @param components main-effect terms, in the order written
   * @return their interaction, labelled as R labels it ({@code a:factor(b)})
   */
  public static Term interaction(List<Term> components) {
    List<String> parts = new ArrayList<>();
    for (Term c : components) {
      parts.add(c.toString());
    }
    return new Term(String.join(":", parts), TermKind.INTERACTION, components, 0, List.of());
  }

  /**
   * @return whether this is a covariate of one column: {@link TermKind#AUTO}, {@link
   *     TermKind#FACTOR} or {@link TermKind#SPLINE}
   */
  public boolean isMainEffect() {
    return kind == TermKind.AUTO || kind == TermKind.FACTOR || kind == TermKind.SPLINE;
  }

  /**
   * @return the data columns the term reads, in order (one, or an interaction's components')
   */
  public List<String> columns() {
    if (kind != TermKind.INTERACTION) {
      return List.of(variable);
    }
    List<String> list = new ArrayList<>();
    for (Term c : components) {
      list.add(c.variable());
    }
    return list;
  }

  /**
   * @return the main effects the term is made of: itself, or an interaction's components
   */
  public List<Term> mainEffects() {
    return kind == TermKind.INTERACTION ? components : List.of(this);
  }

  /**
   * @return the canonical text: {@code x}, {@code factor(x)}, {@code rcs(x, 4)}, {@code rcs(x,
   *     c(40, 55, 70))}, {@code strata(x)}, {@code cluster(x)} or {@code a:factor(b)}
   */
  @Override
  public String toString() {
    String name = Formula.quote(variable);
    return switch (kind) {
      case AUTO -> name;
      case FACTOR -> "factor(" + name + ")";
      case STRATA -> "strata(" + name + ")";
      case CLUSTER -> "cluster(" + name + ")";
      case SPLINE -> {
        if (knots.isEmpty()) {
          yield "rcs(" + name + ", " + knotCount + ")";
        }
        List<String> k = new ArrayList<>();
        for (double v : knots) {
          k.add(DecimalText.format(v));
        }
        yield "rcs(" + name + ", c(" + String.join(", ", k) + "))";
      }
      case INTERACTION -> variable;
    };
  }
}
