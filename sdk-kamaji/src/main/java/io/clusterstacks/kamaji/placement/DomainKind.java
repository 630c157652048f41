package io.clusterstacks.kamaji.placement;

/** What fails in a {@link DomainImpact}. */
public enum DomainKind {
  /** A hypervisor, and with it every worker VM on it. */
  HYPERVISOR,
  /** One management worker (node). */
  WORKER
}
