package io.clusterstacks.kubernetes;

/**
 * One status condition as the controller wrote it (CAPI v1beta1 {@code status.conditions[]}).
 *
 * @param type e.g. {@code InfrastructureReady}
 * @param status {@code True}, {@code False} or {@code Unknown}
 * @param reason the reason, or ""
 * @param message the message, or ""
 */
public record Condition(String type, String status, String reason, String message) {

  /**
   * Whether the status is {@code True}.
   *
   * @return true when true
   */
  public boolean isTrue() {
    return "True".equals(status);
  }

  /** {@code Type=Status (reason: message)}. */
  @Override
  public String toString() {
    return type + "=" + status + (reason.isEmpty() ? "" : " (" + reason
        + (message.isEmpty() ? "" : ": " + message) + ")");
  }
}
