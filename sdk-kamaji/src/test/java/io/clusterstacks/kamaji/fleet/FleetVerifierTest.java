package io.clusterstacks.kamaji.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.kamaji.placement.ManagementWorker;
import io.clusterstacks.kamaji.placement.Spread;
import io.clusterstacks.kamaji.placement.TenantRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The verifier catches each kind of broken placement, on its own and in placements the planner returned. */
class FleetVerifierTest {
  static final List<ManagementWorker> WORKERS = List.of(
      worker("a1", "hv-a", 1000, 2048, true), worker("a2", "hv-a", 1000, 2048, true),
      worker("b1", "hv-b", 1000, 2048, true), worker("c1", "hv-c", 1000, 2048, true),
      worker("c2", "hv-c", 1000, 2048, false));

  static ManagementWorker worker(String name, String hv, long cpu, long mem, boolean sched) {
    return ManagementWorker.of(w -> w.name(name).hypervisor(hv).allocatableMillicores(cpu).allocatableMemoryMiB(mem)
        .schedulable(sched));
  }

  static final List<TenantRequest> TENANTS = List.of(
      TenantRequest.of(t -> t.name("hard").replicas(3).cpuMillicores(400).memoryMiB(512)),
      TenantRequest.of(t -> t.name("soft").replicas(2).spread(Spread.SOFT).cpuMillicores(400).memoryMiB(512)));

  static Set<FleetViolation.Kind> kinds(Map<String, List<String>> placement) {
    return FleetVerifier.verify(TENANTS, WORKERS, FleetPlacement.of(placement)).stream().map(FleetViolation::kind)
        .collect(Collectors.toSet());
  }

