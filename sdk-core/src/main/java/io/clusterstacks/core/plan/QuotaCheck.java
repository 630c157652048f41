package io.clusterstacks.core.plan;

import io.clusterstacks.core.SdkStyle;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * One quota against what the cluster needs, steady and during rollouts.
 */
@Value.Immutable
@SdkStyle
public abstract class QuotaCheck {
  QuotaCheck() {}

  /**
   * The resource.
   *
   * @return e.g. {@code instances}, {@code cores}, {@code ramMiB}, {@code serverGroups}
   */
  public abstract String resource();

  /**
   * The limit.
   *
   * @return the limit, -1 for unlimited
   */
  public abstract long limit();

  /**
   * What the project uses now (servers in ERROR included).
   *
   * @return the usage
   */
  public abstract long used();

  /**
   * What the cluster needs after it is built.
   *
   * @return the steady need
   */
  public abstract long steady();

  /**
   * What it needs at most during rollouts (every surge at once).
   *
   * @return the peak need
   */
  public abstract long peak();

  /**
   * What it means, e.g. that servers in ERROR hold quota.
   *
   * @return one sentence
   */
  public abstract String note();

  /**
   * Whether the cluster fits once built.
   *
   * @return true when unlimited or {@code used + steady <= limit}
   */
  public boolean steadyFits() {
    return limit() < 0 || used() + steady() <= limit();
  }

  /**
   * Whether rollouts fit.
   *
   * @return true when unlimited or {@code used + peak <= limit}
   */
  public boolean peakFits() {
    return limit() < 0 || used() + peak() <= limit();
  }

  @Override
  public String toString() {
    return resource() + ": " + used() + " used + " + steady() + " (peak " + peak() + ") of "
        + (limit() < 0 ? "unlimited" : String.valueOf(limit()));
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A QuotaCheck built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the value
   * @throws io.clusterstacks.core.InvalidInputException listing every missing attribute
   */
  public static QuotaCheck of(Consumer<Builder> spec) {
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this value's attributes, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link QuotaCheck}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableQuotaCheck.Builder {
    Builder() {}
  }
}
