package io.clusterstacks.lifecycle.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.cloud.CloudProfiles;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.core.plan.ClusterRequest;
import io.clusterstacks.core.plan.ControlPlaneRequest;
import io.clusterstacks.core.plan.Planner;
import io.clusterstacks.core.plan.WorkerRequest;
import io.clusterstacks.core.stack.ClusterClassName;
import io.clusterstacks.openstack.PlacementReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When Nova's placement of the control plane loses etcd's quorum with one hypervisor (pure). */
class QuorumSpreadTest {
  private static final ClusterPlan PLAN = Planner.plan(ClusterRequest.of(r -> r.clusterName("q")
      .className(ClusterClassName.of("scs2", "1.34", "v2")).controlPlane(ControlPlaneRequest.of(cp -> cp.replicas(3)))
      .addWorkers(WorkerRequest.of(w -> w.name("md-0").replicas(3)))), CloudProfiles.bundled("scs-reference"));

  private static PlacementReport placed(String... hosts) {
    List<PlacementReport.Member> members = new ArrayList<>();
    for (int i = 0; i < hosts.length; i++) {
      members.add(new PlacementReport.Member("id-" + i, "q-cp-" + i, hosts[i].isEmpty() ? "ERROR" : "ACTIVE",
          hosts[i], ""));
    }
    String deployment = PLAN.controlPlane().orElseThrow().deployments().get(0).name();
    return new PlacementReport(List.of(new PlacementReport.Group(deployment, "g", "q-control-plane", "anti-affinity",
        3, 2, members)), List.of());
  }

  @Test
  void twoOfThreeOnOneHypervisorIsNamedAsTwoOneZero() {
    Optional<String> risk = QuorumSpread.atRisk(PLAN, placed("aaaaaaaaaaaaaaaa", "bbbbbbbbbbbb", "aaaaaaaaaaaaaaaa"));
    assertTrue(risk.isPresent());
    assertTrue(risk.get().startsWith("control-plane members per hypervisor 2/1/0: 2 of 3 (q-cp-0, q-cp-2) share hostId"
        + " aaaaaaaaaaaa"), risk.get());
    assertTrue(risk.get().contains("delete the Machine of q-cp-2"), risk.get());
    assertTrue(QuorumSpread.atRisk(PLAN, placed("a", "a", "a")).orElseThrow().contains("3/0/0"));
  }

  @Test
  void oneMemberPerHypervisorOrFewerThanTwoPlacedIsNoRisk() {
    assertEquals(Optional.empty(), QuorumSpread.atRisk(PLAN, placed("a", "b", "c")));
    assertEquals(Optional.empty(), QuorumSpread.atRisk(PLAN, placed("a")));
    // a member in ERROR (no host) does not count: the two placed ones share a host, whose loss takes both
    assertTrue(QuorumSpread.atRisk(PLAN, placed("a", "a", "")).isPresent());
    // 5 members 2/2/1: losing any host leaves 3 of 5, quorum holds
    assertEquals(Optional.empty(), QuorumSpread.atRisk(PLAN, placed("a", "a", "b", "b", "c")));
    assertTrue(QuorumSpread.atRisk(PLAN, placed("a", "a", "a", "b", "c")).orElseThrow().contains("3/1/1"));
  }
}
