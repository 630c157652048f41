package io.clusterstacks.kamaji.placement;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.SdkStyle;
import java.util.List;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * The API-server Deployment's rolling update: how many extra pods a rollout may start and how many
 * replicas it may take away at a time. Kamaji's default is {@code maxSurge: 100%},
 * {@code maxUnavailable: 0}.
 */
@Value.Immutable
@SdkStyle
public abstract class RolloutStrategy {
  RolloutStrategy() {}

  /**
   * Extra pods a rollout starts before old ones go.
   *
   * @return 0 or more
   */
  public abstract int maxSurge();

  /**
   * Replicas a rollout may take away before their replacements run.
   *
   * @return 0 or more
   */
  public abstract int maxUnavailable();

  @Value.Check
  void check() {
    if (maxSurge() < 0 || maxUnavailable() < 0 || maxSurge() + maxUnavailable() == 0) {
      throw new InvalidInputException(List.of(Problem.of("rolloutStrategy",
          "maxSurge " + maxSurge() + ", maxUnavailable " + maxUnavailable(),
          "use values of 0 or more, not both 0 (the API server refuses a rollout that can take no step)")));
    }
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
   * A strategy built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the value
   * @throws io.clusterstacks.core.InvalidInputException listing every missing or invalid attribute
   */
  public static RolloutStrategy of(Consumer<Builder> spec) {
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

  /** Builds a {@link RolloutStrategy}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableRolloutStrategy.Builder {
    Builder() {}
  }
}
