package io.clusterstacks.benchmarks.fleet;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.bendablelong.BendableLongScore;
import java.util.List;

/**
 * A fleet as a Timefold planning solution. Score levels: one hard (capacity overflow, hard-spread
 * conflicts) and three soft, lexicographic as the issue orders the objectives: placing, workers used,
 * the maximum replicas on a hypervisor, soft-spread collisions; a drain puts the moves first.
 */
@PlanningSolution
public final class TfSolution {
  @ProblemFactCollectionProperty
  @ValueRangeProvider
  private List<TfWorker> workers;

  @PlanningEntityCollectionProperty
  private List<TfReplica> replicas;

  @PlanningScore(bendableHardLevelsSize = 1, bendableSoftLevelsSize = 3)
  private BendableLongScore score;

  /** For Timefold's cloning. */
  public TfSolution() {}

  TfSolution(List<TfWorker> workers, List<TfReplica> replicas) {
    this.workers = workers;
    this.replicas = replicas;
  }

  /** @return the workers a replica may go to */
  public List<TfWorker> getWorkers() {
    return workers;
  }

  /** @return the replicas */
  public List<TfReplica> getReplicas() {
    return replicas;
  }

  /** @return the score */
  public BendableLongScore getScore() {
    return score;
  }

  /** @param score the score */
  public void setScore(BendableLongScore score) {
    this.score = score;
  }
}
