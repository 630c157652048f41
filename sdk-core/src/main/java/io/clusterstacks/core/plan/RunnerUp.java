package io.clusterstacks.core.plan;

import java.util.Objects;

/**
 * An option the planner considered and did not choose, with why it lost.
 *
 * @param name the flavor or policy
 * @param whyLost one sentence
 */
public record RunnerUp(String name, String whyLost) {
  /**
   * Checks both parts are present.
   *
   * @param name the flavor or policy
   * @param whyLost one sentence
   */
  public RunnerUp {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(whyLost, "whyLost");
  }

  @Override
  public String toString() {
    return name + ": " + whyLost;
  }
}
