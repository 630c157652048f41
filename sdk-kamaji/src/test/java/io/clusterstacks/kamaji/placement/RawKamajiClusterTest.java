package io.clusterstacks.kamaji.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.manifest.ManifestDocument;
import io.clusterstacks.core.manifest.ManifestRenderer;
import io.clusterstacks.core.manifest.Manifests;
import io.clusterstacks.core.manifest.RenderOptions;
import io.clusterstacks.core.model.ClusterNetwork;
import io.clusterstacks.core.model.ClusterSpec;
import io.clusterstacks.core.model.FlavorRef;
import io.clusterstacks.core.model.ImageRef;
import io.clusterstacks.core.model.MachineDeploymentSpec;
import io.clusterstacks.core.model.MachineInputs;
import io.clusterstacks.core.model.NodeNetwork;
import io.clusterstacks.core.model.OidcConfig;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.model.RootDisk;
import io.clusterstacks.core.model.ServerGroupPolicy;
import io.clusterstacks.core.model.ServerGroupRef;
import io.clusterstacks.core.stack.ClusterClassName;
import io.clusterstacks.core.stack.StackDialects;
import io.clusterstacks.core.validation.CrdValidator;
import io.clusterstacks.core.validation.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Raw CAPI mode for Kamaji, the way past the upstream Kamaji stack's last ClusterClass (Kubernetes 1.30):
 * sdk-core renders the Cluster, the OpenStackCluster without API load balancer and floating IP, the
 * KamajiControlPlane and the workers' machine deployments, and {@link KamajiDeployment#withRules} adds the
 * two-level plan's rules to the KamajiControlPlane. Everything validates strictly, the Kamaji CEL rules of
 * sdk-kamaji's bundle included.
 *
 * <p>The golden file is recorded with
 * {@code mvn -o -pl sdk-kamaji test -Dtest=RawKamajiClusterTest -Dclusterstacks.golden.record=true}; review the diff.
 */
class RawKamajiClusterTest {
  private static final String GOLDEN = "io/clusterstacks/kamaji/golden/raw-kamaji-cluster.yaml";
  private static final String EXTERNAL = "9f3c2b1a-6d5e-4f70-8a91-b2c3d4e5f607";

  static List<ManagementWorker> workers(int... perHypervisor) {
    List<ManagementWorker> out = new ArrayList<>();
    for (int h = 0; h < perHypervisor.length; h++) {
      for (int w = 1; w <= perHypervisor[h]; w++) {
        String hv = "hv-" + (char) ('a' + h);
        String name = hv + "-w" + w;
        out.add(ManagementWorker.of(x -> x.name(name).hypervisor(hv)));
      }
    }
    return out;
  }

  /** A tenant cluster on Kubernetes 1.33, newer than any kamaji ClusterClass: three API servers, six workers. */
  static ClusterSpec goldenSpec() {
    return ClusterSpec.builder().name("tenant-a").namespace("tenants").mode(OutputMode.RAW_CAPI)
        .dialect(StackDialects.kamaji()).kubernetesVersion("v1.33.4").controlPlaneReplicas(3).dataStore("default")
        .clusterNetwork(ClusterNetwork.builder().addPods("172.16.0.0/16").addServices("10.96.0.0/16")
            .serviceDomain("cluster.local").dnsServiceIp("10.96.0.10").build())
        .nodeNetwork(NodeNetwork.builder().externalNetworkId(EXTERNAL).nodeCidr("10.8.0.0/20").build())
        .workers(MachineInputs.builder().flavor(FlavorRef.byName("SCS-4V-8")).rootDisk(RootDisk.volume(50))
            .image(ImageRef.glanceName("ubuntu-capi-image-v1.33.4"))
            .serverGroup(ServerGroupRef.toCreate("tenant-a-workers", ServerGroupPolicy.SOFT_ANTI_AFFINITY)).build())
        .addMachineDeployments(MachineDeploymentSpec.of("md-0", 3), MachineDeploymentSpec.of("md-1", 3))
        .build();
  }

