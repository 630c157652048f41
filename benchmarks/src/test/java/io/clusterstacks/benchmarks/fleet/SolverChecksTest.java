package io.clusterstacks.benchmarks.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.kamaji.fleet.FleetPlacement;
import io.clusterstacks.kamaji.fleet.FleetVerifier;
import io.clusterstacks.kamaji.fleet.FleetViolation;
import io.clusterstacks.kamaji.placement.Spread;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every placement a solver calls complete passes the independent checker, and the checker can fail. */
class SolverChecksTest {

  private static List<FleetInstance> instances() {
    List<FleetInstance> l = new ArrayList<>();
    for (int size = 0; size < 2; size++) {
      for (InstanceGenerator.Capacity c : InstanceGenerator.Capacity.values()) {
        for (InstanceGenerator.Mapping m : InstanceGenerator.Mapping.values()) {
          l.add(InstanceGenerator.generate(FleetBenchmark.spec(size, c, m, 0.2), 14));
        }
      }
    }
    return l;
  }

  @Test
  void schedulerPlacementsAndDrainsPassTheChecker() {
    int complete = 0;
    for (FleetInstance inst : instances()) {
      SchedulerSimulation sim = new SchedulerSimulation(14);
      FleetSolver.Outcome o = sim.place(inst);
      List<String> v = PlacementChecker.check(inst, o.placement());
      // the simulation only binds pods its filters pass, so the only possible violation is a pending replica
      assertTrue(v.stream().allMatch(s -> s.contains("replicas placed")), inst.name() + ": " + v);
      assertEquals(o.complete(), v.isEmpty(), inst.name());
      if (o.complete()) {
        complete++;
        String hv = PlacementChecker.busiestHypervisor(inst, o.placement());
        FleetSolver.Outcome d = sim.drain(inst, o.placement(), hv);
        List<String> dv = PlacementChecker.check(inst, d.placement());
        assertTrue(dv.stream().allMatch(s -> s.contains("replicas placed")), inst.name() + " drain: " + dv);
        Map<String, String> of = inst.hypervisorOf();
        assertTrue(d.placement().values().stream().flatMap(List::stream).noneMatch(w -> hv.equals(of.get(w))));
      }
    }
    assertTrue(complete >= 4, "most instances are placed: " + complete);
  }

  @Test
  void ourPlannerAndTheSchedulerPassFleetVerifierWhereverTheCheckerSaysFeasible() {
    int feasible = 0;
    for (FleetInstance inst : instances()) {
      for (FleetSolver s : List.of(new OurPlanner(), new SchedulerSimulation(14))) {
        FleetSolver.Outcome o = s.place(inst);
        List<String> mine = PlacementChecker.check(inst, o.placement());
        List<FleetViolation> theirs = FleetVerifier.verify(inst.tenants(), inst.workers(),
            FleetPlacement.of(o.placement()));
        assertEquals(mine.isEmpty(), theirs.isEmpty(), s.name() + " on " + inst.name() + ": " + mine + " / " + theirs);
        if (s instanceof OurPlanner) {
          assertEquals(o.complete(), mine.isEmpty(), inst.name() + ": the planner's feasible() agrees with the checker");
          if (o.complete()) {
            feasible++;
            String hv = PlacementChecker.busiestHypervisor(inst, o.placement());
            FleetSolver.Outcome d = s.drain(inst, o.placement(), hv);
            if (d.complete()) {
              assertEquals(List.of(), PlacementChecker.check(inst, d.placement()), inst.name() + " drain");
              assertEquals(d.moves(), FleetSolver.moves(o.placement(), d.placement()), inst.name() + " drain moves");
            }
          }
        }
      }
    }
    assertTrue(feasible >= 4, "the planner places most small fleets: " + feasible);
  }

  @Test
  void timefoldPlacementsWithAZeroHardScorePassTheChecker() {
    TimefoldPeer tf = new TimefoldPeer(Duration.ofMillis(500), 14);
    int feasible = 0;
    for (FleetInstance inst : instances().subList(0, 4)) {
      FleetSolver.Outcome o = tf.place(inst);
      List<String> v = PlacementChecker.check(inst, o.placement());
      boolean zeroHard = o.note().contains("[0]hard");
      if (o.complete() && zeroHard) {
        feasible++;
        assertEquals(List.of(), v, inst.name() + " " + o.note());
        assertEquals(List.of(), FleetVerifier.verify(inst.tenants(), inst.workers(), FleetPlacement.of(o.placement())));
      } else {
        assertFalse(v.isEmpty(), inst.name() + " " + o.note() + " has violations the checker must see");
      }
    }
    assertTrue(feasible > 0, "Timefold solves some tiny fleet");
  }

  @Test
  void theCheckerRejectsOverflowHardConflictsAndMissingReplicas() {
    FleetInstance inst = SchedulerSimulationTest.fleet(List.of(
        SchedulerSimulationTest.tenant("h", 2, Spread.HARD, 3000, 512),
        SchedulerSimulationTest.tenant("s", 2, Spread.SOFT, 1000, 512)),
        List.of(SchedulerSimulationTest.worker("a", "h1"), SchedulerSimulationTest.worker("b", "h1"),
            SchedulerSimulationTest.worker("c", "h2")));
    Map<String, List<String>> ok = new LinkedHashMap<>();
    ok.put("h", List.of("a", "c"));
    ok.put("s", List.of("b", "b"));
    assertEquals(List.of(), PlacementChecker.check(inst, ok), "soft replicas may share a worker");
    Map<String, List<String>> sameHv = new LinkedHashMap<>(ok);
    sameHv.put("h", List.of("a", "b"));
    sameHv.put("s", List.of("c", "c"));
    assertEquals(List.of("tenant h (hard): two replicas on hypervisor h1"), PlacementChecker.check(inst, sameHv));
    Map<String, List<String>> overflow = new LinkedHashMap<>(ok);
    overflow.put("s", List.of("a", "c"));
    assertTrue(PlacementChecker.check(inst, overflow).isEmpty(), "4,000m on a 4,000m worker fits exactly");
    overflow.put("s", List.of("a", "a"));
    assertEquals(List.of("worker a: 5000m CPU requested, 4000m allocatable"), PlacementChecker.check(inst, overflow));
    Map<String, List<String>> missing = new LinkedHashMap<>(ok);
    missing.put("s", List.of("b"));
    assertEquals(List.of("tenant s: 1 of 2 replicas placed"), PlacementChecker.check(inst, missing));
  }
}
