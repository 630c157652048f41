package io.clusterstacks.kamaji.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.kamaji.placement.ManagementWorker;
import io.clusterstacks.kamaji.placement.Spread;
import io.clusterstacks.kamaji.placement.TenantRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The third objective, the fewest replicas on the busiest hypervisor, on fleets whose workers sit unevenly on
 * their hypervisors. Replicas per hypervisor are counted here from the placement and the workers' hypervisors,
 * not by the planner's figures.
 */
class FleetHypervisorLoadTest {

  static ManagementWorker worker(String name, String hv, long cpu, long mem) {
    return ManagementWorker.of(w -> w.name(name).hypervisor(hv).allocatableMillicores(cpu).allocatableMemoryMiB(mem));
  }

  /** The most replicas on one hypervisor, counted from the placement. */
  static int busiest(List<ManagementWorker> workers, FleetPlan plan) {
    Map<String, String> hv = new HashMap<>();
    workers.forEach(w -> hv.put(w.name(), w.hypervisor()));
    Map<String, Integer> count = new HashMap<>();
    plan.placement().replicas().values().forEach(ws -> ws.forEach(w -> count.merge(hv.get(w), 1, Integer::sum)));
    return count.values().stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  static void assertSound(List<TenantRequest> tenants, List<ManagementWorker> workers, FleetPlan plan) {
    assertTrue(plan.feasible(), plan::report);
    assertEquals(List.of(), FleetVerifier.verify(tenants, workers, plan.placement()), plan::report);
    assertEquals(busiest(workers, plan), plan.maxHypervisorReplicas(), plan::report);
  }

  /**
   * Eight workers on one hypervisor, listed first, and two on each of four others; 30 replicas of a quarter of
   * a worker need 8 workers. Any 8 workers leave the busiest hypervisor at least 8 replicas (two-worker
   * hypervisors hold at most 8, one-worker ones 4, and 4 + 4 + 3 × 7 &lt; 30). Opening the first 8 workers would
   * put them all on the big hypervisor, which the single-replica tenants would then fill: its share of its
   * allocatable would still be the lowest.
   */
  @Test
  void theWorkersOpenedSpreadOverTheHypervisorsSoTheBusiestCarriesTheFewestReplicasPossible() {
    List<ManagementWorker> workers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      workers.add(worker("big-" + i, "hv-big", 1000, 4096));
    }
    for (int h = 1; h <= 4; h++) {
      for (int i = 0; i < 2; i++) {
        workers.add(worker("hv" + h + "-" + i, "hv-" + h, 1000, 4096));
      }
    }
    List<TenantRequest> tenants = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String n = "hard-" + i;
      tenants.add(TenantRequest.of(t -> t.name(n).replicas(3).cpuMillicores(250).memoryMiB(1024)));
    }
    for (int i = 0; i < 21; i++) {
      String n = "single-" + i;
      tenants.add(TenantRequest.of(t -> t.name(n).replicas(1).spread(Spread.SOFT).cpuMillicores(250).memoryMiB(1024)));
    }
    FleetPlan plan = FleetPlanner.plan(tenants, workers);
    assertSound(tenants, workers, plan);
    assertEquals(8, plan.workersUsed(), plan::report);
    assertEquals(8, busiest(workers, plan), plan::report);
  }

  /**
   * Four full workers, two of them on one hypervisor: the volume puts half the requests there, and only the large
   * replicas keep that to 4 replicas (4 large there, 4 small on each other hypervisor), which no single move
   * reaches from a placement with a large replica on every worker: it takes exchanging two small replicas for a
   * large one.
   */
  @Test
  void whereNoReplicaCanMoveTwoSmallOnesAreExchangedForALargeOne() {
    List<ManagementWorker> workers = List.of(worker("a1", "hv-a", 1000, 1000), worker("a2", "hv-a", 1000, 1000),
        worker("b1", "hv-b", 1000, 1000), worker("c1", "hv-c", 1000, 1000));
    List<TenantRequest> tenants = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String n = "large-" + i;
      tenants.add(TenantRequest.of(t -> t.name(n).replicas(1).spread(Spread.SOFT).cpuMillicores(500).memoryMiB(500)));
    }
    for (int i = 0; i < 8; i++) {
      String n = "small-" + i;
      tenants.add(TenantRequest.of(t -> t.name(n).replicas(1).spread(Spread.SOFT).cpuMillicores(250).memoryMiB(250)));
    }
    FleetPlan plan = FleetPlanner.plan(tenants, workers);
    assertSound(tenants, workers, plan);
    assertEquals(4, plan.workersUsed(), plan::report);
    assertEquals(4, busiest(workers, plan), plan::report);
  }
}
