package io.clusterstacks.core.plan;

import io.clusterstacks.core.manifest.TestTrees;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterstacks.core.ClusterStacksException;
import io.clusterstacks.core.cloud.CloudProfiles;
import io.clusterstacks.core.manifest.ManifestDocument;
import io.clusterstacks.core.manifest.Manifests;
import io.clusterstacks.core.model.CloudAuth;
import io.clusterstacks.core.model.CloudCredentials;
import io.clusterstacks.core.model.ClusterStack;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.model.ServerGroupRef;
import io.clusterstacks.core.model.UnresolvedServerGroupException;
import io.clusterstacks.core.stack.ClusterClassName;
import io.clusterstacks.core.stack.ReleaseCatalogue;
import io.clusterstacks.core.stack.StackRelease;
import io.clusterstacks.core.validation.CrdValidator;
import io.clusterstacks.core.validation.ValidationReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A plan becomes the model's manifests, which pass strict validation against the upstream CRDs. */
class PlanManifestsTest {

  private static CrdValidator validator() {
    Map<String, String> versions = new LinkedHashMap<>();
    for (StackRelease r : ReleaseCatalogue.builtIn().releases()) {
      versions.put(r.className().format(), r.kubernetesVersion());
    }
    return CrdValidator.builder().releaseKubernetesVersions(versions).build();
  }

  private static void assertValid(Manifests m) {
    ValidationReport r = validator().validate(m);
    assertTrue(r.violations().isEmpty(), r.violations().toString());
  }

  @Test
  void rawModeRendersOrcServerGroupsTheRestartOptInAndTheSurge() {
    // two-hypervisors, raw: surge 0 would need 3 hosts for hard anti-affinity; the plan keeps surge 1 with k=2.
    ClusterPlan plan = Planner.plan(ClusterRequest.of(r -> r.clusterName("edge").kubernetesVersion("v1.34.7")
        .mode(OutputMode.RAW_CAPI).addWorkers(WorkerRequest.of("md-0", 2))), CloudProfiles.bundled("two-hypervisors"));
    Manifests m = plan.manifests();
    assertValid(m);
    List<ManifestDocument> groups = m.ofKind("ServerGroup");
    assertEquals(List.of("edge-control-plane", "edge-md-0"), groups.stream().map(ManifestDocument::name).toList());
    JsonNode cpGroup = TestTrees.tree(groups.get(0)).at("/spec/resource");
    assertEquals("anti-affinity", cpGroup.path("policy").asText());
    assertEquals(2, cpGroup.at("/rules/maxServerPerHost").asInt());
    ManifestDocument kcp = m.ofKind("KubeadmControlPlane").get(0);
    assertEquals(1, TestTrees.tree(kcp).at("/spec/rolloutStrategy/rollingUpdate/maxSurge").asInt());
    String yaml = m.toYaml();
    assertTrue(yaml.contains("ps_restart_after_maint"), "the local-SSD control plane carries the restart opt-in");
    assertTrue(yaml.contains("SCS-2V-4-20s"));
  }

  @Test
  void rawModeWithMaxSurgeZeroRendersIt() {
    ClusterPlan plan = Planner.plan(ClusterRequest.of(r -> r.clusterName("core").kubernetesVersion("v1.34.7")
        .mode(OutputMode.RAW_CAPI)), CloudProfiles.bundled("scs-reference"));
    assertEquals(0, plan.controlPlane().orElseThrow().placement().maxSurge());
    Manifests m = plan.manifests();
    assertValid(m);
    assertEquals(0, TestTrees.tree(m.ofKind("KubeadmControlPlane").get(0)).at("/spec/rolloutStrategy/rollingUpdate/maxSurge").asInt());
    assertEquals("anti-affinity", TestTrees.tree(m.ofKind("ServerGroup").get(0)).at("/spec/resource/policy").asText());
  }

