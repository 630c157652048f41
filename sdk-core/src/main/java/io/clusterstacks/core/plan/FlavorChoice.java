package io.clusterstacks.core.plan;

import io.clusterstacks.core.SdkStyle;
import io.clusterstacks.core.cloud.CloudFlavor;
import io.clusterstacks.core.cloud.HostCount;
import java.util.List;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * The flavor chosen for a role, with its reasons and the runners-up.
 */
@Value.Immutable
@SdkStyle
public abstract class FlavorChoice {
  FlavorChoice() {}

  /**
   * The flavor.
   *
   * @return the flavor
   */
  public abstract CloudFlavor flavor();

  /**
   * Where its root disk lives.
   *
   * @return the storage class
   */
  public abstract StorageClass storage();

  /**
   * The hypervisors that serve it.
   *
   * @return the count
   */
  public abstract HostCount hosts();

  /**
   * Whether the user pinned it.
   *
   * @return true when pinned
   */
  public abstract boolean pinned();

  /**
   * Why it was chosen.
   *
   * @return one sentence each
   */
  public abstract List<String> reasons();

  /**
   * Where its real vCPU/RAM/disk fall short of its SCS name (scs-0100 semantics).
   *
   * @return one sentence each; empty when consistent
   */
  public abstract List<String> nameCheck();

  /**
   * The next best flavors and why they lost.
   *
   * @return the runners-up, best first
   */
  public abstract List<RunnerUp> runnersUp();

  /**
   * The flavor name.
   *
   * @return e.g. {@code SCS-2V-4-20s}
   */
  public String name() {
    return flavor().name();
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
   * A FlavorChoice built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the value
   * @throws io.clusterstacks.core.InvalidInputException listing every missing attribute
   */
  public static FlavorChoice of(Consumer<Builder> spec) {
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

  /** Builds a {@link FlavorChoice}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableFlavorChoice.Builder {
    Builder() {}
  }
}
