package io.clusterstacks.core.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The placement chosen for a role: the server-group policy, the rollout surge, how many groups, what
 * that means per hypervisor, and why.
 *
 * @param policy the policy
 * @param maxSurge the rollout maxSurge the plan uses
 * @param groupSizes the replicas per server group (one entry unless the member quota forced a split)
 * @param worstCasePerHost the most members one hypervisor can carry after rollouts under this policy
 * @param expectedPerHost the most members one hypervisor is expected to carry after rollouts
 * @param reasons why this policy, one sentence each
 * @param tradeOff what the plan gives up and why, when it cannot have everything
 * @param alternatives changes that would give a different plan, and what that plan would be
 * @param rejected the other policies and why they lost
 */
public record PolicyDecision(PlacementPolicy policy, int maxSurge, List<Integer> groupSizes, int worstCasePerHost,
    int expectedPerHost, List<String> reasons, Optional<String> tradeOff, List<Alternative> alternatives,
    List<RunnerUp> rejected) {
  /**
   * Copies the lists.
   *
   * @param policy the policy
   * @param maxSurge the rollout maxSurge
   * @param groupSizes the replicas per group
   * @param worstCasePerHost worst-case members per hypervisor
   * @param expectedPerHost expected members per hypervisor
   * @param reasons why this policy
   * @param tradeOff what the plan gives up
   * @param alternatives other ways
   * @param rejected the other policies
   */
  public PolicyDecision {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(tradeOff, "tradeOff");
    groupSizes = List.copyOf(groupSizes);
    reasons = List.copyOf(reasons);
    alternatives = List.copyOf(alternatives);
    rejected = List.copyOf(rejected);
  }

  /**
   * The number of server groups the role needs.
   *
   * @return 0 without a group, else the number of groups
   */
  public int serverGroupCount() {
    return policy.needsGroup() ? groupSizes.size() : 0;
  }
}
