package io.clusterstacks.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the project's servers for the provider's maintenance announcements: each {@link #poll()} is one
 * detailed server-list call (one per 1,000 servers), whatever the number of servers,
 * and compares the announcement keys of every server with the previous poll.
 *
 * <p>The first poll reports every announcement that is already there as {@link MaintenanceEvent.Kind#ANNOUNCED}.
 * A failing poll throws and changes nothing, so the next one compares with the last good one. A listener that
 * throws is logged and does not stop the other events. Polls are serialised; the watch may be shared.
 */
public final class MaintenanceWatch {
  private static final Logger LOG = LoggerFactory.getLogger(MaintenanceWatch.class);

  private final OpenStackClient client;
  private final List<String> keys;
  private final MaintenanceListener listener;
  private final Clock clock;
  private Map<String, Seen> last = Map.of();

  MaintenanceWatch(OpenStackClient client, List<String> keys, MaintenanceListener listener, Clock clock) {
    this.client = client;
    this.keys = List.copyOf(keys);
    this.listener = listener;
    this.clock = clock;
  }

  /** One server's name and announcements at a poll. */
  record Seen(String name, Map<String, String> announcements) {}

  /**
   * The keys watched.
   *
   * @return e.g. {@code [ps_automatic_maintenance, ps_scheduled_downtime, ps_scheduled_shutdown]}
   */
  public List<String> keys() {
    return keys;
  }

  /**
   * Reads the servers once and delivers what changed since the previous poll to the listener.
   *
   * @return the events delivered, in delivery order
   * @throws OpenStackApiException or {@link OpenStackConnectionException} when the list call fails (nothing delivered)
   */
  public synchronized List<MaintenanceEvent> poll() {
    Map<String, Seen> now = seen(ServerList.detailed(client.session()), keys);
    List<MaintenanceEvent> events = diff(last, now, clock.instant());
    last = now;
    for (MaintenanceEvent e : events) {
      try {
        listener.onEvent(e);
      } catch (RuntimeException ex) {
        LOG.warn("maintenance listener failed on {}: {}", e, ex.toString());
      }
    }
    return events;
  }

  /**
   * The announcements at the last poll.
   *
   * @return server ID to its announcement keys and values, only servers with at least one
   */
  public synchronized Map<String, Map<String, String>> announcements() {
    Map<String, Map<String, String>> out = new TreeMap<>();
    last.forEach((id, s) -> {
      if (!s.announcements().isEmpty()) {
        out.put(id, s.announcements());
      }
    });
    return out;
  }

  /**
   * Polls at a fixed delay on an executor of the caller's (pluscloud open suggests every 5 minutes). A failed
   * poll is logged and retried at the next tick.
   *
   * @param executor runs the polls
   * @param interval the delay between polls, at least one second
   * @return the scheduled polls; cancel it to stop watching
   */
  public ScheduledFuture<?> schedule(ScheduledExecutorService executor, Duration interval) {
    InvalidInputException.requireArgument(executor, "executor");
    InvalidInputException.requireArgument(interval, "interval");
    if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new InvalidInputException(List.of(Problem.of("interval", interval.toString(), "poll at most once a second, e.g. PT5M")));
    }
    return executor.scheduleWithFixedDelay(() -> {
      try {
        poll();
      } catch (RuntimeException e) {
        LOG.warn("maintenance poll failed, trying again in {}: {}", interval, e.getMessage());
      }
    }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  static Map<String, Seen> seen(List<JsonNode> servers, List<String> keys) {
    Map<String, Seen> out = new LinkedHashMap<>();
    for (JsonNode s : servers) {
      Map<String, String> a = new TreeMap<>();
      JsonNode md = s.path("metadata");
      for (String k : keys) {
        if (md.hasNonNull(k)) {
          a.put(k, md.get(k).asText());
        }
      }
      out.put(s.path("id").asText(), new Seen(s.path("name").asText(""), Map.copyOf(a)));
    }
    return out;
  }

  static List<MaintenanceEvent> diff(Map<String, Seen> before, Map<String, Seen> now, Instant at) {
    List<MaintenanceEvent> out = new ArrayList<>();
    for (Map.Entry<String, Seen> e : now.entrySet()) {
      Seen was = before.getOrDefault(e.getKey(), new Seen("", Map.of()));
      Seen is = e.getValue();
      for (Map.Entry<String, String> a : new TreeMap<>(is.announcements()).entrySet()) {
        String old = was.announcements().get(a.getKey());
        if (old == null) {
          out.add(new MaintenanceEvent(MaintenanceEvent.Kind.ANNOUNCED, e.getKey(), is.name(), a.getKey(), a.getValue(), "", at));
        } else if (!old.equals(a.getValue())) {
          out.add(new MaintenanceEvent(MaintenanceEvent.Kind.CHANGED, e.getKey(), is.name(), a.getKey(), a.getValue(), old, at));
        }
      }
      for (Map.Entry<String, String> a : new TreeMap<>(was.announcements()).entrySet()) {
        if (!is.announcements().containsKey(a.getKey())) {
          out.add(new MaintenanceEvent(MaintenanceEvent.Kind.WITHDRAWN, e.getKey(), is.name(), a.getKey(), "", a.getValue(), at));
        }
      }
    }
    Map<String, Seen> gone = new HashMap<>(before);
    gone.keySet().removeAll(now.keySet());
    for (Map.Entry<String, Seen> e : new TreeMap<>(gone).entrySet()) {
      for (Map.Entry<String, String> a : new TreeMap<>(e.getValue().announcements()).entrySet()) {
        out.add(new MaintenanceEvent(MaintenanceEvent.Kind.WITHDRAWN, e.getKey(), "", a.getKey(), "", a.getValue(), at));
      }
    }
    return out;
  }
}
