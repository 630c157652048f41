package io.clusterstacks.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.cloud.ProviderQuirks;
import io.clusterstacks.openstack.internal.Json;
import io.clusterstacks.openstack.internal.Session;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hypervisor maintenance of a provider that stops local-disk servers (pluscloud open): the restart
 * opt-in on each server, and a watch for the provider's announcements.
 *
 * <pre>{@code
 * Maintenance m = os.maintenance(profile.quirks());
 * m.optIn(serverId);                                  // ps_restart_after_maint=true, other keys untouched
 * MaintenanceWatch w = m.watch(e -> drainAndReplace(e.serverId()));
 * w.poll();                                           // one server-list call; or w.schedule(executor, Duration.ofMinutes(5))
 * }</pre>
 *
 * <p>The provider writes its announcements into the same server metadata as the opt-in, so the opt-in is
 * set with a per-key {@code PUT /servers/{id}/metadata/{key}}: a key written by anyone between the SDK's
 * read and its write survives (openstack4j's {@code updateMetadata} replaces the whole map and would drop it).
 */
public final class Maintenance {
  private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);
  private static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{1,64}");

  private final OpenStackClient client;
  private final Session session;
  private final ProviderQuirks quirks;
  private final Consumer<String> betweenReadAndWrite;

  Maintenance(OpenStackClient client, ProviderQuirks quirks, Consumer<String> betweenReadAndWrite) {
    InvalidInputException.requireArgument(quirks, "quirks");
    this.client = client;
    this.session = client.session();
    this.quirks = quirks;
    this.betweenReadAndWrite = betweenReadAndWrite;
  }

  /**
   * The provider facts in use.
   *
   * @return the quirks
   */
  public ProviderQuirks quirks() {
    return quirks;
  }

  /**
   * Sets the provider's restart opt-in on one server, unless it is set already; other metadata stays.
   *
   * @param serverId the server's ID
   * @return what was done
   * @throws InvalidInputException when the provider has no known opt-in key or the ID is no server ID
   * @throws OpenStackApiException e.g. 404 when the server does not exist, 403 when it is not the caller's
   */
  public OptInResult optIn(String serverId) {
    InvalidInputException.requireArgument(serverId, "serverId");
    if (!ID.matcher(serverId).matches()) {
      throw new InvalidInputException(List.of(Problem.of("serverId", serverId, "pass a Nova server ID (a UUID such as "
          + "3f2a1b4c-0d5e-4f60-8a71-92b3c4d5e6f7), not a name")));
    }
    String key = quirks.restartAfterMaintenanceKey().orElseThrow(() -> new InvalidInputException(List.of(Problem.of(
        "quirks.restartAfterMaintenanceKey", Problem.MISSING, "this provider has no known restart opt-in; use the profile "
            + "of a provider that has one (set clusterstacks_provider in clouds.yaml, e.g. pluscloud-open)"))));
    String value = quirks.restartAfterMaintenanceValue();
    String path = "/servers/" + serverId + "/metadata";
    JsonNode before = session.json(Session.Call.get("compute", path)).path("metadata");
    Optional<String> previous = before.hasNonNull(key) ? Optional.of(before.get(key).asText()) : Optional.empty();
    if (previous.isPresent() && previous.get().equals(value)) {
      return new OptInResult(serverId, key, value, false, previous);
    }
    betweenReadAndWrite.accept(serverId);
    ObjectNode body = Json.object();
    body.putObject("meta").put(key, value);
    // Per key: PUT on the collection would replace every key, the provider's announcements included.
    session.json(Session.Call.of("compute", "PUT", path + "/" + key).body(body));
    LOG.debug("server {}: set {}={} (was {})", serverId, key, value, previous.orElse("unset"));
    return new OptInResult(serverId, key, value, true, previous);
  }

  /**
   * A watch for maintenance announcements over the project's servers, with the system clock.
   *
   * @param listener receives the events
   * @return the watch; nothing is read until {@link MaintenanceWatch#poll()}
   * @throws InvalidInputException when the provider has no known announcement keys
   */
  public MaintenanceWatch watch(MaintenanceListener listener) {
    return watch(listener, Clock.systemUTC());
  }

  /**
   * A watch for maintenance announcements, with a clock for the events' times (tests pass their own).
   *
   * @param listener receives the events
   * @param clock stamps each event's {@link MaintenanceEvent#observedAt()}
   * @return the watch
   */
  public MaintenanceWatch watch(MaintenanceListener listener, Clock clock) {
    InvalidInputException.requireArgument(listener, "listener");
    InvalidInputException.requireArgument(clock, "clock");
    if (quirks.maintenanceAnnouncementKeys().isEmpty()) {
      throw new InvalidInputException(List.of(Problem.of("quirks.maintenanceAnnouncementKeys", "[]",
          "this provider announces no maintenance in server metadata; use the profile of a provider that does "
              + "(set clusterstacks_provider in clouds.yaml, e.g. pluscloud-open)")));
    }
    return new MaintenanceWatch(client, quirks.maintenanceAnnouncementKeys(), listener, clock);
  }

  /**
   * What {@link #optIn(String)} did.
   *
   * @param serverId the server
   * @param key the metadata key, e.g. {@code ps_restart_after_maint}
   * @param value the value set, e.g. {@code true}
   * @param changed false when the server had the opt-in already (nothing was written)
   * @param previousValue the key's value before, when it had one
   */
  public record OptInResult(String serverId, String key, String value, boolean changed, Optional<String> previousValue) {}
}
