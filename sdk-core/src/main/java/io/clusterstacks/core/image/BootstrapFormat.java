package io.clusterstacks.core.image;

/** The bootstrap data format of a KubeadmConfig ({@code spec.format}). */
public enum BootstrapFormat {
  /** cloud-init user data (the CAPI default), for Ubuntu and other cloud-init images. */
  CLOUD_CONFIG("cloud-config"),
  /**
   * Ignition, for Flatcar; CAPI needs the {@code KubeadmBootstrapFormatIgnition} feature gate
   * ({@code EXP_KUBEADM_BOOTSTRAP_FORMAT_IGNITION=true}).
   */
  IGNITION("ignition");

  private final String value;

  BootstrapFormat(String value) {
    this.value = value;
  }

  /**
   * The value of {@code spec.format}.
   *
   * @return {@code cloud-config} or {@code ignition}
   */
  public String value() {
    return value;
  }
}
