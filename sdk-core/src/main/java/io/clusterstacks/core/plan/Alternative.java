package io.clusterstacks.core.plan;

import java.util.Objects;

/**
 * A change the user could make, and what the plan would then be.
 *
 * @param change what to change (e.g. "add 1 hypervisor (4 in total)")
 * @param outcome what the planner would then choose and what it means
 */
public record Alternative(String change, String outcome) {
  /**
   * Checks both parts are present.
   *
   * @param change what to change
   * @param outcome what the plan would then be
   */
  public Alternative {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(outcome, "outcome");
  }

  @Override
  public String toString() {
    return change + ": " + outcome;
  }
}
