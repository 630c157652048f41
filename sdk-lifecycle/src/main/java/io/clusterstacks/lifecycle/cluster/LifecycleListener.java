package io.clusterstacks.lifecycle.cluster;

import io.clusterstacks.kubernetes.ProgressEvent;

/**
 * Hears each step as it ends and, while {@link Step#WAIT} runs, each change of the Cluster's status. Called on
 * the thread that runs create or delete; a listener that throws stops nothing (the exception is logged).
 */
@FunctionalInterface
public interface LifecycleListener {
  /** Hears nothing. */
  LifecycleListener NONE = s -> { };

  /**
   * A step ended.
   *
   * @param step its report
   */
  void onStep(StepReport step);

  /**
   * The Cluster's status changed while waiting.
   *
   * @param event the change
   */
  default void onProgress(ProgressEvent event) { }
}
