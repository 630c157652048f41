package io.clusterstacks.core.cloud;

import io.clusterstacks.core.SdkStyle;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * What a provider does differently, as far as a cluster cares: how local-disk servers are treated in
 * hypervisor maintenance and which server-metadata keys announce it or opt into a restart.
 *
 * <p>pluscloud open, for example, powers local-SSD servers off for a hypervisor reboot and leaves them off
 * unless the server carries {@code ps_restart_after_maint=true}; it announces maintenance in
 * {@code ps_automatic_maintenance} and {@code ps_scheduled_shutdown} / {@code ps_scheduled_downtime}.
 */
@Value.Immutable
@SdkStyle
public abstract class ProviderQuirks {
  ProviderQuirks() {}

  /** No known quirks: local-disk servers are assumed not to be live-migrated, with no restart opt-in. */
  public static final ProviderQuirks NONE = builder().build();

  /** pluscloud open's maintenance behaviour and metadata keys. */
  public static final ProviderQuirks PLUSCLOUD_OPEN = builder()
      .restartAfterMaintenanceKey("ps_restart_after_maint")
      .restartAfterMaintenanceValue("true")
      .addMaintenanceAnnouncementKeys("ps_automatic_maintenance", "ps_scheduled_downtime", "ps_scheduled_shutdown")
      .localDiskServersStoppedInMaintenance(true)
      .build();

  /**
   * The server-metadata key with which a customer opts into a restart after hypervisor maintenance.
   *
   * @return e.g. {@code ps_restart_after_maint}, or empty when the provider has none
   */
  public abstract Optional<String> restartAfterMaintenanceKey();

  /**
   * The value that opts in.
   *
   * @return e.g. {@code true}
   */
  @Value.Default
  public String restartAfterMaintenanceValue() {
    return "true";
  }

  /**
   * Server-metadata keys in which the provider announces maintenance (ISO-8601 date-times).
   *
   * @return the keys, in the order given
   */
  public abstract List<String> maintenanceAnnouncementKeys();

  /**
   * Whether servers with a local root disk are powered off (not live-migrated) when their hypervisor
   * is maintained. scs-0103 says only diskless and network-disk flavors can be expected to live-migrate.
   *
   * @return true (the default) when local-disk servers go down with their host
   */
  @Value.Default
  public boolean localDiskServersStoppedInMaintenance() {
    return true;
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
   * A ProviderQuirks built by a function, e.g. {@code ProviderQuirks.of(b -> b...)}.
   *
   * @param spec sets the attributes on a builder
   * @return the provider quirks
   * @throws io.clusterstacks.core.InvalidInputException listing every missing or invalid attribute
   */
  public static ProviderQuirks of(Consumer<Builder> spec) {
    io.clusterstacks.core.InvalidInputException.requireArgument(spec, "spec");
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this provider quirks's attributes, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link ProviderQuirks}; {@link #build()} reports every missing or invalid attribute at once. */
  public static final class Builder extends ImmutableProviderQuirks.Builder {
    Builder() {}
  }
}
