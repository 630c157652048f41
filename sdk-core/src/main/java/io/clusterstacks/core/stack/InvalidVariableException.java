package io.clusterstacks.core.stack;

import io.clusterstacks.core.Problem;
import java.util.List;

/**
 * A ClusterClass variable the dialect does not have, or a value of the wrong type or format.
 *
 * <p>The message lists the dialect's valid variable names (for an unknown name) or the expected type
 * (for a wrong value).
 */
public class InvalidVariableException extends StackException {
  private static final long serialVersionUID = 1L;

  /** The variable name that was set. */
  private final String variable;
  /** The names the dialect accepts. */
  private final transient List<String> validNames;

  /**
   * Creates the exception.
   *
   * @param variable the variable name that was set
   * @param validNames the names the dialect accepts
   * @param problems what is wrong with the name or value, and the fix
   */
  public InvalidVariableException(String variable, List<String> validNames, List<Problem> problems) {
    super(problems);
    this.variable = variable;
    this.validNames = List.copyOf(validNames);
  }

  /**
   * The variable name that was set.
   *
   * @return the name as given
   */
  public String variable() {
    return variable;
  }

  /**
   * The variable names the dialect accepts.
   *
   * @return the names in the dialect's order
   */
  public List<String> validNames() {
    return validNames;
  }
}
