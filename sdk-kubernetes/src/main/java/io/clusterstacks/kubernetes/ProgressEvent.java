package io.clusterstacks.kubernetes;

import java.time.Instant;
import java.util.List;

/**
 * A change seen while waiting.
 *
 * @param at when the change was seen
 * @param status the whole status after the change
 * @param changes what changed, one line each (the whole status for the first event)
 */
public record ProgressEvent(Instant at, ClusterStatus status, List<String> changes) {

  /**
   * Copies the changes.
   *
   * @param at when seen
   * @param status the status
   * @param changes what changed
   */
  public ProgressEvent {
    changes = List.copyOf(changes);
  }
}
