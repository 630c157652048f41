package io.clusterstacks.core.plan.internal;

import java.util.List;

/** A search over one role's candidates: the planner's {@link Search} or the oracle {@link BruteForce}. */
@FunctionalInterface
public interface RoleSearch {
  /**
   * Searches one role.
   *
   * @param ctx the role
   * @param flavors every flavor's facts
   * @return the outcome
   */
  RoleOutcome run(RoleContext ctx, List<FlavorFacts> flavors);
}