  static Map<String, List<String>> valid() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("hard", List.of("a1", "b1", "c1"));
    m.put("soft", List.of("a2", "a2"));
    return m;
  }

  @Test
  void aValidPlacementHasNoViolationAndEachBreakageIsNamed() {
    assertEquals(Set.of(), kinds(valid()));
    Map<String, List<String>> m = valid();
    m.put("hard", List.of("a1", "a2", "c1"));
    m.put("soft", List.of("b1", "c1"));
    assertEquals(Set.of(FleetViolation.Kind.SAME_HYPERVISOR), kinds(m));
    m = valid();
    m.put("hard", List.of("a1", "a1", "c1"));
    assertEquals(Set.of(FleetViolation.Kind.SAME_WORKER), kinds(m));
    m = valid();
    m.put("hard", List.of("a1", "b1"));
    assertEquals(Set.of(FleetViolation.Kind.REPLICAS_MISSING), kinds(m));
    m = valid();
    m.put("soft", List.of("a2", "a2", "b1"));
    assertEquals(Set.of(FleetViolation.Kind.REPLICAS_EXTRA), kinds(m));
    m = valid();
    m.put("hard", List.of("a1", "b1", "c2"));
    assertEquals(Set.of(FleetViolation.Kind.UNSCHEDULABLE_WORKER), kinds(m));
    m = valid();
    m.put("hard", List.of("a1", "b1", "zz"));
    assertEquals(Set.of(FleetViolation.Kind.UNKNOWN_WORKER), kinds(m));
    m = valid();
    m.put("ghost", List.of("a1"));
    assertEquals(Set.of(FleetViolation.Kind.UNKNOWN_TENANT), kinds(m));
    m = valid();
    m.put("soft", List.of("a1", "a1")); // 3 x 400m on a1's 1000m
    assertEquals(Set.of(FleetViolation.Kind.CPU), kinds(m));
    List<TenantRequest> memHeavy = List.of(TenantRequest.of(t -> t.name("m").replicas(2).spread(Spread.SOFT)
        .cpuMillicores(1).memoryMiB(1500)));
    assertEquals(List.of(FleetViolation.Kind.MEMORY), FleetVerifier.verify(memHeavy, WORKERS,
        FleetPlacement.of(Map.of("m", List.of("b1", "b1")))).stream().map(FleetViolation::kind).toList());
  }

  @Test
  void breakingAnyReturnedPlacementIsCaught() {
    int broken = 0;
    for (FleetInstances in : FleetPlannerPropertyTest.generated()) {
      FleetPlan plan = FleetPlanner.plan(in.tenants(), in.workers());
      if (!plan.feasible()) {
        continue;
      }
      Map<String, String> hvOf = in.workers().stream()
          .collect(Collectors.toMap(ManagementWorker::name, ManagementWorker::hypervisor));
      for (TenantRequest t : in.tenants()) {
        List<String> ws = plan.placement().workersOf(t.name());
        if (t.spread() == Spread.HARD && ws.size() >= 2) {
          // move the second replica next to the first: same worker
          Map<String, List<String>> m = new LinkedHashMap<>(plan.placement().replicas());
          List<String> changed = new ArrayList<>(ws);
          changed.set(1, ws.get(0));
          m.put(t.name(), changed);
          List<FleetViolation> v = FleetVerifier.verify(in.tenants(), in.workers(), FleetPlacement.of(m));
          assertTrue(v.stream().anyMatch(x -> x.kind() == FleetViolation.Kind.SAME_WORKER
              && x.tenant().orElseThrow().equals(t.name())), v::toString);
          // another worker of the first replica's hypervisor, when there is one
          String other = in.workers().stream().filter(w -> w.hypervisor().equals(hvOf.get(ws.get(0)))
              && !w.name().equals(ws.get(0))).map(ManagementWorker::name).findFirst().orElse(null);
          if (other != null) {
            changed.set(1, other);
            m.put(t.name(), changed);
            v = FleetVerifier.verify(in.tenants(), in.workers(), FleetPlacement.of(m));
            assertTrue(v.stream().anyMatch(x -> x.kind() == FleetViolation.Kind.SAME_HYPERVISOR), v::toString);
          }
          broken++;
        }
      }
      // every replica on the first used worker: over its capacity exactly when the requests add up beyond it
      String first = plan.placement().replicas().values().iterator().next().get(0);
      ManagementWorker fw = in.workers().stream().filter(w -> w.name().equals(first)).findFirst().orElseThrow();
      Map<String, List<String>> all = new LinkedHashMap<>();
      plan.placement().replicas().forEach((k, v) -> all.put(k, v.stream().map(x -> first).toList()));
      long cpu = 0;
      long mem = 0;
      for (TenantRequest t : in.tenants()) {
        cpu += t.replicas() * t.cpuMillicores().orElse(0);
        mem += t.replicas() * t.memoryMiB().orElse(0);
      }
      List<FleetViolation> v = FleetVerifier.verify(in.tenants(), in.workers(), FleetPlacement.of(all));
      assertEquals(cpu > fw.allocatableMillicores().getAsLong(),
          v.stream().anyMatch(x -> x.kind() == FleetViolation.Kind.CPU), v::toString);
      assertEquals(mem > fw.allocatableMemoryMiB().getAsLong(),
          v.stream().anyMatch(x -> x.kind() == FleetViolation.Kind.MEMORY), v::toString);
    }
    assertTrue(broken > 100, broken + " placements broken");
  }

  @Test
  void addDrainAndRebalanceRefuseAPlanWhosePlacementBreaksTheRules() {
    FleetPlan plan = FleetPlanner.plan(TENANTS, WORKERS);
    assertEquals(List.of(), FleetVerifier.verify(TENANTS, WORKERS, plan.placement()));
    Map<String, List<String>> broken = valid();
    broken.put("hard", List.of("a1", "a2", "c1")); // two on hv-a: hard spread broken
    FleetPlan edited = plan.toBuilder().placement(FleetPlacement.of(broken)).build();
    List<TenantRequest> more = List.of(TenantRequest.of(t -> t.name("new").replicas(1).cpuMillicores(1).memoryMiB(1)));
    for (org.junit.jupiter.api.function.Executable call : List.<org.junit.jupiter.api.function.Executable>of(
        () -> FleetPlanner.add(edited, more), () -> FleetPlanner.drain(edited, "hv-b"),
        () -> FleetPlanner.rebalance(edited, 3))) {
      io.clusterstacks.core.InvalidInputException e =
          org.junit.jupiter.api.Assertions.assertThrows(io.clusterstacks.core.InvalidInputException.class, call);
      assertEquals("current.placement", e.problems().get(0).path(), e.getMessage());
      org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("hv-a"), e.getMessage());
    }
    // a tenant not fully placed (an infeasible plan) is a state they start from
    Map<String, List<String>> partial = valid();
    partial.put("hard", List.of("a1", "b1"));
    FleetPlan short1 = plan.toBuilder().placement(FleetPlacement.of(partial)).build();
    FleetPlanner.drain(short1, "hv-b");
    FleetPlanner.rebalance(short1, 1);
  }
}
