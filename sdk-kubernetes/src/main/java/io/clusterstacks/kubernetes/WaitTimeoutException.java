package io.clusterstacks.kubernetes;

import io.clusterstacks.core.ClusterStacksException;
import java.time.Duration;
import java.util.Optional;

/** A wait ran out of time; {@link #lastStatus()} is the last state observed. */
public class WaitTimeoutException extends ClusterStacksException {
  private static final long serialVersionUID = 1L;

  private final transient Optional<ClusterStatus> lastStatus;
  private final Duration timeout;

  /**
   * Creates the exception.
   *
   * @param what what was waited for
   * @param timeout the timeout
   * @param lastStatus the last status seen, if any was read
   */
  public WaitTimeoutException(String what, Duration timeout, Optional<ClusterStatus> lastStatus) {
    super("timed out after " + timeout + " waiting for " + what + "; last observed: "
        + lastStatus.map(ClusterStatus::toString).orElse("nothing (the management cluster did not answer)")
        + ". Wait longer, or look at the controllers' conditions and logs");
    this.lastStatus = lastStatus;
    this.timeout = timeout;
  }

  /**
   * The last status observed.
   *
   * @return the status, empty when none could be read
   */
  public Optional<ClusterStatus> lastStatus() {
    return lastStatus;
  }

  /**
   * The timeout that ran out.
   *
   * @return the timeout
   */
  public Duration timeout() {
    return timeout;
  }
}
