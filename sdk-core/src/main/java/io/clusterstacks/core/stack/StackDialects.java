package io.clusterstacks.core.stack;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.internal.Names;
import io.clusterstacks.core.internal.Providers;
import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * The catalogue of stack dialects the SDK knows, one per generation and release range, with the
 * variables each release's ClusterClass declares.
 *
 * <p>Sources: the ClusterClass templates of SovereignCloudStack/cluster-stacks at the release tags
 * ({@code openstack-scs-1-29-v1}, {@code openstack-scs-1-30-v2}, {@code openstack-scs2-1-33-v1},
 * {@code openstack-scs2-1-33-v4} and later, {@code openstack-kamaji-1-30-v0-sha-11930ee}).
 */
public final class StackDialects {
  private static final List<String> LOAD_BALANCERS = List.of("none", "octavia-amphora", "octavia-ovn");
  private static final List<String> SNAKE_OIDC =
      List.of("client_id", "issuer_url", "username_claim", "groups_claim", "username_prefix", "groups_prefix");
  private static final List<String> CAMEL_OIDC =
      List.of("clientID", "issuerURL", "usernameClaim", "groupsClaim", "usernamePrefix", "groupsPrefix");
  private static final String OLD_EXTERNAL_ID = "ebfe5546-f09f-4f42-ab54-094e457d42ec";

  private static final StackDialect SCS_1_29 = buildScs129();
  private static final StackDialect SCS = buildScs();
  private static final StackDialect SCS2_1_33_V1 = buildScs2(true);
  private static final StackDialect SCS2 = buildScs2(false);
  private static final StackDialect KAMAJI = buildKamaji();

  private static final BuiltIn BUILT_IN = new BuiltIn();
  // soft values: a cached provider list must not keep its class loader alive
  private static final Map<ClassLoader, SoftReference<List<StackDialectProvider>>> PROVIDERS = new WeakHashMap<>();

  private StackDialects() {}

  /** The SDK's own dialects as a provider. */
  private static final class BuiltIn implements StackDialectProvider {
    @Override
    public String name() {
      return "built-in";
    }

    @Override
    public List<StackDialect> dialects() {
      return builtIns();
    }

    @Override
    public Optional<StackDialect> forClass(ClusterClassName className) {
      return builtInForClass(className);
    }
  }

  /**
   * The {@code scs} stack as released for Kubernetes 1.29 ({@code 1-29-v1}) and in {@code 1-30-v1}:
   * snake_case, with kube-vip, yawol and workload load-balancer variables that are gone later.
   *
   * @return the dialect
   */
  public static StackDialect scs129() {
    return SCS_1_29;
  }

  /**
   * The current {@code scs} stack ({@code 1-30-v2} and later, Kubernetes 1.30 to 1.32).
   *
   * @return the dialect
   */
  public static StackDialect scs() {
    return SCS;
  }

  /**
   * The first {@code scs2} release {@code 1-33-v1}: root disks have minimum 1, so a role cannot boot
   * from its flavor's local disk.
   *
   * @return the dialect
   */
  public static StackDialect scs2Release133v1() {
    return SCS2_1_33_V1;
  }

  /**
   * The current {@code scs2} stack ({@code 1-33-v4} and later): camelCase, root disk 0 disables the volume.
   *
   * @return the dialect
   */
  public static StackDialect scs2() {
    return SCS2;
  }

  /**
   * The {@code kamaji} stack ({@code 1-30-v0-sha.11930ee}): the control plane runs as pods, so only
   * workers have machines; {@code data_store} is required.
   *
   * @return the dialect
   */
  public static StackDialect kamaji() {
    return KAMAJI;
  }

  /**
   * The SDK's own dialects, oldest first.
   *
   * @return the built-in dialects
   */
  public static List<StackDialect> builtIns() {
    return List.of(SCS_1_29, SCS, SCS2_1_33_V1, SCS2, KAMAJI);
  }

