package io.clusterstacks.core.cloud;

/** How well a hypervisor count is known. */
public enum HostKnowledge {
  /** Counted by an administrator listing (enabled, up hypervisors): the count is exact. */
  EXACT("exact"),
  /**
   * Estimated by a non-admin from the distinct {@code hostId}s of the project's own servers: there are
   * at least this many hosts, maybe more.
   */
  LOWER_BOUND("lower-bound"),
  /** Stated by the operator or user without verification; planned as if exact, and reported as such. */
  DECLARED("declared"),
  /** Not known at all. */
  UNKNOWN("unknown");

  private final String jsonName;

  HostKnowledge(String jsonName) {
    this.jsonName = jsonName;
  }

  /**
   * The spelling in profile JSON.
   *
   * @return e.g. {@code lower-bound}
   */
  public String jsonName() {
    return jsonName;
  }

  /**
   * Finds the value for its JSON spelling.
   *
   * @param name e.g. {@code exact}
   * @return the value, or null when the spelling is unknown
   */
  static HostKnowledge fromJson(String name) {
    for (HostKnowledge k : values()) {
      if (k.jsonName.equals(name)) {
        return k;
      }
    }
    return null;
  }
}
