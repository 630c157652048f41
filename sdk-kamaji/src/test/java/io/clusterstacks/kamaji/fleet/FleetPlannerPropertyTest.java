package io.clusterstacks.kamaji.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.kamaji.placement.ManagementWorker;
import io.clusterstacks.kamaji.placement.Spread;
import io.clusterstacks.kamaji.placement.TenantRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Properties of the fleet planner on generated instances, each checked by {@link FleetVerifier} or by an
 * exhaustive search of this test's own.
 */
class FleetPlannerPropertyTest {

  static List<FleetInstances> generated() {
    List<FleetInstances> out = new ArrayList<>();
    long seed = 1;
    for (int i = 0; i < 240; i++) {
      int tenants = 5 + (i % 40);
      int hvs = 2 + (i % 7);
      int workers = hvs + (i % 11);
      out.add(FleetInstances.generate(seed++, tenants, workers, hvs, 1 + (i % 4), i % 3 == 0, i % 2 == 0, (i % 5) / 5.0));
    }
    return out;
  }

  static void assertValid(List<TenantRequest> tenants, List<ManagementWorker> workers, FleetPlan plan) {
    List<FleetViolation> v = FleetVerifier.verify(tenants, workers, plan.placement());
    Set<String> infeasible = new HashSet<>();
    plan.infeasibilities().forEach(i -> infeasible.add(i.tenant()));
    for (FleetViolation x : v) {
      assertTrue(x.kind() == FleetViolation.Kind.REPLICAS_MISSING && infeasible.contains(x.tenant().orElseThrow()),
          () -> x.message() + "\n" + plan.report());
    }
    assertEquals(infeasible.size(), v.size(), plan::report);
  }

  @Test
  void everyReturnedPlacementPassesTheVerifier() {
    int feasible = 0;
    int infeasible = 0;
    for (FleetInstances in : generated()) {
      FleetPlan plan = FleetPlanner.plan(in.tenants(), in.workers());
      assertValid(in.tenants(), in.workers(), plan);
      assertTrue(plan.workersUsed() >= plan.workersLowerBound(), plan::report);
      if (plan.feasible()) {
        feasible++;
      } else {
        infeasible++;
      }
    }
    // the generator yields both kinds, so both branches above are exercised
    assertTrue(feasible > 50 && infeasible > 10, feasible + " feasible, " + infeasible + " infeasible");
  }

  @Test
  void infeasibleTenantsNameTheirConstraintAndAChangeThatPlanningAgainFindsFeasible() {
    int checked = 0;
    for (FleetInstances in : generated()) {
      FleetPlan plan = FleetPlanner.plan(in.tenants(), in.workers());
      if (plan.feasible()) {
        continue;
      }
      Map<String, TenantRequest> changed = new HashMap<>();
      Set<String> removed = new HashSet<>();
      Map<String, ManagementWorker> added = new LinkedHashMap<>();
      for (FleetInfeasibility i : plan.infeasibilities()) {
        assertTrue(in.tenants().stream().anyMatch(t -> t.name().equals(i.tenant())));
        assertTrue(plan.placement().workersOf(i.tenant()).isEmpty());
        assertFalse(i.change().isBlank());
        assertTrue(i.checked(), plan::report);
        i.changedTenant().ifPresent(t -> changed.put(i.tenant(), t));
        if (i.removesTenant()) {
          removed.add(i.tenant());
        }
        i.addedWorkers().forEach(w -> added.put(w.name(), w));
        assertTrue(i.removesTenant() || i.changedTenant().isPresent() || !i.addedWorkers().isEmpty(), i.change());
      }
      List<TenantRequest> ts = new ArrayList<>();
      for (TenantRequest t : in.tenants()) {
        if (!removed.contains(t.name())) {
          ts.add(changed.getOrDefault(t.name(), t));
        }
      }
      List<ManagementWorker> ws = new ArrayList<>(in.workers());
      ws.addAll(added.values());
      FleetPlan again = FleetPlanner.plan(ts, ws);
      assertTrue(again.feasible(), () -> plan.report() + "\nagain:\n" + again.report());
      assertEquals(List.of(), FleetVerifier.verify(ts, ws, again.placement()));
      checked++;
    }
    assertTrue(checked > 10, checked + " infeasible instances");
  }

