package io.clusterstacks.kamaji.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.kubernetes.ClusterStatus;
import io.clusterstacks.kubernetes.WorkloadApi;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The pure verdict, from objects shaped as Kamaji's CRDs define their status (TenantControlPlane:
 * {@code status.kubernetesResources.version.status}, {@code status.kubeconfig.admin.secretName},
 * {@code status.observedGeneration}; KamajiControlPlane: {@code status.initialized}, {@code status.ready}).
 */
class KamajiReadinessTest {
  private static final Instant T = Instant.parse("2026-12-02T12:00:00Z");

  static Map<String, Object> tcp(String versionStatus, String adminSecret, long observed, long generation) {
    return Map.of("metadata", Map.of("name", "prod-control-plane", "generation", generation),
        "spec", Map.of("controlPlane", Map.of("deployment", Map.of("replicas", 3))),
        "status", Map.of("observedGeneration", observed,
            "kubernetesResources", Map.of("version", Map.of("status", versionStatus, "version", "v1.33.2"),
                "deployment", Map.of("replicas", 3, "readyReplicas", 2, "updatedReplicas", 3, "availableReplicas", 2)),
            "kubeconfig", Map.of("admin", Map.of("secretName", adminSecret))));
  }

  static Map<String, Object> kcp(boolean initialized, boolean ready) {
    return Map.of("metadata", Map.of("name", "prod-control-plane"),
        "status", Map.of("initialized", initialized, "ready", ready));
  }

  @Test
  void usableWhenEveryConditionHolds() {
    KamajiReadiness r = KamajiReadiness.evaluate(T, "ns", "prod-control-plane",
        tcp("Ready", "prod-control-plane-admin-kubeconfig", 2, 2), kcp(true, true), WorkloadApi.ANSWERS, true);
    assertTrue(r.usable(), r.toString());
    assertEquals(List.of(), r.missing());
    assertEquals(List.of(KamajiReadiness.TENANT_CONTROL_PLANE_READY, KamajiReadiness.KAMAJI_CONTROL_PLANE_READY,
        KamajiReadiness.ADMIN_KUBECONFIG, KamajiReadiness.TENANT_API),
        r.checks().stream().map(ReadinessCheck::name).toList());
    assertEquals(3, r.controlPlanePods().desired());
    assertEquals(2, r.controlPlanePods().ready());
  }

  @Test
  void nothingExistsYet() {
    KamajiReadiness r = KamajiReadiness.evaluate(T, "ns", "prod-control-plane", Map.of(), Map.of(),
        WorkloadApi.NO_KUBECONFIG, true);
    assertFalse(r.usable());
    assertEquals(4, r.missing().size());
    assertEquals("TenantControlPlane ns/prod-control-plane does not exist",
        r.check(KamajiReadiness.TENANT_CONTROL_PLANE_READY).orElseThrow().seen());
    assertEquals("TenantControlPlane status.kubeconfig.admin.secretName not set",
        r.check(KamajiReadiness.ADMIN_KUBECONFIG).orElseThrow().seen());
    assertFalse(r.toClusterStatus().exists());
  }

  @Test
  void aTenantStillProvisioningIsNotReadyAndSaysItsStatus() {
    KamajiReadiness r = KamajiReadiness.evaluate(T, "ns", "cp", tcp("Provisioning", "cp-admin-kubeconfig", 1, 1),
        kcp(false, false), WorkloadApi.NOT_CHECKED, false);
    ReadinessCheck tcp = r.check(KamajiReadiness.TENANT_CONTROL_PLANE_READY).orElseThrow();
    assertFalse(tcp.met());
    assertTrue(tcp.seen().contains("status.kubernetesResources.version.status=Provisioning"), tcp.seen());
    assertEquals("Provisioning", r.toClusterStatus().phase());
  }

  @Test
  void aReadyStatusOfAnOlderGenerationIsNotReady() {
    // Kamaji has not reconciled the latest spec yet (an upgrade was just applied): Ready is stale.
    ReadinessCheck c = KamajiReadiness.evaluate(T, "ns", "cp", tcp("Ready", "s", 1, 2), kcp(true, true),
        WorkloadApi.NOT_CHECKED, false).check(KamajiReadiness.TENANT_CONTROL_PLANE_READY).orElseThrow();
    assertFalse(c.met());
    assertTrue(c.seen().contains("status.observedGeneration=1 of metadata.generation=2"), c.seen());
  }

