package io.clusterstacks.core.plan.internal;

import io.clusterstacks.core.plan.PlacementPolicy;
import java.util.List;

/**
 * One candidate (flavor, policy, surge, number of groups) judged by {@link Scoring}: its violations
 * (empty when feasible), its placement metrics and its ranking key (lower is better).
 */
public final class Evaluation implements Comparable<Evaluation> {
  final FlavorFacts flavor;
  final PlacementPolicy policy;
  final int surge;
  final int groups;
  /** The replicas, for the group sizes. */
  final int replicas;
  final List<String> violations;
  final int worstPerHost;
  final int expectedPerHost;
  final boolean survivesWorst;
  final boolean survivesExpected;
  final boolean pointlessGroup;
  /** The ranking this candidate is judged by, and its value of each term. */
  final Term[] order;
  final long[] key;

  Evaluation(RoleContext ctx, FlavorFacts flavor, PlacementPolicy policy, int surge, int groups, List<String> violations, int worstPerHost, int expectedPerHost, boolean survivesWorst, boolean survivesExpected,
      boolean pointlessGroup) {
    this.flavor = flavor;
    this.policy = policy;
    this.surge = surge;
    this.groups = groups;
    this.replicas = ctx.replicas();
    this.violations = violations;
    this.worstPerHost = worstPerHost;
    this.expectedPerHost = expectedPerHost;
    this.survivesWorst = survivesWorst;
    this.survivesExpected = survivesExpected;
    this.pointlessGroup = pointlessGroup;
    this.order = Ranking.of(ctx.controlPlane());
    this.key = new long[order.length];
    for (int i = 0; i < order.length; i++) {
      Term t = order[i];
      key[i] = t.isFlavorTerm() ? Ranking.flavorKeyOf(flavor, t) : t.key(ctx, this);
    }
  }

  /**
   * Whether the candidate violates nothing.
   *
   * @return true when feasible
   */
  public boolean feasible() {
    return violations.isEmpty();
  }

  /**
   * The flavor.
   *
   * @return the flavor facts
   */
  public FlavorFacts flavor() {
    return flavor;
  }

  /**
   * The policy.
   *
   * @return the policy
   */
  public PlacementPolicy policy() {
    return policy;
  }

  /**
   * The rollout surge.
   *
   * @return 0 or more
   */
  public int surge() {
    return surge;
  }

  /**
   * The number of server groups (machine deployments after a split), 1 without a split.
   *
   * @return 1 or more
   */
  public int groups() {
    return groups;
  }

  /**
   * The replicas of each group (made on demand: a candidate with more groups than any quota allows is
   * judged without them).
   *
   * @return the sizes, largest first
   */
  public int[] groupSizes() {
    return Scoring.split(replicas, groups);
  }

  /**
   * The replicas of the largest group.
   *
   * @return ceil(replicas / groups)
   */
  public int largestGroup() {
    return (int) Scoring.largestGroup(replicas, groups);
  }

  /**
   * The violated constraints.
   *
   * @return the violations, empty when feasible
   */
  public List<String> violations() {
    return violations;
  }

  /**
   * The most members one hypervisor can carry in the steady state after rollouts that the policy still allows.
   *
   * @return the worst case
   */
  public int worstPerHost() {
    return worstPerHost;
  }

  /**
   * The most members one hypervisor is expected to carry after rollouts.
   *
   * @return the expected case
   */
  public int expectedPerHost() {
    return expectedPerHost;
  }

  /**
   * Whether quorum survives losing the worst hypervisor in the worst case (control plane).
   *
   * @return true when it survives
   */
  public boolean survivesWorst() {
    return survivesWorst;
  }

  /**
   * Whether quorum survives losing the worst hypervisor in the expected case (control plane).
   *
   * @return true when it survives
   */
  public boolean survivesExpected() {
    return survivesExpected;
  }

  /**
   * A short identity of the decision, for comparisons and tests.
   *
   * @return e.g. {@code SCS-2V-4-20s / anti-affinity / surge 1 / 1 group}
   */
  public String decision() {
    return flavor.flavor().name() + " / " + policy + " / surge " + surge + " / " + groups + (groups == 1 ? " group" : " groups");
  }

  @Override
  public int compareTo(Evaluation o) {
    for (int i = 0; i < key.length; i++) {
      int c = order[i].compare(this, key[i], o, o.key[i]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /**
   * The first ranking term in which this candidate differs from the other, for "why it lost".
   *
   * @param winner the better candidate
   * @return the term, or null when both rank the same on every term
   */
  Term firstWorseTerm(Evaluation winner) {
    for (int i = 0; i < key.length; i++) {
      if (order[i].compare(this, key[i], winner, winner.key[i]) != 0) {
        return order[i];
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return decision() + (feasible() ? "" : " " + violations);
  }
}
