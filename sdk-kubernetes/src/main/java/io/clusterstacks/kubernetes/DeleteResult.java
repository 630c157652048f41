package io.clusterstacks.kubernetes;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@link ManagementCluster#delete} did, in the order it did it.
 *
 * @param outcomes one per object of the plan, in delete order
 */
public record DeleteResult(List<DeleteOutcome> outcomes) {
  /**
   * Copies the outcomes.
   *
   * @param outcomes the outcomes
   */
  public DeleteResult {
    outcomes = List.copyOf(outcomes);
  }

  /**
   * The outcome for an object.
   *
   * @param kind the kind
   * @param name the name
   * @return its verdict, or {@link DeleteVerdict#NOT_ATTEMPTED} when not in the result
   */
  public DeleteVerdict verdictOf(String kind, String name) {
    return outcomes.stream().filter(o -> o.object().kind().equals(kind) && o.object().name().equals(name))
        .map(DeleteOutcome::verdict).findFirst().orElse(DeleteVerdict.NOT_ATTEMPTED);
  }

  /** One entry per object. */
  @Override
  public String toString() {
    return outcomes.stream().map(DeleteOutcome::toString).collect(Collectors.joining("; "));
  }
}
