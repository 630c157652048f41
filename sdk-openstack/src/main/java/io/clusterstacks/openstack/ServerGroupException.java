package io.clusterstacks.openstack;

import io.clusterstacks.core.ClusterStacksException;
import java.util.List;

/**
 * Server groups could not be set up as planned; nothing was created by the failing call unless
 * {@link #leftOver()} or {@link #mayExist()} says so.
 *
 * <p>The reason tells which: {@link Reason#CONFLICT} (a group of that name has another policy),
 * {@link Reason#DUPLICATE_NAMES} (Nova holds several groups of one name), {@link Reason#QUOTA} (the
 * project's server-group quota does not fit the plan: checked before anything is created),
 * {@link Reason#CLOUD_TOO_OLD} (the compute API lacks the microversion the policy needs),
 * {@link Reason#FAILED_PART_WAY} (a call failed after some groups were created: they were deleted
 * again, except those listed).
 */
public class ServerGroupException extends ClusterStacksException {
  private static final long serialVersionUID = 1L;

  /** Why the groups could not be set up. */
  public enum Reason {
    /** A group with the convention name exists with a different policy. */
    CONFLICT,
    /** Several groups share one convention name. */
    DUPLICATE_NAMES,
    /** The quota would be exceeded. */
    QUOTA,
    /** The cloud's compute API is too old for the policy. */
    CLOUD_TOO_OLD,
    /** A call failed part way. */
    FAILED_PART_WAY
  }

  private final transient Reason reason;
  private final transient List<ServerGroup> leftOver;
  private final transient List<String> mayExist;

  /**
   * Creates the exception.
   *
   * @param reason why
   * @param message what happened, what exists and what to do
   * @param leftOver groups that exist because of this call and could not be deleted again
   * @param mayExist names of groups whose creation got no answer and could not be checked
   * @param cause the failure, or null
   */
  public ServerGroupException(Reason reason, String message, List<ServerGroup> leftOver, List<String> mayExist,
      @org.jspecify.annotations.Nullable Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.leftOver = List.copyOf(leftOver);
    this.mayExist = List.copyOf(mayExist);
  }

  /**
   * Why.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }

  /**
   * Groups that this call created and that still exist (their rollback failed).
   *
   * @return the groups, empty when the rollback was complete
   */
  public List<ServerGroup> leftOver() {
    return leftOver;
  }

  /**
   * Names of groups whose create got no answer and that could not be looked up afterwards.
   *
   * @return the names, empty when everything is known
   */
  public List<String> mayExist() {
    return mayExist;
  }
}
