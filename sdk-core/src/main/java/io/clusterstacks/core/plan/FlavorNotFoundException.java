package io.clusterstacks.core.plan;

import java.util.List;

/**
 * A pinned flavor (by name or ID) is not in the cloud profile; lists the nearest flavors.
 */
public class FlavorNotFoundException extends InfeasiblePlanException {
  private static final long serialVersionUID = 1L;

  /** The name or ID asked for. */
  private final String requested;
  private final transient List<String> nearest;

  /**
   * Creates the exception.
   *
   * @param role the role that pinned it
   * @param requested the name or ID asked for
   * @param nearest the nearest flavor names, best first
   * @param options the nearest flavors with what they offer
   */
  public FlavorNotFoundException(String role, String requested, List<String> nearest, List<Alternative> options) {
    super(role, List.of("flavor '" + requested + "' is not in the cloud profile (no flavor has this name or ID)"), options);
    this.requested = requested;
    this.nearest = List.copyOf(nearest);
  }

  /**
   * The name or ID asked for.
   *
   * @return the requested flavor
   */
  public String requested() {
    return requested;
  }

  /**
   * The nearest flavor names, best first.
   *
   * @return at most three names
   */
  public List<String> nearest() {
    return nearest;
  }
}
