package io.clusterstacks.benchmarks.fleet;

import java.util.List;
import java.util.Map;

/**
 * One side of the fleet benchmark: places a whole fleet, then drains one hypervisor of a placement.
 * Implementations measure nothing themselves; {@link FleetBenchmark} times them.
 */
public interface FleetSolver {

  /**
   * A short name for tables, e.g. {@code scheduler-v1.20}.
   *
   * @return the name
   */
  String name();

  /**
   * Places every replica of the fleet, or as many as the solver manages.
   *
   * @param instance the fleet
   * @return tenant name to the workers of its placed replicas, and what the solver said
   */
  Outcome place(FleetInstance instance);

  /**
   * Moves every replica off one hypervisor (its workers cordoned), keeping the rest where it can.
   *
   * @param instance the fleet
   * @param placement a feasible placement of it (from this solver)
   * @param hypervisor the hypervisor to empty
   * @return the placement after the drain, or an outcome with {@code complete == false}
   */
  Outcome drain(FleetInstance instance, Map<String, List<String>> placement, String hypervisor);

  /**
   * What a solver returned.
   *
   * @param placement tenant name to worker names, one per placed replica
   * @param complete whether the solver says it placed every replica (Timefold: construction finished)
   * @param note the solver's own verdict, e.g. Timefold's final score
   * @param moves how many replicas the solver says it moved (drain), or -1 to count from the placements
   */
  record Outcome(Map<String, List<String>> placement, boolean complete, String note, int moves) {}

  /**
   * Replicas whose worker differs between two placements, matched per tenant as multisets (a replica
   * that stays on its worker is not a move, whatever the order of the list).
   *
   * @param before the placement before
   * @param after the placement after
   * @return the moves
   */
  static int moves(Map<String, List<String>> before, Map<String, List<String>> after) {
    int moves = 0;
    for (Map.Entry<String, List<String>> e : before.entrySet()) {
      java.util.Map<String, Integer> left = new java.util.HashMap<>();
      for (String w : after.getOrDefault(e.getKey(), List.of())) {
        left.merge(w, 1, Integer::sum);
      }
      for (String w : e.getValue()) {
        Integer c = left.get(w);
        if (c != null && c > 0) {
          left.put(w, c - 1);
        } else {
          moves++;
        }
      }
    }
    return moves;
  }
}
