package io.clusterstacks.core.plan.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a search found for one role: the best candidate (or none), the next best flavors, and cheaper
 * flavors that were rejected with their reasons.
 *
 * @param best the best feasible candidate, or null when nothing is feasible
 * @param runnersUp the best candidate of each other flavor, best first, at most three
 * @param rejected flavors that failed the requirements, cheapest first, at most eight, with why
 * @param infeasibleReasons when nothing is feasible: the violations that blocked the best flavor group
 */
public record RoleOutcome(@Nullable Evaluation best, List<Evaluation> runnersUp, List<Rejected> rejected,
    List<String> infeasibleReasons) {

  /**
   * A flavor that does not meet the role's requirements.
   *
   * @param flavor the flavor
   * @param violations why
   */
  public record Rejected(FlavorFacts flavor, List<String> violations) {}

  /**
   * A short identity of the decision for comparisons.
   *
   * @return the best candidate's decision, or {@code infeasible}
   */
  public String decision() {
    return best == null ? "infeasible" : best.decision();
  }
}
