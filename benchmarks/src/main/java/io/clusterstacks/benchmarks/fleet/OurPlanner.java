package io.clusterstacks.benchmarks.fleet;

import java.util.List;

/** Our fleet planner as a {@link FleetSolver}, once sdk-kamaji has it. */
final class OurPlanner {
  private OurPlanner() {}

  /** The planner as a one-element list, or empty while sdk-kamaji has no fleet planner. */
  static List<FleetSolver> ifPresent() {
    return List.of();
  }
}
