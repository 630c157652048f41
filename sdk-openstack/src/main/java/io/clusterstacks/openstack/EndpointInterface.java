package io.clusterstacks.openstack;

/** Which catalog endpoint of each service the client calls ({@code interface} in clouds.yaml). */
public enum EndpointInterface {
  /** The public endpoints (the default). */
  PUBLIC,
  /** The internal endpoints, for clients inside the cloud's network. */
  INTERNAL,
  /** The admin endpoints. */
  ADMIN;

  /**
   * The name the Keystone catalog uses.
   *
   * @return e.g. {@code public}
   */
  public String catalogName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
