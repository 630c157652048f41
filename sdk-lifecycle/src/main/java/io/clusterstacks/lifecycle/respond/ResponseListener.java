package io.clusterstacks.lifecycle.respond;

/**
 * Receives the {@link MaintenanceResponder}'s events as they happen, on the thread that called
 * {@link MaintenanceResponder#respond}. An exception thrown here is logged and does not stop the response.
 */
@FunctionalInterface
public interface ResponseListener {
  /** A listener that ignores every event. */
  ResponseListener NONE = e -> { };

  /**
   * One event.
   *
   * @param event the event
   */
  void on(ResponseEvent event);
}
