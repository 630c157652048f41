package io.clusterstacks.openstack;

/** How the client logs in to Keystone v3. */
public enum AuthType {
  /** User name (or ID) and password, scoped to a project: clouds.yaml {@code auth_type: password}. */
  PASSWORD("password"),
  /** An application credential (ID, or name plus user) and its secret: {@code v3applicationcredential}. */
  APPLICATION_CREDENTIAL("v3applicationcredential");

  private final String cloudsYamlName;

  AuthType(String cloudsYamlName) {
    this.cloudsYamlName = cloudsYamlName;
  }

  /**
   * The name clouds.yaml and {@code OS_AUTH_TYPE} use.
   *
   * @return e.g. {@code v3applicationcredential}
   */
  public String cloudsYamlName() {
    return cloudsYamlName;
  }
}
