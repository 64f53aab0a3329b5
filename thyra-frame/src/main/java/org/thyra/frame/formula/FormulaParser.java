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
    boolean intercept = false;
    while (true) {
      Token t = take();
      switch (t.kind) {
        case NAME -> {
          if (t.text.equals(".") && text.charAt(t.start) == '.') {
            throw error(t.start, "'.' (all other columns) is not supported; name the variables");
          }
          if (peek().kind == Kind.LPAREN) {
            take();
            function(t, terms, positions);
          } else {
            terms.add(new Term(t.text, TermKind.AUTO));
            positions.add(t.start);
          }
        }
        case NUMBER -> {
          if (!t.text.equals("1")) {
            throw error(
                t.start,
                t.text.equals("0")
                    ? "removing the intercept (0 or -1) is not supported"
                    : "a number (" + t.text + ") is not a term; only 1 (no covariates) is allowed");
          }
          intercept = true;
        }
        case MINUS -> throw error(t.start, "removing terms with '-' is not supported");
        case END -> throw error(t.start, "a term is missing after '+'");
        default -> throw unexpected(t, "a variable name, factor(x) or strata(x)");
      }
      Token after = peek();
      if (after.kind == Kind.END) {
        break;
      }
      if (after.kind == Kind.STAR || after.kind == Kind.COLON) {
        throw error(
            after.start,
            "interactions (a*b, a:b) are not supported yet; "
                + "add the variables as separate terms (a + b)");
      }
      if (after.kind == Kind.MINUS) {
        throw error(after.start, "removing terms with '-' is not supported");
      }
      if (after.kind != Kind.PLUS) {
        throw unexpected(after, "'+' between terms");
      }
      take();
    }
    checkDuplicates(terms, positions);
    if (terms.isEmpty() && !intercept) {
      throw error(text.length(), "nothing after '~'");
    }
    return terms;
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
                  + "\"; supported are factor(x), strata(x) and cluster(id) (derive other transformations"
                  + " as a new column)");
    }
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

  private void checkDuplicates(List<Term> terms, List<Integer> positions) {
    Map<String, Integer> firstUse = new HashMap<>();
    for (int i = 0; i < terms.size(); i++) {
      String v = terms.get(i).variable();
      if (responseVariables.contains(v)) {
        throw error(positions.get(i), "\"" + v + "\" is in the response and cannot also be a term");
      }
      if (firstUse.putIfAbsent(v, i) != null) {
        throw error(positions.get(i), "variable \"" + v + "\" is used twice");
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
