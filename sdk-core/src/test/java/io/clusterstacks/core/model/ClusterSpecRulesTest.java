package io.clusterstacks.core.model;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.stack.ClusterClassName;
import io.clusterstacks.core.stack.ReleaseCatalogue;
import io.clusterstacks.core.stack.VersionCheck;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each cross-field rule alone, then several at once. */
class ClusterSpecRulesTest {

  static ClusterSpec.Builder scs2() {
    return ClusterSpec.builder().name("prod").namespace("cluster")
        .className(ClusterClassName.of("scs2", "1.34", "v2"))
        .controlPlaneReplicas(3)
        .addMachineDeployments(MachineDeploymentSpec.of("md-0", 3))
        .clusterNetwork(ClusterNetwork.defaults());
  }

  static List<String> fields(Consumer<ClusterSpec.Builder> change) {
    ClusterSpec.Builder b = scs2();
    change.accept(b);
    InvalidInputException e = assertThrows(InvalidInputException.class, b::build);
    return e.problems().stream().map(Problem::path).collect(Collectors.toList());
  }

  @Test
  void aConsistentSpecBuildsAndFillsInDialectAndVersion() {
    ClusterSpec s = scs2().build();
    assertEquals("scs2", s.dialect().orElseThrow().id());
    assertEquals("v1.34.7", s.kubernetesVersion().orElseThrow());
    assertEquals(VersionCheck.Status.CONFIRMED, s.versionCheck().orElseThrow().status());
  }

  @Test
  void evenControlPlaneReplicasAreRejected() {
    assertEquals(List.of("controlPlaneReplicas"), fields(b -> b.controlPlaneReplicas(2)));
    assertEquals(List.of("controlPlaneReplicas"), fields(b -> b.controlPlaneReplicas(0)));
  }

  @Test
  void versionMustMatchTheRelease() {
    assertEquals(List.of("kubernetesVersion"), fields(b -> b.kubernetesVersion("v1.34.3")));
    assertEquals(List.of("kubernetesVersion"), fields(b -> b.kubernetesVersion("v1.33.10")));
    assertEquals(List.of("kubernetesVersion"), fields(b -> b.kubernetesVersion("1.34")));
  }

  @Test
  void unknownReleasesNeedAnExplicitVersionAndGiveAPartialCheck() {
    assertEquals(List.of("kubernetesVersion"), fields(b -> b.className(ClusterClassName.of("scs2", "1.34", "v9"))));
    ClusterSpec s = scs2().className(ClusterClassName.of("scs2", "1.34", "v9")).kubernetesVersion("v1.34.9").build();
    assertEquals(VersionCheck.Status.PARTIAL, s.versionCheck().orElseThrow().status());
    ClusterSpec overridden = scs2().className(ClusterClassName.of("scs2", "1.34", "v9"))
        .releases(ReleaseCatalogue.builtIn().with("openstack-scs2-1-34-v9", "v1.34.9")).build();
    assertEquals("v1.34.9", overridden.kubernetesVersion().orElseThrow());
  }

  @Test
  void namesMustBeDns1123() {
    assertEquals(List.of("name"), fields(b -> b.name("Prod_1")));
    assertEquals(List.of("machineDeployments[MD].name"),
        fields(b -> b.machineDeployments(List.of(MachineDeploymentSpec.of("MD", 1)))));
  }

  @Test
  void kamajiRequiresItsDataStore() {
    ClusterSpec.Builder b = ClusterSpec.builder().name("k").className(ClusterClassName.parse("openstack-kamaji-1-30-v0-sha.11930ee"))
        .addMachineDeployments(MachineDeploymentSpec.of("md-0", 1));
    InvalidInputException e = assertThrows(InvalidInputException.class, b::build);
    assertEquals("variables.data_store", e.problems().get(0).path());
    assertTrue(e.getMessage().contains("dataStore(\"default\")"), e.getMessage());
    b.dataStore("default").build();
  }

  @Test
  void cidrsMustBeDisjointAndDnsInsideServices() {
    assertEquals(List.of("clusterNetwork.services"), fields(b -> b.clusterNetwork(
        ClusterNetwork.builder().addPods("10.96.0.0/16").addServices("10.96.0.0/12").build())));
    assertEquals(List.of("node CIDR"), fields(b -> b.clusterNetwork(
        ClusterNetwork.builder().addPods("10.8.0.0/16").addServices("10.96.0.0/12").build())));
    assertEquals(List.of("clusterNetwork.dnsServiceIp"), fields(b -> b.clusterNetwork(
        ClusterNetwork.builder().addPods("172.16.0.0/16").addServices("10.96.0.0/12").dnsServiceIp("10.128.0.10").build())));
  }

