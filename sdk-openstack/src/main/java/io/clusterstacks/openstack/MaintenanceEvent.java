package io.clusterstacks.openstack;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * A maintenance announcement that appeared, changed or was withdrawn in one server's metadata.
 *
 * @param kind what happened
 * @param serverId the server
 * @param serverName its name (empty when the server is gone)
 * @param key the announcement key, e.g. {@code ps_scheduled_downtime}
 * @param value the key's value now, empty when withdrawn
 * @param previousValue its value at the previous poll, empty when announced
 * @param observedAt when the poll that saw it ran (the watch's clock)
 */
public record MaintenanceEvent(Kind kind, String serverId, String serverName, String key, String value, String previousValue,
    Instant observedAt) {
  /**
   * Checks.
   *
   * @param kind the kind
   * @param serverId the server
   * @param serverName the name
   * @param key the key
   * @param value the value
   * @param previousValue the previous value
   * @param observedAt when seen
   */
  public MaintenanceEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(serverName, "serverName");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(previousValue, "previousValue");
    Objects.requireNonNull(observedAt, "observedAt");
  }

  /** What happened to the announcement. */
  public enum Kind {
    /** The key appeared (or was there at the first poll). */
    ANNOUNCED,
    /** The key's value changed, e.g. the provider moved the date. */
    CHANGED,
    /** The key is gone (or the server is). */
    WITHDRAWN
  }

  /**
   * The announced time, when the value is an ISO-8601 date-time (with offset, or UTC without one).
   *
   * @return the time, empty for a withdrawn or unparseable value
   */
  public Optional<Instant> announcedTime() {
    return announcedTime(value);
  }

  /**
   * The time an announcement value names, by the rule {@link #announcedTime()} reads events with: an ISO-8601
   * date-time with offset, or without one (read as UTC). For tools that read a server's metadata themselves.
   *
   * @param value a maintenance announcement's metadata value
   * @return the time, empty for a blank (withdrawn) or unparseable value
   */
  public static Optional<Instant> announcedTime(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(value.strip()).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }

  @Override
  public String toString() {
    return kind + " " + key + " on " + (serverName.isEmpty() ? serverId : serverName + " (" + serverId + ")")
        + (kind == Kind.WITHDRAWN ? " (was " + previousValue + ")" : ": " + value
            + (kind == Kind.CHANGED ? " (was " + previousValue + ")" : "")) + " at " + observedAt;
  }
}