  /**
   * Every dialect: the built-in ones oldest first, then those of registered providers (see
   * {@link StackDialectProvider}) in provider order.
   *
   * @return the dialects
   */
  public static List<StackDialect> all() {
    return all(Providers.defaultLoader(StackDialects.class));
  }

  /**
   * Every dialect known on a class loader.
   *
   * @param classLoader where to look for {@link StackDialectProvider}s
   * @return the dialects
   */
  public static List<StackDialect> all(ClassLoader classLoader) {
    InvalidInputException.requireArgument(classLoader, "classLoader");
    List<StackDialect> out = new ArrayList<>();
    for (StackDialectProvider p : providers(classLoader)) {
      out.addAll(p.dialects());
    }
    return List.copyOf(out);
  }

  /**
   * The built-in provider first, then those found by {@link java.util.ServiceLoader} on the thread's
   * context class loader (or the SDK's), sorted by name and class.
   *
   * @return the providers
   */
  public static List<StackDialectProvider> providers() {
    return providers(Providers.defaultLoader(StackDialects.class));
  }

  /**
   * The built-in provider first, then those listed in
   * {@code META-INF/services/io.clusterstacks.core.stack.StackDialectProvider} on a class loader,
   * sorted by name and class; looked up once per class loader.
   *
   * @param classLoader where to look
   * @return the providers
   */
  public static List<StackDialectProvider> providers(ClassLoader classLoader) {
    InvalidInputException.requireArgument(classLoader, "classLoader");
    synchronized (PROVIDERS) {
      SoftReference<List<StackDialectProvider>> ref = PROVIDERS.get(classLoader);
      List<StackDialectProvider> cached = ref == null ? null : ref.get();
      if (cached != null) {
        return cached;
      }
    }
    List<StackDialectProvider> found = new ArrayList<>(List.of(BUILT_IN));
    for (StackDialectProvider p : Providers.discover(StackDialectProvider.class, List.of(), classLoader,
        StackDialectProvider::name)) {
      if (!(p instanceof BuiltIn)) {
        found.add(p);
      }
    }
    List<StackDialectProvider> out = List.copyOf(found);
    synchronized (PROVIDERS) {
      PROVIDERS.put(classLoader, new SoftReference<>(out));
    }
    return out;
  }

  /**
   * Finds a dialect by its {@link StackDialect#id()}, or by {@code <provider class>:<id>} to choose
   * one provider's dialect explicitly.
   *
   * @param id e.g. {@code scs2@1-33-v1}
   * @return the dialect
   * @throws StackException naming the known ids when there is none
   * @throws AmbiguousStackDialectException when two providers offer the id
   */
  public static StackDialect byId(String id) {
    return byId(id, Providers.defaultLoader(StackDialects.class));
  }

  /**
   * Finds a dialect by id on a class loader.
   *
   * @param id e.g. {@code scs2}, or {@code com.example.KamajiDialects:kamaji}
   * @param classLoader where to look for {@link StackDialectProvider}s
   * @return the dialect
   * @throws StackException naming the known ids when there is none
   * @throws AmbiguousStackDialectException when two providers offer the id
   */
  public static StackDialect byId(String id, ClassLoader classLoader) {
    InvalidInputException.requireArgument(id, "id");
    int colon = id.lastIndexOf(':');
    String provider = colon < 0 ? null : id.substring(0, colon);
    String bare = colon < 0 ? id : id.substring(colon + 1);
    List<String> ids = new ArrayList<>();
    List<String> offering = new ArrayList<>();
    StackDialect found = null;
    for (StackDialectProvider p : providers(classLoader)) {
      String cls = p.getClass().getName();
      for (StackDialect d : p.dialects()) {
        ids.add(p instanceof BuiltIn ? d.id() : cls + ":" + d.id());
        if (d.id().equals(bare) && (provider == null || provider.equals(cls) || provider.equals(p.name()))) {
          offering.add(cls);
          found = d;
        }
      }
    }
    if (offering.size() > 1) {
      throw new AmbiguousStackDialectException("dialect id '" + bare + "'", offering.stream().sorted().toList());
    }
    if (found == null) {
      throw new StackException("dialect", Names.escaped(id), "use one of the known dialects: " + String.join(", ", ids));
    }
    return found;
  }

