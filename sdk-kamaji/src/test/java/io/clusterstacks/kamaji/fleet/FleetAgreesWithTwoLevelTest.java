package io.clusterstacks.kamaji.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.kamaji.placement.DomainLoad;
import io.clusterstacks.kamaji.placement.ManagementWorker;
import io.clusterstacks.kamaji.placement.RuleStrength;
import io.clusterstacks.kamaji.placement.Spread;
import io.clusterstacks.kamaji.placement.TenantPlacementPlan;
import io.clusterstacks.kamaji.placement.TenantRequest;
import io.clusterstacks.kamaji.placement.TwoLevelPlanner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** One tenant alone: the fleet planner agrees with {@link TwoLevelPlanner} on feasibility, shape and surge. */
class FleetAgreesWithTwoLevelTest {

  static List<ManagementWorker> workers(SplittableRandom rnd) {
    int hvs = 1 + rnd.nextInt(5);
    int n = hvs + rnd.nextInt(6);
    List<ManagementWorker> ws = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String name = "w" + i;
      String hv = "hv" + (i < hvs ? i : rnd.nextInt(hvs));
      long cpu = 500 + 500L * rnd.nextInt(6);
      boolean sched = rnd.nextInt(8) != 0;
      ws.add(ManagementWorker.of(w -> w.name(name).hypervisor(hv).allocatableMillicores(cpu).allocatableMemoryMiB(8192)
          .schedulable(sched)));
    }
    return ws;
  }

  static int surge(TenantPlacementPlan p) {
    var s = p.strategy().maxSurge().orElseThrow();
    return s.percent() ? (p.tenant().replicas() * s.value() + 99) / 100 : s.value();
  }

  static List<Integer> shape(FleetPlan plan, String tenant, List<ManagementWorker> ws) {
    Map<String, String> hvOf = new HashMap<>();
    ws.forEach(w -> hvOf.put(w.name(), w.hypervisor()));
    Map<String, Integer> per = new HashMap<>();
    plan.placement().workersOf(tenant).forEach(w -> per.merge(hvOf.get(w), 1, Integer::sum));
    List<Integer> s = new ArrayList<>(per.values());
    s.sort(Collections.reverseOrder());
    return s;
  }

  @Test
  void hardSpreadIsFeasibleExactlyWhenTwoLevelChoosesOnePerHypervisorAndThenPlacesOneOnEach() {
    SplittableRandom rnd = new SplittableRandom(7);
    int feasible = 0;
    int infeasible = 0;
    for (int i = 0; i < 400; i++) {
      List<ManagementWorker> ws = workers(rnd);
      int r = 1 + rnd.nextInt(5);
      long cpu = 250 + 250L * rnd.nextInt(8);
      TenantRequest t = TenantRequest.of(x -> x.name("tenant-a").replicas(r).cpuMillicores(cpu).memoryMiB(256));
      TenantPlacementPlan two = TwoLevelPlanner.plan(t, ws);
      boolean onePerHv = two.rules().hypervisorAntiAffinity() == RuleStrength.REQUIRED && two.analysis().pending() == 0;
      FleetPlan plan = FleetPlanner.plan(List.of(t), ws);
      assertEquals(onePerHv, plan.feasible(), () -> two.report() + "\n" + plan.report());
      if (plan.feasible()) {
        assertEquals(Collections.nCopies(r, 1), shape(plan, "tenant-a", ws));
        for (DomainLoad h : two.analysis().hypervisors()) {
          assertTrue(h.worstCase() <= 1);
        }
        feasible++;
      } else {
        infeasible++;
      }
    }
    assertTrue(feasible > 80 && infeasible > 80, feasible + " feasible, " + infeasible + " infeasible");
  }

  @Test
  void softSpreadHasTheShapeTwoLevelExpects() {
    SplittableRandom rnd = new SplittableRandom(11);
    int compared = 0;
    for (int i = 0; i < 400; i++) {
      List<ManagementWorker> ws = workers(rnd);
      int r = 1 + rnd.nextInt(7);
      TenantRequest t = TenantRequest.of(x -> x.name("tenant-a").replicas(r).spread(Spread.SOFT).cpuMillicores(250)
          .memoryMiB(256));
      TenantPlacementPlan two = TwoLevelPlanner.plan(t, ws);
      FleetPlan plan = FleetPlanner.plan(List.of(t), ws);
      if (two.analysis().pending() > 0) {
        assertEquals(false, plan.feasible(), plan::report);
        continue;
      }
      List<Integer> expected = new ArrayList<>(two.analysis().hypervisors().stream().map(DomainLoad::expected)
          .filter(x -> x > 0).toList());
      expected.sort(Collections.reverseOrder());
      boolean relaxed = plan.reasons().stream().anyMatch(x -> x.startsWith("Soft spread relaxed"));
      if (!relaxed) {
        assertEquals(expected, shape(plan, "tenant-a", ws), () -> two.report() + "\n" + plan.report());
        compared++;
      }
    }
    assertTrue(compared > 150, compared + " compared");
  }

  @Test
  void eachDrainMoveCarriesTheSurgeTwoLevelChoosesOnTheWorkersLeft() {
    int moves = 0;
    for (FleetInstances in : FleetPlannerPropertyTest.generated().subList(0, 80)) {
      FleetPlan plan = FleetPlanner.plan(in.tenants(), in.workers());
      if (!plan.feasible()) {
        continue;
      }
      String hv = in.workers().get(0).hypervisor();
      DrainPlan d = FleetPlanner.drain(plan, hv);
      for (Move m : d.moves()) {
        TenantRequest t = in.tenants().stream().filter(x -> x.name().equals(m.tenant())).findFirst().orElseThrow();
        assertEquals(surge(TwoLevelPlanner.plan(t, d.afterPlan().workers())), m.surge(), m.toString());
        moves++;
      }
    }
    assertTrue(moves > 50, moves + " moves");
  }
}
