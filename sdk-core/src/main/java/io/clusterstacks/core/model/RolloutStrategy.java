package io.clusterstacks.core.model;

import io.clusterstacks.core.SdkStyleLegacy;
import java.util.Optional;
import org.immutables.value.Value;

/** A MachineDeployment rolling-update strategy ({@code strategy.rollingUpdate}). */
@Value.Immutable
@SdkStyleLegacy
public abstract class RolloutStrategy {

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
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableRolloutStrategy.Builder builder() {
    return ImmutableRolloutStrategy.builder();
  }
}
