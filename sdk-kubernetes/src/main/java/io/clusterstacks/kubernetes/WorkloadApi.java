package io.clusterstacks.kubernetes;

/** Whether the workload cluster's API answers, as last probed. */
public enum WorkloadApi {
  /** Not probed: the Cluster's conditions are not ready yet. */
  NOT_CHECKED,
  /** The {@code <cluster>-kubeconfig} Secret does not exist (yet). */
  NO_KUBECONFIG,
  /** The Secret exists, but the API server it names did not answer {@code /version}. */
  UNREACHABLE,
  /** The workload API answered {@code /version}. */
  ANSWERS
}