  /**
   * The dialect of a ClusterClass.
   *
   * @param className the class name
   * @return the dialect, or empty for stacks the SDK has no typed model of (e.g. {@code alpha}, or
   *     {@code scs} before 1.29); such manifests can still be parsed leniently
   */
  public static Optional<StackDialect> forClass(ClusterClassName className) {
    return forClass(className, Providers.defaultLoader(StackDialects.class));
  }

  /**
   * The dialect of a ClusterClass, asking every provider on a class loader.
   *
   * @param className the class name
   * @param classLoader where to look for {@link StackDialectProvider}s
   * @return the dialect, or empty when no provider describes the class
   * @throws AmbiguousStackDialectException when two providers claim the class
   */
  public static Optional<StackDialect> forClass(ClusterClassName className, ClassLoader classLoader) {
    InvalidInputException.requireArgument(className, "className");
    Optional<StackDialect> found = Optional.empty();
    List<String> claiming = new ArrayList<>();
    for (StackDialectProvider p : providers(classLoader)) {
      Optional<StackDialect> d = p.forClass(className);
      if (d.isPresent()) {
        claiming.add(p.getClass().getName());
        found = d;
      }
    }
    if (claiming.size() > 1) {
      throw new AmbiguousStackDialectException("class " + className.format(), claiming.stream().sorted().toList());
    }
    return found;
  }

  private static Optional<StackDialect> builtInForClass(ClusterClassName className) {
    Optional<StackGeneration> g = className.generation();
    if (g.isEmpty() || !"openstack".equals(className.provider())) {
      return Optional.empty();
    }
    String minor = className.kubernetesMinor();
    StackVersion v = className.version();
    switch (g.get()) {
      case SCS:
        if (compareMinor(minor, "1.29") < 0) {
          return Optional.empty();
        }
        if (minor.equals("1.29") || (minor.equals("1.30") && !v.isCustom() && v.number() <= 1)) {
          return Optional.of(SCS_1_29);
        }
        return Optional.of(SCS);
      case SCS2:
        if (minor.equals("1.33") && !v.isCustom() && v.number() == 1) {
          return Optional.of(SCS2_1_33_V1);
        }
        return Optional.of(SCS2);
      default:
        return Optional.of(KAMAJI);
    }
  }

  // compares "<major>.<minor>" numerically, whatever the numbers' size (digits only, as ClusterClassName allows)
  private static int compareMinor(String a, String b) {
    String[] x = a.split("\\.", 2);
    String[] y = b.split("\\.", 2);
    int c = compareNumber(x[0], y[0]);
    return c != 0 ? c : compareNumber(x.length > 1 ? x[1] : "0", y.length > 1 ? y[1] : "0");
  }

  private static int compareNumber(String a, String b) {
    String x = a.replaceFirst("^0+(?=.)", "");
    String y = b.replaceFirst("^0+(?=.)", "");
    return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
  }

  // ---- tables ---------------------------------------------------------------------------------

  private static VariableSpec str(String name, String description) {
    return VariableSpec.builder().name(name).type(VariableType.STRING).description(description).build();
  }

  private static VariableSpec str(String name, String def, String description) {
    return VariableSpec.builder().name(name).type(VariableType.STRING).defaultValue(def).description(description).build();
  }

  private static VariableSpec uuid(String name, String description) {
    return VariableSpec.builder().name(name).type(VariableType.STRING).format(VariableFormat.UUID4).description(description).build();
  }

  private static VariableSpec uuid(String name, String def, String description) {
    return VariableSpec.builder().name(name).type(VariableType.STRING).format(VariableFormat.UUID4)
        .defaultValue(def).description(description).build();
  }

  private static VariableSpec ipv4(String name, String description) {
    return VariableSpec.builder().name(name).type(VariableType.STRING).format(VariableFormat.IPV4).description(description).build();
  }

