package org.thyra.frame.formula;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Recursive-descent parser for {@link Formula}; reports the position of the first problem. */
final class FormulaParser {
  private enum Kind {
    NAME,
    NUMBER,
    LPAREN,
    RPAREN,
    COMMA,
    TILDE,
    PLUS,
    MINUS,
    STAR,
    COLON,
    OTHER,
    END
  }

  private record Token(Kind kind, String text, int start) {}

  private final String text;
  private final List<Token> tokens = new ArrayList<>();
  private List<String> responseVariables = List.of();
  private int next;

  FormulaParser(String text) {
    this.text = text;
  }

  Formula parse() {
    tokenize();
    checkParentheses();
    if (peek().kind == Kind.END) {
      throw error(0, "the formula is empty; write e.g. Surv(time, status) ~ age + factor(stage)");
    }
    int tildes = 0;
    for (Token t : tokens) {
      if (t.kind == Kind.TILDE && ++tildes == 2) {
        throw error(t.start, "only one '~' is allowed");
      }
    }
    Response response = response();
    Token tilde = take();
    if (tilde.kind != Kind.TILDE) {
      if (tildes == 0) {
        throw error(
            tilde.start,
            "missing '~' between the response and the covariates "
                + "(e.g. Surv(time, status) ~ age)");
      }
      throw unexpected(tilde, "'~' after the response");
    }
    responseVariables = response.variables();
    return new Formula(response, rightSide());
  }

