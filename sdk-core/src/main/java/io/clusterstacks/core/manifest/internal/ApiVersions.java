package io.clusterstacks.core.manifest.internal;

/** The API versions and labels the rendered objects use. */
public final class ApiVersions {
  /** CAPI core group version. */
  public static final String CAPI = "cluster.x-k8s.io/v1beta1";
  /** CAPO group version. */
  public static final String CAPO = "infrastructure.cluster.x-k8s.io/v1beta1";
  /** KubeadmControlPlane group version. */
  public static final String KCP = "controlplane.cluster.x-k8s.io/v1beta1";
  /** KamajiControlPlane group version (the Kamaji provider's CAPI v1beta1 contract, up to v0.19). */
  public static final String KAMAJI_CP = "controlplane.cluster.x-k8s.io/v1alpha1";
  /** Kubeadm bootstrap group version. */
  public static final String CABPK = "bootstrap.cluster.x-k8s.io/v1beta1";
  /** ORC group version. */
  public static final String ORC = "openstack.k-orc.cloud/v1alpha1";
  /** CSO group version. */
  public static final String CSO = "clusterstack.x-k8s.io/v1alpha1";
  /** CSPO group version. */
  public static final String CSPO = "infrastructure.clusterstack.x-k8s.io/v1alpha1";
  /** ClusterResourceSet group version. */
  public static final String ADDONS = "addons.cluster.x-k8s.io/v1beta1";
  /** The label a ClusterResourceSet selects for credentials. */
  public static final String CREDENTIALS_LABEL = "clusterstacks.io/cloud-credentials";
  /** The SCS label a ClusterResourceSet selects for the workload Secret. */
  public static final String MANAGED_SECRET_LABEL = "managed-secret";

  private ApiVersions() {}
}
