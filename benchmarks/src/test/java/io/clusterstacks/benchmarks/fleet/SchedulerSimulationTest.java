package io.clusterstacks.benchmarks.fleet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.kamaji.placement.ManagementWorker;
import io.clusterstacks.kamaji.placement.Spread;
import io.clusterstacks.kamaji.placement.TenantRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The simulation's choices on cases worked out by hand from the v1.20 formulas. */
class SchedulerSimulationTest {

  @Test
  void percentageOfNodesToScoreIsTheAdaptiveDefault() {
    assertEquals(50, SchedulerSimulation.numFeasibleNodesToFind(50), "under 100 nodes: all");
    assertEquals(99, SchedulerSimulation.numFeasibleNodesToFind(99));
    assertEquals(100, SchedulerSimulation.numFeasibleNodesToFind(100), "50 % of 100 is raised to 100");
    assertEquals(230, SchedulerSimulation.numFeasibleNodesToFind(500), "46 %");
    assertEquals(420, SchedulerSimulation.numFeasibleNodesToFind(1_000), "42 %");
    assertEquals(500, SchedulerSimulation.numFeasibleNodesToFind(5_000), "10 %");
    assertEquals(300, SchedulerSimulation.numFeasibleNodesToFind(6_000), "2 % is raised to 5 %");
  }

  @Test
  void leastAllocatedPrefersTheEmptierWorker() {
    // a: 4,000m / 4,096 MiB holding x (2,000m / 2,048 MiB); y (1,000m / 1,024 MiB) comes next.
    // a: least ((1000*100/4000) + (1024*100/4096)) / 2 = 25, balanced 100, spread 100 -> 25 + 100 + 2*100 = 325
    // b: least 75, balanced 100, spread 100 -> 375
    FleetInstance inst = fleet(List.of(tenant("x", 1, Spread.HARD, 2000, 2048), tenant("y", 1, Spread.HARD, 1000, 1024)),
        List.of(worker("a", "h1"), worker("b", "h2")));
    SchedulerSimulation.Cluster c = new SchedulerSimulation.Cluster(inst, 1);
    c.bind(0, 0);
    int chosen = c.schedule(1);
    assertEquals("b", c.names[chosen]);
    Map<String, long[]> s = scores(c);
    assertArrayEquals(new long[] {25, 100, 0, 100, 325}, s.get("a"));
    assertArrayEquals(new long[] {75, 100, 0, 100, 375}, s.get("b"));
  }

  @Test
  void balancedAllocationScoresTheFractionsDifference() {
    // a holds x (3,000m / 512 MiB); y asks 500m / 2,048 MiB. Workers 4,000m / 4,096 MiB.
    // a: cpu 3500 -> 500*100/4000 = 12, memory 2560 -> 1536*100/4096 = 37, least (12+37)/2 = 24;
    //    fractions 0.875 and 0.625 -> balanced (1 - 0.25) * 100 = 75; total 24 + 75 + 200 = 299
    // b: cpu 500 -> 87, memory 2048 -> 50, least 68; fractions 0.125 and 0.5 -> 62; total 68 + 62 + 200 = 330
    FleetInstance inst = fleet(List.of(tenant("x", 1, Spread.HARD, 3000, 512), tenant("y", 1, Spread.HARD, 500, 2048)),
        List.of(worker("a", "h1"), worker("b", "h2")));
    SchedulerSimulation.Cluster c = new SchedulerSimulation.Cluster(inst, 1);
    c.bind(0, 0);
    assertEquals("b", c.names[c.schedule(1)]);
    Map<String, long[]> s = scores(c);
    assertArrayEquals(new long[] {24, 75, 0, 100, 299}, s.get("a"));
    assertArrayEquals(new long[] {68, 62, 0, 100, 330}, s.get("b"));
  }

  @Test
  void softSpreadIsAPreferenceOfInterPodAffinityAndTheDefaultSpread() {
    // soft tenant s of 2 replicas (1,000m / 1,024 MiB) on a and b (same zone, two hypervisors); the first is on a.
    // InterPodAffinity: a -2*100*(1 on the host + 1 on the hypervisor) = -400, b 0 -> normalised 0 and 100.
    // PodTopologySpread (system defaults): a 1*ln(4) + 2 + 1*ln(3) + 4 = 8.48 -> 8, b 0 + 2 + 0 + 4 = 6 ...
    //   the zone count is the zone's pods, 1 for both: b = 2 + ln(3) + 4 = 7.10 -> 7; normalised
    //   a 100*(8+7-8)/8 = 87, b 100*(8+7-7)/8 = 100.
    // totals: a 50 + 100 + 0 + 174 = 324, b 75 + 100 + 100 + 200 = 475.
    FleetInstance inst = fleet(List.of(tenant("s", 2, Spread.SOFT, 1000, 1024)),
        List.of(worker("a", "h1"), worker("b", "h2")));
    SchedulerSimulation.Cluster c = new SchedulerSimulation.Cluster(inst, 1);
    c.bind(0, 0);
    assertEquals("b", c.names[c.schedule(0)]);
    Map<String, long[]> s = scores(c);
    assertArrayEquals(new long[] {50, 100, 0, 87, 324}, s.get("a"));
    assertArrayEquals(new long[] {75, 100, 100, 100, 475}, s.get("b"));
  }

