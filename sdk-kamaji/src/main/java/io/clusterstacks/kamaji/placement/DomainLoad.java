package io.clusterstacks.kamaji.placement;

import io.clusterstacks.core.SdkStyle;
import java.util.List;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** The members one hypervisor or one worker holds under a set of rules: worst case and expected. */
@Value.Immutable
@SdkStyle
public abstract class DomainLoad {
  DomainLoad() {}

  /**
   * A hypervisor or a worker.
   *
   * @return the kind
   */
  public abstract DomainKind kind();

  /**
   * The hypervisor's identifier or the worker's node name.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * The schedulable workers in it (the worker itself for {@link DomainKind#WORKER}).
   *
   * @return node names, sorted
   */
  public abstract List<String> workers();

  /**
   * The most members it can hold in a placement the required rules allow.
   *
   * @return members
   */
  public abstract int worstCase();

  /**
   * The members it holds in the expected placement (even over hypervisors, then over workers).
   *
   * @return members
   */
  public abstract int expected();

  /**
   * The members that find no node while this hypervisor or worker is drained for maintenance (cordoned,
   * its members evicted and placed again under the same rules).
   *
   * @return members left Pending until it is back
   */
  public abstract int pendingWhileDrained();

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A load built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the value
   * @throws io.clusterstacks.core.InvalidInputException listing every missing or invalid attribute
   */
  public static DomainLoad of(Consumer<Builder> spec) {
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

  /** Builds a {@link DomainLoad}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableDomainLoad.Builder {
    Builder() {}
  }
}
