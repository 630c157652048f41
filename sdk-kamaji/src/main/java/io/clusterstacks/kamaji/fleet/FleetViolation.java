package io.clusterstacks.kamaji.fleet;

import io.clusterstacks.core.SdkStyle;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** One way a placement breaks a rule, found by {@link FleetVerifier}. */
@Value.Immutable
@SdkStyle
public abstract class FleetViolation {
  FleetViolation() {}

  /** The rule broken. */
  public enum Kind {
    /** The placement names a tenant that is not among the tenants. */
    UNKNOWN_TENANT,
    /** A replica is on a worker that is not among the workers. */
    UNKNOWN_WORKER,
    /** A replica is on a worker that is not schedulable (cordoned). */
    UNSCHEDULABLE_WORKER,
    /** A worker's replicas request more CPU than it has allocatable. */
    CPU,
    /** A worker's replicas request more memory than it has allocatable. */
    MEMORY,
    /** Hard spread: two replicas of a tenant on one worker. */
    SAME_WORKER,
    /** Hard spread: two replicas of a tenant on one hypervisor. */
    SAME_HYPERVISOR,
    /** A tenant has fewer replicas placed than it asks for. */
    REPLICAS_MISSING,
    /** A tenant has more replicas placed than it asks for. */
    REPLICAS_EXTRA
  }

  /**
   * The rule broken.
   *
   * @return the kind
   */
  public abstract Kind kind();

  /**
   * The tenant concerned, when one is.
   *
   * @return the name, or empty
   */
  public abstract Optional<String> tenant();

  /**
   * The worker concerned, when one is.
   *
   * @return the name, or empty
   */
  public abstract Optional<String> worker();

  /**
   * What is wrong, with the numbers.
   *
   * @return a sentence
   */
  public abstract String message();

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A value built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the value
   * @throws io.clusterstacks.core.InvalidInputException listing every missing attribute
   */
  public static FleetViolation of(Consumer<Builder> spec) {
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

  /** Builds a {@link FleetViolation}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableFleetViolation.Builder {
    Builder() {}
  }
}
