package io.clusterstacks.kamaji.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.manifest.ManifestDocument;
import io.clusterstacks.core.manifest.Manifests;
import io.clusterstacks.kamaji.Kamaji;
import io.clusterstacks.kubernetes.ManagementCluster;
import io.clusterstacks.kubernetes.lab.KubernetesLab;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Topology mode on the lab's real API server with the upstream KamajiControlPlane CRD: the test plays
 * CAPI's topology controller (none runs here) by server-side-applying the template-derived
 * KamajiControlPlane as field manager {@code capi-topology} with force, as that controller does; the SDK
 * applies the plan's patch under its own field manager; the topology controller applies again after a
 * template change. The plan's affinity, spread and strategy survive, and the template change lands.
 */
class TopologyPatchSurvivesIT {
  private static final ResourceDefinitionContext KCP = new ResourceDefinitionContext.Builder()
      .withGroup(Kamaji.CONTROL_PLANE_GROUP).withVersion("v1alpha1").withKind("KamajiControlPlane")
      .withPlural("kamajicontrolplanes").withNamespaced(true).build();

  @Test
  void thePlansDeploymentFieldsSurviveTheTopologyControllersForcedApplies() {
    KubernetesClient client = KubernetesLab.get().newClient();
    String ns = "kamaji-ssa-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
    try (ManagementCluster mgmt = ManagementCluster.builder().kubeconfig(KubernetesLab.get().kubeconfig()).build()) {
      TenantPlacementPlan plan = TwoLevelPlanner.plan(TenantRequest.of(t -> t.name("tenant-a").replicas(3)),
          TwoLevelScenarioTest.layout("hv-a:2", "hv-b:1"));

      topologyApply(client, ns, List.of());
      ManifestDocument patch = KamajiDeployment.controlPlanePatch(ns, plan);
      assertTrue(mgmt.apply(Manifests.of(List.of(patch), List.of())).complete());
      // the template changes (extra certSANs), and the topology controller applies its whole object again
      topologyApply(client, ns, List.of("api.tenant-a.example"));
      // a second pass changes nothing: the SDK's apply is idempotent against the controller's fields
      assertTrue(mgmt.apply(Manifests.of(List.of(patch), List.of())).unchanged());

      GenericKubernetesResource live = client.genericKubernetesResources(KCP).inNamespace(ns).withName("tenant-a").get();
      @SuppressWarnings("unchecked")
      Map<String, Object> spec = (Map<String, Object>) live.getAdditionalProperties().get("spec");
      @SuppressWarnings("unchecked")
      Map<String, Object> deployment = (Map<String, Object>) spec.get("deployment");
      Map<String, Object> planned = KamajiDeployment.deploymentFields(plan);
      assertEquals(normalise(planned.get("strategy")), normalise(deployment.get("strategy")));
      assertEquals(normalise(planned.get("affinity")), normalise(deployment.get("affinity")));
      assertEquals(normalise(planned.get("topologySpreadConstraints")), normalise(deployment.get("topologySpreadConstraints")));
      @SuppressWarnings("unchecked")
      Map<String, Object> network = (Map<String, Object>) spec.get("network");
      assertEquals(List.of("api.tenant-a.example"), network.get("certSANs"), "the template change landed");
      assertEquals(3, ((Number) spec.get("replicas")).intValue());
      // both managers own their parts
      List<String> managers = live.getMetadata().getManagedFields().stream().map(f -> f.getManager()).toList();
      assertTrue(managers.containsAll(List.of("capi-topology", ManagementCluster.FIELD_MANAGER)), managers.toString());
    } finally {
      client.namespaces().withName(ns).delete();
      client.close();
    }
  }

  /** What CAPI's topology controller writes from the Kamaji stack's KamajiControlPlaneTemplate. */
  private static void topologyApply(KubernetesClient client, String ns, List<String> certSans) {
    Map<String, Object> network = new LinkedHashMap<>();
    network.put("serviceType", "LoadBalancer");
    if (!certSans.isEmpty()) {
      network.put("certSANs", certSans);
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("version", "v1.30.1");
    spec.put("replicas", 3);
    spec.put("dataStoreName", "default");
    spec.put("addons", Map.of("coreDNS", Map.of(), "konnectivity", Map.of(), "kubeProxy", Map.of()));
    spec.put("kubelet", Map.of("cgroupfs", "systemd", "preferredAddressTypes", List.of("InternalIP", "ExternalIP", "Hostname")));
    spec.put("network", network);
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("apiVersion", Kamaji.CONTROL_PLANE_API_VERSION);
    o.put("kind", "KamajiControlPlane");
    o.put("metadata", Map.of("name", "tenant-a", "namespace", ns));
    o.put("spec", spec);
    GenericKubernetesResource r = client.getKubernetesSerialization()
        .unmarshal(ManifestDocument.of(o).toJson(), GenericKubernetesResource.class);
    client.genericKubernetesResources(KCP).inNamespace(ns).resource(r).fieldManager("capi-topology").forceConflicts()
        .serverSideApply();
  }

  /** Numbers as longs, so 1 and 1L compare equal. */
  private static Object normalise(Object o) {
    if (o instanceof Map<?, ?> m) {
      Map<String, Object> out = new java.util.TreeMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), normalise(v)));
      return out;
    }
    if (o instanceof List<?> l) {
      return l.stream().map(TopologyPatchSurvivesIT::normalise).toList();
    }
    if (o instanceof Number n) {
      return n.longValue();
    }
    return o;
  }
}
