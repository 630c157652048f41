package io.clusterstacks.core.manifest;

import java.util.Map;
import java.util.Set;

/**
 * Where a kind of object stands in the life of a cluster: the phases in which
 * {@link Manifests#applyOrder()} applies documents, and from which {@link Manifests#deletePlan()}
 * derives the delete order. The phase depends on the API group and kind only, never on a CRD being
 * installed.
 *
 * <p>The constants are in apply order. Why this order:
 * <ul>
 *   <li>Namespaces first: everything else lives in them.</li>
 *   <li>Secrets and ConfigMaps next: the providers read cloud credentials from them as soon as an
 *       object referring to them appears (CSPO, ORC, CAPO {@code identityRef}).</li>
 *   <li>ClusterStacks (with the CSPO template they point at) before anything using their classes: the
 *       cluster stack operator turns them into ClusterStackReleases and ClusterClasses, and both
 *       webhooks a topology Cluster meets (CAPI's class lookup, CSO's exact-version check) only check
 *       fully once those exist; so the apply order waits for the releases to be ready.</li>
 *   <li>Templates, ORC objects, ClusterResourceSets and any kind the SDK does not know: objects the
 *       Cluster refers to but CAPI does not delete with it.</li>
 *   <li>The objects CAPI makes the Cluster own in raw CAPI mode (infrastructure cluster, control
 *       plane, MachineDeployments), so that the Cluster's references resolve when it appears.</li>
 *   <li>The Cluster last: it is what starts provisioning. Applied last, every object it refers to
 *       exists when its controllers first look, so none of them records a failure for a missing
 *       reference.</li>
 * </ul>
 */
public enum ManifestPhase {
  /** {@code v1 Namespace}. */
  NAMESPACES,
  /** {@code v1 Secret} and {@code v1 ConfigMap}: credentials and configuration, deleted last. */
  CONFIGURATION,
  /** CSO {@code ClusterStack} (and {@code ClusterStackRelease}) and CSPO release templates. */
  CLUSTER_STACKS,
  /**
   * Objects a Cluster refers to without owning them: templates, ORC {@code Image}/{@code ServerGroup},
   * {@code ClusterClass}, {@code ClusterResourceSet}, Kamaji {@code DataStore}, and every kind not
   * named in another phase.
   */
  SUPPORTING,
  /**
   * Objects CAPI makes the Cluster own (owner references set by its controllers), deleted with it:
   * {@code OpenStackCluster}, {@code KubeadmControlPlane}, {@code KamajiControlPlane},
   * {@code MachineDeployment}, {@code MachineSet}, {@code Machine}, {@code MachineHealthCheck}, ...
   */
  CLUSTER_OWNED,
  /** CAPI {@code Cluster}. */
  CLUSTERS;

  private static final Map<String, Set<String>> BY_GROUP = Map.of(
      "", Set.of("Namespace", "Secret", "ConfigMap"),
      "clusterstack.x-k8s.io", Set.of("ClusterStack", "ClusterStackRelease", "ClusterAddon"),
      "infrastructure.clusterstack.x-k8s.io", Set.of("OpenStackClusterStackReleaseTemplate",
          "OpenStackClusterStackRelease", "OpenStackNodeImageRelease"),
      "cluster.x-k8s.io", Set.of("Cluster", "MachineDeployment", "MachineSet", "Machine", "MachinePool",
          "MachineHealthCheck"),
      "infrastructure.cluster.x-k8s.io", Set.of("OpenStackCluster", "OpenStackMachine", "OpenStackServer"),
      "controlplane.cluster.x-k8s.io", Set.of("KubeadmControlPlane", "KamajiControlPlane"),
      "bootstrap.cluster.x-k8s.io", Set.of("KubeadmConfig"),
      "kamaji.clastix.io", Set.of("TenantControlPlane"));

  /**
   * The phase of a kind.
   *
   * @param group the API group ({@code ""} for the core group)
   * @param kind the kind
   * @return the phase; {@link #SUPPORTING} for kinds not named elsewhere
   * @throws io.clusterstacks.core.InvalidInputException when an argument is null
   */
  public static ManifestPhase of(String group, String kind) {
    io.clusterstacks.core.InvalidInputException.requireArgument(group, "group");
    io.clusterstacks.core.InvalidInputException.requireArgument(kind, "kind");
    Set<String> kinds = BY_GROUP.get(group);
    if (kinds == null || !kinds.contains(kind)) {
      return SUPPORTING;
    }
    switch (group) {
      case "":
        return kind.equals("Namespace") ? NAMESPACES : CONFIGURATION;
      case "clusterstack.x-k8s.io":
        return kind.equals("ClusterAddon") ? CLUSTER_OWNED : CLUSTER_STACKS;
      case "infrastructure.clusterstack.x-k8s.io":
        return CLUSTER_STACKS;
      case "cluster.x-k8s.io":
        return kind.equals("Cluster") ? CLUSTERS : CLUSTER_OWNED;
      default:
        return CLUSTER_OWNED;
    }
  }

  /**
   * The phase of an object.
   *
   * @param id the object
   * @return its phase
   */
  public static ManifestPhase of(DocumentId id) {
    io.clusterstacks.core.InvalidInputException.requireArgument(id, "id");
    return of(id.group(), id.kind());
  }
}
