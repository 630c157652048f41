package io.clusterstacks.core.model;

/** How the Kubernetes API server is exposed. */
public enum ApiServerLoadBalancer {
  /** No load balancer (single control plane, or a floating IP). */
  NONE("none"),
  /** Octavia with the amphora provider. */
  OCTAVIA_AMPHORA("octavia-amphora"),
  /** Octavia with the OVN provider. */
  OCTAVIA_OVN("octavia-ovn");

  private final String value;

  ApiServerLoadBalancer(String value) {
    this.value = value;
  }

  /**
   * The variable value SCS ClusterClasses use.
   *
   * @return e.g. {@code octavia-ovn}
   */
  public String value() {
    return value;
  }

  /**
   * The Octavia provider name for CAPO's {@code apiServerLoadBalancer.provider}.
   *
   * @return {@code amphora}, {@code ovn}, or empty string for none
   */
  public String octaviaProvider() {
    return this == OCTAVIA_AMPHORA ? "amphora" : this == OCTAVIA_OVN ? "ovn" : "";
  }
}
