package io.clusterstacks.core.plan;

import java.util.Objects;

/**
 * One quota against what the cluster needs, steady and during rollouts.
 *
 * @param resource e.g. {@code instances}, {@code cores}, {@code ramMiB}, {@code serverGroups}
 * @param limit the limit, -1 for unlimited
 * @param used what the project uses now (servers in ERROR included)
 * @param steady what the cluster needs after it is built
 * @param peak what it needs at most during rollouts (every surge at once)
 * @param note what it means, e.g. that servers in ERROR hold quota
 */
public record QuotaCheck(String resource, long limit, long used, long steady, long peak, String note) {
  /**
   * Checks the parts.
   *
   * @param resource the resource
   * @param limit the limit
   * @param used what is used
   * @param steady the steady need
   * @param peak the peak need
   * @param note an explanation
   */
  public QuotaCheck {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(note, "note");
  }

  /**
   * Whether the cluster fits once built.
   *
   * @return true when unlimited or {@code used + steady <= limit}
   */
  public boolean steadyFits() {
    return limit < 0 || used + steady <= limit;
  }

  /**
   * Whether rollouts fit.
   *
   * @return true when unlimited or {@code used + peak <= limit}
   */
  public boolean peakFits() {
    return limit < 0 || used + peak <= limit;
  }

  @Override
  public String toString() {
    return resource + ": " + used + " used + " + steady + " (peak " + peak + ") of " + (limit < 0 ? "unlimited" : String.valueOf(limit));
  }
}
