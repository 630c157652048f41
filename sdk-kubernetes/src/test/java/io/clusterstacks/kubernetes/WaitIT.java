package io.clusterstacks.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.clusterstacks.kubernetes.lab.KubernetesLab;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Waiting until a Cluster is usable, against the lab's real API server.
 *
 * <p>No CAPI or CSO controller runs in the lab: the test writes the status they would write (CAPI v1.10.10
 * {@code api/v1beta1/cluster_types.go} ClusterStatus: phase, infrastructureReady, controlPlaneReady, v1beta1
 * conditions, {@code v1beta2.controlPlane/workers} replica counts; CSO v0.2.0-alpha.1 ClusterStack
 * {@code status.conditions} and {@code summary}) through the status subresource, validated by the server
 * against the CRDs' status schemas. The "workload cluster" is the lab's API server itself: the test writes
 * the {@code <cluster>-kubeconfig} Secret CAPI would write, pointing at it.
 */
class WaitIT {

  private static final Duration STEP = Duration.ofSeconds(20);

  private static void applyStackAndCluster(String ns) {
    try (ManagementCluster mc = Lab.connect()) {
      mc.apply(Lab.manifests(Lab.join(Lab.clusterStackYaml(ns, "scs2-1-34", "stable"), Lab.clusterYaml(ns, "c1"))))
          .orThrow();
    }
  }

  static Map<String, Object> clusterStatus(String phase, boolean infra, boolean cp, int cpReady, int wReady) {
    Map<String, Object> st = new HashMap<>();
    st.put("phase", phase);
    st.put("infrastructureReady", infra);
    st.put("controlPlaneReady", cp);
    st.put("conditions", List.of(
        Lab.condition("InfrastructureReady", infra ? "True" : "False", infra ? "" : "WaitingForInfrastructure"),
        Lab.condition("ControlPlaneReady", cp ? "True" : "False", cp ? "" : "WaitingForControlPlane")));
    st.put("v1beta2", Map.of("controlPlane", Lab.replicas(1, 1, cpReady, cpReady),
        "workers", Lab.replicas(2, 2, wReady, wReady)));
    return st;
  }

  static void stackReady(String ns, boolean ready) {
    Lab.writeStatus(Lab.CLUSTER_STACK, ns, "scs2-1-34", Map.of(
        "conditions", List.of(Lab.condition("Ready", ready ? "True" : "False", ready ? "" : "ReleasesNotReady")),
        "summary", List.of(Map.of("name", "openstack-scs2-1-34-v2", "phase", ready ? "Ready" : "Pending",
            "ready", ready))));
  }

  /** The kubeconfig Secret CAPI writes ({@code <cluster>-kubeconfig}, key {@code value}), here for the lab API. */
  static void writeKubeconfigSecret(String ns, String cluster) {
    KubernetesLab.get().writeKubeconfigSecret(ns, cluster);
  }

  private static ProgressEvent next(BlockingQueue<ProgressEvent> q) throws InterruptedException {
    ProgressEvent e = q.poll(STEP.toSeconds(), TimeUnit.SECONDS);
    if (e == null) {
      fail("no progress event within " + STEP);
    }
    return e;
  }

