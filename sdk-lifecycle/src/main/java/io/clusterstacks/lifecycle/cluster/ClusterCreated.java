package io.clusterstacks.lifecycle.cluster;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.manifest.Manifests;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.kubernetes.ApplyResult;
import io.clusterstacks.kubernetes.ClusterStatus;
import io.clusterstacks.kubernetes.WorkloadAccess;
import io.clusterstacks.lifecycle.maintenance.OptInReconciliation;
import io.clusterstacks.openstack.PlacementReport;
import io.clusterstacks.openstack.ServerGroupSet;

/**
 * A cluster {@link ClusterLifecycle#create} brought up: the workload cluster's access and what each step found.
 *
 * @param report every step with its outcome and duration
 * @param plan the plan as rendered (with the server groups' IDs in topology mode)
 * @param serverGroups the groups created or adopted (empty in raw mode, where ORC owns them)
 * @param manifests what was applied
 * @param applied the apply's outcome per object
 * @param status the Cluster's status when it became usable
 * @param placement Nova's placement compared with the plan ({@link PlacementReport#findings()} empty when it
 *     matches)
 * @param optIn the restart opt-in set on servers that needed it
 * @param access the workload cluster (its kubeconfig is read from the Secret on each use; never printed)
 */
public record ClusterCreated(LifecycleReport report, ClusterPlan plan, ServerGroupSet serverGroups, Manifests manifests,
    ApplyResult applied, ClusterStatus status, PlacementReport placement, OptInReconciliation optIn,
    WorkloadAccess access) {
  /**
   * Checks the components.
   *
   * @param report the steps
   * @param plan the plan as rendered
   * @param serverGroups the groups
   * @param manifests what was applied
   * @param applied the apply's outcome
   * @param status the Cluster's status
   * @param placement the placement check
   * @param optIn the opt-in pass
   * @param access the workload cluster
   */
  public ClusterCreated {
    InvalidInputException.requireArgument(report, "report");
    InvalidInputException.requireArgument(plan, "plan");
    InvalidInputException.requireArgument(serverGroups, "serverGroups");
    InvalidInputException.requireArgument(manifests, "manifests");
    InvalidInputException.requireArgument(applied, "applied");
    InvalidInputException.requireArgument(status, "status");
    InvalidInputException.requireArgument(placement, "placement");
    InvalidInputException.requireArgument(optIn, "optIn");
    InvalidInputException.requireArgument(access, "access");
  }

  /** Names and counts only: the manifests (which may hold Secrets) and the kubeconfig are not printed. */
  @Override
  public String toString() {
    return "ClusterCreated[" + report.namespace() + "/" + report.cluster() + ", " + manifests.documents().size()
        + " objects, usable " + status.usable() + ", placement " + (placement.ok() ? "as planned" : placement.findings().size()
        + " findings") + ", opt-in " + optIn + ", in " + report.total() + "]";
  }
}
