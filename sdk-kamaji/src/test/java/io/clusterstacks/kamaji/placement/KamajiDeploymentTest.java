package io.clusterstacks.kamaji.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.manifest.ManifestDocument;
import io.clusterstacks.core.validation.CrdValidator;
import io.clusterstacks.core.validation.ValidationReport;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The plan's rules as KamajiControlPlane fields: deterministic and valid against the upstream CRD. */
class KamajiDeploymentTest {

  @Test
  void everyPlannedControlPlaneAndPatchValidatesStrictlyAgainstTheKamajiCrd() {
    // generated layouts and tenants cover every rule shape the planner emits (required, preferred and
    // spread, hard and soft); each rendered object must pass the strict validator
    Random rnd = new Random(7);
    CrdValidator strict = CrdValidator.strict();
    int checked = 0;
    for (int c = 0; c < 300; c++) {
      String[] hosts = new String[1 + rnd.nextInt(5)];
      for (int h = 0; h < hosts.length; h++) {
        hosts[h] = "hv-" + h + ":" + (1 + rnd.nextInt(4));
      }
      int replicas = 1 + rnd.nextInt(6);
      Spread spread = rnd.nextBoolean() ? Spread.HARD : Spread.SOFT;
      TenantPlacementPlan plan = TwoLevelPlanner.plan(
          TenantRequest.of(t -> t.name("tenant-" + replicas).replicas(replicas).spread(spread)),
          TwoLevelScenarioTest.layout(hosts));
      for (ManifestDocument d : List.of(KamajiDeployment.controlPlane("tenants", "v1.30.1", "default", plan))) {
        ValidationReport r = strict.validate(d);
        assertTrue(r.isValid() && r.isFullyChecked(), () -> r.summary() + "\n" + d.toYaml());
        checked++;
      }
    }
    assertEquals(300, checked);
  }

  @Test
  void aBrokenFieldIsCaughtSoTheValidationAboveCanFail() {
    TenantPlacementPlan plan = TwoLevelPlanner.plan(TenantRequest.of(t -> t.name("tenant-a").replicas(3)),
        TwoLevelScenarioTest.layout("hv-a:2", "hv-b:1"));
    Map<String, Object> m = new java.util.LinkedHashMap<>(KamajiDeployment.controlPlane("tenants", "v1.30.1", "default",
        plan).toMap());
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = new java.util.LinkedHashMap<>((Map<String, Object>) m.get("spec"));
    // maxSkew is an int32 in the CRD
    spec.put("deployment", Map.of("topologySpreadConstraints", List.of(Map.of("maxSkew", "one",
        "topologyKey", "topology.clusterstacks.io/hypervisor", "whenUnsatisfiable", "DoNotSchedule"))));
    m.put("spec", spec);
    assertFalse(CrdValidator.strict().validate(ManifestDocument.of(m)).isValid());
  }

  @Test
  void theRulesRenderAsTheSchedulerReadsThem() {
    TenantPlacementPlan plan = TwoLevelPlanner.plan(TenantRequest.of(t -> t.name("tenant-a").replicas(3)),
        TwoLevelScenarioTest.layout("hv-a:2", "hv-b:1"));
    String yaml = KamajiDeployment.controlPlanePatch("tenants", plan).toYaml();
    assertEquals("""
        apiVersion: controlplane.cluster.x-k8s.io/v1alpha1
        kind: KamajiControlPlane
        metadata:
          name: tenant-a
          namespace: tenants
        spec:
          deployment:
            strategy:
              type: RollingUpdate
              rollingUpdate:
                maxSurge: 0
                maxUnavailable: 1
            affinity:
              podAntiAffinity:
                requiredDuringSchedulingIgnoredDuringExecution:
                - labelSelector:
                    matchLabels:
                      kamaji.clastix.io/name: tenant-a
                  topologyKey: kubernetes.io/hostname
            topologySpreadConstraints:
            - maxSkew: 1
              topologyKey: topology.clusterstacks.io/hypervisor
              whenUnsatisfiable: DoNotSchedule
              labelSelector:
                matchLabels:
                  kamaji.clastix.io/name: tenant-a
        """, yaml);
  }
}
