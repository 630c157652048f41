package io.clusterstacks.benchmarks.fleet;

import io.clusterstacks.kamaji.fleet.DrainPlan;
import io.clusterstacks.kamaji.fleet.FleetPlacement;
import io.clusterstacks.kamaji.fleet.FleetPlan;
import io.clusterstacks.kamaji.fleet.FleetPlanner;
import java.util.List;
import java.util.Map;

/**
 * Our fleet planner (sdk-kamaji {@link FleetPlanner}) as a {@link FleetSolver}: {@code plan} for a whole
 * fleet; {@code drain} on the plan it made (or, for a placement it did not make, on a plan of the same
 * fleet from that placement), moves being the DrainPlan's move list.
 */
final class OurPlanner implements FleetSolver {
  private FleetPlan last;

  /** The planner as a one-element list. */
  static List<FleetSolver> ifPresent() {
    return List.of(new OurPlanner());
  }

  @Override
  public String name() {
    return "fleet-planner";
  }

  @Override
  public Outcome place(FleetInstance instance) {
    FleetPlan p = FleetPlanner.plan(instance.tenants(), instance.workers());
    last = p;
    return new Outcome(p.placement().replicas(), p.feasible(), p.feasible() ? "feasible" : "infeasible", -1);
  }

  @Override
  public Outcome drain(FleetInstance instance, Map<String, List<String>> placement, String hypervisor) {
    FleetPlan p = last != null && last.placement().replicas().equals(placement) ? last
        : FleetPlanner.plan(instance.tenants(), instance.workers(), FleetPlacement.of(placement));
    DrainPlan d = FleetPlanner.drain(p, hypervisor);
    return new Outcome(d.after().replicas(), d.complete(),
        d.moves().size() + " moves (lower bound " + d.movesLowerBound() + ")"
            + (d.complete() ? "" : ", " + d.unmovable().size() + " unmovable"), d.moves().size());
  }
}
