package io.clusterstacks.core.manifest;

import java.util.Objects;

/**
 * Something the user must know about rendered manifests (they are valid, but not the whole story):
 * e.g. raw mode installs no addons, a version could only be checked partially, Secret bodies were
 * left out.
 *
 * @param severity how much it matters
 * @param code a stable identifier, e.g. {@code RAW_MODE_NO_ADDONS}
 * @param message what it means and what to do
 */
public record Notice(Severity severity, String code, String message) {

  /** How much a notice matters. */
  public enum Severity {
    /** Good to know. */
    INFO,
    /** Needs action, or the cluster will not work as expected. */
    WARNING
  }

  /**
   * Checks presence.
   *
   * @param severity the severity
   * @param code the code
   * @param message the message
   */
  public Notice {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return severity + " " + code + ": " + message;
  }
}
