package io.clusterstacks.core.plan;

import io.clusterstacks.core.Severity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.cloud.CloudProfiles;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The planner's extension point for a second placement level, used as sdk-kamaji will use it: Kamaji
 * runs a tenant's control plane (and its DataStore's etcd) as pods on management-cluster workers, which
 * are servers spread over hypervisors. Only public API is used here.
 */
class PlacementLevelTest {

  /** A Kamaji-like level: one etcd pod per worker (required podAntiAffinity on the hostname), at most three. */
  static final class TenantDataStore implements PlacementLevel {
    @Override
    public String name() {
      return "tenant-a datastore";
    }

    @Override
    public String onRole() {
      return "md-0";
    }

    @Override
    public LevelPlacement place(RolePlan machines) {
      return LevelPlacement.of(l -> l.members(3).maxPerMachine(1).needsQuorum(true)
          .addReasons("etcd pods with a required podAntiAffinity on kubernetes.io/hostname"));
    }
  }

  private static ClusterPlan plan(String profile, int workerSurge, PlacementLevel level) {
    return Planner.plan(ClusterRequest.of(r -> r.kubernetesVersion("v1.34.7")
        .addWorkers(WorkerRequest.of(w -> w.name("md-0").replicas(3).maxSurge(workerSurge))).addPlacementLevels(level)),
        CloudProfiles.bundled(profile));
  }

  @Test
  void podsOnePerWorkerStillShareAHypervisorWhenTheWorkersDo() {
    // 3 workers + surge 1 on 2 hypervisors: max_server_per_host=2, so two workers (and their etcd pods) can share a
    // host; one pod per worker does not help: 2 of 3 etcd members on one hypervisor, quorum (2) is lost with it
    ClusterPlan plan = plan("two-hypervisors", 1, new TenantDataStore());
    LevelPlan l = plan.levels().get(0);
    assertEquals(2, plan.worker("md-0").orElseThrow().placement().worstCasePerHost());
    assertEquals(1, l.worstCasePerMachine());
    assertEquals(2, l.worstCasePerHost());
    assertFalse(l.survivesHostLossWorstCase());
    assertEquals(1, plan.warnings(PlanWarning.Code.PLACEMENT_LEVEL).size());
    assertTrue(plan.report().contains("Placement levels:\n  tenant-a datastore on md-0: worst case 2, expected 2 of 3"),
        plan.report());
  }

  @Test
  void workersOnePerHypervisorCarryTheSpreadThrough() {
    // 3 workers without surge on 3 hypervisors: hard anti-affinity, one worker per host, so one etcd pod per host
    ClusterPlan plan = plan("scs-reference", 0, new TenantDataStore());
    LevelPlan l = plan.levels().get(0);
    assertEquals(PlacementPolicy.antiAffinity(), plan.worker("md-0").orElseThrow().placement().policy());
    assertEquals(1, l.worstCasePerHost());
    assertTrue(l.survivesHostLossWorstCase());
    assertTrue(plan.warnings(PlanWarning.Code.PLACEMENT_LEVEL).isEmpty());
  }

  @Test
  void moreMembersThanMachinesCanTakeStayPending() {
    ClusterPlan plan = plan("scs-reference", 0, PlacementLevel.of("tenant-b control plane", "md-0",
        LevelPlacement.of(l -> l.members(5).maxPerMachine(1))));
    assertEquals(2, plan.levels().get(0).unschedulable());
    assertEquals(Severity.CRITICAL, plan.warnings(PlanWarning.Code.PLACEMENT_LEVEL).get(0).severity());
  }

  @Test
  void aLevelOnAnUnknownRoleIsInvalidInput() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> ClusterRequest.of(r -> r
        .kubernetesVersion("v1.34.7").addPlacementLevels(PlacementLevel.of("x", "md-9", LevelPlacement.of(l -> l.members(1))))));
    assertEquals(List.of("clusterRequest.placementLevels[0].onRole"), e.problems().stream().map(p -> p.path()).toList());
  }
}
