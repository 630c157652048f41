package io.clusterstacks.kamaji.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.kamaji.Kamaji;
import io.clusterstacks.kamaji.placement.ManagementWorker;
import io.clusterstacks.kamaji.placement.Spread;
import io.clusterstacks.kamaji.placement.TenantRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Typed errors for inputs the planner cannot use, and the Kubernetes fields of a plan. */
class FleetPlannerInputTest {
  static ManagementWorker worker(String name, String hv) {
    return ManagementWorker.of(w -> w.name(name).hypervisor(hv).allocatableMillicores(4000).allocatableMemoryMiB(8192));
  }

  @Test
  void aSchedulableWorkerWithoutAllocatableIsNamedWithTheFix() {
    List<ManagementWorker> ws = List.of(worker("w1", "hv-a"), ManagementWorker.of(w -> w.name("w2").hypervisor("hv-b")),
        ManagementWorker.of(w -> w.name("w3").hypervisor("hv-c").schedulable(false)));
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> FleetPlanner.plan(List.of(TenantRequest.of(t -> t.name("a"))), ws));
    List<String> paths = e.problems().stream().map(Problem::path).toList();
    assertEquals(List.of("workers[1].allocatableMillicores", "workers[1].allocatableMemoryMiB"), paths);
    assertTrue(e.problems().get(0).value().contains("w2") && e.problems().get(0).fix().contains("status.allocatable"));
  }

  @Test
  void duplicatesAndBoundsAreTypedErrors() {
    List<ManagementWorker> ws = List.of(worker("w1", "hv-a"), worker("w1", "hv-b"));
    List<TenantRequest> ts = List.of(TenantRequest.of(t -> t.name("a")), TenantRequest.of(t -> t.name("a")));
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> FleetPlanner.plan(ts, ws));
    assertEquals(List.of("tenants[1].name", "workers[1].name"), e.problems().stream().map(Problem::path).toList());
    List<ManagementWorker> many = new ArrayList<>();
    for (int i = 0; i <= FleetPlanner.MAX_WORKERS; i++) {
      many.add(worker("w" + i, "hv"));
    }
    e = assertThrows(InvalidInputException.class, () -> FleetPlanner.plan(List.of(), many));
    assertEquals("workers", e.problems().get(0).path());
    FleetPlan plan = FleetPlanner.plan(List.of(TenantRequest.of(t -> t.name("a"))), List.of(worker("w1", "hv-a"),
        worker("w2", "hv-b")));
    e = assertThrows(InvalidInputException.class, () -> FleetPlanner.add(plan, List.of(TenantRequest.of(t -> t.name("a")))));
    assertEquals("added[0].name", e.problems().get(0).path());
    e = assertThrows(InvalidInputException.class, () -> FleetPlanner.drain(plan, "hv-z"));
    assertTrue(e.problems().get(0).fix().contains("hv-a, hv-b"));
    e = assertThrows(InvalidInputException.class, () -> FleetPlanner.rebalance(plan, -1));
    assertEquals("moveBudget", e.problems().get(0).path());
  }

  @Test
  @SuppressWarnings("unchecked")
  void podFieldsPinAHardTenantToItsPlannedNodesWithRequiredAntiAffinity() {
    List<ManagementWorker> ws = List.of(worker("w1", "hv-a"), worker("w2", "hv-a"), worker("w3", "hv-b"),
        worker("w4", "hv-c"));
    FleetPlan plan = FleetPlanner.plan(List.of(
        TenantRequest.of(t -> t.name("hard").replicas(3).cpuMillicores(500).memoryMiB(512)),
        TenantRequest.of(t -> t.name("soft").replicas(2).spread(Spread.SOFT).cpuMillicores(500).memoryMiB(512))), ws);
    Map<String, Object> f = plan.podFields("hard");
    Map<String, Object> affinity = (Map<String, Object>) f.get("affinity");
    Map<String, Object> node = (Map<String, Object>) affinity.get("nodeAffinity");
    Map<String, Object> req = (Map<String, Object>) node.get("requiredDuringSchedulingIgnoredDuringExecution");
    Map<String, Object> term = ((List<Map<String, Object>>) req.get("nodeSelectorTerms")).get(0);
    Map<String, Object> expr = ((List<Map<String, Object>>) term.get("matchExpressions")).get(0);
    List<String> planned = new ArrayList<>(plan.placement().workersOf("hard"));
    planned.sort(null);
    assertEquals(planned, expr.get("values"));
    assertEquals("In", expr.get("operator"));
    Map<String, Object> anti = (Map<String, Object>) affinity.get("podAntiAffinity");
    List<Map<String, Object>> required = (List<Map<String, Object>>) anti.get("requiredDuringSchedulingIgnoredDuringExecution");
    assertEquals(List.of("kubernetes.io/hostname", Kamaji.HYPERVISOR_LABEL),
        required.stream().map(m -> m.get("topologyKey")).toList());
    Map<String, Object> soft = (Map<String, Object>) ((Map<String, Object>) plan.podFields("soft").get("affinity"))
        .get("podAntiAffinity");
    assertTrue(soft.containsKey("preferredDuringSchedulingIgnoredDuringExecution")
        && !soft.containsKey("requiredDuringSchedulingIgnoredDuringExecution"));
    assertThrows(InvalidInputException.class, () -> plan.podFields("nobody"));
  }
}