  @Test
  void theKamajiControlPlaneNeedsBothInitializedAndReady() {
    KamajiReadiness initializedOnly = KamajiReadiness.evaluate(T, "ns", "cp", tcp("Ready", "s", 1, 1),
        kcp(true, false), WorkloadApi.NOT_CHECKED, false);
    assertEquals(List.of(KamajiReadiness.KAMAJI_CONTROL_PLANE_READY),
        initializedOnly.missing().stream().map(ReadinessCheck::name).toList());
    assertEquals("status.initialized=true, status.ready=false",
        initializedOnly.check(KamajiReadiness.KAMAJI_CONTROL_PLANE_READY).orElseThrow().seen());
    assertTrue(initializedOnly.toClusterStatus().infrastructureReady());
  }

  @Test
  void withoutProbingAPresentSecretIsEnough() {
    KamajiReadiness r = KamajiReadiness.evaluate(T, "ns", "cp", tcp("Ready", "cp-admin-kubeconfig", 1, 1),
        kcp(true, true), WorkloadApi.NOT_CHECKED, false);
    assertTrue(r.usable(), r.toString());
    assertEquals(Optional.empty(), r.check(KamajiReadiness.TENANT_API));
  }

  @Test
  void aMissingSecretIsNamed() {
    KamajiReadiness r = KamajiReadiness.evaluate(T, "ns", "cp", tcp("Ready", "cp-admin-kubeconfig", 1, 1),
        kcp(true, true), WorkloadApi.NO_KUBECONFIG, true);
    assertEquals(List.of(KamajiReadiness.ADMIN_KUBECONFIG, KamajiReadiness.TENANT_API),
        r.missing().stream().map(ReadinessCheck::name).toList());
    assertEquals("Secret ns/cp-admin-kubeconfig or its key admin.conf does not exist",
        r.check(KamajiReadiness.ADMIN_KUBECONFIG).orElseThrow().seen());
  }

  @Test
  void anUnreachableTenantApiIsTheOnlyMissingCondition() {
    KamajiReadiness r = KamajiReadiness.evaluate(T, "ns", "cp", tcp("Ready", "s", 1, 1), kcp(true, true),
        WorkloadApi.UNREACHABLE, true);
    assertEquals(List.of(KamajiReadiness.TENANT_API), r.missing().stream().map(ReadinessCheck::name).toList());
    ClusterStatus s = r.toClusterStatus();
    assertTrue(s.controlPlaneReady());
    assertEquals("False", s.condition(KamajiReadiness.TENANT_API).orElseThrow().status());
  }

  @Test
  void progressShowsTheConditionThatChanged() {
    ClusterStatus before = KamajiReadiness.evaluate(T, "ns", "cp", tcp("Provisioning", "s", 1, 1),
        kcp(false, false), WorkloadApi.NO_KUBECONFIG, false).toClusterStatus();
    ClusterStatus after = KamajiReadiness.evaluate(T, "ns", "cp", tcp("Ready", "s", 1, 1),
        kcp(false, false), WorkloadApi.NO_KUBECONFIG, false).toClusterStatus();
    assertTrue(after.changesSince(before).stream().anyMatch(l -> l.contains(KamajiReadiness.TENANT_CONTROL_PLANE_READY)
        && l.contains("version.status=Ready")), after.changesSince(before).toString());
  }

  @Test
  void theTimeoutNamesWhatIsMissingAndWhatWasSeen() {
    KamajiReadiness r = KamajiReadiness.evaluate(T, "ns", "cp", tcp("Upgrading", "s", 1, 1), kcp(true, true),
        WorkloadApi.NOT_CHECKED, false);
    KamajiWaitTimeoutException e = new KamajiWaitTimeoutException("ns/cp", Duration.ofMinutes(5), Optional.of(r));
    assertTrue(e.getMessage().contains("still missing: [TenantControlPlaneReady missing "
        + "(status.kubernetesResources.version.status=Upgrading"), e.getMessage());
    assertEquals(List.of(KamajiReadiness.TENANT_CONTROL_PLANE_READY),
        e.missing().stream().map(ReadinessCheck::name).toList());
    assertTrue(e.lastStatus().isPresent());
  }
}
