package io.clusterstacks.lifecycle.cluster;

/**
 * The steps of {@link ClusterLifecycle#create}, {@link ClusterLifecycle#upgrade} and {@link ClusterLifecycle#delete}.
 * Create runs LOCK, SERVER_GROUPS, RENDER, APPLY, WAIT, VERIFY_PLACEMENT, OPT_IN, ACCESS; upgrade runs LOCK,
 * CHECK_UPGRADE, SERVER_GROUPS, RENDER, APPLY, ROLLOUT, VERIFY_PLACEMENT, OPT_IN; delete runs LOCK, DELETE_OBJECTS,
 * DELETE_SERVER_GROUPS.
 */
public enum Step {
  /** Take the cluster's Lease on the management cluster, so a second run of the same cluster stops at once. */
  LOCK,
  /**
   * Upgrade: read the running Cluster's class and version and check the move by the operator's and Cluster API's
   * rules ({@link UpgradeCheck}); the target plan's surge and placement warnings make it a WARNING, shown before
   * anything is applied.
   */
  CHECK_UPGRADE,
  /** Topology mode: create or adopt the plan's Nova server groups (raw mode: ORC's ServerGroup objects do). */
  SERVER_GROUPS,
  /** Render the plan's manifests with the server groups' IDs into the namespace. */
  RENDER,
  /** Server-side apply of the manifests, in sdk-core's apply order. */
  APPLY,
  /** Wait until the cluster is usable (the Cluster's conditions, the ClusterStack, the kubeconfig Secret). */
  WAIT,
  /**
   * Upgrade: wait until Cluster API has rolled the new version out (the new spec observed, the topology reconciled,
   * the control plane's machines at the version, every machine up to date and ready).
   */
  ROLLOUT,
  /** Compare the servers Nova placed with the plan's placement (hypervisor sharing, members, errors). */
  VERIFY_PLACEMENT,
  /** Set the provider's restart opt-in on the servers that need and lack it. */
  OPT_IN,
  /** Read the workload cluster's kubeconfig. */
  ACCESS,
  /** Delete the plan's objects along sdk-core's delete plan and wait until they are gone. */
  DELETE_OBJECTS,
  /** Topology mode: delete the convention server groups the SDK created for the cluster, and only those. */
  DELETE_SERVER_GROUPS
}
