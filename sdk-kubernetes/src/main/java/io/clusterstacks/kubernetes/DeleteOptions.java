package io.clusterstacks.kubernetes;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.SdkStyle;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** How {@link ManagementCluster#delete} waits: the timeout for the whole delete plan. */
@Value.Immutable
@SdkStyle
public abstract class DeleteOptions {
  DeleteOptions() {}

  /**
   * How long the whole delete may take, finalizers included.
   *
   * @return the timeout; default 30 minutes
   */
  @Value.Default
  public Duration timeout() {
    return Duration.ofMinutes(30);
  }

  /**
   * How often the SDK looks whether deleted objects are gone.
   *
   * @return the interval; default 1 second
   */
  @Value.Default
  public Duration pollInterval() {
    return Duration.ofSeconds(1);
  }

  @Value.Check
  void check() {
    if (timeout().isNegative() || timeout().isZero() || pollInterval().toMillis() < 50) {
      throw new InvalidInputException(List.of(Problem.of("deleteOptions",
          "timeout " + timeout() + ", pollInterval " + pollInterval(),
          "give a positive timeout and a poll interval of at least 50 ms")));
    }
  }

  /**
   * The defaults.
   *
   * @return 30 minutes, polled every second
   */
  public static DeleteOptions defaults() {
    return builder().build();
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
   * Options built in one expression.
   *
   * @param spec sets the attributes
   * @return the options
   */
  public static DeleteOptions of(Consumer<Builder> spec) {
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding these options.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds {@link DeleteOptions}. */
  public static final class Builder extends ImmutableDeleteOptions.Builder {
    Builder() {}
  }
}
