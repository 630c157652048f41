package io.clusterstacks.core.plan;

import io.clusterstacks.core.SdkStyle;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * An option the planner considered and did not choose, with why it lost.
 */
@Value.Immutable
@SdkStyle
public abstract class RunnerUp {
  RunnerUp() {}

  /**
   * The flavor or policy.
   *
   * @return e.g. {@code SCS-4V-8-50s} or {@code soft-anti-affinity}
   */
  public abstract String name();

  /**
   * Why it lost.
   *
   * @return one sentence
   */
  public abstract String whyLost();

  /**
   * A runner-up.
   *
   * @param name the flavor or policy
   * @param whyLost one sentence
   * @return the runner-up
   */
  public static RunnerUp of(String name, String whyLost) {
    return builder().name(name).whyLost(whyLost).build();
  }

  @Override
  public String toString() {
    return name() + ": " + whyLost();
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
   * A RunnerUp built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the value
   * @throws io.clusterstacks.core.InvalidInputException listing every missing attribute
   */
  public static RunnerUp of(Consumer<Builder> spec) {
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

  /** Builds a {@link RunnerUp}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableRunnerUp.Builder {
    Builder() {}
  }
}
