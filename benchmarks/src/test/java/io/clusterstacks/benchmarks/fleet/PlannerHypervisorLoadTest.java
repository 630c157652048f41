package io.clusterstacks.benchmarks.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Our planner's busiest hypervisor against the lower bound, both measured by the benchmark's own code
 * ({@link PlacementChecker}, {@link LowerBounds}), on the generated fleets of 100 to 3,000 tenants whose
 * capacity is loose or whose workers are spread evenly: there the bound is reachable with the fewest workers,
 * and the planner stays within 15 % of it (before hypervisor-aware planning it was 2.2 to 7.8 times the bound on
 * the loose skewed fleets).
 */
class PlannerHypervisorLoadTest {

  @Test
  void theBusiestHypervisorIsWithinFifteenPercentOfTheBoundWhereCapacityIsLooseOrTheMappingEven() {
    int checked = 0;
    for (int size = 1; size <= 3; size++) {
      for (InstanceGenerator.Capacity c : InstanceGenerator.Capacity.values()) {
        for (InstanceGenerator.Mapping m : InstanceGenerator.Mapping.values()) {
          if (c == InstanceGenerator.Capacity.TIGHT && m == InstanceGenerator.Mapping.SKEWED) {
            continue; // nearly every worker is needed, so the skewed mapping decides; the bound ignores workers used
          }
          FleetInstance inst = InstanceGenerator.generate(FleetBenchmark.spec(size, c, m, 0.2), 14);
          FleetSolver.Outcome o = new OurPlanner().place(inst);
          assertEquals(List.of(), PlacementChecker.check(inst, o.placement()), inst.name());
          int load = PlacementChecker.maxHypervisorLoad(inst, o.placement());
          int bound = LowerBounds.of(inst).hypervisorLoad();
          assertTrue(load <= Math.ceil(bound * 1.15), inst.name() + ": busiest hypervisor " + load + ", bound " + bound);
          checked++;
        }
      }
    }
    assertEquals(9, checked);
  }
}
