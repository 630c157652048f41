package io.clusterstacks.kubernetes;

/** Receives each change seen while waiting, in order, on the waiting thread. */
@FunctionalInterface
public interface ProgressListener {

  /** A listener that ignores every event. */
  ProgressListener NONE = e -> { };

  /**
   * Called once for the first status and once for each change after it.
   *
   * @param event the change, with its timestamp
   */
  void onProgress(ProgressEvent event);
}
