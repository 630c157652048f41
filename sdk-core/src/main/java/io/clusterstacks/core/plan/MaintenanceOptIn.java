package io.clusterstacks.core.plan;

import io.clusterstacks.core.SdkStyle;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * How a role's servers come back after hypervisor maintenance.
 */
@Value.Immutable
@SdkStyle
public abstract class MaintenanceOptIn {
  MaintenanceOptIn() {}

  /** How the opt-in reaches the servers. */
  public enum Method {
    /** Rendered as {@code serverMetadata} in the OpenStackMachineTemplate (raw CAPI mode). */
    SERVER_METADATA,
    /** Set after boot through the cloud API, because the ClusterClass has no field for server metadata. */
    CLOUD_API_AFTER_BOOT,
    /** Needed, but the provider has no known opt-in: the servers may stay off after maintenance. */
    NO_KNOWN_OPT_IN,
    /** Not needed: the servers are live-migrated (no local disk) or the provider does not stop them. */
    NOT_NEEDED
  }

  /**
   * How the opt-in is set, or why none is needed.
   *
   * @return the method
   */
  public abstract Method method();

  /**
   * The server-metadata key that opts in.
   *
   * @return e.g. {@code ps_restart_after_maint}, empty without a known opt-in
   */
  public abstract Optional<String> key();

  /**
   * The value that opts in.
   *
   * @return e.g. {@code true}
   */
  public abstract String value();

  /**
   * The server-metadata keys in which the provider announces maintenance, to watch.
   *
   * @return the keys
   */
  public abstract List<String> announcementKeys();

  /**
   * What happens and what to do.
   *
   * @return in words
   */
  public abstract String explanation();

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A MaintenanceOptIn built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the value
   * @throws io.clusterstacks.core.InvalidInputException listing every missing attribute
   */
  public static MaintenanceOptIn of(Consumer<Builder> spec) {
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

  /** Builds a {@link MaintenanceOptIn}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableMaintenanceOptIn.Builder {
    Builder() {}
  }
}
