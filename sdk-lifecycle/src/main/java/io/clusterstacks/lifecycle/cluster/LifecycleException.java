package io.clusterstacks.lifecycle.cluster;

import io.clusterstacks.core.ClusterStacksException;

/**
 * A create or delete stopped at a step. {@link #report()} holds every step up to the failed one, so a caller
 * knows exactly what was done; {@link #getCause()} is the typed failure of the step (for a second run of the
 * same cluster, sdk-kubernetes' {@code LockHeldException}). Running the same call again continues where this
 * one stopped: every step before changes nothing that is already right.
 */
public class LifecycleException extends ClusterStacksException {
  private static final long serialVersionUID = 1L;

  /** The steps that ran (not serialized). */
  private final transient LifecycleReport report;
  /** The step that failed. */
  private final Step step;

  /**
   * Creates the exception.
   *
   * @param report the steps that ran, the failed one last
   * @param step the failed step
   * @param message what failed and what to do
   * @param cause the step's failure
   */
  public LifecycleException(LifecycleReport report, Step step, String message, Throwable cause) {
    super(message, cause);
    this.report = report;
    this.step = step;
  }

  /**
   * The steps that ran, the failed one last.
   *
   * @return the report
   */
  public LifecycleReport report() {
    return report;
  }

  /**
   * The step that failed.
   *
   * @return the step
   */
  public Step step() {
    return step;
  }
}
