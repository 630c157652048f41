package io.clusterstacks.kamaji.placement;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.manifest.ManifestDocument;
import io.clusterstacks.core.manifest.ManifestRenderer;
import io.clusterstacks.core.manifest.Manifests;
import io.clusterstacks.core.model.IntOrPercent;
import io.clusterstacks.kamaji.Kamaji;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link TenantPlacementPlan} as Kubernetes fields: the API-server Deployment's {@code affinity},
 * {@code topologySpreadConstraints} and {@code strategy}, which a KamajiControlPlane carries in
 * {@code spec.deployment} and Kamaji copies into the TenantControlPlane's Deployment.
 *
 * <p>In raw CAPI mode they are part of the KamajiControlPlane the SDK renders ({@link #withRules} puts them on
 * the one sdk-core renders with the rest of the cluster; {@link #controlPlane} renders one alone). In
 * topology mode the ClusterClass exposes no variable for them, so they go in a patch
 * ({@link #controlPlanePatch}) that is server-side-applied to the KamajiControlPlane CAPI's topology
 * controller generated, under the SDK's own field manager: the topology controller owns the fields of
 * the template, the SDK owns these, and neither overwrites the other.
 *
 * <p>The pods are selected by {@code kamaji.clastix.io/name}, the label Kamaji puts on every pod of a
 * TenantControlPlane; the Kamaji CAPI provider names the TenantControlPlane after the KamajiControlPlane,
 * so {@link TenantRequest#name()} is the KamajiControlPlane's name.
 */
public final class KamajiDeployment {
  /** The label Kamaji puts on a TenantControlPlane's pods, valued with its name. */
  public static final String TENANT_POD_LABEL = "kamaji.clastix.io/name";

  /** The weight of each preferred rule (the scheduler's maximum, so a preference is not lost in the noise). */
  public static final int PREFERRED_WEIGHT = 100;

  private KamajiDeployment() {}

  /**
   * The pod-template fields of the plan: {@code affinity} and {@code topologySpreadConstraints}, each only
   * when it holds a rule.
   *
   * @param plan the plan
   * @return the fields, in a fixed order
   */
  public static Map<String, Object> podFields(TenantPlacementPlan plan) {
    InvalidInputException.requireArgument(plan, "plan");
    Map<String, String> selector = Map.of(TENANT_POD_LABEL, plan.tenant().name());
    return podFields(plan.rules(), selector);
  }

  /**
   * The pod-template fields of rules for pods selected by labels (for the etcd of a {@link DataStorePlan},
   * whose StatefulSet the SDK does not own, or any other workload).
   *
   * @param rules the rules
   * @param podSelector labels that select the pods the rules keep apart
   * @return {@code affinity} and {@code topologySpreadConstraints}, each only when it holds a rule
   */
  public static Map<String, Object> podFields(PodRules rules, Map<String, String> podSelector) {
    InvalidInputException.requireArgument(rules, "rules");
    InvalidInputException.requireArgument(podSelector, "podSelector");
    Map<String, Object> selector = Map.of("matchLabels", new java.util.TreeMap<>(podSelector));
    List<Object> required = new ArrayList<>();
    List<Object> preferred = new ArrayList<>();
    term(rules.hostnameAntiAffinity(), "kubernetes.io/hostname", selector, required, preferred);
    term(rules.hypervisorAntiAffinity(), Kamaji.HYPERVISOR_LABEL, selector, required, preferred);
    Map<String, Object> out = new LinkedHashMap<>();
    if (!required.isEmpty() || !preferred.isEmpty()) {
      Map<String, Object> anti = new LinkedHashMap<>();
      if (!required.isEmpty()) {
        anti.put("requiredDuringSchedulingIgnoredDuringExecution", required);
      }
      if (!preferred.isEmpty()) {
        anti.put("preferredDuringSchedulingIgnoredDuringExecution", preferred);
      }
      out.put("affinity", Map.of("podAntiAffinity", anti));
    }
    rules.hypervisorSpread().ifPresent(s -> {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("maxSkew", s.maxSkew());
      c.put("topologyKey", Kamaji.HYPERVISOR_LABEL);
      c.put("whenUnsatisfiable", s.whenUnsatisfiable().apiValue());
      c.put("labelSelector", selector);
      out.put("topologySpreadConstraints", List.of(c));
    });
    return out;
  }

  /**
   * The Deployment's {@code strategy} of the plan.
   *
   * @param plan the plan
   * @return {@code {type: RollingUpdate, rollingUpdate: {maxSurge, maxUnavailable}}}
   */
  public static Map<String, Object> strategy(TenantPlacementPlan plan) {
    InvalidInputException.requireArgument(plan, "plan");
    Map<String, Object> rolling = new LinkedHashMap<>();
    rolling.put("maxSurge", value(plan.strategy().maxSurge().orElseThrow()));
    rolling.put("maxUnavailable", value(plan.strategy().maxUnavailable().orElseThrow()));
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("type", "RollingUpdate");
    s.put("rollingUpdate", rolling);
    return s;
  }

  /**
   * The KamajiControlPlane's {@code spec.deployment} fields of the plan.
   *
   * @param plan the plan
   * @return {@code strategy}, then {@code affinity} and {@code topologySpreadConstraints} when present
   */
  public static Map<String, Object> deploymentFields(TenantPlacementPlan plan) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("strategy", strategy(plan));
    d.putAll(podFields(plan));
    return d;
  }

  /**
   * The server-side-apply patch that puts the plan on a KamajiControlPlane generated by CAPI's topology
   * controller: only {@code spec.deployment}'s rule fields, named after {@link TenantRequest#name()}.
   *
   * @param namespace the Cluster's namespace
   * @param plan the plan
   * @return the patch (apply it with the SDK's field manager)
   */
  public static ManifestDocument controlPlanePatch(String namespace, TenantPlacementPlan plan) {
    InvalidInputException.requireArgument(namespace, "namespace");
    InvalidInputException.requireArgument(plan, "plan");
    return ManifestDocument.of(object(namespace, plan, Map.of("deployment", deploymentFields(plan))));
  }

  /**
   * A whole KamajiControlPlane for raw CAPI mode, with the plan's replicas and rules, Kamaji's usual
   * addons and a LoadBalancer Service for the tenant API (as the SCS Kamaji stack used).
   *
   * @param namespace the Cluster's namespace
   * @param kubernetesVersion e.g. {@code v1.30.1}
   * @param dataStoreName the DataStore the tenant uses
   * @param plan the plan
   * @return the object
   */
  public static ManifestDocument controlPlane(String namespace, String kubernetesVersion, String dataStoreName,
      TenantPlacementPlan plan) {
    InvalidInputException.requireArgument(namespace, "namespace");
    InvalidInputException.requireArgument(kubernetesVersion, "kubernetesVersion");
    InvalidInputException.requireArgument(dataStoreName, "dataStoreName");
    InvalidInputException.requireArgument(plan, "plan");
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("version", kubernetesVersion);
    spec.put("replicas", plan.tenant().replicas());
    spec.put("dataStoreName", dataStoreName);
    Map<String, Object> addons = new LinkedHashMap<>();
    addons.put("coreDNS", Map.of());
    addons.put("konnectivity", Map.of());
    addons.put("kubeProxy", Map.of());
    spec.put("addons", addons);
    spec.put("kubelet", Map.of("cgroupfs", "systemd",
        "preferredAddressTypes", List.of("InternalIP", "ExternalIP", "Hostname")));
    spec.put("network", Map.of("serviceType", "LoadBalancer"));
    spec.put("deployment", deploymentFields(plan));
    return ManifestDocument.of(object(namespace, plan, spec));
  }

  /**
   * Raw CAPI mode: the manifests sdk-core renders for a Kamaji cluster ({@link ManifestRenderer} with the
   * kamaji stack in {@link io.clusterstacks.core.model.OutputMode#RAW_CAPI}: a Cluster, its OpenStackCluster
   * without API load balancer and floating IP, a KamajiControlPlane and the workers' machine deployments),
   * with the plan's rules in the KamajiControlPlane's {@code spec.deployment}: its strategy, affinity and
   * topology spread. Every other document, and the notices, stay as rendered.
   *
   * <p>Plan the tenant under the KamajiControlPlane's name ({@code <cluster>-control-plane}, the Cluster's
   * {@code spec.controlPlaneRef.name}): Kamaji labels the pods {@value #TENANT_POD_LABEL} with it, and the rules
   * select them by it.
   *
   * @param manifests the rendered raw-mode manifests of one Kamaji cluster
   * @param plan the tenant's plan
   * @return the manifests with the rules
   * @throws InvalidInputException naming each mismatch: not exactly one KamajiControlPlane (e.g. topology mode,
   *     where {@link #controlPlanePatch} is the way), one that already has {@code spec.deployment}, or a plan for
   *     another name or replica count
   */
  public static Manifests withRules(Manifests manifests, TenantPlacementPlan plan) {
    InvalidInputException.requireArgument(manifests, "manifests");
    InvalidInputException.requireArgument(plan, "plan");
    List<ManifestDocument> found = manifests.documents().stream()
        .filter(d -> d.kind().equals("KamajiControlPlane") && d.apiVersion().equals(Kamaji.CONTROL_PLANE_API_VERSION))
        .toList();
    if (found.size() != 1) {
      throw new InvalidInputException(List.of(Problem.of("manifests", found.size() + " KamajiControlPlane documents",
          "pass the manifests of one Kamaji cluster rendered in raw CAPI mode (ClusterSpec mode RAW_CAPI with the "
              + "kamaji stack); in topology mode CAPI generates the KamajiControlPlane: server-side-apply "
              + "KamajiDeployment.controlPlanePatch to it instead")));
    }
    ManifestDocument kcp = found.get(0);
    Map<String, Object> spec = new LinkedHashMap<>();
    if (kcp.toMap().get("spec") instanceof Map<?, ?> m) {
      m.forEach((k, v) -> spec.put(String.valueOf(k), v));
    }
    List<Problem> problems = new ArrayList<>();
    if (!kcp.name().equals(plan.tenant().name())) {
      problems.add(Problem.of("plan.tenant.name", plan.tenant().name(), "plan the tenant under the KamajiControlPlane's "
          + "name " + kcp.name() + ": Kamaji labels the tenant's pods " + TENANT_POD_LABEL + " with it, and the rules "
          + "select them by it"));
    }
    Object replicas = spec.get("replicas");
    if (!(replicas instanceof Number n) || n.intValue() != plan.tenant().replicas()) {
      problems.add(Problem.of("plan.tenant.replicas", String.valueOf(plan.tenant().replicas()), "plan the tenant "
          + "with the KamajiControlPlane's " + replicas + " replicas (ClusterSpec.controlPlaneReplicas), or render the "
          + "cluster with the plan's"));
    }
    if (spec.containsKey("deployment")) {
      problems.add(Problem.of("manifests[KamajiControlPlane " + kcp.name() + "].spec.deployment", "present",
          "pass the manifests as sdk-core rendered them: the rules replace no deployment settings of their own"));
    }
    InvalidInputException.throwIfAny(problems);
    spec.put("deployment", deploymentFields(plan));
    Map<String, Object> object = new LinkedHashMap<>(kcp.toMap());
    object.put("spec", spec);
    ManifestDocument withRules = ManifestDocument.of(object);
    List<ManifestDocument> docs = new ArrayList<>();
    for (ManifestDocument d : manifests.documents()) {
      docs.add(d == kcp ? withRules : d);
    }
    return Manifests.of(docs, manifests.notices());
  }

  private static Map<String, Object> object(String namespace, TenantPlacementPlan plan, Map<String, Object> spec) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", plan.tenant().name());
    metadata.put("namespace", namespace);
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("apiVersion", Kamaji.CONTROL_PLANE_API_VERSION);
    o.put("kind", "KamajiControlPlane");
    o.put("metadata", metadata);
    o.put("spec", spec);
    return o;
  }

  /** An int-or-string field as the API server takes it: a number, or a string ending in {@code %}. */
  private static Object value(IntOrPercent v) {
    return v.percent() ? v.toString() : (Object) v.value();
  }

  private static void term(RuleStrength strength, String topologyKey, Map<String, Object> selector,
      List<Object> required, List<Object> preferred) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("labelSelector", selector);
    t.put("topologyKey", topologyKey);
    if (strength == RuleStrength.REQUIRED) {
      required.add(t);
    } else if (strength == RuleStrength.PREFERRED) {
      Map<String, Object> w = new LinkedHashMap<>();
      w.put("weight", PREFERRED_WEIGHT);
      w.put("podAffinityTerm", t);
      preferred.add(w);
    }
  }
}
