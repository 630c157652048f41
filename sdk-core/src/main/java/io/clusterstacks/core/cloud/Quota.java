package io.clusterstacks.core.cloud;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import java.util.List;

/**
 * One Nova quota with its usage.
 *
 * @param limit the limit, or -1 for unlimited
 * @param used what is used now (servers in ERROR included: they still count)
 */
public record Quota(long limit, long used) {

  /** An unlimited quota with nothing used. */
  public static final Quota UNLIMITED = new Quota(-1, 0);

  /**
   * Checks the numbers.
   *
   * @param limit the limit, or -1 for unlimited
   * @param used what is used now
   */
  public Quota {
    if (limit < -1) {
      throw new InvalidInputException(List.of(Problem.of("quota.limit", String.valueOf(limit),
          "use -1 for unlimited, else 0 or more")));
    }
    if (used < 0) {
      throw new InvalidInputException(List.of(Problem.of("quota.used", String.valueOf(used), "use 0 or more")));
    }
  }

  /**
   * A limit with nothing used.
   *
   * @param limit the limit, or -1 for unlimited
   * @return the quota
   */
  public static Quota of(long limit) {
    return new Quota(limit, 0);
  }

  /**
   * Whether the quota has no limit.
   *
   * @return true for -1
   */
  public boolean unlimited() {
    return limit == -1;
  }

  /**
   * What is left: the limit minus the usage (never negative), or {@link Long#MAX_VALUE} when unlimited.
   *
   * @return the headroom
   */
  public long headroom() {
    return unlimited() ? Long.MAX_VALUE : Math.max(0, limit - used);
  }

  @Override
  public String toString() {
    return unlimited() ? "unlimited (" + used + " used)" : used + " of " + limit + " used";
  }
}
