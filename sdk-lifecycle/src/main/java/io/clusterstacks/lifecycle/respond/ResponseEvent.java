package io.clusterstacks.lifecycle.respond;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing the {@link MaintenanceResponder} did or found, for a {@link ResponseListener}.
 *
 * @param type what happened
 * @param index the step's position in {@link ResponsePlan#steps()}, from 1
 * @param step the step
 * @param message what happened, in words (names servers, nodes, pods and hypervisors; never a credential)
 * @param at when
 */
public record ResponseEvent(Type type, int index, ResponsePlan.Step step, String message, Instant at) {
  /**
   * Checks.
   *
   * @param type the type
   * @param index the index
   * @param step the step
   * @param message the message
   * @param at the time
   */
  public ResponseEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(at, "at");
  }

  /** What happened. */
  public enum Type {
    /** A step starts. */
    STARTED,
    /** Dry run: the step is only described, nothing is changed. */
    WOULD,
    /** A pod's eviction was accepted by the API server. */
    EVICTED,
    /** A pod's eviction was refused because a PodDisruptionBudget allows no disruption now (429); it is retried. */
    EVICTION_BLOCKED,
    /** A replacement server appeared in the group. */
    REPLACEMENT_SEEN,
    /** A step finished as intended. */
    DONE,
    /** A step failed; the message says why. */
    FAILED,
    /** A step was not run because an earlier one failed. */
    SKIPPED
  }

  /** The event in one line. */
  @Override
  public String toString() {
    return at + " " + type + " step " + index + " " + step.kind() + " " + step.serverName() + ": " + message;
  }
}