  @Test
  void aHardTenantWithMoreReplicasThanHypervisorsIsToldToLowerThemAndThatFits() {
    List<ManagementWorker> ws = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String n = "w" + i;
      String h = "hv" + (i % 3);
      ws.add(ManagementWorker.of(w -> w.name(n).hypervisor(h).allocatableMillicores(4000).allocatableMemoryMiB(8192)));
    }
    List<TenantRequest> ts = List.of(
        TenantRequest.of(t -> t.name("big").replicas(4).cpuMillicores(500).memoryMiB(512)),
        TenantRequest.of(t -> t.name("ok").replicas(3).cpuMillicores(500).memoryMiB(512)));
    FleetPlan plan = FleetPlanner.plan(ts, ws);
    assertFalse(plan.feasible());
    FleetInfeasibility i = plan.infeasibilities().get(0);
    assertEquals("big", i.tenant());
    assertEquals(FleetConstraint.HYPERVISORS, i.constraint());
    assertEquals(3, i.changedTenant().orElseThrow().replicas());
    assertTrue(i.checked());
    assertEquals(3, plan.placement().workersOf("ok").size());
    // a replica larger than every worker: the change adds workers that take it
    FleetPlan huge = FleetPlanner.plan(List.of(TenantRequest.of(t -> t.name("huge").replicas(2).cpuMillicores(9000)
        .memoryMiB(512))), ws);
    FleetInfeasibility h = huge.infeasibilities().get(0);
    assertEquals(FleetConstraint.REPLICA_SIZE, h.constraint());
    assertEquals(2, h.addedWorkers().size());
    List<ManagementWorker> more = new ArrayList<>(ws);
    more.addAll(h.addedWorkers());
    assertTrue(FleetPlanner.plan(huge.tenants(), more).feasible());
  }

  @Test
  void addMovesNoExistingReplica() {
    int n = 0;
    for (FleetInstances in : generated()) {
      int half = in.tenants().size() / 2;
      List<TenantRequest> first = in.tenants().subList(0, half);
      List<TenantRequest> rest = in.tenants().subList(half, in.tenants().size());
      FleetPlan plan = FleetPlanner.plan(first, in.workers());
      FleetPlan more = FleetPlanner.add(plan, rest);
      for (TenantRequest t : first) {
        assertEquals(plan.placement().workersOf(t.name()), more.placement().workersOf(t.name()));
      }
      assertEquals(in.tenants().size(), more.tenants().size());
      assertValid(in.tenants(), in.workers(), more);
      n += more.feasible() ? 1 : 0;
    }
    assertTrue(n > 30);
  }

  @Test
  void everyPrefixOfADrainKeepsEachTenantPlacedAndTheDrainedHypervisorEndsEmpty() {
    int complete = 0;
    int moves = 0;
    for (FleetInstances in : generated()) {
      FleetPlan plan = FleetPlanner.plan(in.tenants(), in.workers());
      if (!plan.feasible()) {
        continue;
      }
      List<TenantRequest> placed = plan.tenants();
      Map<String, String> hvOf = new HashMap<>();
      in.workers().forEach(w -> hvOf.put(w.name(), w.hypervisor()));
      String hv = in.workers().get(0).hypervisor();
      DrainPlan d = FleetPlanner.drain(plan, hv);
      assertTrue(d.moves().size() >= d.movesLowerBound() || !d.complete(), d::report);
      for (int k = 0; k <= d.moves().size(); k++) {
        FleetPlacement p = d.afterMoves(plan.placement(), k);
        assertEquals(List.of(), FleetVerifier.verify(placed, in.workers(), p), "after " + k + " moves\n" + d.report());
        if (k > 0) {
          assertFalse(hv.equals(hvOf.get(d.moves().get(k - 1).toWorker())), d::report);
        }
      }
      assertEquals(d.afterMoves(plan.placement(), d.moves().size()), d.after());
      if (d.complete()) {
        complete++;
        for (List<String> ws : d.after().replicas().values()) {
          ws.forEach(w -> assertFalse(hv.equals(hvOf.get(w)), d::report));
        }
        assertEquals(List.of(), FleetVerifier.verify(placed, d.afterPlan().workers(), d.after()));
      } else {
        assertFalse(d.unmovable().isEmpty());
      }
      long roomMoves = d.moves().stream().filter(m -> m.why().startsWith("makes room")).count();
      assertEquals(d.movesLowerBound() - (d.complete() ? 0 : d.unmovable().size()) + roomMoves, d.moves().size(),
          d::report);
      moves += d.moves().size();
    }
    assertTrue(complete > 30 && moves > 100, complete + " complete drains, " + moves + " moves");
  }

  @Test
  void aRebalanceNeverExceedsItsBudgetAndKeepsEveryStepValid() {
    int improved = 0;
    for (FleetInstances in : generated()) {
      // a placement with slack to remove: the tenants planned one at a time, each added to the last plan
      FleetPlan plan = FleetPlanner.plan(in.tenants().subList(0, 1), in.workers());
      for (int i = 1; i < in.tenants().size(); i++) {
        plan = FleetPlanner.add(plan, in.tenants().subList(i, i + 1));
      }
      if (!plan.feasible()) {
        continue;
      }
      for (int budget : new int[] {0, 1, 3, 1000}) {
        RebalancePlan r = FleetPlanner.rebalance(plan, budget);
        assertTrue(r.moves().size() <= budget, r::report);
        FleetPlacement p = plan.placement();
        for (Move m : r.moves()) {
          p = FleetPlanner.apply(p, List.of(m));
          assertEquals(List.of(), FleetVerifier.verify(plan.tenants(), in.workers(), p), r::report);
        }
        assertEquals(p, r.after());
        assertTrue(r.afterPlan().workersUsed() <= plan.workersUsed());
        if (budget == 0) {
          assertEquals(plan.placement(), r.after());
        }
        if (r.afterPlan().workersUsed() < plan.workersUsed()
            || r.afterPlan().maxHypervisorLoad() < plan.maxHypervisorLoad()) {
          improved++;
        }
      }
    }
    assertTrue(improved > 10, improved + " rebalances improved");
  }

  @Test
  void startingFromACurrentPlacementThatIsAlreadyAPlanMovesNothing() {
    for (FleetInstances in : generated().subList(0, 60)) {
      FleetPlan plan = FleetPlanner.plan(in.tenants(), in.workers());
      FleetPlan again = FleetPlanner.plan(in.tenants(), in.workers(), plan.placement());
      assertTrue(again.infeasibilities().size() <= plan.infeasibilities().size(), again::report);
      if (again.infeasibilities().size() == plan.infeasibilities().size()) {
        assertTrue(again.workersUsed() <= plan.workersUsed(), again::report);
      }
      assertValid(in.tenants(), in.workers(), again);
      // moves decide only between plans equal in the objectives before them (placing a tenant the plan left out
      // counts its replicas as moves, and feasibility comes first)
      if (again.infeasibilities().size() == plan.infeasibilities().size() && again.workersUsed() == plan.workersUsed()
          && again.maxHypervisorReplicas() == plan.maxHypervisorReplicas()
          && again.maxHypervisorLoad() == plan.maxHypervisorLoad()) {
        assertEquals(0, again.movesFromCurrent(), again::report);
      }
    }
  }

  @Test
  void onInstancesSmallEnoughForExhaustiveSearchTheWorkersUsedAreTheFewest() {
    int compared = 0;
    int infeasible = 0;
    for (long seed = 1; seed <= 400; seed++) {
      FleetInstances in = FleetInstances.small(seed, 7, 5);
      int opt = Exhaustive.fewestWorkers(in.tenants(), in.workers());
      FleetPlan plan = FleetPlanner.plan(in.tenants(), in.workers());
      assertValid(in.tenants(), in.workers(), plan);
      boolean allHard = in.tenants().stream().allMatch(t -> t.spread() == Spread.HARD);
      if (opt < 0) {
        infeasible++;
        if (allHard) {
          assertFalse(plan.feasible(), "seed " + seed + ": no placement exists, yet\n" + plan.report());
        }
        continue;
      }
      assertTrue(plan.feasible(), "seed " + seed + ": a placement on " + opt + " workers exists\n" + plan.report());
      assertEquals(opt, plan.workersUsed(), "seed " + seed + "\n" + plan.report());
      assertTrue(plan.workersUsedOptimal());
      compared++;
    }
    assertTrue(compared > 150 && infeasible > 10, compared + " compared, " + infeasible + " infeasible");
  }
}
