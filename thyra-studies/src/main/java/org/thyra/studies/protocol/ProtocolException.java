package org.thyra.studies.protocol;

import java.util.List;
import java.util.stream.Collectors;

/** A protocol that cannot be run: every problem found, each with its YAML line and column. */
public final class ProtocolException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient List<ProtocolProblem> problems;

  public ProtocolException(List<ProtocolProblem> problems) {
    super(problems.stream().map(ProtocolProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  /** The problems, in file order. */
  public List<ProtocolProblem> problems() {
    return problems;
  }
}
