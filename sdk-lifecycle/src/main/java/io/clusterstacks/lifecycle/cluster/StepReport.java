package io.clusterstacks.lifecycle.cluster;

import io.clusterstacks.core.InvalidInputException;
import java.time.Duration;

/**
 * One step of a run: what it did, how long it took and a one-line summary (names and counts, never a secret).
 *
 * @param step the step
 * @param outcome what it did
 * @param took its wall-clock duration
 * @param summary what it did, in words
 */
public record StepReport(Step step, Outcome outcome, Duration took, String summary) {
  /**
   * Checks the components.
   *
   * @param step the step
   * @param outcome what it did
   * @param took its duration
   * @param summary what it did, in words
   */
  public StepReport {
    InvalidInputException.requireArgument(step, "step");
    InvalidInputException.requireArgument(outcome, "outcome");
    InvalidInputException.requireArgument(took, "took");
    InvalidInputException.requireArgument(summary, "summary");
  }

  /**
   * The step as one line of text.
   *
   * @return e.g. {@code APPLY            DONE       1.204 s  5 objects: 5 created}
   */
  public String line() {
    return String.format(java.util.Locale.ROOT, "%-20s %-9s %8.3f s  %s", step, outcome, took.toNanos() / 1e9, summary);
  }
}
