package io.clusterstacks.core.model;

/** A Nova server-group policy, with the compute microversion it needs. */
public enum ServerGroupPolicy {
  /** Hard anti-affinity: at most one member per host (or {@code max_server_per_host} with 2.64). */
  ANTI_AFFINITY("anti-affinity", "2.1"),
  /** Soft anti-affinity: spread if possible, a preference only; needs compute 2.15. */
  SOFT_ANTI_AFFINITY("soft-anti-affinity", "2.15"),
  /** Hard affinity: all members on one host. */
  AFFINITY("affinity", "2.1"),
  /** Soft affinity: pack if possible; needs compute 2.15. */
  SOFT_AFFINITY("soft-affinity", "2.15");

  private final String novaName;
  private final String minMicroversion;

  ServerGroupPolicy(String novaName, String minMicroversion) {
    this.novaName = novaName;
    this.minMicroversion = minMicroversion;
  }

  /**
   * The policy name as Nova and ORC spell it.
   *
   * @return e.g. {@code soft-anti-affinity}
   */
  public String novaName() {
    return novaName;
  }

  /**
   * The lowest compute API microversion that accepts this policy.
   *
   * @return e.g. {@code 2.15}
   */
  public String minMicroversion() {
    return minMicroversion;
  }
}
