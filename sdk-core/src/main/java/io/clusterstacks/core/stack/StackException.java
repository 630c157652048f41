package io.clusterstacks.core.stack;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import java.util.List;

/**
 * A class name, stack version, release or dialect id that cannot be understood: an
 * {@link InvalidInputException} whose problems name the field, the value received (shortened) and
 * what is accepted.
 */
public class StackException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param problems every problem found, at least one
   */
  public StackException(List<Problem> problems) {
    super(problems);
  }

  /**
   * Creates the exception for one problem.
   *
   * @param path the field, e.g. {@code className}
   * @param value the value received
   * @param fix what is accepted
   */
  public StackException(String path, String value, String fix) {
    this(List.of(Problem.of(path, value, fix)));
  }
}
