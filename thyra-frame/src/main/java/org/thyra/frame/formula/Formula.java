package org.thyra.frame.formula;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A model formula in R's notation: {@code Surv(time, event) ~ x + factor(g) + rcs(age, 4) + a:b +
 * strata(s)} or {@code y ~ x * factor(g)}.
 *
 * <p>Names follow R: letters, digits, {@code .} and {@code _}, not starting with a digit; any other
 * name is written in backquotes ({@code `Age at dx`}). {@code 1} on the right means "no covariates"
 * ({@code Surv(t, e) ~ 1}). {@code a*b} expands to {@code a + b + a:b} and terms are ordered as R's
 * {@code terms()} orders them (main effects, then two-way, then higher interactions). Other
 * functions, removal ({@code - x}) and a variable used twice as a main effect are rejected with a
 * {@link FormulaException}.
 *
 * @param response the left-hand side
 * @param terms the right-hand-side terms in the order written ({@code strata(a, b)} gives two
 *     {@link TermKind#STRATA} terms)
 */
public record Formula(Response response, List<Term> terms) {
  private static final Pattern SYNTACTIC =
      Pattern.compile("(?:[A-Za-z]|\\.(?![0-9]))[A-Za-z0-9._]*|\\.");

  /**
   * Checks and copies the components, so that a formula built in code (e.g. from the CLI's {@code
   * --time --event --group} options) obeys the same rules as a parsed one.
   *
   * @throws FormulaException when a variable is used twice, or in the response and a term
   */
  public Formula {
    Objects.requireNonNull(response, "response");
    terms = List.copyOf(terms);
    List<String> seen = new ArrayList<>(response.variables());
    if (seen.size() == 2 && seen.get(0).equals(seen.get(1))) {
      throw new FormulaException(
          response.toString(), 0, "\"" + seen.get(0) + "\" is both the time and the event");
    }
    java.util.Map<String, Term> mainEffect = new java.util.HashMap<>();
    java.util.Set<String> interactions = new java.util.HashSet<>();
    StringBuilder text = new StringBuilder(response.toString()).append(" ~ ");
    for (int i = 0; i < terms.size(); i++) {
      Term t = Objects.requireNonNull(terms.get(i), "term");
      if (i > 0) {
        text.append(" + ");
      }
      int position = text.length();
      text.append(t);
      if (t.kind() == TermKind.INTERACTION) {
        if (!interactions.add(t.variable())) {
          throw new FormulaException(text.toString(), position, "the term " + t + " is used twice");
        }
        continue;
      }
      if (seen.contains(t.variable())) {
        String problem =
            response.variables().contains(t.variable())
                ? "\"" + t.variable() + "\" is in the response and cannot also be a term"
                : "variable \"" + t.variable() + "\" is used twice";
        throw new FormulaException(text.toString(), position, problem);
      }
      seen.add(t.variable());
      if (t.isMainEffect()) {
        mainEffect.put(t.variable(), t);
      }
    }
    // an interaction's components: columns not in the response, not repeated, and written as
    // their main effect is (age:sex with factor(sex) would be two codings of one column)
    String whole = text.toString();
    for (Term t : terms) {
      if (t.kind() != TermKind.INTERACTION) {
        continue;
      }
      List<String> columns = new ArrayList<>();
      for (Term c : t.components()) {
        int position = Math.max(0, whole.indexOf(t.toString()));
        if (response.variables().contains(c.variable())) {
          throw new FormulaException(
              whole,
              position,
              "\"" + c.variable() + "\" is in the response and cannot also be in " + t);
        }
        if (columns.contains(c.variable())) {
          throw new FormulaException(
              whole, position, "the interaction " + t + " uses \"" + c.variable() + "\" twice");
        }
        columns.add(c.variable());
        Term main = mainEffect.get(c.variable());
        if (main != null && !main.equals(c)) {
          throw new FormulaException(
              whole,
              position,
              "the interaction "
                  + t
                  + " writes "
                  + c
                  + " but the main effect is "
                  + main
                  + "; write the column the same way in both");
        }
        if (main == null && strataOrCluster(terms, c.variable())) {
          throw new FormulaException(
              whole,
              position,
              "\"" + c.variable() + "\" is a stratum or cluster and cannot also be in " + t);
        }
      }
    }
  }

  private static boolean strataOrCluster(List<Term> terms, String column) {
    for (Term t : terms) {
      if ((t.kind() == TermKind.STRATA || t.kind() == TermKind.CLUSTER)
          && t.variable().equals(column)) {
        return true;
      }
    }
    return false;
  }

  /**
   * @param text the formula, e.g. {@code Surv(time, status) ~ age + factor(sex) + strata(inst)}
   * @return the parsed formula
   * @throws FormulaException when the text is not a supported formula
   */
  public static Formula parse(String text) {
    return new FormulaParser(Objects.requireNonNull(text, "formula")).parse();
  }

  /**
   * @return the covariate terms ({@link TermKind#AUTO} and {@link TermKind#FACTOR}) in order
   */
  public List<Term> covariates() {
    List<Term> list = new ArrayList<>();
    for (Term t : terms) {
      if (t.kind() != TermKind.STRATA && t.kind() != TermKind.CLUSTER) {
        list.add(t);
      }
    }
    return list;
  }

  /**
   * @return the names of the strata variables in order
   */
  public List<String> strata() {
    List<String> list = new ArrayList<>();
    for (Term t : terms) {
      if (t.kind() == TermKind.STRATA) {
        list.add(t.variable());
      }
    }
    return list;
  }

  /**
   * @return the column of the {@code cluster(x)} term, or {@code null} when there is none
   */
  public String cluster() {
    for (Term t : terms) {
      if (t.kind() == TermKind.CLUSTER) {
        return t.variable();
      }
    }
    return null;
  }

  /**
   * @return every column the formula uses (response first), e.g. to pass to {@code
   *     TableReader.read} so that only these columns are parsed
   */
  public List<String> variables() {
    LinkedHashSet<String> names = new LinkedHashSet<>(response.variables());
    for (Term t : terms) {
      names.addAll(t.columns());
    }
    return List.copyOf(names);
  }

  /**
   * @return the columns to read as categories: those of {@code factor()}, {@code strata()} and
   *     {@code cluster()} terms, also inside interactions
   */
  public List<String> categoricalColumns() {
    LinkedHashSet<String> names = new LinkedHashSet<>();
    for (Term t : terms) {
      if (t.kind() == TermKind.STRATA || t.kind() == TermKind.CLUSTER) {
        names.add(t.variable());
      }
      for (Term m : t.kind() == TermKind.INTERACTION ? t.components() : List.of(t)) {
        if (m.kind() == TermKind.FACTOR) {
          names.add(m.variable());
        }
      }
    }
    return List.copyOf(names);
  }

  /**
   * @return whether a term is an interaction or a spline (commands that do not support them reject
   *     the formula)
   */
  public boolean hasInteractionsOrSplines() {
    for (Term t : terms) {
      if (t.kind() == TermKind.INTERACTION || t.kind() == TermKind.SPLINE) {
        return true;
      }
    }
    return false;
  }

  /**
   * @return the canonical text, e.g. {@code Surv(time, status) ~ age + factor(sex) + strata(inst)}
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(response.toString()).append(" ~ ");
    if (terms.isEmpty()) {
      return sb.append('1').toString();
    }
    for (int i = 0; i < terms.size(); i++) {
      sb.append(i > 0 ? " + " : "").append(terms.get(i));
    }
    return sb.toString();
  }

  /**
   * @return the name, in backquotes unless it is a syntactic R name
   */
  static String quote(String name) {
    return SYNTACTIC.matcher(name).matches() ? name : "`" + name + "`";
  }
}