  static TenantPlacementPlan goldenPlan() {
    // 3 API servers on 3 management workers over 2 hypervisors: a 2/1 split keeps the API up through either
    // hypervisor's failure; no room for a surge pod, so the plan replaces one replica at a time
    return TwoLevelPlanner.plan(TenantRequest.of(t -> t.name("tenant-a-control-plane").replicas(3)), workers(2, 1));
  }

  @Test
  void oneRawKamajiClusterRendersAsRecorded() throws IOException {
    Manifests m = KamajiDeployment.withRules(ManifestRenderer.render(goldenSpec()), goldenPlan());
    String actual = m.toYaml();
    if (Boolean.getBoolean("clusterstacks.golden.record")) {
      Files.writeString(Path.of("src/test/resources", GOLDEN), actual, StandardCharsets.UTF_8);
      return;
    }
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(GOLDEN)) {
      assertNotNull(in, "golden file " + GOLDEN + " is missing; record it with -Dclusterstacks.golden.record=true");
      assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual);
    }
    assertEquals(actual, KamajiDeployment.withRules(ManifestRenderer.render(goldenSpec()), goldenPlan()).toYaml(),
        "deterministic");
    ValidationReport r = CrdValidator.strict().validate(m);
    assertTrue(r.isValid() && r.isFullyChecked() && r.warnings().isEmpty(), r.summary());
  }

  @Test
  void onlyTheControlPlaneGetsTheRules() {
    Manifests raw = ManifestRenderer.render(goldenSpec());
    Manifests m = KamajiDeployment.withRules(raw, goldenPlan());
    assertEquals(raw.ids(), m.ids());
    assertEquals(raw.notices(), m.notices());
    for (int i = 0; i < raw.documents().size(); i++) {
      ManifestDocument before = raw.documents().get(i);
      ManifestDocument after = m.documents().get(i);
      if (before.kind().equals("KamajiControlPlane")) {
        Map<?, ?> spec = (Map<?, ?>) after.toMap().get("spec");
        // the same fields; numbers come back from the document's JSON as its own number types
        assertEquals(KamajiDeployment.deploymentFields(goldenPlan()).toString(), String.valueOf(spec.get("deployment")));
        assertEquals(((Map<?, ?>) before.toMap().get("spec")).keySet().size() + 1, spec.size());
      } else {
        assertSame(before, after, before.kind());
      }
    }
  }

  @Test
  void generatedRawKamajiClustersValidateStrictly() {
    Random rnd = new Random(13);
    CrdValidator validator = CrdValidator.strict();
    int checked = 0;
    for (int i = 0; i < 300; i++) {
      int replicas = 1 + rnd.nextInt(5);
      int[] layout = new int[1 + rnd.nextInt(4)];
      for (int h = 0; h < layout.length; h++) {
        layout[h] = rnd.nextInt(4);
      }
      List<ManagementWorker> workers = workers(layout);
      if (workers.isEmpty()) {
        continue;
      }
      String cluster = "t" + i;
      boolean v130 = rnd.nextInt(4) == 0;
      ClusterSpec.Builder b = ClusterSpec.builder().name(cluster).namespace(rnd.nextBoolean() ? "tenants" : "t-" + i)
          .mode(OutputMode.RAW_CAPI).controlPlaneReplicas(replicas).dataStore(rnd.nextBoolean() ? "default" : "etcd-" + i)
          .workers(MachineInputs.builder().flavor(rnd.nextBoolean() ? FlavorRef.byName("SCS-4V-8")
              : FlavorRef.byId("2f5b3c1a-8d7e-4c6b-9a0f-1e2d3c4b5a69")).build());
      if (v130) {
        b.className(ClusterClassName.parse("openstack-kamaji-1-30-v0-sha.11930ee"));
      } else {
        b.dialect(StackDialects.kamaji()).kubernetesVersion("v1." + (31 + rnd.nextInt(4)) + "." + rnd.nextInt(10));
      }
      int mds = rnd.nextInt(4);
      for (int d = 0; d < mds; d++) {
        b.addMachineDeployments(MachineDeploymentSpec.of("md-" + d, rnd.nextInt(5)));
      }
      if (rnd.nextBoolean()) {
        b.clusterNetwork(ClusterNetwork.builder().addPods("172.16.0.0/16").addServices("10.100.0.0/16")
            .dnsServiceIp("10.100.0." + (2 + rnd.nextInt(200))).build());
      }
      if (rnd.nextBoolean()) {
        b.addCertSANs("api." + cluster + ".example.com");
      }
      if (rnd.nextBoolean()) {
        b.oidc(OidcConfig.builder().issuerUrl("https://dex.example.com").clientId("kubectl").build());
      }
      if (rnd.nextBoolean()) {
        b.nodeNetwork(NodeNetwork.builder().externalNetworkId(EXTERNAL).addDnsNameservers("9.9.9.9").build());
      }
      ClusterSpec spec = b.build();
      TenantPlacementPlan plan = TwoLevelPlanner.plan(TenantRequest.of(t -> t.name(cluster + "-control-plane")
          .replicas(replicas).spread(rnd.nextBoolean() ? Spread.HARD : Spread.SOFT)), workers);
      Manifests m = KamajiDeployment.withRules(ManifestRenderer.render(spec,
          rnd.nextBoolean() ? RenderOptions.gitOps() : RenderOptions.defaults()), plan);
      ValidationReport r = validator.validate(m);
      assertTrue(r.isValid() && r.isFullyChecked(), i + ": " + r.summary() + "\n" + m.toYaml());
      checked++;
    }
    assertTrue(checked > 250, "checked " + checked);
  }

  private static Problem refused(Manifests m, TenantPlacementPlan plan) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> KamajiDeployment.withRules(m, plan));
    assertEquals(1, e.problems().size(), e.getMessage());
    return e.problems().get(0);
  }

  @Test
  void theRulesGoOnlyOnTheControlPlaneTheyWerePlannedFor() {
    Manifests raw = ManifestRenderer.render(goldenSpec());
    Problem name = refused(raw, TwoLevelPlanner.plan(TenantRequest.of(t -> t.name("tenant-a").replicas(3)), workers(2, 1)));
    assertEquals("plan.tenant.name", name.path());
    assertEquals("tenant-a", name.value());
    assertTrue(name.fix().contains("tenant-a-control-plane"), name.fix());

    Problem replicas = refused(raw, TwoLevelPlanner.plan(TenantRequest.of(t -> t.name("tenant-a-control-plane")),
        workers(2, 1)));
    assertEquals("plan.tenant.replicas", replicas.path());
    assertEquals("2", replicas.value());
    assertTrue(replicas.fix().contains("3 replicas"), replicas.fix());

    Problem twice = refused(KamajiDeployment.withRules(raw, goldenPlan()), goldenPlan());
    assertEquals("manifests[KamajiControlPlane tenant-a-control-plane].spec.deployment", twice.path());

    ClusterSpec topology = ClusterSpec.builder().from(goldenSpec()).mode(OutputMode.TOPOLOGY)
        .dialect(java.util.Optional.empty()).kubernetesVersion("v1.30.1")
        .className(ClusterClassName.parse("openstack-kamaji-1-30-v0-sha.11930ee"))
        .workers(MachineInputs.builder().flavor(FlavorRef.byName("SCS-4V-8")).build()).nodeNetwork(java.util.Optional.empty())
        .build();
    Problem none = refused(ManifestRenderer.render(topology), goldenPlan());
    assertEquals("manifests", none.path());
    assertEquals("0 KamajiControlPlane documents", none.value());
    assertTrue(none.fix().contains("controlPlanePatch"), none.fix());
  }
}
