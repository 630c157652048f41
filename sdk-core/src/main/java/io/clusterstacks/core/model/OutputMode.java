package io.clusterstacks.core.model;

/**
 * How a cluster is expressed as manifests.
 *
 * <p>The mode decides what can be varied: an SCS ClusterClass fixes templates and addons, raw CAPI
 * objects give full control but no stack-managed addons.
 */
public enum OutputMode {
  /**
   * A {@code Cluster} with {@code spec.topology} that references an SCS ClusterClass. The cluster stack
   * operator installs the addons (CNI, cloud controller, CSI); only the class's variables can be set,
   * and the control plane always rolls out with maxSurge 1.
   */
  TOPOLOGY,
  /**
   * Cluster, OpenStackCluster, KubeadmControlPlane, OpenStackMachineTemplate, MachineDeployment and
   * KubeadmConfigTemplate rendered by the SDK. Everything can be set (e.g. control-plane maxSurge 0,
   * extra bootstrap commands), but no stack operator installs addons: nodes with an external cloud
   * provider stay NotReady until a cloud controller runs.
   */
  RAW_CAPI
}