  private static VariableSpec cidr(String name, String def, String description) {
    return VariableSpec.builder().name(name).type(VariableType.STRING).format(VariableFormat.CIDR)
        .defaultValue(def).description(description).build();
  }

  private static VariableSpec enumeration(String name, String def, List<String> values, String description) {
    return VariableSpec.builder().name(name).type(VariableType.STRING).defaultValue(def).allowedValues(values)
        .description(description).build();
  }

  private static VariableSpec integer(String name, long min, String description) {
    return VariableSpec.builder().name(name).type(VariableType.INTEGER).minimum(min).description(description).build();
  }

  private static VariableSpec integer(String name, long min, long def, String description) {
    return VariableSpec.builder().name(name).type(VariableType.INTEGER).minimum(min).defaultValue(def)
        .description(description).build();
  }

  private static VariableSpec plainInteger(String name, String description) {
    return VariableSpec.builder().name(name).type(VariableType.INTEGER).description(description).build();
  }

  private static VariableSpec bool(String name, String description) {
    return VariableSpec.builder().name(name).type(VariableType.BOOLEAN).description(description).build();
  }

  private static VariableSpec bool(String name, boolean def, String description) {
    return VariableSpec.builder().name(name).type(VariableType.BOOLEAN).defaultValue(def).description(description).build();
  }

  private static VariableSpec strings(String name, @org.jspecify.annotations.Nullable List<String> def, String description) {
    VariableSpec.Builder b = VariableSpec.builder().name(name).type(VariableType.ARRAY).itemType(VariableType.STRING)
        .description(description);
    if (def != null) {
      b.defaultValue(def);
    }
    return b.build();
  }

  private static VariableSpec uuids(String name, String description) {
    return VariableSpec.builder().name(name).type(VariableType.ARRAY).itemType(VariableType.STRING)
        .format(VariableFormat.UUID4).defaultValue(List.of()).description(description).build();
  }

  private static VariableSpec object(String name, List<String> properties, String description) {
    return VariableSpec.builder().name(name).type(VariableType.OBJECT).properties(properties).description(description).build();
  }

  private static Map<CommonVariable, String> snakeCommon(boolean controlPlaneMachines) {
    Map<CommonVariable, String> m = new EnumMap<>(CommonVariable.class);
    if (controlPlaneMachines) {
      m.put(CommonVariable.CONTROL_PLANE_FLAVOR, "controller_flavor");
      m.put(CommonVariable.CONTROL_PLANE_ROOT_DISK, "controller_root_disk");
      m.put(CommonVariable.CONTROL_PLANE_SERVER_GROUP_ID, "controller_server_group_id");
    }
    m.put(CommonVariable.WORKER_FLAVOR, "worker_flavor");
    m.put(CommonVariable.WORKER_ROOT_DISK, "worker_root_disk");
    m.put(CommonVariable.WORKER_SERVER_GROUP_ID, "worker_server_group_id");
    m.put(CommonVariable.EXTERNAL_NETWORK_ID, "external_id");
    m.put(CommonVariable.NODE_CIDR, "node_cidr");
    m.put(CommonVariable.DNS_NAMESERVERS, "dns_nameservers");
    m.put(CommonVariable.SSH_KEY_NAME, "ssh_key");
    m.put(CommonVariable.OIDC, "oidc_config");
    m.put(CommonVariable.CERT_SANS, "certSANs");
    m.put(CommonVariable.SECURITY_GROUPS, "openstack_security_groups");
    m.put(CommonVariable.IDENTITY_SECRET_NAME, "secret_name");
    m.put(CommonVariable.IDENTITY_CLOUD_NAME, "cloud_name");
    return m;
  }

