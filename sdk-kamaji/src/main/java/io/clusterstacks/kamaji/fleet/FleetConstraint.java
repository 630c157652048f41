package io.clusterstacks.kamaji.fleet;

/** The constraint that keeps a tenant from being placed. */
public enum FleetConstraint {
  /** One replica requests more CPU or memory than any schedulable worker has. */
  REPLICA_SIZE,
  /** Hard spread: more replicas than hypervisors with a schedulable worker that can take one. */
  HYPERVISORS,
  /** The workers have no room left for the tenant's replicas under its spread. */
  CAPACITY
}
