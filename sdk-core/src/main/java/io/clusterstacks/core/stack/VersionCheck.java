package io.clusterstacks.core.stack;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of checking a Cluster's Kubernetes version against its stack release.
 *
 * @param status confirmed, mismatch, or partial (release unknown)
 * @param className the class that was checked
 * @param actual the version the Cluster asks for
 * @param expected the release's exact version, when the release is known
 * @param message a sentence for reports and notices
 */
public record VersionCheck(Status status, ClusterClassName className, String actual, Optional<String> expected, String message) {

  /** The outcome. */
  public enum Status {
    /** The release is known and the versions match. */
    CONFIRMED,
    /** The release is known and the versions differ: the operator's webhook would reject the Cluster. */
    MISMATCH,
    /** The release is not in the catalogue: only the minor could be checked. */
    PARTIAL
  }

  /**
   * Checks presence.
   *
   * @param status the status
   * @param className the class
   * @param actual the requested version
   * @param expected the release's version
   * @param message the explanation
   */
  public VersionCheck {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(message, "message");
  }
}
