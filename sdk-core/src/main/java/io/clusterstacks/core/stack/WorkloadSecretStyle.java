package io.clusterstacks.core.stack;

/**
 * The Secret a stack's addons (cloud controller, CSI) expect inside the workload cluster, delivered
 * by a ClusterResourceSet that selects clusters with the label {@code managed-secret: <label>}.
 */
public enum WorkloadSecretStyle {
  /** scs2: Secret {@code kube-system/clouds-yaml} with key {@code clouds.yaml}. */
  CLOUDS_YAML("clouds-yaml", "clouds.yaml"),
  /** scs, kamaji and older stacks: Secret {@code kube-system/cloud-config} with key {@code cloud.conf}. */
  CLOUD_CONFIG("cloud-config", "cloud.conf");

  private final String name;
  private final String key;

  WorkloadSecretStyle(String name, String key) {
    this.name = name;
    this.key = key;
  }

  /**
   * The Secret name in the workload cluster's {@code kube-system}, also the {@code managed-secret} label value.
   *
   * @return e.g. {@code clouds-yaml}
   */
  public String secretName() {
    return name;
  }

  /**
   * The data key the addons read.
   *
   * @return e.g. {@code clouds.yaml}
   */
  public String dataKey() {
    return key;
  }
}