  @Test
  void topologyModeNeedsTheGroupIdsAndThenSetsTheClassVariables() {
    ClusterPlan plan = Planner.plan(ClusterRequest.of(r -> r.clusterName("prod").kubernetesVersion("v1.34.7")
        .className(ClusterClassName.of("scs2", "1.34", "v2")).addWorkers(WorkerRequest.of("md-0", 3))),
        CloudProfiles.bundled("scs-reference"));
    assertThrows(UnresolvedServerGroupException.class, plan::manifests);
    List<ServerGroupRef.ToCreate> toCreate = plan.serverGroupsToCreate();
    assertEquals(List.of("prod-control-plane", "prod-md-0"), toCreate.stream().map(ServerGroupRef.ToCreate::name).toList());
    ClusterStacksException missing = assertThrows(ClusterStacksException.class,
        () -> plan.withServerGroupIds(Map.of("prod-control-plane", "00000000-0000-4000-8000-000000000001")));
    assertTrue(missing.getMessage().contains("prod-md-0"), missing.getMessage());
    ClusterPlan resolved = plan.withServerGroupIds(Map.of("prod-control-plane", "1b3e6c51-0000-4000-8000-000000000001",
        "prod-md-0", "1b3e6c51-0000-4000-8000-000000000002"));
    Manifests m = resolved.manifests();
    assertValid(m);
    String yaml = m.toYaml();
    assertTrue(yaml.contains("controlPlaneFlavor"), yaml);
    assertTrue(yaml.contains("SCS-2V-4-20s"), yaml);
    assertTrue(yaml.contains("1b3e6c51-0000-4000-8000-000000000001"), yaml);
    JsonNode vars = TestTrees.tree(m.ofKind("Cluster").get(0)).at("/spec/topology/variables");
    boolean zeroRootDisk = false;
    for (JsonNode v : vars) {
      if (v.path("name").asText().equals("controlPlaneRootDisk")) {
        zeroRootDisk = v.path("value").asInt() == 0;
      }
    }
    assertTrue(zeroRootDisk, "the control plane boots from its local SSD: controlPlaneRootDisk 0\n" + yaml);
  }

  @Test
  void aSplitWorkerDeploymentBecomesSeveralMachineDeploymentsWithTheirOwnGroups() {
    ClusterPlan plan = Planner.plan(ClusterRequest.of(r -> r.clusterName("big").kubernetesVersion("v1.34.7")
        .mode(OutputMode.RAW_CAPI).addWorkers(WorkerRequest.of("md-0", 10))),
        io.clusterstacks.core.cloud.CloudProfile.builder().from(CloudProfiles.bundled("scs-reference")).quotas(TestClouds.roomy(10)).build());
    Manifests m = plan.manifests();
    assertValid(m);
    assertEquals(List.of("big-md-0-1", "big-md-0-2"), m.ofKind("MachineDeployment").stream().map(ManifestDocument::name).toList());
    assertEquals(3, m.ofKind("ServerGroup").size());
  }

  @Test
  void aWorkerDeploymentWithoutSurgeRollsOutByRemovingFirst() {
    ClusterPlan plan = Planner.plan(ClusterRequest.of(r -> r.clusterName("nosurge").kubernetesVersion("v1.34.7")
        .mode(OutputMode.RAW_CAPI).addWorkers(WorkerRequest.of(w -> w.name("md-0").replicas(3).maxSurge(0)))),
        CloudProfiles.bundled("scs-reference"));
    Manifests m = plan.manifests();
    assertValid(m);
    JsonNode strategy = TestTrees.tree(m.ofKind("MachineDeployment").get(0)).at("/spec/strategy/rollingUpdate");
    assertEquals(0, strategy.path("maxSurge").asInt());
    assertEquals(1, strategy.path("maxUnavailable").asInt());
    // without a surge, 3 workers fit hard anti-affinity on the 3 hypervisors
    assertEquals(PlacementPolicy.antiAffinity(), plan.worker("md-0").orElseThrow().placement().policy());
  }

  // ---------------------------------------------------------------- ClusterStack and credentials

  private static final String APP_SECRET = "app-secret-not-for-logs";

  private static CloudCredentials credentials() {
    return CloudCredentials.builder().auth(CloudAuth.applicationCredential("https://keystone.example.com:5000/v3",
        "app-id-1", APP_SECRET)).regionName("RegionOne").build();
  }

  private static final Map<String, String> PROD_IDS = Map.of("prod-control-plane", "1b3e6c51-0000-4000-8000-000000000001",
      "prod-md-0", "1b3e6c51-0000-4000-8000-000000000002");

