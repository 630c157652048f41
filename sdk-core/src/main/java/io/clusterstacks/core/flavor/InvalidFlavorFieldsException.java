package io.clusterstacks.core.flavor;

import io.clusterstacks.core.ClusterStacksException;
import java.util.List;
import java.util.stream.Collectors;

/** Fields given to {@link ScsFlavorName.Builder} that make no valid SCS flavor name; lists all problems. */
public class InvalidFlavorFieldsException extends ClusterStacksException {
  private static final long serialVersionUID = 1L;

  /** Every problem found. */
  private final List<FlavorFieldProblem> problems;

  /**
   * Creates the exception.
   *
   * @param problems every problem found, at least one
   */
  public InvalidFlavorFieldsException(List<FlavorFieldProblem> problems) {
    super("cannot build an SCS flavor name, " + problems.size() + " problem(s): "
        + problems.stream().map(FlavorFieldProblem::toString).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  /**
   * Every problem found.
   *
   * @return the problems, in field order
   */
  public List<FlavorFieldProblem> problems() {
    return problems;
  }
}
