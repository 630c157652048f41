package io.clusterstacks.lifecycle.cluster;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.kubernetes.ApplyResult;
import io.clusterstacks.kubernetes.ClusterStatus;
import io.clusterstacks.lifecycle.maintenance.OptInReconciliation;
import io.clusterstacks.openstack.PlacementReport;

/**
 * A cluster rolled out to a target plan's class and Kubernetes version: the report of every step, the check
 * shown before the apply, and what the rollout left behind.
 *
 * @param report the steps and their durations
 * @param check the rules and the target plan's surge and placement warnings, as checked before the apply
 * @param plan the target plan as rendered (with the server groups' IDs)
 * @param applied the apply's outcome per object
 * @param status the Cluster's status when the rollout was done
 * @param placement Nova's placement after the rollout compared with the plan: a rollout on few hypervisors can
 *     leave members sharing one (the planner's surge trade-off); {@link PlacementReport#findings()} names them
 * @param optIn the restart opt-in set on the servers the rollout created
 */
public record ClusterUpgraded(LifecycleReport report, UpgradeCheck check, ClusterPlan plan, ApplyResult applied,
    ClusterStatus status, PlacementReport placement, OptInReconciliation optIn) {
  /**
   * Checks the components.
   *
   * @param report the steps
   * @param check the check
   * @param plan the plan
   * @param applied the apply's outcome
   * @param status the Cluster's status
   * @param placement the placement check
   * @param optIn the opt-in pass
   */
  public ClusterUpgraded {
    InvalidInputException.requireArgument(report, "report");
    InvalidInputException.requireArgument(check, "check");
    InvalidInputException.requireArgument(plan, "plan");
    InvalidInputException.requireArgument(applied, "applied");
    InvalidInputException.requireArgument(status, "status");
    InvalidInputException.requireArgument(placement, "placement");
    InvalidInputException.requireArgument(optIn, "optIn");
  }

  /** Names and counts only (the plan's credentials and the manifests are not printed). */
  @Override
  public String toString() {
    return "ClusterUpgraded[" + report.namespace() + "/" + report.cluster() + ", " + check.fromVersion() + " -> "
        + check.toVersion() + ", placement " + (placement.ok() ? "as planned" : placement.findings().size() + " findings")
        + ", opt-in " + optIn + ", in " + report.total() + "]";
  }
}
