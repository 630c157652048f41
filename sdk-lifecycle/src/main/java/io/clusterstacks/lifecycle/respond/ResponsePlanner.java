package io.clusterstacks.lifecycle.respond;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.cloud.ProviderQuirks;
import io.clusterstacks.lifecycle.diagnose.ClusterObservations;
import io.clusterstacks.lifecycle.diagnose.ClusterObservations.Group;
import io.clusterstacks.lifecycle.diagnose.ClusterObservations.Server;
import io.clusterstacks.lifecycle.respond.ResponsePlan.Action;
import io.clusterstacks.lifecycle.respond.ResponsePlan.Decision;
import io.clusterstacks.lifecycle.respond.ResponsePlan.Event;
import io.clusterstacks.lifecycle.respond.ResponsePlan.EventStatus;
import io.clusterstacks.lifecycle.respond.ResponsePlan.Step;
import io.clusterstacks.lifecycle.respond.ResponsePlan.StepKind;
import io.clusterstacks.openstack.MaintenanceEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Computes a {@link ResponsePlan}: pure, no network and no clock ({@code now} is an argument), so a snapshot
 * built by hand gives the same plan as the live one.
 *
 * <p>The rules:
 * <ul>
 *   <li>An announcement is a value of one of the provider's announcement keys
 *       ({@link ProviderQuirks#maintenanceAnnouncementKeys()}) in a server's metadata, its time read by
 *       {@link MaintenanceEvent#announcedTime(String)}; a server with several keys counts at its earliest time.
 *       Servers announced for the same {@code hostId} and time are one event.</li>
 *   <li>An event is acted on from {@code leadTime} before its time until {@code window} after it. Earlier it is
 *       pending; later it is past, and only the nodes the responder cordoned are uncordoned. An announcement
 *       whose key is gone since the previous state (withdrawn), or whose time moved beyond the lead time, gets its
 *       node uncordoned if the responder cordoned it; a moved one within the lead time is planned again.</li>
 *   <li>REPLACE when another known hypervisor (a {@code hostId} of the cluster's servers, not itself announced)
 *       can take the replacement: under hard {@code anti-affinity} one with fewer of the group's members than the
 *       plan allows per host (counting the replacements already planned there); under soft policies any. HOLD
 *       under hard {@code affinity} (the replacement would land on the same host), when no such hypervisor is
 *       known, and for a control-plane member whose deletion would leave etcd below quorum, where the
 *       control-plane members held in any active event count as down (their maintenance takes them down while the
 *       replacements run). A host announced for maintenance, with a readable time not yet past or an unreadable
 *       one, takes no replacement.</li>
 *   <li>Steps per REPLACE: cordon, drain, delete the Machine, await the replacement; per HOLD: set the restart
 *       opt-in (when the provider has one and the server lacks it), cordon, drain. Events run by time; in an
 *       event the holds first, then workers, then control-plane members, one at a time: a replacement is awaited
 *       before the next Machine is deleted, so at most one etcd member is unavailable by the responder's hand.</li>
 * </ul>
 */
public final class ResponsePlanner {
  private static final String PROVIDER_ID_PREFIX = "openstack://";

  private ResponsePlanner() {}

  /**
   * Plans the response.
   *
   * @param seen the snapshot (servers with group, {@code hostId}, metadata and status; the plan's groups; the
   *     Nodes, for their names)
   * @param options the lead time and window
   * @param previous the state the previous pass returned, empty on the first
   * @param now the moment to plan for
   * @return the plan
   */
  public static ResponsePlan plan(ClusterObservations seen, ResponseOptions options, Optional<ResponseState> previous,
      Instant now) {
    InvalidInputException.requireArgument(seen, "seen");
    InvalidInputException.requireArgument(options, "options");
    InvalidInputException.requireArgument(previous, "previous");
    InvalidInputException.requireArgument(now, "now");
    return new Run(seen, options, previous.orElse(ResponseState.EMPTY), now).plan();
  }

  /** The Node name of a server: the Node whose {@code spec.providerID} is {@code openstack://.../<id>}. */
  static String nodeName(ClusterObservations seen, String serverId) {
    return seen.nodes().stream().filter(n -> matchesProviderId(n.providerId(), serverId)).map(ClusterObservations.Node::name)
        .findFirst().orElse("");
  }

  /**
   * Whether a Node's {@code spec.providerID} names a server: {@code openstack:///<id>} (CAPO) or
   * {@code openstack://<region>/<id>}.
   *
   * @param providerId the provider ID
   * @param serverId the server ID
   * @return whether it names the server
   */
  public static boolean matchesProviderId(String providerId, String serverId) {
    return providerId.startsWith(PROVIDER_ID_PREFIX) && providerId.endsWith("/" + serverId);
  }

  private record Announcement(Server server, String key, String value, Optional<Instant> at) {}

  private static final class Run {
    private final ClusterObservations seen;
    private final ResponseOptions options;
    private final ResponseState previous;
    private final Instant now;
    private final ProviderQuirks quirks;
    private final List<Event> events = new ArrayList<>();
    private final List<Decision> decisions = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();
    private final List<ResponseState.Entry> next = new ArrayList<>();
    private final Set<String> uncordonPlanned = new HashSet<>();
    private final Map<String, Decision> decided = new HashMap<>();

    Run(ClusterObservations seen, ResponseOptions options, ResponseState previous, Instant now) {
      this.seen = seen;
      this.options = options;
      this.previous = previous;
      this.now = now;
      this.quirks = seen.quirks();
    }

    ResponsePlan plan() {
      Map<String, Server> byId = new LinkedHashMap<>();
      seen.servers().forEach(s -> byId.put(s.id(), s));
      List<Announcement> announced = new ArrayList<>();
      for (Server s : seen.servers()) {
        earliest(s).ifPresent(announced::add);
      }
      // withdrawn: the previous pass saw a key that is gone now (or the server is)
      for (ResponseState.Entry e : previous.entries()) {
        Server s = byId.get(e.serverId());
        boolean stillThere = announced.stream().anyMatch(a -> a.server().id().equals(e.serverId()) && a.key().equals(e.key()));
        if (stillThere) {
          continue;
        }
        boolean otherKey = announced.stream().anyMatch(a -> a.server().id().equals(e.serverId()));
        if (s == null) {
          continue; // gone: replaced (REPLACE) or deleted by someone else; nothing of ours is left to undo
        }
        if (e.cordoned() && !otherKey) {
          uncordon(s, e.nodeName(), "the announcement " + e.key() + "=" + e.value() + " was withdrawn (the key is gone), so "
              + "the node the responder cordoned is schedulable again");
        }
      }
      // events: same hostId and time
      Map<String, List<Announcement>> grouped = new LinkedHashMap<>();
      announced.stream().sorted(Comparator.comparing((Announcement a) -> a.at().orElse(Instant.MAX))
          .thenComparing(a -> a.server().hostId()).thenComparing(a -> a.server().name()).thenComparing(a -> a.server().id()))
          .forEach(a -> grouped.computeIfAbsent(a.server().hostId() + "@" + a.at().map(Instant::toString).orElse("?" + a.value()),
              k -> new ArrayList<>()).add(a));
      Set<String> announcedHosts = new TreeSet<>();
      for (List<Announcement> g : grouped.values()) {
        Announcement first = g.get(0);
        // a host whose time is unreadable may go down at any moment: no place for a replacement either
        if ((first.at().isEmpty() || status(first.at().get()) != EventStatus.PAST) && !first.server().hostId().isEmpty()) {
          announcedHosts.add(first.server().hostId());
        }
      }
      decideAll(grouped.values(), new Capacity(announcedHosts), new Quorum());
      for (List<Announcement> g : grouped.values()) {
        event(g);
      }
      return new ResponsePlan(seen.namespace(), seen.clusterName(), now, options, events, decisions, steps,
          new ResponseState(next));
    }

    private Optional<Announcement> earliest(Server s) {
      Announcement best = null;
      for (String k : quirks.maintenanceAnnouncementKeys()) {
        String v = s.metadata().get(k);
        if (v == null || v.isBlank()) {
          continue;
        }
        Announcement a = new Announcement(s, k, v, MaintenanceEvent.announcedTime(v));
        if (best == null || (a.at().isPresent() && (best.at().isEmpty() || a.at().get().isBefore(best.at().get())))) {
          best = a;
        }
      }
      return Optional.ofNullable(best);
    }

    private EventStatus status(Instant at) {
      if (now.isBefore(at.minus(options.leadTime()))) {
        return EventStatus.PENDING;
      }
      return now.isBefore(at.plus(options.window())) ? EventStatus.ACTIVE : EventStatus.PAST;
    }

    private void event(List<Announcement> g) {
      Announcement first = g.get(0);
      String host = first.server().hostId();
      List<String> ids = g.stream().map(a -> a.server().id()).toList();
      List<String> names = g.stream().map(a -> a.server().name()).toList();
      if (first.at().isEmpty()) {
        events.add(new Event(host, Optional.empty(), EventStatus.UNREADABLE, ids, names, "the announced value "
            + first.key() + "=" + first.value() + " is no ISO-8601 date-time, so when the maintenance happens is unknown: "
            + "nothing is done; ask the provider and drain or replace by hand"));
        g.forEach(a -> keep(a, Action.NONE, previouslyCordoned(a)));
        return;
      }
      Instant at = first.at().get();
      EventStatus status = status(at);
      List<String> moved = new ArrayList<>();
      for (Announcement a : g) {
        previous.entries().stream().filter(e -> e.serverId().equals(a.server().id()) && !e.value().equals(a.value()))
            .findFirst().ifPresent(e -> moved.add(a.server().name() + " from " + e.value()));
      }
      String movedText = moved.isEmpty() ? "" : " (moved since the previous pass: " + String.join(", ", moved) + ")";
      switch (status) {
        case PENDING -> {
          events.add(new Event(host, Optional.of(at), status, ids, names, "announced for " + at + ", further away than the "
              + "lead time " + options.leadTime() + ": the responder starts at " + at.minus(options.leadTime()) + movedText));
          for (Announcement a : g) {
            if (previouslyCordoned(a)) {
              uncordon(a.server(), nodeOf(a), "the maintenance moved to " + at + ", beyond the lead time: the node is "
                  + "schedulable until the responder starts again");
            }
            keep(a, Action.NONE, false);
          }
        }
        case PAST -> {
          events.add(new Event(host, Optional.of(at), status, ids, names, "announced for " + at + ", and the window of "
              + options.window() + " after it is over: nothing is replaced or drained any more; nodes the responder "
              + "cordoned are uncordoned"));
          for (Announcement a : g) {
            if (previouslyCordoned(a)) {
              uncordon(a.server(), nodeOf(a), "the maintenance window (" + at + " + " + options.window() + ") is over");
            }
          }
        }
        case ACTIVE -> {
          events.add(new Event(host, Optional.of(at), status, ids, names, "announced for " + at + ", within the lead time "
              + options.leadTime() + ": acting now" + movedText));
          act(g);
        }
        default -> throw new IllegalStateException(status.toString());
      }
    }

    /**
     * Decides every server of the active events together: first where a replacement can go (hard affinity, free
     * places, taken as they are planned; control-plane members first), then etcd's quorum, counting the held
     * control-plane members as down (the maintenance takes them down while the replacements run).
     */
    private void decideAll(Collection<List<Announcement>> groups, Capacity capacity, Quorum quorum) {
      List<Announcement> active = new ArrayList<>();
      for (List<Announcement> g : groups) {
        Announcement first = g.get(0);
        if (first.at().isPresent() && status(first.at().get()) == EventStatus.ACTIVE) {
          active.addAll(g.stream().filter(a -> a.server().controlPlane()).toList());
        }
      }
      for (List<Announcement> g : groups) {
        Announcement first = g.get(0);
        if (first.at().isPresent() && status(first.at().get()) == EventStatus.ACTIVE) {
          active.addAll(g.stream().filter(a -> !a.server().controlPlane()).toList());
        }
      }
      for (Announcement a : active) {
        decided.put(a.server().id(), decide(a.server(), capacity));
      }
      int heldDown = (int) active.stream().filter(a -> a.server().controlPlane() && a.server().status().equals("ACTIVE")
          && decided.get(a.server().id()).action() == Action.HOLD).count();
      for (Announcement a : active) {
        Server s = a.server();
        Decision d = decided.get(s.id());
        if (!s.controlPlane() || d.action() != Action.REPLACE) {
          continue;
        }
        Optional<String> refused = quorum.refuse(s, heldDown);
        decided.put(s.id(), refused.isPresent() ? hold(s, refused.get())
            : new Decision(s.id(), s.name(), s.deployment(), true, s.hostId(), Action.REPLACE, d.candidateHosts(),
                d.reason() + "; " + quorum.text(heldDown)));
      }
    }

    private void act(List<Announcement> g) {
      List<Announcement> holds = new ArrayList<>();
      List<Announcement> workers = new ArrayList<>();
      List<Announcement> controlPlane = new ArrayList<>();
      for (Announcement a : g) {
        Decision d = decided.get(a.server().id());
        decisions.add(d);
        if (d.action() == Action.HOLD) {
          holds.add(a);
        } else if (a.server().controlPlane()) {
          controlPlane.add(a);
        } else {
          workers.add(a);
        }
      }
      for (Announcement a : holds) {
        Server s = a.server();
        Optional<String> key = quirks.restartAfterMaintenanceKey();
        if (key.isPresent() && !quirks.restartAfterMaintenanceValue().equals(s.metadata().get(key.get()))) {
          step(StepKind.SET_OPT_IN, s, nodeOf(a), "so that the provider starts the server again after the maintenance ("
              + key.get() + "=" + quirks.restartAfterMaintenanceValue() + ")");
        }
        step(StepKind.CORDON, s, nodeOf(a), "no new pods on a node whose server goes down at " + a.at().orElseThrow());
        step(StepKind.DRAIN, s, nodeOf(a), "move its pods away before the maintenance, respecting PodDisruptionBudgets; "
            + "the node is uncordoned after the window");
        keep(a, Action.HOLD, true);
      }
      List<Announcement> replaced = new ArrayList<>(workers);
      replaced.addAll(controlPlane);
      for (Announcement a : replaced) {
        Server s = a.server();
        step(StepKind.CORDON, s, nodeOf(a), "no new pods on a node that is being replaced");
        step(StepKind.DRAIN, s, nodeOf(a), "move its pods away respecting PodDisruptionBudgets before its Machine is deleted");
        step(StepKind.DELETE_MACHINE, s, nodeOf(a), "Cluster API creates a replacement Machine"
            + (s.controlPlane() ? "; the only control-plane member down by the responder's hand until its replacement is seen"
                : ""));
        step(StepKind.AWAIT_REPLACEMENT, s, nodeOf(a), "a new server in the group, on a hypervisor other than " + s.hostId()
            + " (candidates " + decided.get(s.id()).candidateHosts() + ")");
        keep(a, Action.REPLACE, true);
      }
    }

    private Decision decide(Server s, Capacity capacity) {
      Optional<Group> group = seen.groups().stream().filter(x -> !x.groupId().isEmpty() && x.groupId().equals(s.groupId()))
          .findFirst();
      String policy = group.map(Group::policy).orElse("");
      if (policy.equals("affinity")) {
        return hold(s, "its group " + group.get().name() + " has hard affinity: every member must be on one "
            + "hypervisor, so a replacement would land on the announced one; held through the maintenance instead");
      }
      List<String> candidates = capacity.candidates(s, group);
      if (candidates.isEmpty()) {
        return hold(s, "no other hypervisor can take a replacement: " + capacity.why(s, group) + "; held through the "
            + "maintenance (opt-in, drain, uncordon after the window) and never deleted");
      }
      capacity.take(s, group, candidates.get(0));
      return new Decision(s.id(), s.name(), s.deployment(), s.controlPlane(), s.hostId(), Action.REPLACE, candidates,
          "hypervisor" + (candidates.size() == 1 ? " " : "s ") + String.join(", ", candidates) + " can take a replacement"
              + (policy.isEmpty() ? "" : " under " + policy));
    }

    private Decision hold(Server s, String reason) {
      return new Decision(s.id(), s.name(), s.deployment(), s.controlPlane(), s.hostId(), Action.HOLD, List.of(), reason);
    }

    private boolean previouslyCordoned(Announcement a) {
      return previous.entries().stream().anyMatch(e -> e.serverId().equals(a.server().id()) && e.cordoned());
    }

    private String nodeOf(Announcement a) {
      String n = nodeName(seen, a.server().id());
      if (!n.isEmpty()) {
        return n;
      }
      return previous.entries().stream().filter(e -> e.serverId().equals(a.server().id())).map(ResponseState.Entry::nodeName)
          .filter(x -> !x.isEmpty()).findFirst().orElse("");
    }

    private void keep(Announcement a, Action action, boolean cordoned) {
      next.add(new ResponseState.Entry(a.server().id(), a.server().name(), nodeOf(a), a.key(), a.value(), action,
          cordoned && !uncordonPlanned.contains(a.server().id())));
    }

    private void uncordon(Server s, String node, String reason) {
      if (uncordonPlanned.add(s.id())) {
        steps.add(new Step(StepKind.UNCORDON, s.id(), s.name(), node, s.groupId(), s.hostId(), s.controlPlane(), reason));
      }
    }

    private void step(StepKind kind, Server s, String node, String reason) {
      steps.add(new Step(kind, s.id(), s.name(), node, s.groupId(), s.hostId(), s.controlPlane(), reason));
    }

    /** Free places for replacements per group and hypervisor, as they are taken. */
    private final class Capacity {
      private final Set<String> announcedHosts;
      private final Set<String> hosts = new TreeSet<>();
      private final Map<String, Integer> taken = new HashMap<>();

      Capacity(Set<String> announcedHosts) {
        this.announcedHosts = announcedHosts;
        seen.servers().forEach(s -> {
          if (!s.hostId().isEmpty()) {
            hosts.add(s.hostId());
          }
        });
      }

      List<String> candidates(Server s, Optional<Group> group) {
        List<String> out = new ArrayList<>();
        for (String h : hosts) {
          if (h.equals(s.hostId()) || announcedHosts.contains(h)) {
            continue;
          }
          if (hard(group) && members(s.groupId(), h) >= group.get().allowedPerHost()) {
            continue;
          }
          out.add(h);
        }
        return out;
      }

      String why(Server s, Optional<Group> group) {
        List<String> others = hosts.stream().filter(h -> !h.equals(s.hostId())).toList();
        if (others.isEmpty()) {
          return "the cluster's servers show no hypervisor besides " + s.hostId();
        }
        List<String> parts = new ArrayList<>();
        for (String h : others) {
          if (announcedHosts.contains(h)) {
            parts.add(h + " is announced for maintenance too");
          } else {
            parts.add(h + " has " + members(s.groupId(), h) + " of the group's members");
          }
        }
        return (hard(group) ? "the group " + group.get().name() + " has hard anti-affinity with at most "
            + group.get().allowedPerHost() + " per host, and " : "") + String.join(", ", parts);
      }

      void take(Server s, Optional<Group> group, String host) {
        if (hard(group)) {
          taken.merge(s.groupId() + "@" + host, 1, Integer::sum);
        }
      }

      private boolean hard(Optional<Group> group) {
        return group.isPresent() && group.get().policy().equals("anti-affinity");
      }

      private int members(String groupId, String host) {
        int n = taken.getOrDefault(groupId + "@" + host, 0);
        for (Server x : seen.servers()) {
          if (x.groupId().equals(groupId) && x.hostId().equals(host)) {
            n++;
          }
        }
        return n;
      }
    }

    /** etcd's members: the control-plane servers; those not ACTIVE are unavailable already. */
    private final class Quorum {
      private final int members;
      private final int quorum;
      private final int available;

      Quorum() {
        members = (int) seen.servers().stream().filter(Server::controlPlane).count();
        quorum = members / 2 + 1;
        available = (int) seen.servers().stream().filter(s -> s.controlPlane() && s.status().equals("ACTIVE")).count();
      }

      Optional<String> refuse(Server s, int heldDown) {
        if (!s.status().equals("ACTIVE")) {
          return Optional.empty(); // already unavailable: deleting it takes nothing more from etcd
        }
        if (available - heldDown - 1 < quorum) {
          return Optional.of("deleting this control-plane member would leave etcd with " + (available - heldDown - 1) + " of "
              + members + " members available, below its quorum of " + quorum + (available < members ? " ("
              + (members - available) + " already not ACTIVE)" : "") + (heldDown > 0 ? " (" + heldDown + " held through "
              + "their maintenance, which takes them down)" : "") + "; held through the maintenance and never deleted");
        }
        return Optional.empty();
      }

      String text(int heldDown) {
        return "etcd keeps " + (available - heldDown - 1) + " of " + members + " members (quorum " + quorum + ") while it is "
            + "replaced, one member at a time" + (heldDown > 0 ? ", counting " + heldDown + " held member" + (heldDown == 1 ? ""
            : "s") + " as down" : "");
      }
    }
  }
}
