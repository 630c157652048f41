package io.clusterstacks.kubernetes;

import io.clusterstacks.core.ClusterStacksException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A delete ran out of time: {@link #remaining()} lists what is still there and which finalizers hold
 * it; {@link #result()} what had been done until then (later objects {@link DeleteVerdict#NOT_ATTEMPTED}).
 */
public class DeleteTimeoutException extends ClusterStacksException {
  private static final long serialVersionUID = 1L;

  private final transient List<RemainingObject> remaining;
  private final transient DeleteResult result;

  /**
   * Creates the exception.
   *
   * @param timeout the timeout
   * @param remaining what is still there
   * @param result what was done so far
   */
  public DeleteTimeoutException(Duration timeout, List<RemainingObject> remaining, DeleteResult result) {
    super("delete timed out after " + timeout + "; still there: "
        + remaining.stream().map(RemainingObject::toString).collect(Collectors.joining(", "))
        + ". The controllers that own these finalizers must finish (check their logs), then delete again");
    this.remaining = List.copyOf(remaining);
    this.result = result;
  }

  /**
   * What was still there.
   *
   * @return the objects, with their finalizers
   */
  public List<RemainingObject> remaining() {
    return remaining;
  }

  /**
   * What was done before the timeout.
   *
   * @return the partial result
   */
  public DeleteResult result() {
    return result;
  }
}
