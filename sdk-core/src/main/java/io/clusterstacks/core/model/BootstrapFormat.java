package io.clusterstacks.core.model;

/** The bootstrap data format of kubeadm machines. */
public enum BootstrapFormat {
  /** cloud-init (Ubuntu and most images); the default. */
  CLOUD_CONFIG("cloud-config"),
  /** Ignition (Flatcar); needs the CAPI feature gate {@code EXP_KUBEADM_BOOTSTRAP_FORMAT_IGNITION=true}. */
  IGNITION("ignition");

  private final String value;

  BootstrapFormat(String value) {
    this.value = value;
  }

  /**
   * The value of KubeadmConfig {@code format}.
   *
   * @return e.g. {@code ignition}
   */
  public String value() {
    return value;
  }
}
