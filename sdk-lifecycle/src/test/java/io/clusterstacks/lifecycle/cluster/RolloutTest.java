package io.clusterstacks.lifecycle.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.kubernetes.ClusterStatus;
import io.clusterstacks.kubernetes.ObjectRef;
import io.clusterstacks.kubernetes.RoleStatus;
import io.clusterstacks.kubernetes.WorkloadApi;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * When a rollout counts as done, from the fields Cluster API's controllers write (field names as in
 * cluster-api v1.10 api/v1beta1 and controlplane/kubeadm/api/v1beta1). Pure: maps in, text out.
 */
class RolloutTest {
  private static final String V = "v1.34.7";

  private static Map<String, Object> cluster(String version, long generation, long observed, String topologyReconciled) {
    return Map.of("metadata", Map.of("generation", generation),
        "spec", Map.of("topology", Map.of("class", "openstack-scs2-1-34-v2", "version", version),
            "controlPlaneRef", Map.of("apiVersion", "controlplane.cluster.x-k8s.io/v1beta1", "kind", "KubeadmControlPlane",
                "name", "c-abcde")),
        "status", Map.of("observedGeneration", observed, "v1beta2", Map.of("conditions", List.of(Map.of(
            "type", "TopologyReconciled", "status", topologyReconciled, "reason", "ControlPlaneUpgradePending",
            "message", "Control plane rollout and upgrade to version v1.34.7 on hold.")))));
  }

  private static Optional<Map<String, Object>> kcp(String spec, String status) {
    return Optional.of(Map.of("kind", "KubeadmControlPlane", "spec", Map.of("version", spec),
        "status", status == null ? Map.of() : Map.of("version", status)));
  }

  private static ClusterStatus status(RoleStatus cp, RoleStatus workers, String workloadVersion) {
    return new ClusterStatus(Instant.EPOCH, new ObjectRef("cluster.x-k8s.io/v1beta1", "Cluster", "ns", "c"), true,
        "Provisioned", true, true, List.of(), cp, workers, Optional.empty(), true, WorkloadApi.ANSWERS, workloadVersion);
  }

  private static RoleStatus role(String role, int desired, int current, int ready, int upToDate) {
    return new RoleStatus(role, true, desired, current, ready, upToDate, ready);
  }

  private static final ClusterStatus DONE = status(role("control plane", 3, 3, 3, 3), role("workers", 2, 2, 2, 2), V);

  @Test
  void doneWhenEveryControllerSaysSo() {
    assertEquals("", Rollout.pending(cluster(V, 4, 4, "True"), kcp(V, V), DONE, V));
    Rollout.Done d = Rollout.done(DONE, V);
    assertFalse(d.warning(), d.summary());
    assertTrue(d.summary().startsWith("rolled out v1.34.7"), d.summary());
  }

  @Test
  void eachUnfinishedPartKeepsItPendingAndIsNamed() {
    // the new spec not yet observed by the cluster controller
    assertTrue(Rollout.pending(cluster(V, 5, 4, "True"), kcp(V, V), DONE, V).contains("not observed generation 5"));
    // the topology controller holds the upgrade
    assertTrue(Rollout.pending(cluster(V, 4, 4, "False"), kcp(V, V), DONE, V).contains("TopologyReconciled False"
        + " (ControlPlaneUpgradePending"));
    // the KubeadmControlPlane not yet at the version, or its machines not yet
    assertTrue(Rollout.pending(cluster(V, 4, 4, "True"), kcp("v1.33.10", "v1.33.10"), DONE, V)
        .contains("KubeadmControlPlane spec.version is v1.33.10"));
    assertTrue(Rollout.pending(cluster(V, 4, 4, "True"), kcp(V, "v1.33.10"), DONE, V)
        .contains("control-plane machines still run v1.33.10"));
    assertTrue(Rollout.pending(cluster(V, 4, 4, "True"), kcp(V, null), DONE, V).contains("no status.version"));
    // a surge machine still there, a worker not yet replaced
    assertTrue(Rollout.pending(cluster(V, 4, 4, "True"), kcp(V, V), status(role("control plane", 3, 4, 4, 3),
        role("workers", 2, 2, 2, 2), V), V).contains("control plane"));
    assertTrue(Rollout.pending(cluster(V, 4, 4, "True"), kcp(V, V), status(role("control plane", 3, 3, 3, 3),
        role("workers", 2, 2, 2, 1), V), V).contains("workers"));
    // no control plane referenced yet, or gone; the Cluster changed by someone else, or gone
    assertTrue(Rollout.pending(cluster(V, 4, 4, "True"), Optional.empty(), DONE, V).contains("no control plane"));
    assertTrue(Rollout.pending(cluster(V, 4, 4, "True"), Optional.of(Map.of()), DONE, V).contains("does not exist yet"));
    assertTrue(Rollout.pending(cluster("v1.35.0", 4, 4, "True"), kcp(V, V), DONE, V).contains("spec.topology.version is v1.35.0"));
    assertEquals("the Cluster does not exist", Rollout.pending(Map.of(), Optional.empty(), DONE, V));
  }

  @Test
  void aWorkloadApiOnAnotherVersionIsAWarning() {
    Rollout.Done d = Rollout.done(status(role("control plane", 3, 3, 3, 3), role("workers", 2, 2, 2, 2), "v1.33.10"), V);
    assertTrue(d.warning());
    assertTrue(d.summary().contains("the workload API reports v1.33.10"), d.summary());
  }
}