  private static StackDialect buildScs129() {
    List<VariableSpec> v = List.of(
        uuid("external_id", OLD_EXTERNAL_ID, "ID of the external network"),
        str("controller_flavor", "SCS-2V-4-20", "control-plane flavor name"),
        str("worker_flavor", "SCS-2V-4-20", "worker flavor name"),
        integer("controller_root_disk", 1, "control-plane root volume in GiB (omit to boot from the flavor disk)"),
        integer("worker_root_disk", 1, "worker root volume in GiB (omit to boot from the flavor disk)"),
        uuid("yawol_flavor_id", "flavor ID for yawol load balancers"),
        uuid("yawol_image_id", "image ID for yawol load balancers"),
        uuid("kube_vip_network_id", "network for the kube-vip API server address"),
        ipv4("kube_vip_apiserver_virtual_ip", "kube-vip virtual IP"),
        ipv4("kube_vip_apiserver_public_ip", "kube-vip public IP"),
        strings("openstack_security_groups", List.of(), "extra security group names"),
        str("cloud_name", "openstack", "cloud name in clouds.yaml"),
        str("secret_name", "openstack", "Secret holding clouds.yaml"),
        str("controller_server_group_id", "", "control-plane server-group ID"),
        str("worker_server_group_id", "", "worker server-group ID"),
        str("ssh_key", "", "SSH key pair name"),
        enumeration("apiserver_loadbalancer", "octavia-amphora",
            List.of("none", "octavia-amphora", "octavia-ovn", "kube-vip"), "API server load balancer"),
        enumeration("workload_loadbalancer", "octavia-amphora",
            List.of("none", "octavia-amphora", "octavia-ovn", "yawol"), "load balancer for Services"),
        strings("dns_nameservers", List.of("5.1.66.255", "185.150.99.255"), "DNS servers of the node subnet"),
        cidr("node_cidr", "10.8.0.0/20", "node subnet"),
        strings("certSANs", List.of(), "extra API server certificate SANs"),
        object("oidc_config", SNAKE_OIDC, "API server OIDC settings"));
    Map<CommonVariable, String> m = snakeCommon(true);
    m.put(CommonVariable.API_SERVER_LOAD_BALANCER, "apiserver_loadbalancer");
    return StackDialect.builder().id("scs@1-29").generation(StackGeneration.SCS)
        .releases("scs 1-29-v1 and 1-30-v1 (Kubernetes 1.29/1.30)").variables(v).commonVariables(m)
        .rolesWithMachines(EnumSet.of(Role.CONTROL_PLANE, Role.WORKER)).workloadSecret(WorkloadSecretStyle.CLOUD_CONFIG)
        .fixedImageName(true).build();
  }

  private static StackDialect buildScs() {
    List<VariableSpec> v = List.of(
        uuid("external_id", "ID of the external network"),
        str("controller_flavor", "SCS-2V-4-20s", "control-plane flavor name"),
        str("worker_flavor", "SCS-2V-4", "worker flavor name"),
        integer("controller_root_disk", 1, "control-plane root volume in GiB (omit to boot from the flavor disk)"),
        integer("worker_root_disk", 1, 25, "worker root volume in GiB"),
        strings("openstack_security_groups", List.of(), "extra security group names"),
        str("cloud_name", "openstack", "cloud name in clouds.yaml"),
        str("secret_name", "openstack", "Secret holding clouds.yaml"),
        str("controller_server_group_id", "", "control-plane server-group ID"),
        str("worker_server_group_id", "", "worker server-group ID"),
        str("ssh_key", "", "SSH key pair name"),
        enumeration("apiserver_loadbalancer", "octavia-amphora", LOAD_BALANCERS, "API server load balancer"),
        strings("dns_nameservers", List.of("5.1.66.255", "185.150.99.255"), "DNS servers of the node subnet"),
        cidr("node_cidr", "10.8.0.0/20", "node subnet"),
        strings("certSANs", List.of(), "extra API server certificate SANs"),
        object("oidc_config", SNAKE_OIDC, "API server OIDC settings"),
        plainInteger("network_mtu", "network MTU"),
        strings("controlPlaneAvailabilityZones", null, "availability zones for control-plane machines"),
        bool("controlPlaneOmitAvailabilityZone", "let Nova choose the control-plane availability zone"));
    Map<CommonVariable, String> m = snakeCommon(true);
    m.put(CommonVariable.API_SERVER_LOAD_BALANCER, "apiserver_loadbalancer");
    m.put(CommonVariable.NETWORK_MTU, "network_mtu");
    m.put(CommonVariable.CONTROL_PLANE_AVAILABILITY_ZONES, "controlPlaneAvailabilityZones");
    return StackDialect.builder().id("scs").generation(StackGeneration.SCS)
        .releases("scs 1-30-v2 and later (Kubernetes 1.30 to 1.32)").variables(v).commonVariables(m)
        .rolesWithMachines(EnumSet.of(Role.CONTROL_PLANE, Role.WORKER)).workloadSecret(WorkloadSecretStyle.CLOUD_CONFIG)
        .fixedImageName(true).build();
  }

