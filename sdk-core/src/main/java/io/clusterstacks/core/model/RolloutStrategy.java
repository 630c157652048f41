package io.clusterstacks.core.model;

import io.clusterstacks.core.SdkStyle;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** A MachineDeployment rolling-update strategy ({@code strategy.rollingUpdate}). */
@Value.Immutable
@SdkStyle
public abstract class RolloutStrategy {
  RolloutStrategy() {}

  /**
   * How many machines may be created above the desired count during a rollout.
   *
   * @return the surge
   */
  public abstract Optional<IntOrPercent> maxSurge();

  /**
   * How many machines may be unavailable during a rollout.
   *
   * @return the maximum
   */
  public abstract Optional<IntOrPercent> maxUnavailable();

  /**
   * A rolling update with these limits.
   *
   * @param maxSurge machines above the desired count
   * @param maxUnavailable machines that may be down
   * @return the strategy
   */
  public static RolloutStrategy rollingUpdate(IntOrPercent maxSurge, IntOrPercent maxUnavailable) {
    return builder().maxSurge(maxSurge).maxUnavailable(maxUnavailable).build();
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
   * A RolloutStrategy built by a function, e.g. {@code RolloutStrategy.of(b -> b...)}.
   *
   * @param spec sets the attributes on a builder
   * @return the rollout strategy
   * @throws io.clusterstacks.core.InvalidInputException listing every missing or invalid attribute
   */
  public static RolloutStrategy of(Consumer<Builder> spec) {
    io.clusterstacks.core.InvalidInputException.requireArgument(spec, "spec");
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this rollout strategy's attributes, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link RolloutStrategy}; {@link #build()} reports every missing or invalid attribute at once. */
  public static final class Builder extends ImmutableRolloutStrategy.Builder {
    Builder() {}
  }
}