  @Test
  void topologyModeRendersTheDerivedClusterStackAndTheCredentialSecrets() {
    ClusterPlan plan = Planner.plan(ClusterRequest.of(r -> r.clusterName("prod")
        .className(ClusterClassName.of("scs2", "1.34", "v2")).addWorkers(WorkerRequest.of("md-0", 3))
        .includeClusterStack(true).credentials(credentials())), CloudProfiles.bundled("scs-reference"));
    assertEquals(ClusterStack.forClass("openstack-scs2-1-34", ClusterClassName.of("scs2", "1.34", "v2")),
        plan.request().clusterStackToRender().orElseThrow());
    Manifests m = plan.withServerGroupIds(PROD_IDS).manifests(b -> b.namespace("tenant-a"));
    assertValid(m);
    ManifestDocument stack = m.ofKind("ClusterStack").get(0);
    assertEquals("openstack-scs2-1-34", stack.name());
    assertEquals("tenant-a", stack.namespace().orElseThrow());
    JsonNode spec = TestTrees.tree(stack).path("spec");
    assertEquals("scs2", spec.path("name").asText());
    assertEquals("1.34", spec.path("kubernetesVersion").asText());
    assertEquals("v2", spec.path("versions").get(0).asText());
    assertTrue(spec.path("noProvider").asBoolean(), spec.toString());
    assertTrue(m.find("Secret", "openstack").isPresent(), m.documents().toString());
    assertTrue(m.toYaml().contains(APP_SECRET), "the credential Secret carries the application credential");
    assertTrue(!plan.toString().contains(APP_SECRET) && !plan.request().toString().contains(APP_SECRET),
        "no secret in toString");
    assertEquals(List.of("ClusterStack"), m.documents().stream().map(ManifestDocument::kind)
        .filter(k -> k.equals("ClusterStack")).toList());
  }

  @Test
  void anExplicitClusterStackIsRenderedAsGiven() {
    ClusterStack given = ClusterStack.builder().name("openstack").stackName("scs2").kubernetesVersion("1.34")
        .addVersions("v1", "v2").build();
    ClusterPlan plan = Planner.plan(ClusterRequest.of(r -> r.clusterName("prod")
        .className(ClusterClassName.of("scs2", "1.34", "v2")).addWorkers(WorkerRequest.of("md-0", 3))
        .clusterStack(given)), CloudProfiles.bundled("scs-reference"));
    assertEquals(given, plan.toClusterSpec().clusterStack().orElseThrow());
    Manifests m = plan.withServerGroupIds(PROD_IDS).manifests();
    assertValid(m);
    JsonNode versions = TestTrees.tree(m.ofKind("ClusterStack").get(0)).at("/spec/versions");
    assertEquals(2, versions.size());
  }

  @Test
  void withoutTheFlagTheClusterIsRenderedAlone() {
    ClusterPlan plan = Planner.plan(ClusterRequest.of(r -> r.clusterName("prod")
        .className(ClusterClassName.of("scs2", "1.34", "v2")).addWorkers(WorkerRequest.of("md-0", 3))),
        CloudProfiles.bundled("scs-reference"));
    assertTrue(plan.request().clusterStackToRender().isEmpty());
    assertTrue(plan.withServerGroupIds(PROD_IDS).manifests().ofKind("ClusterStack").isEmpty());
  }

  @Test
  void rawModeRendersTheCredentialSecretsButNoClusterStack() {
    ClusterPlan plan = Planner.plan(ClusterRequest.of(r -> r.clusterName("edge").kubernetesVersion("v1.34.7")
        .className(ClusterClassName.of("scs2", "1.34", "v2")).mode(OutputMode.RAW_CAPI)
        .includeClusterStack(true).credentials(credentials())), CloudProfiles.bundled("scs-reference"));
    Manifests m = plan.manifests();
    assertValid(m);
    assertTrue(m.find("Secret", "openstack").isPresent(), m.documents().toString());
    assertTrue(m.ofKind("ClusterStack").isEmpty(), "raw CAPI mode uses no ClusterClass, so no ClusterStack");
  }

  @Test
  void aDerivedClusterStackNeedsTheClassName() {
    ClusterStacksException e = assertThrows(ClusterStacksException.class,
        () -> ClusterRequest.of(r -> r.kubernetesVersion("v1.34.7").includeClusterStack(true)));
    assertTrue(e.getMessage().contains("includeClusterStack"), e.getMessage());
  }
}