  @Test
  void reportsEachChangeInOrderAndSucceedsOnceTheWorkloadApiAnswers() throws Exception {
    String ns = Lab.namespace("wait-order");
    applyStackAndCluster(ns);
    BlockingQueue<ProgressEvent> events = new LinkedBlockingQueue<>();
    List<ProgressEvent> all = new ArrayList<>();
    try (ManagementCluster mc = Lab.connect()) {
      CompletableFuture<ClusterStatus> done = CompletableFuture.supplyAsync(() -> mc.awaitUsable(ns, "c1",
          WaitOptions.of(o -> o.clusterStack("scs2-1-34").timeout(Duration.ofMinutes(3))
              .resyncInterval(Duration.ofMinutes(10))), e -> {
            all.add(e);
            events.add(e);
          }));
      ProgressEvent first = next(events);
      assertTrue(first.status().exists());
      assertFalse(first.status().clusterStackReady());

      stackReady(ns, true);
      assertTrue(next(events).status().clusterStackReady());

      Lab.writeStatus(Lab.CLUSTER, ns, "c1", clusterStatus("Provisioning", true, false, 0, 0));
      ProgressEvent e2 = next(events);
      assertEquals("Provisioning", e2.status().phase());
      assertTrue(e2.status().infrastructureReady());
      assertTrue(e2.changes().contains("phase: - -> Provisioning"), e2.changes().toString());

      Lab.writeStatus(Lab.CLUSTER, ns, "c1", clusterStatus("Provisioned", true, true, 1, 0));
      ProgressEvent e3 = next(events);
      assertEquals(new RoleStatus("control plane", true, 1, 1, 1, 1, 1), e3.status().controlPlane());
      assertEquals(0, e3.status().workers().ready());

      Lab.writeStatus(Lab.CLUSTER, ns, "c1", clusterStatus("Provisioned", true, true, 1, 2));
      ProgressEvent e4 = next(events);
      assertTrue(e4.status().conditionsReady());
      assertEquals(WorkloadApi.NO_KUBECONFIG, e4.status().workloadApi(), "conditions alone are not usable");
      assertFalse(done.isDone());

      writeKubeconfigSecret(ns, "c1");
      ClusterStatus usable = done.get(STEP.toSeconds(), TimeUnit.SECONDS);
      assertTrue(usable.usable());
      assertEquals("v1.20.2", usable.workloadVersion());
      assertEquals(WorkloadApi.ANSWERS, all.get(all.size() - 1).status().workloadApi());
      for (int i = 1; i < all.size(); i++) {
        assertFalse(all.get(i).at().isBefore(all.get(i - 1).at()), "timestamps in order");
      }
    }
  }

  @Test
  void timesOutWithTheLastObservedState() {
    String ns = Lab.namespace("wait-timeout");
    applyStackAndCluster(ns);
    Lab.writeStatus(Lab.CLUSTER, ns, "c1", clusterStatus("Provisioning", true, false, 0, 0));
    try (ManagementCluster mc = Lab.connect()) {
      WaitTimeoutException e = assertThrows(WaitTimeoutException.class, () -> mc.awaitUsable(ns, "c1",
          WaitOptions.of(o -> o.timeout(Duration.ofSeconds(3))), ProgressListener.NONE));
      ClusterStatus last = e.lastStatus().orElseThrow();
      assertEquals("Provisioning", last.phase());
      assertFalse(last.controlPlaneReady());
      assertEquals(0, last.controlPlane().ready());
      assertTrue(e.getMessage().contains("phase Provisioning"), e.getMessage());
    }
  }

  /**
   * The wait goes on through a restart of the kube-apiserver (etcd keeps the data). The resync interval is
   * 10 minutes, so the change written after the restart can only arrive through a watch that was
   * reopened: after a restart the new server's watch cache starts at the current revision, and fabric8's
   * reconnect from the old resourceVersion is answered 410 Gone, which the waiter handles by reopening.
   */
  @Test
  void survivesAnApiServerRestart() throws Exception {
    String ns = Lab.namespace("wait-restart");
    applyStackAndCluster(ns);
    writeKubeconfigSecret(ns, "c1");
    Lab.writeStatus(Lab.CLUSTER, ns, "c1", clusterStatus("Provisioning", true, false, 0, 0));
    BlockingQueue<ProgressEvent> events = new LinkedBlockingQueue<>();
    try (ManagementCluster mc = Lab.connect()) {
      CompletableFuture<ClusterStatus> done = CompletableFuture.supplyAsync(() -> mc.awaitUsable(ns, "c1",
          WaitOptions.of(o -> o.timeout(Duration.ofMinutes(4)).resyncInterval(Duration.ofMinutes(10))), events::add));
      assertEquals("Provisioning", next(events).status().phase());

      Lab.restartApiServer(3);
      Lab.admin().getKubernetesVersion();
      // Many writes so that the new server's history has moved on from what the old watch saw.
      for (int i = 0; i < 3; i++) {
        Lab.writeStatus(Lab.CLUSTER, ns, "c1", clusterStatus("Provisioning", true, false, 0, 0));
      }
      Lab.writeStatus(Lab.CLUSTER, ns, "c1", clusterStatus("Provisioned", true, true, 1, 2));
      ClusterStatus s = done.get(60, TimeUnit.SECONDS);
      assertTrue(s.usable());
      assertNotNull(events.stream().filter(e -> e.status().phase().equals("Provisioned")).findFirst().orElse(null));
    }
  }
}
