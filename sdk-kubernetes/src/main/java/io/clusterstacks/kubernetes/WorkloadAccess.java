package io.clusterstacks.kubernetes;

import io.clusterstacks.kubernetes.internal.Workload;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The workload cluster of one Cluster, reached through the {@code <cluster>-kubeconfig} Secret that CAPI
 * writes on the management cluster (key {@code value}).
 */
public final class WorkloadAccess {
  private final Workload workload;
  private final ObjectRef cluster;

  WorkloadAccess(Workload workload, ObjectRef cluster) {
    this.workload = workload;
    this.cluster = cluster;
  }

  /**
   * The Cluster.
   *
   * @return the Cluster
   */
  public ObjectRef cluster() {
    return cluster;
  }

  /**
   * Reads the kubeconfig from the Secret.
   *
   * @return the kubeconfig (its {@code toString()} is redacted)
   * @throws KubernetesApiException (404) when the Secret or its {@code value} key does not exist yet
   */
  public Kubeconfig kubeconfig() {
    Optional<String> text = workload.kubeconfigText(cluster);
    if (text.isEmpty()) {
      ObjectRef secret = Workload.secretRef(cluster);
      throw new KubernetesApiException(secret + " does not exist or has no key value: CAPI writes it once the"
          + " control plane is initialised; wait with ManagementCluster.awaitUsable first", 404, "NotFound",
          List.of(), Optional.of(secret), null);
    }
    return new Kubeconfig(cluster, text.get());
  }

  /**
   * Writes the kubeconfig to a file with mode 0600.
   *
   * @param file the file
   * @return the file
   */
  public Path writeKubeconfig(Path file) {
    return kubeconfig().writeTo(file);
  }

  /**
   * A fabric8 client for the workload cluster, for callers that want one on purpose. Close it.
   *
   * @return a new client
   */
  public KubernetesClient client() {
    return Workload.client(kubeconfig().text(), 0);
  }

  /** Names the Cluster. */
  @Override
  public String toString() {
    return "WorkloadAccess[" + cluster + "]";
  }
}
