package org.thyra.frame.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FormulaTest {
  @Test
  void parsesSurvivalFormula() {
    Formula f = Formula.parse("Surv(time, status) ~ age + factor(sex) + strata(inst)");
    assertThat(f.response()).isEqualTo(new SurvivalResponse("time", "status"));
    assertThat(f.terms())
        .containsExactly(
            new Term("age", TermKind.AUTO),
            new Term("sex", TermKind.FACTOR),
            new Term("inst", TermKind.STRATA));
    assertThat(f.covariates()).hasSize(2);
    assertThat(f.strata()).containsExactly("inst");
    assertThat(f.variables()).containsExactly("time", "status", "age", "sex", "inst");
  }

  @Test
  void parsesVariableResponseWithoutSpaces() {
    Formula f = Formula.parse("y~x+factor(g)");
    assertThat(f.response()).isEqualTo(new VariableResponse("y"));
    assertThat(f.toString()).isEqualTo("y ~ x + factor(g)");
  }

  @Test
  void backquotedNames() {
    Formula f = Formula.parse("Surv(`follow up`, `dead?`) ~ `Age at dx` + factor( `T stage` )");
    assertThat(f.response()).isEqualTo(new SurvivalResponse("follow up", "dead?"));
    assertThat(f.terms().get(0).variable()).isEqualTo("Age at dx");
    assertThat(f.toString())
        .isEqualTo("Surv(`follow up`, `dead?`) ~ `Age at dx` + factor(`T stage`)");
  }

  @Test
  void severalStrataAndMultiArgumentStrata() {
    Formula f = Formula.parse("Surv(t,e) ~ x + strata(a, b) + strata(c)");
    assertThat(f.strata()).containsExactly("a", "b", "c");
    assertThat(f.toString()).isEqualTo("Surv(t, e) ~ x + strata(a) + strata(b) + strata(c)");
  }

  @Test
  void interceptOnlyMeansNoCovariates() {
    Formula f = Formula.parse("Surv(t, e) ~ 1");
    assertThat(f.terms()).isEmpty();
    assertThat(f.toString()).isEqualTo("Surv(t, e) ~ 1");
  }

  @Test
  void backquotedDotIsAColumnName() {
    assertThat(Formula.parse("y ~ `.`").terms()).containsExactly(new Term(".", TermKind.AUTO));
  }

  @Test
  void namesWithDotsAndUnderscores() {
    Formula f = Formula.parse("Surv(time.m, dead_01) ~ ph.ecog + .x");
    assertThat(f.variables()).containsExactly("time.m", "dead_01", "ph.ecog", ".x");
  }

  @Test
  void canonicalFormRoundTrips() {
    String text = "Surv(time, status) ~ age + factor(`ph ecog`) + strata(sex)";
    Formula f = Formula.parse(text);
    assertThat(Formula.parse(f.toString())).isEqualTo(f);
    assertThat(f.toString()).isEqualTo(text);
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("Surv(t, e) age + sex", "missing '~'", 12),
        Arguments.of("y", "missing '~'", 2),
        Arguments.of("y ~ .", "'.' (all other columns) is not supported", 5),
        Arguments.of(
            "Surv(time, status == 2) ~ x", "expected ',' or ')' in Surv() but found '='", 19),
        Arguments.of("y ~ I(x^2)", "unknown function \"I\"", 5),
        Arguments.of("Surv(t, e ~ age", "'(' is never closed", 5),
        Arguments.of("Surv(t, e)) ~ age", "')' without a matching '('", 11),
        Arguments.of("Surv(t, e) ~ log(age)", "unknown function \"log\"", 14),
        Arguments.of("Surv(t, e) ~ a:strata(b)", "strata(b) cannot be in an interaction", 16),
        Arguments.of("Surv(t, e) ~ rcs(a, 2)", "at least 3 knots", 21),
        Arguments.of("y ~ a:a", "the interaction repeats \"a\"", 5),
        Arguments.of("y ~ rcs(a, c(3, 2, 5))", "knots must be increasing", 17),
        Arguments.of("y ~ rcs(a, 4.5)", "whole number", 12),
        Arguments.of("y ~ a:b + b:c + a:b", "the term a:b is used twice", 17),
        Arguments.of("y ~ x + cluster(a) + cluster(b)", "only one cluster() term", 30),
        Arguments.of("Surv(t, e) ~ ", "nothing after '~'", 14),
        Arguments.of("Surv(t, e) ~ a + a", "variable \"a\" is used twice", 18),
        Arguments.of("Surv(t, e) ~ a + factor(a)", "variable \"a\" is used twice", 25),
        Arguments.of("Surv(t, e) ~ t", "\"t\" is in the response", 14),
        Arguments.of("Surv(t, e) ~ a +", "a term is missing after '+'", 17),
        Arguments.of("Surv(t) ~ a", "Surv() needs a time and an event", 1),
        Arguments.of("Surv(a, b, c, d) ~ x", "Surv(start, stop, event)", 1),
        Arguments.of("Surv(a, b, a) ~ x", "names \"a\" twice", 12),
        Arguments.of("log(y) ~ x", "unknown function \"log\" on the left", 1),
        Arguments.of("~ x", "no response before '~'", 1),
        Arguments.of("y ~ x ~ z", "only one '~'", 7),
        Arguments.of("y ~ x - z", "removing terms", 7),
        Arguments.of("y ~ 0 + x", "removing the intercept", 5),
        Arguments.of("y ~ x + `abc", "never closed", 9),
        Arguments.of("y ~ factor(a, b)", "factor() takes one column", 5),
        Arguments.of("y ~ x y", "expected '+' between terms but found 'y'", 7),
        Arguments.of("y ~ x == 1", "expected '+' between terms but found '='", 7),
        Arguments.of("   ", "the formula is empty", 1),
        Arguments.of("y ~ x + Surv(t, e)", "Surv() belongs on the left", 9));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedFormulasPointAtTheProblem(String text, String problem, int column) {
    FormulaException e = catchThrowableOfType(FormulaException.class, () -> Formula.parse(text));
    assertThat(e).as(text).isNotNull();
    assertThat(e.getMessage()).contains(problem).contains("(at character " + column + ")");
    assertThat(e.position()).isEqualTo(column - 1);
    String[] lines = e.getMessage().split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[1]).isEqualTo("  " + text);
    assertThat(lines[2]).isEqualTo("  " + " ".repeat(column - 1) + "^");
    assertThat(e.file()).isNull();
    assertThat(e.formula()).isEqualTo(text);
  }

  @Test
  void formulaExceptionIsAnInputException() {
    assertThat(catchThrowableOfType(org.thyra.frame.InputException.class, () -> Formula.parse("y")))
        .isInstanceOf(FormulaException.class);
  }

  @Test
  void formulasBuiltInCodeFollowTheSameRules() {
    Formula ok =
        new Formula(
            new SurvivalResponse("t", "e"),
            List.of(new Term("g", TermKind.FACTOR), new Term("s", TermKind.STRATA)));
    assertThat(ok.toString()).isEqualTo("Surv(t, e) ~ factor(g) + strata(s)");
    FormulaException twice =
        catchThrowableOfType(
            FormulaException.class,
            () ->
                new Formula(
                    new SurvivalResponse("t", "e"),
                    List.of(new Term("g", TermKind.FACTOR), new Term("g", TermKind.STRATA))));
    assertThat(twice.getMessage()).contains("variable \"g\" is used twice");
    assertThat(twice.formula()).isEqualTo("Surv(t, e) ~ factor(g) + strata(g)");
    assertThat(twice.position()).isEqualTo(25);
    assertThat(
            catchThrowableOfType(
                FormulaException.class,
                () ->
                    new Formula(
                        new SurvivalResponse("t", "e"), List.of(new Term("e", TermKind.AUTO)))))
        .hasMessageContaining("\"e\" is in the response");
    assertThat(
            catchThrowableOfType(
                FormulaException.class,
                () -> new Formula(new SurvivalResponse("t", "t"), List.of())))
        .hasMessageContaining("both the time and the event");
  }

  @Test
  void recordComponentsAreImmutable() {
    Formula f =
        new Formula(
            new VariableResponse("y"),
            new java.util.ArrayList<>(List.of(new Term("x", TermKind.AUTO))));
    assertThat(f.terms()).isUnmodifiable();
  }

  @Test
  void termsAreEqualExactlyWhenEveryComponentIs() {
    // equals/hashCode are written out (not the record's generated ones): each field must count
    Term age = new Term("age", TermKind.AUTO);
    Term sex = new Term("sex", TermKind.FACTOR);
    List<Term> same =
        List.of(
            new Term("age", TermKind.AUTO),
            Formula.parse("y ~ age").terms().get(0),
            new Term("age", TermKind.AUTO, List.of(), 0, List.of()));
    for (Term t : same) {
      assertThat(t).isEqualTo(age).hasSameHashCodeAs(age);
    }
    List<Term> different =
        List.of(
            new Term("Age", TermKind.AUTO),
            new Term("age", TermKind.FACTOR),
            new Term("age", TermKind.STRATA),
            Term.spline("age", 3),
            Term.spline("age", 4),
            Term.spline("age", List.of(40.0, 55.0, 70.0)),
            Term.spline("age", List.of(40.0, 55.0, 71.0)),
            Term.interaction(List.of(age, sex)),
            Term.interaction(List.of(sex, age)));
    for (int i = 0; i < different.size(); i++) {
      assertThat(different.get(i)).isNotEqualTo(age).isNotEqualTo(null).isNotEqualTo("age");
      for (int j = 0; j < different.size(); j++) {
        if (i != j) {
          assertThat(different.get(i)).isNotEqualTo(different.get(j));
        }
      }
    }
    assertThat(Term.interaction(List.of(age, sex)))
        .isEqualTo(Formula.parse("y ~ age:factor(sex)").terms().get(0))
        .hasSameHashCodeAs(Formula.parse("y ~ age:factor(sex)").terms().get(0));
    assertThat(Term.spline("age", 3)).isEqualTo(Formula.parse("y ~ rcs(age, 3)").terms().get(0));
  }
}
