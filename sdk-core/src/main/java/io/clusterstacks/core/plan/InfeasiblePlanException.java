package io.clusterstacks.core.plan;

import io.clusterstacks.core.ClusterStacksException;
import java.util.List;

/**
 * No plan satisfies the request on this cloud. Lists every violated constraint and the options that
 * would work.
 */
public class InfeasiblePlanException extends ClusterStacksException {
  private static final long serialVersionUID = 1L;

  /** The role that cannot be planned. */
  private final String role;
  private final transient List<String> violations;
  private final transient List<Alternative> options;

  /**
   * Creates the exception.
   *
   * @param role the role that cannot be planned ({@code control-plane}, a deployment name or {@code cluster})
   * @param violations the violated constraints
   * @param options changes that would make the request plannable, with what the plan would then be
   */
  public InfeasiblePlanException(String role, List<String> violations, List<Alternative> options) {
    super(render(role, violations, options));
    this.role = role;
    this.violations = List.copyOf(violations);
    this.options = List.copyOf(options);
  }

  private static String render(String role, List<String> violations, List<Alternative> options) {
    StringBuilder sb = new StringBuilder("no plan for ").append(role).append(":");
    for (String v : violations) {
      sb.append("\n  - ").append(v);
    }
    if (options.isEmpty()) {
      sb.append("\nno single change makes it plannable; relax the requirements");
    } else {
      sb.append("\noptions that would work:");
      for (Alternative o : options) {
        sb.append("\n  * ").append(o);
      }
    }
    return sb.toString();
  }

  /**
   * The role that cannot be planned.
   *
   * @return the role name
   */
  public String role() {
    return role;
  }

  /**
   * The violated constraints.
   *
   * @return one sentence each
   */
  public List<String> violations() {
    return violations;
  }

  /**
   * Changes that would work.
   *
   * @return the options, possibly empty
   */
  public List<Alternative> options() {
    return options;
  }
}
