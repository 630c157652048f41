package io.clusterstacks.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.model.ApiServerLoadBalancer;
import io.clusterstacks.core.model.ClusterNetwork;
import io.clusterstacks.core.model.ClusterSpec;
import io.clusterstacks.core.model.FlavorRef;
import io.clusterstacks.core.model.MachineDeploymentSpec;
import io.clusterstacks.core.model.MachineInputs;
import io.clusterstacks.core.model.OidcConfig;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.stack.ClusterClassName;
import io.clusterstacks.core.stack.StackDialects;
import io.clusterstacks.core.validation.CrdValidator;
import io.clusterstacks.core.validation.ValidationReport;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Raw CAPI mode with the kamaji stack: a Cluster whose control plane is a KamajiControlPlane (pods in the
 * management cluster, no machines), an OpenStackCluster without API load balancer and floating IP, and the
 * workers' machine deployments; and the settings such a cluster cannot take, each refused naming the
 * field, the value and the fix.
 */
class RawKamajiTest {

  /** A raw Kamaji cluster for a Kubernetes newer than the kamaji ClusterClass's 1.30: no class, the dialect. */
  static ClusterSpec.Builder rawKamaji() {
    return ClusterSpec.builder().name("tenant-a").namespace("tenants").mode(OutputMode.RAW_CAPI)
        .dialect(StackDialects.kamaji()).kubernetesVersion("v1.33.4").controlPlaneReplicas(3).dataStore("default")
        .workers(MachineInputs.builder().flavor(FlavorRef.byName("SCS-4V-8")).build())
        .addMachineDeployments(MachineDeploymentSpec.of("md-0", 2));
  }

  static Problem refused(Consumer<ClusterSpec.Builder> change) {
    ClusterSpec.Builder b = rawKamaji();
    change.accept(b);
    InvalidInputException e = assertThrows(InvalidInputException.class, b::build);
    assertEquals(1, e.problems().size(), e.getMessage());
    return e.problems().get(0);
  }

  private static Map<?, ?> map(Object o) {
    return (Map<?, ?>) o;
  }

  @Test
  void rendersAKamajiControlPlaneAndNoControlPlaneMachines() {
    Manifests m = ManifestRenderer.render(rawKamaji().build());
    assertEquals(List.of("Cluster", "OpenStackCluster", "KamajiControlPlane", "KubeadmConfigTemplate",
        "OpenStackMachineTemplate", "MachineDeployment"), m.documents().stream().map(ManifestDocument::kind).toList());
    Map<?, ?> ref = map(map(m.find("Cluster", "tenant-a").orElseThrow().toMap().get("spec")).get("controlPlaneRef"));
    assertEquals("controlplane.cluster.x-k8s.io/v1alpha1", ref.get("apiVersion"));
    assertEquals("KamajiControlPlane", ref.get("kind"));
    assertEquals("tenant-a-control-plane", ref.get("name"));
    Map<?, ?> osc = map(m.find("OpenStackCluster", "tenant-a").orElseThrow().toMap().get("spec"));
    assertEquals(true, osc.get("disableAPIServerFloatingIP"), "Kamaji exposes the tenant API itself");
    assertEquals(Map.of("enabled", false), osc.get("apiServerLoadBalancer"));
    Map<?, ?> kcp = map(m.find("KamajiControlPlane", "tenant-a-control-plane").orElseThrow().toMap().get("spec"));
    assertEquals(3, ((Number) kcp.get("replicas")).intValue());
    assertEquals("v1.33.4", kcp.get("version"));
    assertEquals("default", kcp.get("dataStoreName"));
    assertEquals(List.of("10.96.0.10"), map(map(kcp.get("addons")).get("coreDNS")).get("dnsServiceIPs"),
        "the kamaji stack's default DNS service IP");
    assertFalse(kcp.containsKey("deployment"), "placement rules are sdk-kamaji's: Kamaji's defaults here");
    assertTrue(m.hasNotice(Notice.Code.RAW_MODE_NO_ADDONS));
    ValidationReport r = CrdValidator.strict().validate(m);
    assertTrue(r.isValid() && r.isFullyChecked(), r.summary());
  }

