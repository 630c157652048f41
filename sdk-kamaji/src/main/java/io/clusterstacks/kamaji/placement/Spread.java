package io.clusterstacks.kamaji.placement;

/** How strictly a tenant's replicas are kept apart. */
public enum Spread {
  /**
   * At most one replica per worker and per hypervisor where the numbers allow it, otherwise a skew bound
   * of one over hypervisors that the scheduler enforces; the planner weakens a rule only where enforcing
   * it would leave replicas Pending, and says so.
   */
  HARD,
  /** As even as possible, but only as scheduler preferences: a busy cluster may put replicas together. */
  SOFT
}