  @Test
  void softSpreadGivesWayToCapacityWhereHardSpreadLeavesPodsPending() {
    // two workers on one hypervisor: hard tenant of 2 replicas cannot be placed twice, soft can
    List<ManagementWorker> ws = List.of(worker("a", "h1"), worker("b", "h1"));
    SchedulerSimulation sim = new SchedulerSimulation(3);
    FleetSolver.Outcome hard = sim.place(fleet(List.of(tenant("t", 2, Spread.HARD, 100, 100)), ws));
    assertFalse(hard.complete());
    assertEquals(1, hard.placement().get("t").size());
    FleetSolver.Outcome soft = sim.place(fleet(List.of(tenant("t", 2, Spread.SOFT, 100, 100)), ws));
    assertTrue(soft.complete());
    assertEquals(Set.of("a", "b"), new HashSet<>(soft.placement().get("t")), "soft still spreads over the hosts");
  }

  @Test
  void hardSpreadPutsEachReplicaOnItsOwnHypervisor() {
    List<ManagementWorker> ws = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ws.add(worker("w" + i, "h" + (i % 3)));
    }
    FleetInstance inst = fleet(List.of(tenant("t", 3, Spread.HARD, 500, 512), tenant("u", 3, Spread.HARD, 500, 512)), ws);
    FleetSolver.Outcome o = new SchedulerSimulation(5).place(inst);
    assertTrue(o.complete());
    assertEquals(List.of(), PlacementChecker.check(inst, o.placement()));
    Map<String, String> hv = inst.hypervisorOf();
    for (List<String> placed : o.placement().values()) {
      assertEquals(3, placed.stream().map(hv::get).distinct().count());
    }
  }

  @Test
  void theSearchStartMovesOnByTheNodesProcessed() {
    List<ManagementWorker> ws = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      ws.add(worker("w" + i, "h" + (i % 20)));
    }
    FleetInstance inst = fleet(List.of(tenant("t", 2, Spread.HARD, 100, 100)), ws);
    SchedulerSimulation.Cluster c = new SchedulerSimulation.Cluster(inst, 1);
    int first = c.schedule(0);
    assertEquals(100, c.nextStart, "200 nodes: 100 feasible found after processing 100");
    assertTrue(indexInOrder(c, first) < 100, "the first pod went to one of the first 100 nodes");
    int second = c.schedule(0);
    assertTrue(indexInOrder(c, second) >= 100, "the second pod's search began at node 100");
    assertNotEquals(inst.workers().get(first).hypervisor(), inst.workers().get(second).hypervisor());
  }

  @Test
  void theSameSeedGivesTheSamePlacement() {
    FleetInstance inst = InstanceGenerator.generate(FleetBenchmark.spec(2, InstanceGenerator.Capacity.LOOSE,
        InstanceGenerator.Mapping.SKEWED, 0.2), 7);
    assertEquals(new SchedulerSimulation(1).place(inst).placement(), new SchedulerSimulation(1).place(inst).placement());
  }

  private static int indexInOrder(SchedulerSimulation.Cluster c, int node) {
    for (int i = 0; i < c.order.length; i++) {
      if (c.order[i] == node) {
        return i;
      }
    }
    throw new AssertionError(node);
  }

  /** Node name to {least, balanced, interPodAffinity, topologySpread, total} of the last scored pod. */
  private static Map<String, long[]> scores(SchedulerSimulation.Cluster c) {
    Map<String, long[]> m = new HashMap<>();
    for (int i = 0; i < c.lastScored.length; i++) {
      long[] v = new long[5];
      for (int k = 0; k < 5; k++) {
        v[k] = c.lastScores[k][i];
      }
      m.put(c.names[c.lastScored[i]], v);
    }
    return m;
  }

  static FleetInstance fleet(List<TenantRequest> ts, List<ManagementWorker> ws) {
    return new FleetInstance("hand", new InstanceGenerator.Spec(ts.size(), ws.size(),
        (int) ws.stream().map(ManagementWorker::hypervisor).distinct().count(), InstanceGenerator.Capacity.TIGHT,
        InstanceGenerator.Mapping.EVEN, 0), 0, ts, ws);
  }

  static TenantRequest tenant(String name, int replicas, Spread s, long cpu, long mem) {
    return TenantRequest.of(t -> t.name(name).replicas(replicas).spread(s).cpuMillicores(cpu).memoryMiB(mem));
  }

  static ManagementWorker worker(String name, String hv) {
    return ManagementWorker.of(w -> w.name(name).hypervisor(hv).zone("z").allocatableMillicores(4000)
        .allocatableMemoryMiB(4096));
  }
}