  private static StackDialect buildScs2(boolean first) {
    long diskMin = first ? 1 : 0;
    List<VariableSpec> v = List.of(
        str("imageName", "ubuntu-capi-image", "image base name (Glance name filter, or ORC Image name)"),
        bool("imageIsOrc", false, "imageName names an ORC Image"),
        bool("imageAddVersion", true, "append -<Kubernetes version> to imageName"),
        bool("disableAPIServerFloatingIP", false, "no floating IP for the API server"),
        uuid("networkExternalID", "ID of the external network"),
        plainInteger("networkMTU", "network MTU"),
        strings("dnsNameservers", List.of("9.9.9.9", "149.112.112.112"), "DNS servers of the node subnet"),
        cidr("nodeCIDR", "10.8.0.0/20", "node subnet"),
        str("controlPlaneFlavor", "SCS-2V-4", "control-plane flavor name"),
        integer("controlPlaneRootDisk", diskMin, 50,
            first ? "control-plane root volume in GiB" : "control-plane root volume in GiB; 0 boots from the flavor disk"),
        str("controlPlaneServerGroupID", "", "control-plane server-group ID"),
        strings("controlPlaneAvailabilityZones", null, "availability zones for control-plane machines"),
        bool("controlPlaneOmitAvailabilityZone", "let Nova choose the control-plane availability zone"),
        str("workerFlavor", "SCS-4V-8", "worker flavor name"),
        integer("workerRootDisk", diskMin, 50,
            first ? "worker root volume in GiB" : "worker root volume in GiB; 0 boots from the flavor disk"),
        str("workerServerGroupID", "", "worker server-group ID"),
        VariableSpec.builder().name("workerAdditionalBlockDevices").type(VariableType.ARRAY).itemType(VariableType.OBJECT)
            .defaultValue(List.of()).description("extra volumes for workers: {name, sizeGiB, type}").build(),
        str("sshKeyName", "", "SSH key pair name"),
        strings("securityGroups", List.of(), "extra security group names for all nodes"),
        uuids("securityGroupIDs", "extra security group IDs for all nodes"),
        strings("workerSecurityGroups", List.of(), "extra security group names for workers"),
        uuids("workerSecurityGroupIDs", "extra security group IDs for workers"),
        VariableSpec.builder().name("identityRef").type(VariableType.OBJECT).properties(List.of("name", "cloudName"))
            .defaultValue(Map.of()).description("Secret and cloud name of the OpenStack credentials").build(),
        strings("certSANs", List.of(), "extra API server certificate SANs"),
        enumeration("apiServerLoadBalancer", "octavia-ovn", LOAD_BALANCERS, "API server load balancer"),
        strings("apiServerLoadBalancerOctaviaAmphoraAllowedCIDRs", null, "CIDRs allowed to reach an amphora API load balancer"),
        object("oidcConfig", CAMEL_OIDC, "API server OIDC settings"));
    Map<CommonVariable, String> m = new EnumMap<>(CommonVariable.class);
    m.put(CommonVariable.CONTROL_PLANE_FLAVOR, "controlPlaneFlavor");
    m.put(CommonVariable.CONTROL_PLANE_ROOT_DISK, "controlPlaneRootDisk");
    m.put(CommonVariable.CONTROL_PLANE_SERVER_GROUP_ID, "controlPlaneServerGroupID");
    m.put(CommonVariable.WORKER_FLAVOR, "workerFlavor");
    m.put(CommonVariable.WORKER_ROOT_DISK, "workerRootDisk");
    m.put(CommonVariable.WORKER_SERVER_GROUP_ID, "workerServerGroupID");
    m.put(CommonVariable.IMAGE_NAME, "imageName");
    m.put(CommonVariable.IMAGE_IS_ORC, "imageIsOrc");
    m.put(CommonVariable.IMAGE_ADD_VERSION, "imageAddVersion");
    m.put(CommonVariable.EXTERNAL_NETWORK_ID, "networkExternalID");
    m.put(CommonVariable.NODE_CIDR, "nodeCIDR");
    m.put(CommonVariable.DNS_NAMESERVERS, "dnsNameservers");
    m.put(CommonVariable.NETWORK_MTU, "networkMTU");
    m.put(CommonVariable.SSH_KEY_NAME, "sshKeyName");
    m.put(CommonVariable.API_SERVER_LOAD_BALANCER, "apiServerLoadBalancer");
    m.put(CommonVariable.OIDC, "oidcConfig");
    m.put(CommonVariable.CERT_SANS, "certSANs");
    m.put(CommonVariable.SECURITY_GROUPS, "securityGroups");
    m.put(CommonVariable.IDENTITY_REF, "identityRef");
    m.put(CommonVariable.CONTROL_PLANE_AVAILABILITY_ZONES, "controlPlaneAvailabilityZones");
    return StackDialect.builder().id(first ? "scs2@1-33-v1" : "scs2").generation(StackGeneration.SCS2)
        .releases(first ? "scs2 1-33-v1 (root disks minimum 1)" : "scs2 1-33-v4 and later (root disk 0 allowed)")
        .variables(v).commonVariables(m)
        .rolesWithMachines(EnumSet.of(Role.CONTROL_PLANE, Role.WORKER)).workloadSecret(WorkloadSecretStyle.CLOUDS_YAML)
        .fixedImageName(false).build();
  }

