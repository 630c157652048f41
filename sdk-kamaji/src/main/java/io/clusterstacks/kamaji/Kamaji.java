package io.clusterstacks.kamaji;

/**
 * The names sdk-kamaji emits and reads: Kamaji's API groups and versions, and the SDK-owned node label
 * that says which hypervisor a management-cluster worker runs on.
 *
 * <p>The control-plane provider's types ({@code KamajiControlPlane}, {@code KamajiControlPlaneTemplate})
 * are served as {@value #CONTROL_PLANE_API_VERSION} by the provider up to v0.19 (the CAPI v1beta1 contract
 * the SDK renders); Kamaji's own types ({@code TenantControlPlane}, {@code DataStore}) as
 * {@value #KAMAJI_API_VERSION}.
 */
public final class Kamaji {

  /** The API group of the Cluster API control-plane providers, Kamaji's included. */
  public static final String CONTROL_PLANE_GROUP = "controlplane.cluster.x-k8s.io";

  /** The apiVersion of {@code KamajiControlPlane} and {@code KamajiControlPlaneTemplate} the SDK renders. */
  public static final String CONTROL_PLANE_API_VERSION = CONTROL_PLANE_GROUP + "/v1alpha1";

  /** Kamaji's own API group ({@code TenantControlPlane}, {@code DataStore}). */
  public static final String KAMAJI_GROUP = "kamaji.clastix.io";

  /** The apiVersion of {@code TenantControlPlane} and {@code DataStore}. */
  public static final String KAMAJI_API_VERSION = KAMAJI_GROUP + "/v1alpha1";

  /**
   * The node label the SDK writes on management-cluster workers: the ID of the hypervisor the worker's
   * server runs on (Nova's {@code hostId}, which is per project and hides the host name). Tenant
   * control-plane pods spread over it as their second topology level, after {@code kubernetes.io/hostname}.
   */
  public static final String HYPERVISOR_LABEL = "topology.clusterstacks.io/hypervisor";

  private Kamaji() {}
}
