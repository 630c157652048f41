package io.clusterstacks.kubernetes;

/**
 * Machines of one role as the Cluster reports them (CAPI v1.10 {@code status.v1beta2.controlPlane} and
 * {@code status.v1beta2.workers}).
 *
 * @param role {@code control plane} or {@code workers}
 * @param reported whether the Cluster's status has this block at all
 * @param desired desired replicas
 * @param current existing replicas
 * @param ready ready replicas
 * @param upToDate replicas at the desired spec
 * @param available available replicas
 */
public record RoleStatus(String role, boolean reported, int desired, int current, int ready, int upToDate,
    int available) {

  /**
   * A role the Cluster does not report yet.
   *
   * @param role the role name
   * @return a not-reported status
   */
  public static RoleStatus notReported(String role) {
    return new RoleStatus(role, false, 0, 0, 0, 0, 0);
  }

  /**
   * Whether every desired machine is ready and up to date.
   *
   * @return true when reported and ready == upToDate == desired == current
   */
  public boolean done() {
    return reported && ready == desired && upToDate == desired && current == desired;
  }

  /** {@code control plane: 1/3 ready, 1/3 up to date}. */
  @Override
  public String toString() {
    if (!reported) {
      return role + ": not reported yet";
    }
    return role + ": " + ready + "/" + desired + " ready, " + upToDate + "/" + desired + " up to date"
        + (current != desired ? ", " + current + " exist" : "");
  }
}
