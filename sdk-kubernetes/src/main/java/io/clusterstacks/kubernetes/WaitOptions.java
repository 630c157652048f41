package io.clusterstacks.kubernetes;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.SdkStyle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * How {@link ManagementCluster#awaitUsable} waits: the timeout, the ClusterStack to wait for, whether to
 * probe the workload API, and how often to re-read besides the watch events.
 */
@Value.Immutable
@SdkStyle
public abstract class WaitOptions {
  WaitOptions() {}

  /**
   * How long to wait in all.
   *
   * @return the timeout; default 30 minutes
   */
  @Value.Default
  public Duration timeout() {
    return Duration.ofMinutes(30);
  }

  /**
   * The ClusterStack (in the Cluster's namespace) that must be ready too.
   *
   * @return its name, if one is waited for
   */
  public abstract Optional<String> clusterStack();

  /**
   * Whether "usable" includes the workload API answering {@code /version} through the
   * {@code <cluster>-kubeconfig} Secret. Turn it off only where the workload API is not reachable from
   * here on purpose.
   *
   * @return true to probe; default true
   */
  @Value.Default
  public boolean probeWorkloadApi() {
    return true;
  }

  /**
   * How often the status is read again when no watch event comes (a safety net; watches trigger reads).
   *
   * @return the interval; default 30 seconds
   */
  @Value.Default
  public Duration resyncInterval() {
    return Duration.ofSeconds(30);
  }

  @Value.Check
  void check() {
    List<Problem> p = new ArrayList<>();
    if (timeout().isNegative() || timeout().isZero()) {
      p.add(Problem.of("waitOptions.timeout", timeout().toString(), "give a positive duration, e.g. PT30M"));
    }
    if (resyncInterval().toMillis() < 100) {
      p.add(Problem.of("waitOptions.resyncInterval", resyncInterval().toString(),
          "give at least 100 ms, e.g. PT30S"));
    }
    if (!p.isEmpty()) {
      throw new InvalidInputException(p);
    }
  }

  /**
   * The defaults.
   *
   * @return 30 minutes, no ClusterStack, workload probe on
   */
  public static WaitOptions defaults() {
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
  public static WaitOptions of(Consumer<Builder> spec) {
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

  /** Builds {@link WaitOptions}. */
  public static final class Builder extends ImmutableWaitOptions.Builder {
    Builder() {}
  }
}
