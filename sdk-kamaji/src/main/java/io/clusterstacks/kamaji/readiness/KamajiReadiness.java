package io.clusterstacks.kamaji.readiness;

import io.clusterstacks.kamaji.Kamaji;
import io.clusterstacks.kubernetes.ClusterStatus;
import io.clusterstacks.kubernetes.Condition;
import io.clusterstacks.kubernetes.ObjectRef;
import io.clusterstacks.kubernetes.RoleStatus;
import io.clusterstacks.kubernetes.WorkloadApi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The readiness of one Kamaji-hosted control plane at one moment: a verdict per condition, computed
 * purely from the objects read (field names exactly as the CRDs define them: TenantControlPlane of
 * Kamaji 26.3.6-edge, KamajiControlPlane of the Kamaji CAPI provider v0.19.0).
 *
 * <p>The conditions, in order:
 * <ol>
 *   <li>{@link #TENANT_CONTROL_PLANE_READY}: the TenantControlPlane's
 *       {@code status.kubernetesResources.version.status} is {@code Ready} (the CRD's enum also has
 *       {@code Provisioning}, {@code Upgrading}, {@code NotReady}, {@code Sleeping}, …; the TenantControlPlane
 *       has no {@code status.conditions}), and its {@code status.observedGeneration}, when reported, has
 *       caught up with {@code metadata.generation};</li>
 *   <li>{@link #KAMAJI_CONTROL_PLANE_READY}: the KamajiControlPlane's {@code status.initialized} and
 *       {@code status.ready} are true;</li>
 *   <li>{@link #ADMIN_KUBECONFIG}: the Secret named by the TenantControlPlane's
 *       {@code status.kubeconfig.admin.secretName} exists with key {@link #ADMIN_KUBECONFIG_KEY};</li>
 *   <li>{@link #TENANT_API} (only when probing): the tenant API answers through that kubeconfig.</li>
 * </ol>
 *
 * @param observedAt when the objects were read
 * @param controlPlane the KamajiControlPlane (its TenantControlPlane has the same namespace and name)
 * @param checks the verdict per condition, in the order above
 * @param controlPlanePods the tenant control plane's Deployment as the TenantControlPlane reports it
 *     ({@code status.kubernetesResources.deployment}), role {@code control plane pods}
 * @param tenantApi what the admin kubeconfig gave: {@code NO_KUBECONFIG}, {@code NOT_CHECKED} (present, not
 *     probed), {@code ANSWERS} or {@code UNREACHABLE}
 */
public record KamajiReadiness(Instant observedAt, ObjectRef controlPlane, List<ReadinessCheck> checks,
    RoleStatus controlPlanePods, WorkloadApi tenantApi) {

  /** Condition: the TenantControlPlane's Kubernetes resources report {@code Ready}. */
  public static final String TENANT_CONTROL_PLANE_READY = "TenantControlPlaneReady";
  /** Condition: the KamajiControlPlane reports initialized and ready. */
  public static final String KAMAJI_CONTROL_PLANE_READY = "KamajiControlPlaneReady";
  /** Condition: the admin kubeconfig Secret Kamaji writes exists. */
  public static final String ADMIN_KUBECONFIG = "AdminKubeconfigSecret";
  /** Condition: the tenant API answers {@code /version} through the admin kubeconfig. */
  public static final String TENANT_API = "TenantApiAnswers";
  /** The key of the admin kubeconfig in Kamaji's {@code <tenant>-admin-kubeconfig} Secret. */
  public static final String ADMIN_KUBECONFIG_KEY = "admin.conf";
  /** The TenantControlPlane's API version. */
  public static final String TENANT_CONTROL_PLANE_API_VERSION = "kamaji.clastix.io/v1alpha1";
  /** The KamajiControlPlane's API version. */
  public static final String KAMAJI_CONTROL_PLANE_API_VERSION = Kamaji.CONTROL_PLANE_API_VERSION;

  /**
   * Copies the checks.
   *
   * @param observedAt when read
   * @param controlPlane the KamajiControlPlane
   * @param checks the checks
   * @param controlPlanePods the Deployment's replicas
   * @param tenantApi the admin kubeconfig's state
   */
  public KamajiReadiness {
    Objects.requireNonNull(observedAt, "observedAt");
    Objects.requireNonNull(controlPlane, "controlPlane");
    checks = List.copyOf(checks);
    Objects.requireNonNull(controlPlanePods, "controlPlanePods");
    Objects.requireNonNull(tenantApi, "tenantApi");
  }

  /**
   * Judges the objects read. Pure: no network, no clock.
   *
   * @param observedAt when they were read
   * @param namespace the control plane's namespace
   * @param name the KamajiControlPlane's (and TenantControlPlane's) name, {@code <cluster>-control-plane} in
   *     raw mode
   * @param tenantControlPlane the TenantControlPlane's fields, an empty map when it does not exist
   * @param kamajiControlPlane the KamajiControlPlane's fields, an empty map when it does not exist
   * @param adminKubeconfig the admin kubeconfig Secret's state ({@code NO_KUBECONFIG} when the Secret, its
   *     key or the TenantControlPlane's secret name is absent)
   * @param probe whether the tenant API's answer is a condition
   * @return the verdict
   */
  public static KamajiReadiness evaluate(Instant observedAt, String namespace, String name,
      Map<String, Object> tenantControlPlane, Map<String, Object> kamajiControlPlane, WorkloadApi adminKubeconfig,
      boolean probe) {
    List<ReadinessCheck> checks = new ArrayList<>();
    checks.add(tenantCheck(namespace, name, tenantControlPlane));
    checks.add(kamajiCheck(namespace, name, kamajiControlPlane));
    Optional<String> secret = adminKubeconfigSecret(tenantControlPlane);
    boolean present = adminKubeconfig != WorkloadApi.NO_KUBECONFIG && secret.isPresent();
    String secretSeen = secret.isEmpty()
        ? "TenantControlPlane status.kubeconfig.admin.secretName not set"
        : "Secret " + namespace + "/" + secret.get() + (present ? " has key " : " or its key ")
            + ADMIN_KUBECONFIG_KEY + (present ? "" : " does not exist");
    checks.add(new ReadinessCheck(ADMIN_KUBECONFIG, present, secretSeen));
    WorkloadApi api = present ? adminKubeconfig : WorkloadApi.NO_KUBECONFIG;
    if (probe) {
      checks.add(new ReadinessCheck(TENANT_API, api == WorkloadApi.ANSWERS,
          "tenant API " + api.name().toLowerCase(java.util.Locale.ROOT)));
    }
    ObjectRef ref = new ObjectRef(KAMAJI_CONTROL_PLANE_API_VERSION, "KamajiControlPlane", namespace, name);
    return new KamajiReadiness(observedAt, ref, checks, pods(tenantControlPlane), api);
  }

  /**
   * The admin kubeconfig Secret's name from a TenantControlPlane's {@code status.kubeconfig.admin.secretName}.
   *
   * @param tenantControlPlane its fields, empty when it does not exist
   * @return the name, empty until Kamaji reports it
   */
  public static Optional<String> adminKubeconfigSecret(Map<String, Object> tenantControlPlane) {
    Object v = at(tenantControlPlane, "status", "kubeconfig", "admin", "secretName");
    return v instanceof String s && !s.isEmpty() ? Optional.of(s) : Optional.empty();
  }

  private static ReadinessCheck tenantCheck(String namespace, String name, Map<String, Object> tcp) {
    if (tcp.isEmpty()) {
      return new ReadinessCheck(TENANT_CONTROL_PLANE_READY, false,
          "TenantControlPlane " + namespace + "/" + name + " does not exist");
    }
    Object status = at(tcp, "status", "kubernetesResources", "version", "status");
    Object observed = at(tcp, "status", "observedGeneration");
    Object generation = at(tcp, "metadata", "generation");
    boolean caughtUp = !(observed instanceof Number o) || !(generation instanceof Number g)
        || o.longValue() >= g.longValue();
    String seen = "status.kubernetesResources.version.status=" + (status == null ? "-" : status)
        + (observed instanceof Number && generation instanceof Number
            ? ", status.observedGeneration=" + observed + " of metadata.generation=" + generation : "");
    return new ReadinessCheck(TENANT_CONTROL_PLANE_READY, "Ready".equals(status) && caughtUp, seen);
  }

  private static ReadinessCheck kamajiCheck(String namespace, String name, Map<String, Object> kcp) {
    if (kcp.isEmpty()) {
      return new ReadinessCheck(KAMAJI_CONTROL_PLANE_READY, false,
          "KamajiControlPlane " + namespace + "/" + name + " does not exist");
    }
    Object initialized = at(kcp, "status", "initialized");
    Object ready = at(kcp, "status", "ready");
    Object reason = at(kcp, "status", "failureReason");
    String seen = "status.initialized=" + (initialized == null ? "-" : initialized)
        + ", status.ready=" + (ready == null ? "-" : ready)
        + (reason instanceof String r && !r.isEmpty() ? ", status.failureReason=" + r : "");
    return new ReadinessCheck(KAMAJI_CONTROL_PLANE_READY,
        Boolean.TRUE.equals(initialized) && Boolean.TRUE.equals(ready), seen);
  }

  private static RoleStatus pods(Map<String, Object> tcp) {
    Object d = at(tcp, "status", "kubernetesResources", "deployment");
    if (!(d instanceof Map<?, ?>)) {
      return RoleStatus.notReported("control plane pods");
    }
    Object desired = at(tcp, "spec", "controlPlane", "deployment", "replicas");
    return new RoleStatus("control plane pods", true, num(desired, 2), num(at(tcp, "status", "kubernetesResources",
        "deployment", "replicas"), 0), num(at(tcp, "status", "kubernetesResources", "deployment", "readyReplicas"), 0),
        num(at(tcp, "status", "kubernetesResources", "deployment", "updatedReplicas"), 0),
        num(at(tcp, "status", "kubernetesResources", "deployment", "availableReplicas"), 0));
  }

  private static int num(@Nullable Object o, int absent) {
    return o instanceof Number n ? n.intValue() : absent;
  }

  private static @Nullable Object at(Map<String, Object> root, String... path) {
    Object cur = root;
    for (String p : path) {
      if (!(cur instanceof Map<?, ?> m)) {
        return null;
      }
      cur = m.get(p);
    }
    return cur;
  }

  /**
   * Whether every condition holds.
   *
   * @return true when usable
   */
  public boolean usable() {
    return checks.stream().allMatch(ReadinessCheck::met);
  }

  /**
   * The conditions that do not hold yet, in order.
   *
   * @return the missing conditions
   */
  public List<ReadinessCheck> missing() {
    return checks.stream().filter(c -> !c.met()).toList();
  }

  /**
   * One condition.
   *
   * @param name e.g. {@link #ADMIN_KUBECONFIG}
   * @return the check, empty when not judged (e.g. {@link #TENANT_API} without probing)
   */
  public Optional<ReadinessCheck> check(String name) {
    return checks.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /**
   * The same verdict as a {@link ClusterStatus}, so that sdk-kubernetes' {@code ProgressListener}s (e.g.
   * {@code TerminalProgress}) show it: each check becomes a condition ({@code True}/{@code False}, reason
   * {@code Met}/{@code Missing}, message what was seen); phase is the TenantControlPlane's version status;
   * infrastructure ready means the KamajiControlPlane is initialized; control plane ready means
   * {@link #usable()} apart from the tenant API; the control-plane role is the tenant's pods. Judge readiness
   * with {@link #usable()}, not with that status' {@code usable()}, which expects a CAPI {@code Provisioned}
   * phase.
   *
   * @return the status
   */
  public ClusterStatus toClusterStatus() {
    List<Condition> conditions = checks.stream()
        .map(c -> new Condition(c.name(), c.met() ? "True" : "False", c.met() ? "Met" : "Missing", c.seen()))
        .toList();
    String phase = check(TENANT_CONTROL_PLANE_READY).map(ReadinessCheck::seen)
        .filter(s -> s.startsWith("status.kubernetesResources.version.status="))
        .map(s -> s.substring("status.kubernetesResources.version.status=".length()).split(",", 2)[0])
        .orElse("");
    boolean exists = !(absent(TENANT_CONTROL_PLANE_READY) && absent(KAMAJI_CONTROL_PLANE_READY));
    boolean initialized = check(KAMAJI_CONTROL_PLANE_READY).map(c -> c.seen().startsWith("status.initialized=true"))
        .orElse(false);
    boolean cpReady = checks.stream().filter(c -> !c.name().equals(TENANT_API)).allMatch(ReadinessCheck::met);
    return new ClusterStatus(observedAt, controlPlane, exists, phase, initialized, cpReady, conditions,
        controlPlanePods, RoleStatus.notReported("workers"), Optional.empty(), true, tenantApi, "");
  }

  private boolean absent(String check) {
    return check(check).map(c -> c.seen().endsWith(" does not exist")).orElse(true);
  }

  /** {@code <control plane>: usable} or the missing conditions with what was seen. */
  @Override
  public String toString() {
    return "KamajiControlPlane " + controlPlane.namespace() + "/" + controlPlane.name() + ": "
        + (usable() ? "usable" : "missing " + missing());
  }
}
