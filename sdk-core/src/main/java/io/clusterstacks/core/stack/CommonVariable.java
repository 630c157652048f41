package io.clusterstacks.core.stack;


/**
 * Settings most clusters need, each mapped by a dialect to its own variable name (e.g.
 * {@link #CONTROL_PLANE_FLAVOR} is {@code controlPlaneFlavor} in scs2 and {@code controller_flavor}
 * in scs), so callers rarely need raw names.
 */
public enum CommonVariable {
  /** Control-plane flavor name. */
  CONTROL_PLANE_FLAVOR,
  /** Worker flavor name. */
  WORKER_FLAVOR,
  /** Control-plane root volume size in GiB. */
  CONTROL_PLANE_ROOT_DISK,
  /** Worker root volume size in GiB. */
  WORKER_ROOT_DISK,
  /** Control-plane server-group ID. */
  CONTROL_PLANE_SERVER_GROUP_ID,
  /** Worker server-group ID. */
  WORKER_SERVER_GROUP_ID,
  /** Image base name (scs2). */
  IMAGE_NAME,
  /** Whether the image name names an ORC Image (scs2). */
  IMAGE_IS_ORC,
  /** Whether the Kubernetes version is appended to the image name (scs2). */
  IMAGE_ADD_VERSION,
  /** External network ID (uuid4). */
  EXTERNAL_NETWORK_ID,
  /** Node subnet CIDR. */
  NODE_CIDR,
  /** DNS servers of the node subnet. */
  DNS_NAMESERVERS,
  /** Network MTU. */
  NETWORK_MTU,
  /** SSH key pair name. */
  SSH_KEY_NAME,
  /** API server load balancer ({@code none}, {@code octavia-amphora}, {@code octavia-ovn}). */
  API_SERVER_LOAD_BALANCER,
  /** OIDC settings of the API server (an object). */
  OIDC,
  /** Extra API server certificate SANs. */
  CERT_SANS,
  /** Security group names for all nodes. */
  SECURITY_GROUPS,
  /** Name of the Secret holding clouds.yaml (snake_case dialects). */
  IDENTITY_SECRET_NAME,
  /** Cloud name inside clouds.yaml (snake_case dialects). */
  IDENTITY_CLOUD_NAME,
  /** Identity reference object {@code {name, cloudName}} (scs2). */
  IDENTITY_REF,
  /** Kamaji DataStore name. */
  DATA_STORE,
  /** Kamaji cluster DNS service IPs. */
  DNS_SERVICE_IPS,
  /** Availability zones for control-plane machines. */
  CONTROL_PLANE_AVAILABILITY_ZONES;

  /**
   * The flavor variable of a role.
   *
   * @param role the role
   * @return the setting
   */
  public static CommonVariable flavor(Role role) {
    return role == Role.CONTROL_PLANE ? CONTROL_PLANE_FLAVOR : WORKER_FLAVOR;
  }

  /**
   * The root-disk variable of a role.
   *
   * @param role the role
   * @return the setting
   */
  public static CommonVariable rootDisk(Role role) {
    return role == Role.CONTROL_PLANE ? CONTROL_PLANE_ROOT_DISK : WORKER_ROOT_DISK;
  }

  /**
   * The server-group variable of a role.
   *
   * @param role the role
   * @return the setting
   */
  public static CommonVariable serverGroupId(Role role) {
    return role == Role.CONTROL_PLANE ? CONTROL_PLANE_SERVER_GROUP_ID : WORKER_SERVER_GROUP_ID;
  }
}