  @Test
  void takesTheTenantSettingsOfTheSpec() {
    ClusterSpec s = rawKamaji().controlPlaneReplicas(2).addCertSANs("api.tenant-a.example.com")
        .oidc(OidcConfig.builder().issuerUrl("https://dex.example.com").clientId("kubectl").build())
        .clusterNetwork(ClusterNetwork.builder().addPods("172.16.0.0/16").addServices("10.100.0.0/16")
            .dnsServiceIp("10.100.0.10").build()).build();
    Manifests m = ManifestRenderer.render(s);
    Map<?, ?> kcp = map(m.find("KamajiControlPlane", "tenant-a-control-plane").orElseThrow().toMap().get("spec"));
    assertEquals(2, ((Number) kcp.get("replicas")).intValue(), "stateless API servers: 2 is Kamaji's default");
    assertEquals(List.of("10.100.0.10"), map(map(kcp.get("addons")).get("coreDNS")).get("dnsServiceIPs"));
    assertEquals(List.of("api.tenant-a.example.com"), map(kcp.get("network")).get("certSANs"));
    List<?> args = (List<?>) map(kcp.get("apiServer")).get("extraArgs");
    assertTrue(args.contains("--cloud-provider=external") && args.contains("--oidc-issuer-url=https://dex.example.com"),
        args.toString());
    assertTrue(CrdValidator.strict().validate(m).isValid(), CrdValidator.strict().validate(m).summary());
  }

  @Test
  void theKamajiClassRendersInRawModeToo() {
    ClusterSpec s = rawKamaji().dialect(java.util.Optional.empty()).kubernetesVersion("v1.30.1")
        .className(ClusterClassName.parse("openstack-kamaji-1-30-v0-sha.11930ee")).build();
    assertEquals("kamaji", s.dialect().orElseThrow().id());
    assertTrue(ManifestRenderer.render(s).find("KamajiControlPlane", "tenant-a-control-plane").isPresent());
  }

  @Test
  void aKamajiControlPlaneTakesNoMachineSettings() {
    Problem p = refused(b -> b.controlPlane(MachineInputs.builder().flavor(FlavorRef.byName("SCS-2V-4")).build()));
    assertEquals("controlPlane", p.path());
    assertTrue(p.fix().contains("runs as pods") && p.fix().contains("set only worker inputs"), p.fix());
  }

  @Test
  void aKamajiControlPlaneNeedsADataStore() {
    Problem p = refused(b -> b.dataStore(java.util.Optional.empty()));
    assertEquals("dataStore", p.path());
    assertEquals("(none)", p.value());
    assertTrue(p.fix().contains("dataStore(\"default\")"), p.fix());
  }

  @Test
  void theTenantApiHasNoOpenStackLoadBalancer() {
    Problem p = refused(b -> b.loadBalancer(ApiServerLoadBalancer.OCTAVIA_OVN));
    assertEquals("loadBalancer", p.path());
    assertEquals("octavia-ovn", p.value());
    assertTrue(p.fix().contains("no API load balancer") && p.fix().contains("leave loadBalancer unset"), p.fix());
    rawKamaji().loadBalancer(ApiServerLoadBalancer.NONE).build();
  }

  @Test
  void aPodControlPlaneHasNoMachineSurge() {
    Problem p = refused(b -> b.controlPlaneMaxSurge(0));
    assertEquals("controlPlaneMaxSurge", p.path());
    assertEquals("0", p.value());
    assertTrue(p.fix().contains("TwoLevelPlanner") && p.fix().contains("leave controlPlaneMaxSurge unset"), p.fix());
  }

  @Test
  void theDefaultDnsServiceIpMustLieInTheServiceCidr() {
    Problem p = refused(b -> b.clusterNetwork(ClusterNetwork.builder().addServices("10.200.0.0/16").build()));
    assertEquals("clusterNetwork.dnsServiceIp", p.path());
    assertEquals("10.96.0.10", p.value());
  }

  @Test
  void onlyAKamajiControlPlaneHasADataStore() {
    ClusterSpec.Builder b = ClusterSpec.builder().name("k").mode(OutputMode.RAW_CAPI).dialect(StackDialects.scs2())
        .kubernetesVersion("v1.33.4").dataStore("default")
        .controlPlane(MachineInputs.builder().flavor(FlavorRef.byName("SCS-2V-4")).build())
        .addMachineDeployments(MachineDeploymentSpec.of("md-0", 1));
    InvalidInputException e = assertThrows(InvalidInputException.class, b::build);
    assertEquals(List.of("dataStore"), e.problems().stream().map(Problem::path).toList(), e.getMessage());
  }
}
