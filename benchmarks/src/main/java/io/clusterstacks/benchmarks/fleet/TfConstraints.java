package io.clusterstacks.benchmarks.fleet;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.count;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.sum;

import ai.timefold.solver.core.api.score.buildin.bendablelong.BendableLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;
import java.util.function.BiFunction;

/**
 * The fleet's constraints for Timefold, the same as the benchmark's checker and objectives. Hard:
 * CPU and memory over a worker's allocatable (by the overflow), two replicas of a hard tenant on one
 * worker or one hypervisor (1,000 each). Soft 0: workers used; soft 1: the most replicas on one
 * hypervisor; soft 2: pairs of a soft tenant's replicas sharing a worker or a hypervisor.
 */
public class TfConstraints implements ConstraintProvider {

  static BendableLongScore hard(long w) {
    return BendableLongScore.ofHard(1, 3, 0, w);
  }

  static BendableLongScore soft(int level, long w) {
    return BendableLongScore.ofSoft(1, 3, level, w);
  }

  /** The soft level of workers used. */
  int workersLevel() {
    return 0;
  }

  /** The soft level of the maximum hypervisor load. */
  int loadLevel() {
    return 1;
  }

  @Override
  public Constraint[] defineConstraints(ConstraintFactory f) {
    return new Constraint[] {
      f.forEach(TfReplica.class)
          .groupBy(TfReplica::getWorker, sum(TfReplica::getCpu))
          .filter((w, cpu) -> cpu > w.getCpu())
          .penalizeLong(hard(1), (w, cpu) -> cpu - w.getCpu())
          .asConstraint("cpu over allocatable"),
      f.forEach(TfReplica.class)
          .groupBy(TfReplica::getWorker, sum(TfReplica::getMemory))
          .filter((w, mem) -> mem > w.getMemory())
          .penalizeLong(hard(1), (w, mem) -> mem - w.getMemory())
          .asConstraint("memory over allocatable"),
      f.forEachUniquePair(TfReplica.class, Joiners.equal(TfReplica::getTenant), Joiners.equal(TfReplica::getWorker))
          .filter((a, b) -> a.isHard())
          .penalizeLong(hard(1_000))
          .asConstraint("hard tenant twice on a worker"),
      f.forEachUniquePair(TfReplica.class, Joiners.equal(TfReplica::getTenant),
              Joiners.equal(TfReplica::getHypervisor))
          .filter((a, b) -> a.isHard())
          .penalizeLong(hard(1_000))
          .asConstraint("hard tenant twice on a hypervisor"),
      f.forEach(TfReplica.class)
          .groupBy(TfReplica::getWorker)
          .penalizeLong(soft(workersLevel(), 1))
          .asConstraint("workers used"),
      f.forEach(TfReplica.class)
          .groupBy(TfReplica::getHypervisor, count())
          .groupBy(ConstraintCollectors.<Integer, Integer, Integer>max((BiFunction<Integer, Integer, Integer>) (h, c) -> c))
          .penalizeLong(soft(loadLevel(), 1), c -> c)
          .asConstraint("max hypervisor load"),
      f.forEachUniquePair(TfReplica.class, Joiners.equal(TfReplica::getTenant), Joiners.equal(TfReplica::getWorker))
          .filter((a, b) -> !a.isHard())
          .penalizeLong(soft(2, 1))
          .asConstraint("soft tenant twice on a worker"),
      f.forEachUniquePair(TfReplica.class, Joiners.equal(TfReplica::getTenant),
              Joiners.equal(TfReplica::getHypervisor))
          .filter((a, b) -> !a.isHard())
          .penalizeLong(soft(2, 1))
          .asConstraint("soft tenant twice on a hypervisor"),
      moves(f)
    };
  }

  /** Replicas a drain moved: nothing when placing from scratch (no original worker). */
  Constraint moves(ConstraintFactory f) {
    return f.forEach(TfReplica.class)
        .filter(TfReplica::isMoved)
        .penalizeLong(soft(2, 1))
        .asConstraint("moves");
  }

  /** The drain's constraints: moves first (soft 0), then workers used, then hypervisor load. */
  public static final class Drain extends TfConstraints {
    @Override
    int workersLevel() {
      return 1;
    }

    @Override
    int loadLevel() {
      return 2;
    }

    @Override
    Constraint moves(ConstraintFactory f) {
      return f.forEach(TfReplica.class)
          .filter(TfReplica::isMoved)
          .penalizeLong(soft(0, 1))
          .asConstraint("moves");
    }
  }
}
