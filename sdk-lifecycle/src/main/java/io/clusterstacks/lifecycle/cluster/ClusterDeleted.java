package io.clusterstacks.lifecycle.cluster;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.kubernetes.DeleteResult;
import io.clusterstacks.openstack.ServerGroup;
import java.util.List;

/**
 * What {@link ClusterLifecycle#delete} removed and what remained.
 *
 * @param report every step with its outcome and duration
 * @param objects the verdict per object of the plan
 * @param serverGroupsDeleted the convention server groups deleted (topology mode only)
 * @param remaining what is left, in words (e.g. a server group that still has servers); empty when the cluster
 *     is gone without a trace
 */
public record ClusterDeleted(LifecycleReport report, DeleteResult objects, List<ServerGroup> serverGroupsDeleted,
    List<String> remaining) {
  /**
   * Copies the lists.
   *
   * @param report the steps
   * @param objects the verdict per object
   * @param serverGroupsDeleted the groups deleted
   * @param remaining what is left
   */
  public ClusterDeleted {
    InvalidInputException.requireArgument(report, "report");
    InvalidInputException.requireArgument(objects, "objects");
    serverGroupsDeleted = List.copyOf(serverGroupsDeleted);
    remaining = List.copyOf(remaining);
  }
}
