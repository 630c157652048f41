package io.clusterstacks.core.manifest;

import io.clusterstacks.core.InvalidInputException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterstacks.core.model.ClusterSpec;
import io.clusterstacks.core.model.FlavorRef;
import io.clusterstacks.core.model.ImageRef;
import io.clusterstacks.core.model.MachineDeploymentSpec;
import io.clusterstacks.core.model.MachineInputs;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.model.RootDisk;
import io.clusterstacks.core.model.ServerGroupPolicy;
import io.clusterstacks.core.model.ServerGroupRef;
import io.clusterstacks.core.model.UnresolvedServerGroupException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RawModeTest {

  static ClusterSpec raw(MachineInputs cp) {
    return Fixtures.scs2().mode(OutputMode.RAW_CAPI).controlPlane(cp).build();
  }

  @Test
  void rendersTheFullSetOfCapiObjectsAndSaysNoAddonsAreInstalled() {
    Manifests m = ManifestRenderer.render(Fixtures.scs2().mode(OutputMode.RAW_CAPI).build());
    assertEquals(List.of("Cluster", "OpenStackCluster", "KubeadmControlPlane", "OpenStackMachineTemplate",
            "KubeadmConfigTemplate", "OpenStackMachineTemplate", "MachineDeployment"),
        m.documents().stream().map(ManifestDocument::kind).collect(Collectors.toList()));
    Notice n = m.notices().stream().filter(x -> x.code() == Notice.Code.RAW_MODE_NO_ADDONS).findFirst().orElseThrow();
    assertEquals(io.clusterstacks.core.Severity.WARNING, n.severity());
    assertTrue(n.message().contains("NotReady") && n.message().contains("cloud controller"), n.message());
    assertFalse(ManifestRenderer.render(Fixtures.scs2().build()).hasNotice(Notice.Code.RAW_MODE_NO_ADDONS));
  }

  @Test
  void controlPlaneMaxSurgeZeroIsRenderedAndNeedsThreeReplicas() {
    JsonNode kcp = TestTrees.tree(ManifestRenderer.render(Fixtures.scs2().mode(OutputMode.RAW_CAPI).controlPlaneMaxSurge(0).build())
        .ofKind("KubeadmControlPlane").get(0));
    assertEquals(0, kcp.path("spec").path("rolloutStrategy").path("rollingUpdate").path("maxSurge").asInt(-1));
    assertEquals("RollingUpdate", kcp.path("spec").path("rolloutStrategy").path("type").asText());
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Fixtures.scs2().mode(OutputMode.RAW_CAPI).controlPlaneReplicas(1).controlPlaneMaxSurge(0).build());
    assertEquals("controlPlaneMaxSurge", e.problems().get(0).path());
    assertThrows(InvalidInputException.class, () -> Fixtures.scs2().mode(OutputMode.RAW_CAPI).controlPlaneMaxSurge(2).build());
  }

  @Test
  void serverGroupsToCreateBecomeOrcServerGroupsReferencedByName() {
    Manifests m = ManifestRenderer.render(raw(MachineInputs.builder()
        .serverGroup(ServerGroupRef.toCreate("prod-cp", 2)).build()));
    JsonNode sg = TestTrees.tree(m.find("ServerGroup", "prod-cp").orElseThrow());
    assertEquals("anti-affinity", sg.path("spec").path("resource").path("policy").asText());
    assertEquals(2, sg.path("spec").path("resource").path("rules").path("maxServerPerHost").asInt());
    JsonNode osmt = TestTrees.tree(m.find("OpenStackMachineTemplate", "prod-control-plane").orElseThrow());
    assertEquals("prod-cp", osmt.path("spec").path("template").path("spec").path("serverGroup").path("filter").path("name").asText());
    JsonNode worker = TestTrees.tree(m.find("OpenStackMachineTemplate", "prod-md-0").orElseThrow());
    assertEquals(Fixtures.WORKER_GROUP, worker.path("spec").path("template").path("spec").path("serverGroup").path("id").asText());
  }

  @Test
  void unresolvedGroupsAreTypedErrorsThatSayHowToResolve() {
    ClusterSpec topo = Fixtures.scs2().controlPlane(MachineInputs.builder()
        .serverGroup(ServerGroupRef.unresolved("hypervisor count unknown")).build()).build();
    UnresolvedServerGroupException e = assertThrows(UnresolvedServerGroupException.class, () -> ManifestRenderer.render(topo));
    assertTrue(e.getMessage().contains("hypervisor count unknown") && e.getMessage().contains("ServerGroupRef.known(id)"), e.getMessage());
    ClusterSpec toCreate = Fixtures.scs2().controlPlane(MachineInputs.builder()
        .serverGroup(ServerGroupRef.toCreate("prod-cp", ServerGroupPolicy.SOFT_ANTI_AFFINITY)).build()).build();
    UnresolvedServerGroupException e2 = assertThrows(UnresolvedServerGroupException.class, () -> ManifestRenderer.render(toCreate));
    assertTrue(e2.getMessage().contains("openstack server group create --policy soft-anti-affinity prod-cp"), e2.getMessage());
    assertThrows(UnresolvedServerGroupException.class, () -> ManifestRenderer.render(raw(MachineInputs.builder()
        .serverGroup(ServerGroupRef.unresolved("later")).build())));
  }

  @Test
  void neverEmitsAnEmptyOrInventedServerGroupId() {
    for (OutputMode mode : OutputMode.values()) {
      String yaml = ManifestRenderer.render(Fixtures.scs2().mode(mode).controlPlane(MachineInputs.none())
          .workers(MachineInputs.none()).build()).toYaml();
      assertFalse(yaml.contains("ServerGroupID") || yaml.contains("serverGroup"), yaml);
    }
  }

  @Test
  void machineInputsAreFirstClassInRawMode() {
    MachineInputs cp = MachineInputs.builder().flavor(FlavorRef.byId("2f5b3c1a")).rootDisk(RootDisk.volume(30, "ssd"))
        .image(ImageRef.orcToCreate(Fixtures.orcImage("ubuntu-2404-kube-v1.34.7"))).putServerMetadata("ps_restart_after_maint", "true")
        .bootstrap(Fixtures.cloudInitAdditions()).build();
    Manifests m = ManifestRenderer.render(raw(cp));
    JsonNode spec = TestTrees.tree(m.find("OpenStackMachineTemplate", "prod-control-plane").orElseThrow()).path("spec").path("template").path("spec");
    assertEquals("2f5b3c1a", spec.path("flavorID").asText());
    assertFalse(spec.has("flavor"));
    assertEquals(30, spec.path("rootVolume").path("sizeGiB").asInt());
    assertEquals("ssd", spec.path("rootVolume").path("type").asText());
    assertEquals("ubuntu-2404-kube-v1.34.7", spec.path("image").path("imageRef").path("name").asText());
    assertEquals("ps_restart_after_maint", spec.path("serverMetadata").get(0).path("key").asText());
    assertEquals("true", spec.path("serverMetadata").get(0).path("value").asText());
    assertTrue(m.find("Image", "ubuntu-2404-kube-v1.34.7").isPresent());
    JsonNode kcs = TestTrees.tree(m.ofKind("KubeadmControlPlane").get(0)).path("spec").path("kubeadmConfigSpec");
    assertEquals(List.of("modprobe overlay", "modprobe br_netfilter"),
        List.of(kcs.path("preKubeadmCommands").get(0).asText(), kcs.path("preKubeadmCommands").get(1).asText()));
    assertEquals("role=test", kcs.path("joinConfiguration").path("nodeRegistration").path("kubeletExtraArgs").path("node-labels").asText());
    assertEquals("external", kcs.path("initConfiguration").path("nodeRegistration").path("kubeletExtraArgs").path("cloud-provider").asText(),
        "the template's own kubelet arguments stay");
    assertEquals("/etc/modules-load.d/k8s.conf", kcs.path("files").get(0).path("path").asText());
  }

  @Test
  void flatcarIgnitionIsRenderedWithItsFeatureGateNotice() {
    MachineInputs w = MachineInputs.builder().bootstrap(Fixtures.ignitionAdditions()).build();
    Manifests m = ManifestRenderer.render(Fixtures.scs2().mode(OutputMode.RAW_CAPI).workers(w).build());
    JsonNode kct = TestTrees.tree(m.find("KubeadmConfigTemplate", "prod-md-0").orElseThrow()).path("spec").path("template").path("spec");
    assertEquals("ignition", kct.path("format").asText());
    assertTrue(kct.path("ignition").path("containerLinuxConfig").path("additionalConfig").asText().contains("kubeadm.service"));
    assertEquals("${COREOS_OPENSTACK_HOSTNAME}", kct.path("joinConfiguration").path("nodeRegistration").path("name").asText());
    assertTrue(m.hasNotice(Notice.Code.IGNITION_FEATURE_GATE));
  }

  @Test
  void perDeploymentServerGroupsBecomeVariableOverridesInTopologyMode() {
    ClusterSpec s = Fixtures.scs2().addMachineDeployments(MachineDeploymentSpec.builder().name("md-1").replicas(12)
        .machine(MachineInputs.builder().serverGroup(ServerGroupRef.known("7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d")).build()).build())
        .build();
    JsonNode md1 = TestTrees.tree(ManifestRenderer.render(s).ofKind("Cluster").get(0)).path("spec").path("topology").path("workers")
        .path("machineDeployments").get(1);
    assertEquals("workerServerGroupID", md1.path("variables").path("overrides").get(0).path("name").asText());
    assertEquals("7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d", md1.path("variables").path("overrides").get(0).path("value").asText());
  }
}
