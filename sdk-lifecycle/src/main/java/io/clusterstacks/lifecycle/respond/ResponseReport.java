package io.clusterstacks.lifecycle.respond;

import io.clusterstacks.core.InvalidInputException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link MaintenanceResponder#respond} did: one result per step of the plan, and the state for the next
 * pass (what is actually cordoned now: a CORDON that did not happen is not recorded, an UNCORDON that did not
 * happen keeps its node recorded as cordoned). A dry run records no cordon of its own: after one, hand the next
 * pass the state you had before it.
 *
 * @param dryRun whether nothing was changed
 * @param results one per step, in the plan's order
 * @param state the state to hand to the next {@link ResponsePlanner#plan}
 */
public record ResponseReport(boolean dryRun, List<StepResult> results, ResponseState state) {
  /**
   * Checks and copies.
   *
   * @param dryRun whether dry run
   * @param results the results
   * @param state the state
   */
  public ResponseReport {
    results = List.copyOf(InvalidInputException.requireArgument(results, "results"));
    InvalidInputException.requireArgument(state, "state");
  }

  /**
   * Whether every step was done (or, in a dry run, described).
   *
   * @return true when no step failed or was skipped
   */
  public boolean complete() {
    return results.stream().allMatch(r -> r.outcome() == Outcome.DONE || r.outcome() == Outcome.WOULD);
  }

  /**
   * The results of one kind of step.
   *
   * @param kind the kind
   * @return those results, in order
   */
  public List<StepResult> results(ResponsePlan.StepKind kind) {
    return results.stream().filter(r -> r.step().kind() == kind).toList();
  }

  /**
   * The report in words: one line per step.
   *
   * @return the text, ending with a newline
   */
  public String text() {
    StringBuilder b = new StringBuilder(dryRun ? "dry run: nothing was changed\n" : "");
    int i = 1;
    for (StepResult r : results) {
      b.append("  ").append(i++).append(". ").append(r.outcome()).append(' ').append(r.step().kind()).append(' ')
          .append(r.step().serverName()).append(" (").append(r.took().toMillis()).append(" ms): ").append(r.detail()).append('\n');
    }
    return b.toString();
  }

  /** How a step ended. */
  public enum Outcome {
    /** Done as intended. */
    DONE,
    /** Dry run: described, not done. */
    WOULD,
    /** Failed; the detail says why. */
    FAILED,
    /** Not run because an earlier step failed. */
    SKIPPED
  }

  /**
   * One step's result.
   *
   * @param step the step
   * @param outcome how it ended
   * @param detail what was done or why not, in words
   * @param took how long it took
   * @param evicted for DRAIN, the pods evicted ({@code namespace/name})
   * @param evictionsBlocked for DRAIN, how many eviction requests a PodDisruptionBudget refused (429) before they
   *     were accepted
   * @param replacementServerId for AWAIT_REPLACEMENT, the replacement's server ID
   * @param replacementHostId for AWAIT_REPLACEMENT, the replacement's {@code hostId}
   */
  public record StepResult(ResponsePlan.Step step, Outcome outcome, String detail, Duration took, List<String> evicted,
      int evictionsBlocked, Optional<String> replacementServerId, Optional<String> replacementHostId) {
    /**
     * Checks and copies.
     *
     * @param step the step
     * @param outcome the outcome
     * @param detail the detail
     * @param took the duration
     * @param evicted the pods evicted
     * @param evictionsBlocked the refused eviction requests
     * @param replacementServerId the replacement
     * @param replacementHostId its host
     */
    public StepResult {
      Objects.requireNonNull(step, "step");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(detail, "detail");
      Objects.requireNonNull(took, "took");
      evicted = List.copyOf(evicted);
      Objects.requireNonNull(replacementServerId, "replacementServerId");
      Objects.requireNonNull(replacementHostId, "replacementHostId");
    }
  }
}
