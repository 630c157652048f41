package io.clusterstacks.core;

/**
 * How much a finding matters, shared by every kind of finding the SDK returns (notices on manifests,
 * warnings on plans), so that a caller sorts and filters them one way.
 */
public enum Severity {
  /** Worth knowing; nothing needs to change. */
  INFO,
  /** A risk or a gap the user should decide about, or the cluster will not work as expected. */
  WARNING,
  /** Something will fail unless the user acts (e.g. rollouts over quota). */
  CRITICAL;

  /**
   * Whether this severity is at least another one.
   *
   * @param other the other severity
   * @return true when this one matters as much or more
   */
  public boolean isAtLeast(Severity other) {
    InvalidInputException.requireArgument(other, "other");
    return compareTo(other) >= 0;
  }
}
