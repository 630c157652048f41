package io.clusterstacks.core.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a role's servers come back after hypervisor maintenance.
 *
 * @param method how the opt-in is set, or why none is needed
 * @param key the server-metadata key (e.g. {@code ps_restart_after_maint})
 * @param value the value that opts in (e.g. {@code true})
 * @param announcementKeys server-metadata keys in which the provider announces maintenance, to watch
 * @param explanation what happens and what to do, in words
 */
public record MaintenanceOptIn(Method method, Optional<String> key, String value, List<String> announcementKeys,
    String explanation) {

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
   * Checks the parts are present.
   *
   * @param method how the opt-in is set
   * @param key the metadata key
   * @param value the opt-in value
   * @param announcementKeys keys to watch
   * @param explanation what happens
   */
  public MaintenanceOptIn {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    announcementKeys = List.copyOf(announcementKeys);
    Objects.requireNonNull(explanation, "explanation");
  }
}