  private Response response() {
    Token first = take();
    if (first.kind == Kind.TILDE) {
      throw error(first.start, "no response before '~' (write Surv(time, event) ~ ... or y ~ ...)");
    }
    if (first.kind != Kind.NAME) {
      throw unexpected(first, "a response: Surv(time, event) or a column name");
    }
    if (peek().kind != Kind.LPAREN) {
      return new VariableResponse(first.text);
    }
    if (first.text.equals("factor")) {
      // factor(y) ~ ...: a binary outcome read as categories, the non-reference level = event (glm)
      take();
      List<Token> args = arguments("factor");
      if (args.size() != 1) {
        throw error(first.start, "factor() takes one column: factor(y) ~ ...");
      }
      return new VariableResponse(args.get(0).text, true);
    }
    if (!first.text.equals("Surv")) {
      throw error(
          first.start,
          "unknown function \""
              + first.text
              + "\" on the left side; use Surv(time, event) or a column name");
    }
    take();
    List<Token> args = arguments("Surv");
    if (args.size() != 2 && args.size() != 3) {
      throw error(
          first.start,
          "Surv() needs a time and an event column, Surv(time, event), or for counting-process"
              + " data Surv(start, stop, event)");
    }
    for (int i = 1; i < args.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (args.get(i).text.equals(args.get(j).text)) {
          throw error(
              args.get(i).start,
              "Surv() names \"" + args.get(i).text + "\" twice; each column once");
        }
      }
    }
    if (args.size() == 3) {
      return new SurvivalResponse(args.get(1).text, args.get(2).text, args.get(0).text);
    }
    return new SurvivalResponse(args.get(0).text, args.get(1).text);
  }

  private List<Term> rightSide() {
    if (peek().kind == Kind.END) {
      throw error(text.length(), "nothing after '~'; name at least one variable (or 1 for none)");
    }
    List<Term> terms = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    List<Boolean> expanded = new ArrayList<>();
    boolean intercept = false;
    while (true) {
      Token first = peek();
      if (first.kind == Kind.NUMBER) {
        take();
        if (!first.text.equals("1")) {
          throw error(
              first.start,
              first.text.equals("0")
                  ? "removing the intercept (0 or -1) is not supported"
                  : "a number ("
                      + first.text
                      + ") is not a term; only 1 (no covariates) is allowed");
        }
        intercept = true;
      } else {
        product(terms, positions, expanded);
      }
      Token after = peek();
      if (after.kind == Kind.END) {
        break;
      }
      if (after.kind == Kind.MINUS) {
        throw error(after.start, "removing terms with '-' is not supported");
      }
      if (after.kind != Kind.PLUS) {
        throw unexpected(after, "'+' between terms");
      }
      take();
    }
    checkDuplicates(terms, positions, expanded);
    if (terms.isEmpty() && !intercept) {
      throw error(text.length(), "nothing after '~'");
    }
    // R's terms(): main effects first, then two-way interactions, then higher, each in order
    List<Term> ordered = new ArrayList<>();
    int maxOrder = 1;
    for (Term t : terms) {
      maxOrder = Math.max(maxOrder, t.mainEffects().size());
    }
    for (int order = 1; order <= maxOrder; order++) {
      for (Term t : terms) {
        if (t.mainEffects().size() == order) {
          ordered.add(t);
        }
      }
    }
    return ordered;
  }

  /**
   * Reads {@code group (* group)*} where a group is {@code atom (: atom)*}; one group adds its
   * term, several add every non-empty combination (R's {@code a*b = a + b + a:b}).
   */
  private void product(List<Term> terms, List<Integer> positions, List<Boolean> expanded) {
    List<List<Term>> groups = new ArrayList<>();
    List<Integer> groupStart = new ArrayList<>();
    while (true) {
      groupStart.add(peek().start);
      List<Term> group = new ArrayList<>();
      List<Integer> atomPositions = new ArrayList<>();
      group.addAll(atom(true, atomPositions));
      if (groups.isEmpty()
          && (group.size() > 1 || !group.get(0).isMainEffect())
          && peek().kind != Kind.COLON
          && peek().kind != Kind.STAR) {
        // strata(a, b) or cluster(id) on its own
        terms.addAll(group);
        positions.addAll(atomPositions);
        expanded.addAll(java.util.Collections.nCopies(group.size(), false));
        return;
      }
      if (groups.isEmpty()
          && group.size() == 1
          && peek().kind != Kind.COLON
          && peek().kind != Kind.STAR) {
        terms.add(group.get(0));
        positions.add(atomPositions.get(0));
        expanded.add(false);
        return;
      }
      while (peek().kind == Kind.COLON) {
        take();
        group.addAll(atom(false, new ArrayList<>()));
      }
      if (group.size() > 1) {
        for (Term g : group) {
          if (!g.isMainEffect()) {
            throw error(groupStart.get(groupStart.size() - 1), g + " cannot be in an interaction");
          }
        }
      }
      groups.add(group);
      if (peek().kind != Kind.STAR) {
        break;
      }
      take();
    }
    if (groups.size() == 1) {
      List<Term> g = groups.get(0);
      if (g.size() == 1) {
        terms.add(g.get(0));
      } else {
        terms.add(interaction(g, groupStart.get(0)));
      }
      positions.add(groupStart.get(0));
      expanded.add(false);
      return;
    }
    for (List<Term> g : groups) {
      for (Term t : g) {
        if (!t.isMainEffect()) {
          throw error(groupStart.get(0), t + " cannot be in an interaction");
        }
      }
    }
    // subsets in R's order: by size, then by the position of their members
    int k = groups.size();
    for (int size = 1; size <= k; size++) {
      for (int mask = 1; mask < (1 << k); mask++) {
        if (Integer.bitCount(mask) != size) {
          continue;
        }
        List<Term> parts = new ArrayList<>();
        for (int i = 0; i < k; i++) {
          if ((mask & (1 << i)) != 0) {
            parts.addAll(groups.get(i));
          }
        }
        terms.add(parts.size() == 1 ? parts.get(0) : interaction(parts, groupStart.get(0)));
        positions.add(groupStart.get(0));
        expanded.add(true);
      }
    }
  }

  private Term interaction(List<Term> parts, int position) {
    List<String> columns = new ArrayList<>();
    for (Term p : parts) {
      if (columns.contains(p.variable())) {
        throw error(position, "the interaction repeats \"" + p.variable() + "\"");
      }
      columns.add(p.variable());
    }
    return Term.interaction(parts);
  }

  /**
   * Reads one name or function call; strata() may give several terms. Inside an interaction ({@code
   * first} false) only a main effect is allowed.
   */
  private List<Term> atom(boolean first, List<Integer> positions) {
    Token t = take();
    switch (t.kind) {
      case NAME -> {
        if (t.text.equals(".") && text.charAt(t.start) == '.') {
          throw error(t.start, "'.' (all other columns) is not supported; name the variables");
        }
        if (peek().kind == Kind.LPAREN) {
          take();
          List<Term> list = new ArrayList<>();
          function(t, list, positions);
          if (!first && !list.get(0).isMainEffect()) {
            throw error(t.start, list.get(0) + " cannot be in an interaction");
          }
          return list;
        }
        positions.add(t.start);
        return List.of(new Term(t.text, TermKind.AUTO));
      }
      case NUMBER ->
          throw error(
              t.start,
              "a number (" + t.text + ") cannot be in an interaction or a product of terms");
      case MINUS -> throw error(t.start, "removing terms with '-' is not supported");
      case END -> throw error(t.start, "a term is missing after '+', '*' or ':'");
      default -> throw unexpected(t, "a variable name, factor(x), rcs(x, k) or strata(x)");
    }
  }

  private void function(Token name, List<Term> terms, List<Integer> positions) {
    switch (name.text) {
      case "factor", "as.factor" -> {
        List<Token> args = arguments(name.text);
        if (args.size() != 1) {
          throw error(name.start, "factor() takes one column: factor(x)");
        }
        terms.add(new Term(args.get(0).text, TermKind.FACTOR));
        positions.add(args.get(0).start);
      }
      case "rcs" -> {
        terms.add(spline(name));
        positions.add(name.start);
      }
      case "strata" -> {
        List<Token> args = arguments(name.text);
        if (args.isEmpty()) {
          throw error(name.start, "strata() needs at least one column: strata(x)");
        }
        for (Token a : args) {
          terms.add(new Term(a.text, TermKind.STRATA));
          positions.add(a.start);
        }
      }
      case "cluster" -> {
        List<Token> args = arguments(name.text);
        if (args.size() != 1) {
          throw error(name.start, "cluster() takes one column: cluster(id)");
        }
        if (terms.stream().anyMatch(t -> t.kind() == TermKind.CLUSTER)) {
          throw error(name.start, "only one cluster() term is allowed");
        }
        terms.add(new Term(args.get(0).text, TermKind.CLUSTER));
        positions.add(args.get(0).start);
      }
      case "Surv" -> throw error(name.start, "Surv() belongs on the left of '~'");
      default ->
          throw error(
              name.start,
              "unknown function \""
                  + name.text
                  + "\"; supported are factor(x), rcs(x, k), strata(x) and cluster(id) (derive other"
                  + " transformations as a new column)");
    }
  }

  /**
   * Reads the arguments of {@code rcs(}: a column, then optionally the number of knots (3 or more;
   * 5 when left out, as rms) or the knots themselves as {@code c(k1, k2, k3, ...)}.
   */
  private Term spline(Token name) {
    Token column = take();
    if (column.kind != Kind.NAME) {
      throw unexpected(column, "a column name inside rcs()");
    }
    if (peek().kind == Kind.LPAREN) {
      throw error(column.start, "nested function calls are not supported inside rcs()");
    }
    Token sep = take();
    if (sep.kind == Kind.RPAREN) {
      return Term.spline(column.text, 5);
    }
    if (sep.kind != Kind.COMMA) {
      throw unexpected(sep, "',' or ')' in rcs()");
    }
    Token arg = take();
    Term term;
    if (arg.kind == Kind.NUMBER) {
      int k;
      try {
        k = Integer.parseInt(arg.text);
      } catch (NumberFormatException e) {
        throw error(arg.start, "the number of knots must be a whole number, got " + arg.text);
      }
      if (k < 3) {
        throw error(arg.start, "a restricted cubic spline needs at least 3 knots, got " + k);
      }
      if (k > 10) {
        throw error(arg.start, k + " knots are more than rcs() supports (3 to 10)");
      }
      term = Term.spline(column.text, k);
    } else if (arg.kind == Kind.NAME && arg.text.equals("c") && peek().kind == Kind.LPAREN) {
      take();
      List<Double> knots = new ArrayList<>();
      while (true) {
        boolean negative = false;
        Token v = take();
        if (v.kind == Kind.MINUS) {
          negative = true;
          v = take();
        }
        if (v.kind != Kind.NUMBER) {
          throw unexpected(v, "a number (a knot) inside c()");
        }
        double x = org.thyra.frame.DecimalText.parse(v.text);
        if (Double.isNaN(x) || Double.isInfinite(x)) {
          throw error(v.start, "\"" + v.text + "\" is not a number");
        }
        if (negative) {
          x = -x;
        }
        if (!knots.isEmpty() && !(x > knots.get(knots.size() - 1))) {
          throw error(v.start, "knots must be increasing");
        }
        knots.add(x);
        Token s = take();
        if (s.kind == Kind.RPAREN) {
          break;
        }
        if (s.kind != Kind.COMMA) {
          throw unexpected(s, "',' or ')' in c()");
        }
      }
      if (knots.size() < 3) {
        throw error(arg.start, "a restricted cubic spline needs at least 3 knots");
      }
      term = Term.spline(column.text, knots);
    } else {
      throw unexpected(arg, "the number of knots or c(knot1, knot2, ...) in rcs()");
    }
    Token close = take();
    if (close.kind != Kind.RPAREN) {
      throw unexpected(close, "')' closing rcs()");
    }
    return term;
  }

  /** Reads {@code name (, name)* )} after an opening parenthesis. */
  private List<Token> arguments(String function) {
    List<Token> args = new ArrayList<>();
    if (peek().kind == Kind.RPAREN) {
      take();
      return args;
    }
    while (true) {
      Token t = take();
      if (t.kind != Kind.NAME) {
        throw unexpected(t, "a column name inside " + function + "()");
      }
      if (peek().kind == Kind.LPAREN) {
        throw error(t.start, "nested function calls are not supported inside " + function + "()");
      }
      args.add(t);
      Token sep = take();
      if (sep.kind == Kind.RPAREN) {
        return args;
      }
      if (sep.kind != Kind.COMMA) {
        throw unexpected(sep, "',' or ')' in " + function + "()");
      }
    }
  }

  private void checkDuplicates(List<Term> terms, List<Integer> positions, List<Boolean> expanded) {
    Map<String, Integer> firstUse = new HashMap<>();
    int clusters = 0;
    for (int i = 0; i < terms.size(); i++) {
      Term t = terms.get(i);
      if (t.kind() == TermKind.CLUSTER && ++clusters == 2) {
        throw error(positions.get(i), "only one cluster() term is allowed");
      }
      for (String v : t.columns()) {
        if (responseVariables.contains(v)) {
          throw error(
              positions.get(i), "\"" + v + "\" is in the response and cannot also be a term");
        }
      }
      String key = t.variable(); // a column, or an interaction's label
      Integer before = firstUse.putIfAbsent(key, i);
      if (before != null) {
        if ((expanded.get(before) || expanded.get(i)) && terms.get(before).equals(t)) {
          // a*b + a: R keeps one a
          terms.remove(i);
          positions.remove(i);
          expanded.remove(i);
          i--;
          continue;
        }
        throw error(
            positions.get(i),
            t.kind() == TermKind.INTERACTION
                ? "the term " + t + " is used twice"
                : "variable \"" + key + "\" is used twice");
      }
    }
  }

  private Token peek() {
    return tokens.get(next);
  }

  private Token take() {
    Token t = tokens.get(next);
    if (t.kind != Kind.END) {
      next++;
    }
    return t;
  }

  private FormulaException unexpected(Token t, String expected) {
    String found = t.kind == Kind.END ? "the end of the formula" : "'" + t.text + "'";
    return error(t.start, "expected " + expected + " but found " + found);
  }

  private FormulaException error(int position, String problem) {
    return new FormulaException(text, position, problem);
  }

  private void checkParentheses() {
    List<Integer> open = new ArrayList<>();
    for (Token t : tokens) {
      if (t.kind == Kind.LPAREN) {
        open.add(t.start);
      } else if (t.kind == Kind.RPAREN) {
        if (open.isEmpty()) {
          throw error(t.start, "unbalanced parentheses: ')' without a matching '('");
        }
        open.remove(open.size() - 1);
      }
    }
    if (!open.isEmpty()) {
      throw error(open.get(open.size() - 1), "unbalanced parentheses: '(' is never closed");
    }
  }

  private void tokenize() {
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int start = i;
      if (c == '`') {
        int close = text.indexOf('`', i + 1);
        if (close < 0) {
          throw error(start, "a backquoted name is never closed");
        }
        if (close == i + 1) {
          throw error(start, "empty backquoted name");
        }
        tokens.add(new Token(Kind.NAME, text.substring(i + 1, close), start));
        i = close + 1;
      } else if (Character.isLetter(c)
          || c == '.' && !(i + 1 < n && Character.isDigit(text.charAt(i + 1)))) {
        while (i < n
            && (Character.isLetterOrDigit(text.charAt(i))
                || text.charAt(i) == '.'
                || text.charAt(i) == '_')) {
          i++;
        }
        tokens.add(new Token(Kind.NAME, text.substring(start, i), start));
      } else if (Character.isDigit(c) || c == '.') {
        while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '.')) {
          i++;
        }
        tokens.add(new Token(Kind.NUMBER, text.substring(start, i), start));
      } else {
        Kind kind =
            switch (c) {
              case '(' -> Kind.LPAREN;
              case ')' -> Kind.RPAREN;
              case ',' -> Kind.COMMA;
              case '~' -> Kind.TILDE;
              case '+' -> Kind.PLUS;
              case '-' -> Kind.MINUS;
              case '*' -> Kind.STAR;
              case ':' -> Kind.COLON;
              default -> Kind.OTHER;
            };
        tokens.add(new Token(kind, String.valueOf(c), start));
        i++;
      }
    }
    tokens.add(new Token(Kind.END, "", n));
  }
}
