package io.clusterstacks.benchmarks.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.kamaji.placement.ManagementWorker;
import io.clusterstacks.kamaji.placement.Spread;
import io.clusterstacks.kamaji.placement.TenantRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class LowerBoundsTest {

  @Test
  void theBoundsNeverExceedTheOptimumOfTinyFleets() {
    int feasible = 0;
    int tightWorkers = 0;
    for (long seed = 0; seed < 40; seed++) {
      FleetInstance inst = TinyInstances.random(seed);
      int[] opt = TinyInstances.optimum(inst);
      if (opt == null) {
        continue;
      }
      feasible++;
      LowerBounds lb = LowerBounds.of(inst);
      assertTrue(lb.workers() <= opt[0], inst.name() + ": workers bound " + lb + " above optimum " + opt[0]);
      assertTrue(lb.hypervisorLoad() <= opt[1], inst.name() + ": load bound " + lb + " above optimum " + opt[1]);
      if (lb.workers() == opt[0]) {
        tightWorkers++;
      }
    }
    assertTrue(feasible >= 10, "enough feasible tiny fleets: " + feasible);
    assertTrue(tightWorkers > 0, "the workers bound is reached on some fleet, so it is not trivially low");
  }

  @Test
  void capacityAndSpreadBoundsByHand() {
    // 5,000m of CPU and 3,072 MiB over workers of 2,000m / 4,096 MiB: CPU needs 3 workers, memory 1;
    // a hard tenant of 4 replicas needs 4 workers.
    FleetInstance inst = new FleetInstance("hand", null, 0, List.of(
        TenantRequest.of(t -> t.name("a").replicas(4).spread(Spread.HARD).cpuMillicores(1000).memoryMiB(512)),
        TenantRequest.of(t -> t.name("b").replicas(2).spread(Spread.SOFT).cpuMillicores(500).memoryMiB(512))),
        List.of(worker("w0", "h0"), worker("w1", "h1"), worker("w2", "h2"), worker("w3", "h3"), worker("w4", "h0")));
    LowerBounds lb = LowerBounds.of(inst);
    assertEquals(3, lb.cpu());
    assertEquals(1, lb.memory());
    assertEquals(4, lb.spread());
    assertEquals(4, lb.workers());
    assertEquals(2, lb.hypervisorLoad(), "6 replicas on 4 hypervisors");
  }

  @Test
  void theHypervisorBoundCountsTheReplicasTheOtherHypervisorsCannotHold() {
    // 8 replicas of 1,000m fill four workers of 2,000m; h1 has three of them, so it must hold 6,000m: 6 replicas,
    // above ceil(8 / 2) = 4
    FleetInstance inst = new FleetInstance("skewed", null, 0, List.of(
        TenantRequest.of(t -> t.name("s").replicas(8).spread(Spread.SOFT).cpuMillicores(1000).memoryMiB(512))),
        List.of(worker("w0", "h0"), worker("w1", "h1"), worker("w2", "h1"), worker("w3", "h1")));
    assertEquals(6, LowerBounds.of(inst).hypervisorLoad());
    // with a fifth worker on h0 the others hold 4,000m, h1 must hold 4,000m: 4 replicas, as ceil(8 / 2)
    FleetInstance roomier = new FleetInstance("roomier", null, 0, inst.tenants(),
        List.of(worker("w0", "h0"), worker("w4", "h0"), worker("w1", "h1"), worker("w2", "h1"), worker("w3", "h1")));
    assertEquals(4, LowerBounds.of(roomier).hypervisorLoad());
  }

  private static ManagementWorker worker(String name, String hv) {
    return ManagementWorker.of(w -> w.name(name).hypervisor(hv).allocatableMillicores(2000).allocatableMemoryMiB(4096));
  }
}