  private static StackDialect buildKamaji() {
    List<VariableSpec> v = List.of(
        VariableSpec.builder().name("data_store").type(VariableType.STRING).required(true)
            .description("name of an existing Kamaji DataStore").build(),
        VariableSpec.builder().name("dns_service_ips").type(VariableType.ARRAY).itemType(VariableType.STRING)
            .minItems(1).defaultValue(List.of("10.96.0.10")).description("cluster DNS service IPs").build(),
        uuid("external_id", OLD_EXTERNAL_ID, "ID of the external network"),
        strings("dns_nameservers", List.of("5.1.66.255", "185.150.99.255"), "DNS servers of the node subnet"),
        str("worker_flavor", "SCS-2V-4", "worker flavor name"),
        integer("worker_root_disk", 1, "worker root volume in GiB (omit to boot from the flavor disk)"),
        cidr("node_cidr", "10.8.0.0/20", "node subnet"),
        strings("openstack_security_groups", List.of(), "extra security group names"),
        str("cloud_name", "openstack", "cloud name in clouds.yaml"),
        str("secret_name", "openstack", "Secret holding clouds.yaml"),
        str("worker_server_group_id", "", "worker server-group ID"),
        str("ssh_key", "", "SSH key pair name"),
        strings("certSANs", List.of(), "extra API server certificate SANs"),
        object("oidc_config", SNAKE_OIDC, "API server OIDC settings"));
    Map<CommonVariable, String> m = snakeCommon(false);
    m.put(CommonVariable.DATA_STORE, "data_store");
    m.put(CommonVariable.DNS_SERVICE_IPS, "dns_service_ips");
    return StackDialect.builder().id("kamaji").generation(StackGeneration.KAMAJI)
        .releases("kamaji 1-30-v0-sha.11930ee").variables(v).commonVariables(m)
        .rolesWithMachines(EnumSet.of(Role.WORKER)).workloadSecret(WorkloadSecretStyle.CLOUD_CONFIG)
        .fixedImageName(true).build();
  }
}
