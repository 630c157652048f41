package io.clusterstacks.core.model;

import io.clusterstacks.core.ClusterStacksException;
import java.util.List;

/** Every problem found while building a model value, reported at once. */
public class ModelValidationException extends ClusterStacksException {
  private static final long serialVersionUID = 1L;

  private final transient List<ModelProblem> problems;

  /**
   * Creates the exception.
   *
   * @param problems the problems, at least one
   */
  public ModelValidationException(List<ModelProblem> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  private static String message(List<ModelProblem> problems) {
    StringBuilder sb = new StringBuilder();
    sb.append(problems.size()).append(problems.size() == 1 ? " problem" : " problems").append(" in the cluster model:");
    for (ModelProblem p : problems) {
      sb.append("\n  - ").append(p);
    }
    return sb.toString();
  }

  /**
   * Throws when the list is not empty.
   *
   * @param problems the problems found
   * @throws ModelValidationException listing them all
   */
  public static void throwIfAny(List<ModelProblem> problems) {
    if (!problems.isEmpty()) {
      throw new ModelValidationException(problems);
    }
  }

  /**
   * The problems, in the order found.
   *
   * @return the problems
   */
  public List<ModelProblem> problems() {
    return problems;
  }
}
