package io.clusterstacks.core.cloud;

import io.clusterstacks.core.SdkStyle;
import java.util.SortedMap;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * The hypervisors of a cloud: the count for the whole cloud, per class of hosts where only some hosts
 * serve a flavor (e.g. {@code local-ssd}), and per availability zone when known.
 */
@Value.Immutable
@SdkStyle
public abstract class Hypervisors {
  Hypervisors() {}

  /**
   * Hypervisors where every host serves every flavor.
   *
   * @param total the count for the whole cloud
   * @return the hypervisors
   */
  public static Hypervisors of(HostCount total) {
    return builder().total(total).build();
  }

  /**
   * The hypervisors of the whole cloud (the ones that serve flavors without a host class).
   *
   * @return the count
   */
  public abstract HostCount total();

  /**
   * The hypervisors of each host class (e.g. the hosts of the {@code local-ssd} aggregate).
   *
   * @return host class to count, sorted by class
   */
  @Value.NaturalOrder
  public abstract SortedMap<String, HostCount> byHostClass();

  /**
   * The hypervisors of each availability zone, when known.
   *
   * @return zone name to count, sorted by zone
   */
  @Value.NaturalOrder
  public abstract SortedMap<String, HostCount> byZone();

  /**
   * The hypervisors that can run a flavor of this host class.
   *
   * @param hostClass the flavor's host class, or null for flavors every host serves
   * @return the class's count, or the total when the class is null or not listed
   */
  public HostCount forClass(@org.jspecify.annotations.Nullable String hostClass) {
    if (hostClass == null) {
      return total();
    }
    HostCount c = byHostClass().get(hostClass);
    return c == null ? total() : c;
  }

  /**
   * The hypervisors that can run this flavor.
   *
   * @param flavor the flavor
   * @return the count of its host class, or the total
   */
  public HostCount forFlavor(CloudFlavor flavor) {
    return forClass(flavor.hostClass().orElse(null));
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
   * A Hypervisors built by a function, e.g. {@code Hypervisors.of(b -> b...)}.
   *
   * @param spec sets the attributes on a builder
   * @return the hypervisors
   * @throws io.clusterstacks.core.InvalidInputException listing every missing or invalid attribute
   */
  public static Hypervisors of(Consumer<Builder> spec) {
    io.clusterstacks.core.InvalidInputException.requireArgument(spec, "spec");
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this hypervisors's attributes, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link Hypervisors}; {@link #build()} reports every missing or invalid attribute at once. */
  public static final class Builder extends ImmutableHypervisors.Builder {
    Builder() {}
  }
}