  @Test
  void unknownAndMistypedVariablesListTheValidNames() {
    List<String> f = fields(b -> b.putVariables("controller_flavor", "SCS-2V-4"));
    assertEquals(List.of("variables.controller_flavor"), f);
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> scs2().putVariables("workerRootDisk", "30").build());
    assertTrue(e.getMessage().contains("expected integer"), e.getMessage());
  }

  @Test
  void severalProblemsAreReportedAtOnce() {
    List<String> f = fields(b -> b.name("X").controlPlaneReplicas(4).kubernetesVersion("v1.34.1")
        .putVariables("nope", 1).clusterNetwork(ClusterNetwork.builder().addPods("10.96.0.0/16").addServices("10.96.0.0/12").build()));
    assertEquals(List.of("name", "kubernetesVersion", "controlPlaneReplicas", "variables.nope", "clusterNetwork.services"), f);
  }

  @Test
  void theClusterStackMustInstallTheClusterClass() {
    ClusterClassName c = ClusterClassName.of("scs2", "1.34", "v2");
    ClusterStack ok = ClusterStack.builder().from(ClusterStack.forClass("openstack", c)).namespace("cluster").build();
    scs2().clusterStack(ok).build();
    assertEquals(List.of("clusterStack.kubernetesVersion"), fields(b -> b.clusterStack(
        ClusterStack.builder().from(ok).kubernetesVersion("1.33").build())));
    assertEquals(List.of("clusterStack.versions"), fields(b -> b.clusterStack(
        ClusterStack.builder().from(ok).versions(List.of("v1")).build())));
    assertEquals(List.of("clusterStack"), fields(b -> b.clusterStack(
        ClusterStack.builder().from(ok).stackName("scs").build())));
    assertEquals(List.of("classNamespace"), fields(b -> b.clusterStack(
        ClusterStack.builder().from(ok).namespace("stacks").build())));
    scs2().clusterStack(ClusterStack.builder().from(ok).namespace("stacks").build()).classNamespace("stacks").build();
    assertEquals(List.of("clusterStack.providerRef"), fields(b -> b.clusterStack(ok)
        .cspoTemplate(CspoReleaseTemplate.builder().name("cspotemplate").build())));
    ClusterSpec derived = ClusterSpec.builder().name("d").clusterStack(ok).controlPlaneReplicas(1).build();
    assertEquals(c, derived.className().orElseThrow(), "the class follows from a ClusterStack with one version");
  }

  @Test
  void clusterStackValuesAreCheckedAtOnce() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> ClusterStack.builder().name("Bad")
        .stackName("scs2").kubernetesVersion("v1.33").addVersions("v0-sha.abc").build());
    assertEquals(List.of("clusterStack.name", "clusterStack.kubernetesVersion", "clusterStack.versions"),
        e.problems().stream().map(Problem::path).collect(Collectors.toList()));
  }

  @Test
  void topologyModeRejectsWhatTheClassCannotExpress() {
    List<String> f = fields(b -> b.controlPlane(MachineInputs.builder()
        .flavor(FlavorRef.byId("abc")).putServerMetadata("ps_restart_after_maint", "true")
        .bootstrap(BootstrapAdditions.builder().addPreKubeadmCommands("echo hi").build()).build())
        .controlPlaneMaxSurge(0));
    assertEquals(List.of("controlPlaneMaxSurge", "controlPlane.flavor", "controlPlane.serverMetadata", "controlPlane.bootstrap"), f);
  }

  @Test
  void typedSettingsMapToTheDialectsVariables() {
    ClusterSpec s = scs2().controlPlane(MachineInputs.builder().flavor(FlavorRef.byName("SCS-2V-4-20s"))
            .rootDisk(RootDisk.flavorDisk()).serverGroup(ServerGroupRef.known("3adf4e92-bb33-4e44-8ad3-afda9dfe8ec3")).build())
        .loadBalancer(ApiServerLoadBalancer.OCTAVIA_AMPHORA)
        .oidc(OidcConfig.of("https://dex.example.com", "kubectl"))
        .build();
    Map<String, Object> v = s.topologyVariables();
    assertEquals("SCS-2V-4-20s", v.get("controlPlaneFlavor"));
    assertEquals(0L, v.get("controlPlaneRootDisk"));
    assertEquals("3adf4e92-bb33-4e44-8ad3-afda9dfe8ec3", v.get("controlPlaneServerGroupID"));
    assertEquals("octavia-amphora", v.get("apiServerLoadBalancer"));
    assertEquals(Map.of("clientID", "kubectl", "issuerURL", "https://dex.example.com"), v.get("oidcConfig"));
    assertEquals(List.copyOf(new java.util.TreeSet<>(v.keySet())), List.copyOf(v.keySet()), "sorted by name");
  }

  @Test
  void theFirstScs2ReleaseCannotBootFromTheFlavorDisk() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> scs2()
        .className(ClusterClassName.of("scs2", "1.33", "v1"))
        .controlPlane(MachineInputs.builder().rootDisk(RootDisk.flavorDisk()).build()).build());
    assertEquals("controlPlane.rootDisk", e.problems().get(0).path());
    assertTrue(e.getMessage().contains("1-33-v4"), e.getMessage());
  }
}
