package io.clusterstacks.lifecycle.respond;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.cloud.ProviderQuirks;
import io.clusterstacks.lifecycle.diagnose.ClusterObservations;
import io.clusterstacks.lifecycle.diagnose.ClusterObservations.Group;
import io.clusterstacks.lifecycle.diagnose.ClusterObservations.Node;
import io.clusterstacks.lifecycle.diagnose.ClusterObservations.Server;
import io.clusterstacks.lifecycle.respond.ResponsePlan.Action;
import io.clusterstacks.lifecycle.respond.ResponsePlan.EventStatus;
import io.clusterstacks.lifecycle.respond.ResponsePlan.Step;
import io.clusterstacks.lifecycle.respond.ResponsePlan.StepKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The planner as a specification: hand-built cases for each rule, and 3000 seeded random snapshots (hosts,
 * members, policies, statuses, announcements, a previous state) checked by code written apart from the
 * planner's: no prefix of the steps leaves etcd below quorum, no HOLD server is deleted, a Machine is deleted
 * only where a free hypervisor exists, HOLD exactly where none does (or etcd's quorum forbids it), and every node the responder cordoned for a withdrawn, moved-away or
 * finished announcement is uncordoned.
 */
class ResponsePlannerTest {
  static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
  static final String KEY = "ps_scheduled_downtime";
  static final String OPT_IN = "ps_restart_after_maint";
  static final ResponseOptions OPTIONS = new ResponseOptions(Duration.ofHours(2), Duration.ofHours(1));

  static Group cpGroup(String policy, int members, int perHost) {
    return new Group("control-plane", true, "g-cp", "clusterstacks-prod-control-plane", policy, members, perHost);
  }

  static final Group MD = new Group("md-0", false, "g-md", "clusterstacks-prod-md-0", "soft-anti-affinity", 2, 1);

  static Server cp(int i, String host) {
    return Server.of("cp-" + i, "prod-cp-" + i, "control-plane", true, "g-cp", "ACTIVE", host, "SCS-2V-4-20s");
  }

  static Server md(int i, String host) {
    return Server.of("md-" + i, "prod-md-" + i, "md-0", false, "g-md", "ACTIVE", host, "SCS-4V-8");
  }

  static Server announced(Server s, Instant at) {
    Map<String, String> m = new HashMap<>(s.metadata());
    m.put(KEY, at.toString());
    return s.withMetadata(m);
  }

  static ClusterObservations snapshot(List<Group> groups, List<Server> servers) {
    ClusterObservations.Builder b = ClusterObservations.builder("default", "prod", NOW).quirks(ProviderQuirks.PLUSCLOUD_OPEN);
    groups.forEach(b::addGroup);
    servers.forEach(s -> {
      b.addServer(s);
      b.addNode(new Node("node-" + s.name(), "openstack:///" + s.id(), s.controlPlane(), "True", "", "", List.of()));
    });
    return b.build();
  }

  static List<StepKind> kinds(ResponsePlan p, String serverId) {
    return p.steps().stream().filter(s -> s.serverId().equals(serverId)).map(Step::kind).toList();
  }

  @Test
  void hardAntiAffinityWithAsManyMembersAsHostsHoldsAndNeverDeletes() {
    Instant at = NOW.plus(Duration.ofHours(1));
    ResponsePlan p = ResponsePlanner.plan(snapshot(List.of(cpGroup("anti-affinity", 3, 1)),
        List.of(announced(cp(0, "h0"), at), cp(1, "h1"), cp(2, "h2"))), OPTIONS, Optional.empty(), NOW);
    assertEquals(Action.HOLD, p.decision("cp-0").orElseThrow().action());
    assertTrue(p.decision("cp-0").orElseThrow().reason().contains("no other hypervisor can take a replacement"), p.text());
    assertTrue(p.decision("cp-0").orElseThrow().reason().contains("h1 has 1 of the group's members"), p.text());
    assertEquals(List.of(StepKind.SET_OPT_IN, StepKind.CORDON, StepKind.DRAIN), kinds(p, "cp-0"));
    assertEquals("node-prod-cp-0", p.steps().get(1).nodeName());
    assertTrue(p.nextState().entry("cp-0", KEY).orElseThrow().cordoned());
  }

  @Test
  void aFreeHypervisorGivesReplaceInOrder() {
    Instant at = NOW.plus(Duration.ofHours(1));
    ResponsePlan p = ResponsePlanner.plan(snapshot(List.of(cpGroup("anti-affinity", 3, 1), MD),
        List.of(announced(cp(0, "h0"), at), cp(1, "h1"), cp(2, "h2"), md(0, "h3"))), OPTIONS, Optional.empty(), NOW);
    ResponsePlan.Decision d = p.decision("cp-0").orElseThrow();
    assertEquals(Action.REPLACE, d.action(), p.text());
    assertEquals(List.of("h3"), d.candidateHosts());
    assertTrue(d.reason().contains("etcd keeps 2 of 3 members (quorum 2)"), d.reason());
    assertEquals(List.of(StepKind.CORDON, StepKind.DRAIN, StepKind.DELETE_MACHINE, StepKind.AWAIT_REPLACEMENT), kinds(p, "cp-0"));
  }

  @Test
  void sameHostAndTimeIsOneEventAndControlPlaneMembersGoOneAtATime() {
    Instant at = NOW.plus(Duration.ofMinutes(30));
    // soft anti-affinity put two control-plane members on h0; h2..h4 are free
    ClusterObservations seen = snapshot(List.of(cpGroup("soft-anti-affinity", 5, 1), MD), List.of(announced(cp(0, "h0"), at),
        announced(cp(1, "h0"), at), cp(2, "h1"), cp(3, "h2"), cp(4, "h3"), announced(md(0, "h0"), at), md(1, "h4")));
    ResponsePlan p = ResponsePlanner.plan(seen, OPTIONS, Optional.empty(), NOW);
    assertEquals(1, p.events().size(), p.text());
    assertEquals(List.of("cp-0", "cp-1", "md-0"), p.events().get(0).serverIds());
    List<String> order = p.steps().stream().filter(s -> s.kind() == StepKind.DELETE_MACHINE || s.kind()
        == StepKind.AWAIT_REPLACEMENT).map(s -> s.kind() + " " + s.serverId()).toList();
    assertEquals(List.of("DELETE_MACHINE md-0", "AWAIT_REPLACEMENT md-0", "DELETE_MACHINE cp-0", "AWAIT_REPLACEMENT cp-0",
        "DELETE_MACHINE cp-1", "AWAIT_REPLACEMENT cp-1"), order);
  }

  @Test
  void quorumAtRiskHoldsAndSaysWhy() {
    Instant at = NOW.plus(Duration.ofHours(1));
    ResponsePlan p = ResponsePlanner.plan(snapshot(List.of(cpGroup("soft-anti-affinity", 3, 1), MD),
        List.of(announced(cp(0, "h0"), at), cp(1, "h1").withStatus("SHUTOFF", ""), cp(2, "h2"), md(0, "h3"))), OPTIONS,
        Optional.empty(), NOW);
    ResponsePlan.Decision d = p.decision("cp-0").orElseThrow();
    assertEquals(Action.HOLD, d.action());
    assertTrue(d.reason().contains("would leave etcd with 1 of 3 members available, below its quorum of 2"), d.reason());
    assertFalse(kinds(p, "cp-0").contains(StepKind.DELETE_MACHINE));
  }

  @Test
  void aMemberHeldInOneEventCountsAsDownForTheReplacementInAnother() {
    // three members under hard anti-affinity on h0..h2, h3 (a worker's) free for one. cp-0 (h0, 10:30) could move to
    // h3; then cp-1 (h1, 11:00) has nowhere to go and is held, so its maintenance takes it down while cp-0 is being
    // replaced: 1 of 3 up. Deleting cp-0 is refused; both are held and the reason says why.
    ClusterObservations seen = snapshot(List.of(cpGroup("anti-affinity", 3, 1), MD), List.of(
        announced(cp(0, "h0"), NOW.plus(Duration.ofMinutes(30))), announced(cp(1, "h1"), NOW.plus(Duration.ofHours(1))),
        cp(2, "h2"), md(0, "h3")));
    ResponsePlan p = ResponsePlanner.plan(seen, OPTIONS, Optional.empty(), NOW);
    assertEquals(Action.HOLD, p.decision("cp-1").orElseThrow().action(), p.text());
    ResponsePlan.Decision d = p.decision("cp-0").orElseThrow();
    assertEquals(Action.HOLD, d.action(), p.text());
    assertTrue(d.reason().contains("would leave etcd with 1 of 3 members available, below its quorum of 2 (1 held"), d.reason());
    assertFalse(p.steps().stream().anyMatch(s -> s.kind() == StepKind.DELETE_MACHINE), p.text());
  }

  @Test
  void aMemberAlreadyDownMayBeReplacedWithoutCountingAgainstQuorum() {
    // cp-1 is SHUTOFF and announced: etcd already lives without it (2 of 3 up, quorum 2), so deleting its Machine
    // takes nothing more from etcd and it is replaced; refusing it would keep a dead member through the maintenance
    ClusterObservations seen = snapshot(List.of(cpGroup("soft-anti-affinity", 3, 1), MD), List.of(cp(0, "h0"),
        announced(cp(1, "h1").withStatus("SHUTOFF", ""), NOW.plus(Duration.ofHours(1))), cp(2, "h2"), md(0, "h3")));
    ResponsePlan p = ResponsePlanner.plan(seen, OPTIONS, Optional.empty(), NOW);
    assertEquals(Action.REPLACE, p.decision("cp-1").orElseThrow().action(), p.text());
  }

  @Test
  void aServerWithTwoAnnouncementKeysCountsAtTheEarlierTime() {
    // the provider's table and examples name different keys (ps_automatic_maintenance for the hypervisor,
    // ps_scheduled_downtime for the VM): the earlier one decides, here 1 h away and so within the 2 h lead time
    Map<String, String> m = Map.of("ps_automatic_maintenance", NOW.plus(Duration.ofHours(5)).toString(), KEY,
        NOW.plus(Duration.ofHours(1)).toString());
    ResponsePlan p = ResponsePlanner.plan(snapshot(List.of(MD), List.of(md(0, "h0").withMetadata(m), md(1, "h1"))), OPTIONS,
        Optional.empty(), NOW);
    assertEquals(EventStatus.ACTIVE, p.events().get(0).status(), p.text());
    assertEquals(KEY, p.nextState().entries().get(0).key());
  }

  @Test
  void hardAffinityHolds() {
    Instant at = NOW.plus(Duration.ofHours(1));
    Group aff = new Group("md-0", false, "g-md", "clusterstacks-prod-md-0", "affinity", 2, 2);
    ResponsePlan p = ResponsePlanner.plan(snapshot(List.of(aff), List.of(announced(md(0, "h0"), at), md(1, "h0"), cp(0, "h1"))),
        OPTIONS, Optional.empty(), NOW);
    assertEquals(Action.HOLD, p.decision("md-0").orElseThrow().action());
    assertTrue(p.decision("md-0").orElseThrow().reason().contains("hard affinity"));
  }

  @Test
  void pendingPastAndUnreadableAreListedNotActedOn() {
    ClusterObservations seen = snapshot(List.of(cpGroup("soft-anti-affinity", 3, 1)), List.of(
        announced(cp(0, "h0"), NOW.plus(Duration.ofHours(5))), announced(cp(1, "h1"), NOW.minus(Duration.ofHours(3))),
        cp(2, "h2").withMetadata(Map.of(KEY, "next tuesday"))));
    ResponsePlan p = ResponsePlanner.plan(seen, OPTIONS, Optional.empty(), NOW);
    assertEquals(List.of(EventStatus.PAST, EventStatus.PENDING, EventStatus.UNREADABLE),
        p.events().stream().map(ResponsePlan.Event::status).toList(), p.text());
    assertEquals(List.of(), p.steps());
    assertTrue(p.events().get(1).reason().contains("the responder starts at 2026-12-03T13:00:00Z"), p.text());
  }

  @Test
  void withdrawnMovedAndFinishedAnnouncementsUncordonWhatWeCordoned() {
    ResponseState previous = new ResponseState(List.of(
        new ResponseState.Entry("cp-0", "prod-cp-0", "node-prod-cp-0", KEY, NOW.plusSeconds(600).toString(), Action.HOLD, true),
        new ResponseState.Entry("cp-1", "prod-cp-1", "node-prod-cp-1", KEY, NOW.plusSeconds(600).toString(), Action.HOLD, true),
        new ResponseState.Entry("cp-2", "prod-cp-2", "node-prod-cp-2", KEY, NOW.minusSeconds(7200).toString(), Action.HOLD, true),
        new ResponseState.Entry("md-0", "prod-md-0", "node-prod-md-0", KEY, NOW.plusSeconds(600).toString(), Action.REPLACE,
            true)));
    ClusterObservations seen = snapshot(List.of(cpGroup("anti-affinity", 3, 1)), List.of(
        cp(0, "h0"), // withdrawn
        announced(cp(1, "h1"), NOW.plus(Duration.ofDays(2))), // moved beyond the lead time
        announced(cp(2, "h2"), NOW.minus(Duration.ofHours(2))))); // window over; md-0 is gone (replaced)
    ResponsePlan p = ResponsePlanner.plan(seen, OPTIONS, Optional.of(previous), NOW);
    assertEquals(List.of("UNCORDON cp-0", "UNCORDON cp-2", "UNCORDON cp-1"),
        p.steps().stream().map(s -> s.kind() + " " + s.serverId()).toList(), p.text());
    assertTrue(p.steps().get(0).reason().contains("withdrawn"));
    assertTrue(p.steps().get(2).reason().contains("moved"));
    assertTrue(p.events().get(1).reason().contains("moved since the previous pass"), p.text());
    assertEquals(List.of("cp-1"), p.nextState().entries().stream().map(ResponseState.Entry::serverId).toList());
    assertFalse(p.nextState().entries().get(0).cordoned());
  }

  @Test
  void aMovedAnnouncementWithinTheLeadTimeIsPlannedAgain() {
    ResponseState previous = new ResponseState(List.of(new ResponseState.Entry("cp-0", "prod-cp-0", "node-prod-cp-0", KEY,
        NOW.plus(Duration.ofDays(1)).toString(), Action.NONE, false)));
    ResponsePlan p = ResponsePlanner.plan(snapshot(List.of(cpGroup("anti-affinity", 3, 1), MD), List.of(
        announced(cp(0, "h0"), NOW.plus(Duration.ofMinutes(20))), cp(1, "h1"), cp(2, "h2"), md(0, "h3"))), OPTIONS,
        Optional.of(previous), NOW);
    assertEquals(Action.REPLACE, p.decision("cp-0").orElseThrow().action());
    assertTrue(p.events().get(0).reason().contains("moved since the previous pass"));
  }

  // --- generated snapshots, checked independently ---------------------------------------------------------

  @Test
  void generatedSnapshotsNeverBreakQuorumDeleteHeldServersOrReplaceWithoutAFreeHost() {
    int replaced = 0;
    int held = 0;
    int uncordoned = 0;
    for (long seed = 1; seed <= 3000; seed++) {
      Random r = new Random(seed);
      Generated g = generate(r);
      ResponsePlan p = ResponsePlanner.plan(g.seen, OPTIONS, Optional.of(g.previous), NOW);
      String where = "seed " + seed + "\n" + p.text() + g.seen.servers();
      checkQuorum(g.seen, p, where);
      checkHeldNeverDeleted(p, where);
      checkFreeHost(g.seen, p, where);
      checkHoldExactly(g.seen, p, where);
      checkCompleteness(g.seen, p, where);
      checkUncordon(g, p, where);
      replaced += (int) p.decisions().stream().filter(d -> d.action() == Action.REPLACE).count();
      held += (int) p.decisions().stream().filter(d -> d.action() == Action.HOLD).count();
      uncordoned += (int) p.steps().stream().filter(s -> s.kind() == StepKind.UNCORDON).count();
    }
    // the generator reaches every branch often enough for the checks to mean something
    assertTrue(replaced > 300 && held > 500 && uncordoned > 200, replaced + " replaced, " + held + " held, " + uncordoned
        + " uncordoned");
  }

  record Generated(ClusterObservations seen, ResponseState previous, Set<String> gone) {}

  static final List<String> POLICIES = List.of("anti-affinity", "soft-anti-affinity", "affinity", "anti-affinity");

  static Generated generate(Random r) {
    int hosts = 1 + r.nextInt(6);
    List<Group> groups = new ArrayList<>();
    List<Server> servers = new ArrayList<>();
    int cpMembers = 1 + r.nextInt(5);
    String cpPolicy = POLICIES.get(r.nextInt(POLICIES.size()));
    int cpPerHost = cpPolicy.equals("anti-affinity") ? 1 + r.nextInt(2) : 1;
    groups.add(new Group("control-plane", true, "g-cp", "cp", cpPolicy, cpMembers, cpPerHost));
    place(r, "cp", "g-cp", "control-plane", true, cpPolicy, cpPerHost, cpMembers, hosts, servers);
    int workerGroups = r.nextInt(3);
    for (int w = 0; w < workerGroups; w++) {
      String policy = POLICIES.get(r.nextInt(POLICIES.size()));
      int perHost = policy.equals("anti-affinity") ? 1 + r.nextInt(2) : 1;
      int members = 1 + r.nextInt(5);
      groups.add(new Group("md-" + w, false, "g-md-" + w, "md-" + w, policy, members, perHost));
      place(r, "md" + w, "g-md-" + w, "md-" + w, false, policy, perHost, members, hosts, servers);
    }
    // announcements: some hosts, one time each; sometimes one server differs or is unreadable
    Map<String, Instant> hostTime = new HashMap<>();
    for (int h = 0; h < hosts; h++) {
      if (r.nextInt(3) == 0) {
        hostTime.put("h" + h, NOW.plus(Duration.ofMinutes(-240 + r.nextInt(600))));
      }
    }
    List<Server> announcedServers = new ArrayList<>();
    for (Server s : servers) {
      Instant at = hostTime.get(s.hostId());
      Map<String, String> m = new HashMap<>();
      if (r.nextBoolean()) {
        m.put(OPT_IN, "true");
      }
      if (at != null && r.nextInt(8) != 0) {
        int odd = r.nextInt(20);
        m.put(odd == 0 ? "ps_automatic_maintenance" : KEY, odd == 1 ? "soon" : (odd == 2 ? at.plusSeconds(60) : at).toString());
      }
      announcedServers.add(s.withMetadata(m));
    }
    // a previous state: some servers cordoned for an announcement that may since be gone, moved or the same
    List<ResponseState.Entry> entries = new ArrayList<>();
    for (Server s : announcedServers) {
      if (r.nextInt(3) == 0) {
        String value = s.metadata().getOrDefault(KEY, NOW.plusSeconds(900).toString());
        if (r.nextInt(3) == 0) {
          value = NOW.plus(Duration.ofMinutes(r.nextInt(300))).toString();
        }
        entries.add(new ResponseState.Entry(s.id(), s.name(), "", KEY, value, r.nextBoolean() ? Action.HOLD : Action.REPLACE,
            r.nextBoolean()));
      }
    }
    Set<String> gone = new HashSet<>();
    List<Server> present = new ArrayList<>();
    for (Server s : announcedServers) {
      if (r.nextInt(15) == 0) {
        gone.add(s.id());
      } else {
        present.add(s);
      }
    }
    ClusterObservations.Builder b = ClusterObservations.builder("default", "gen", NOW).quirks(ProviderQuirks.PLUSCLOUD_OPEN);
    groups.forEach(b::addGroup);
    present.forEach(b::addServer);
    return new Generated(b.build(), new ResponseState(entries), gone);
  }

  /** Places members the way Nova would: hard policies enforced (ERROR, no host, when impossible), soft ones random. */
  static void place(Random r, String prefix, String groupId, String deployment, boolean cp, String policy, int perHost,
      int members, int hosts, List<Server> out) {
    Map<Integer, Integer> load = new HashMap<>();
    int affinityHost = r.nextInt(hosts);
    for (int i = 0; i < members; i++) {
      int h;
      if (policy.equals("affinity")) {
        h = affinityHost;
      } else if (policy.equals("anti-affinity")) {
        List<Integer> free = new ArrayList<>();
        for (int x = 0; x < hosts; x++) {
          if (load.getOrDefault(x, 0) < perHost) {
            free.add(x);
          }
        }
        h = free.isEmpty() ? -1 : free.get(r.nextInt(free.size()));
      } else {
        h = r.nextInt(hosts);
      }
      String status = h < 0 ? "ERROR" : (r.nextInt(10) == 0 ? "SHUTOFF" : "ACTIVE");
      if (h >= 0) {
        load.merge(h, 1, Integer::sum);
      }
      out.add(Server.of(prefix + "-" + i, prefix + "-" + i, deployment, cp, groupId, status, h < 0 ? "" : "h" + h, "SCS-2V-4-20s"));
    }
  }

  /**
   * No prefix of the steps has more etcd members unavailable than etcd tolerates: those down before, the held
   * members (their maintenance takes them down while the replacements run) and the deleted one not yet replaced.
   */
  static void checkQuorum(ClusterObservations seen, ResponsePlan p, String where) {
    List<Server> cp = seen.servers().stream().filter(Server::controlPlane).toList();
    int members = cp.size();
    int quorum = members / 2 + 1;
    Set<String> up = new HashSet<>();
    cp.stream().filter(s -> s.status().equals("ACTIVE")).forEach(s -> up.add(s.id()));
    long heldDown = p.decisions().stream().filter(d -> d.action() == Action.HOLD && up.contains(d.serverId())).count();
    Set<String> down = new HashSet<>();
    for (Step s : p.steps()) {
      if (s.kind() == StepKind.DELETE_MACHINE && up.contains(s.serverId())) {
        down.add(s.serverId());
        assertTrue(up.size() - heldDown - down.size() >= quorum, "etcd below quorum after deleting " + s.serverId() + ": "
            + where);
      }
      if (s.kind() == StepKind.AWAIT_REPLACEMENT) {
        down.remove(s.serverId());
      }
    }
  }

  static void checkHeldNeverDeleted(ResponsePlan p, String where) {
    for (Step s : p.steps()) {
      if (s.kind() == StepKind.DELETE_MACHINE) {
        assertEquals(Action.REPLACE, p.decision(s.serverId()).orElseThrow().action(), where);
      }
    }
    p.decisions().stream().filter(d -> d.action() == Action.HOLD).forEach(d -> assertFalse(p.steps().stream().anyMatch(
        s -> s.serverId().equals(d.serverId()) && s.kind() == StepKind.DELETE_MACHINE), d.serverId() + " held but deleted: "
        + where));
  }

  /** Deletions per group fit in the free places on hypervisors that are not announced (and not past). */
  static void checkFreeHost(ClusterObservations seen, ResponsePlan p, String where) {
    Set<String> hosts = new TreeSet<>();
    seen.servers().forEach(s -> {
      if (!s.hostId().isEmpty()) {
        hosts.add(s.hostId());
      }
    });
    Set<String> busy = new HashSet<>();
    p.events().stream().filter(e -> e.status() != EventStatus.PAST).forEach(e -> busy.add(e.hostId()));
    Map<String, Integer> deletions = new HashMap<>();
    for (Step s : p.steps()) {
      if (s.kind() == StepKind.DELETE_MACHINE) {
        deletions.merge(s.groupId(), 1, Integer::sum);
        String own = s.hostId();
        assertTrue(hosts.stream().anyMatch(h -> !h.equals(own) && !busy.contains(h)), "no free host for " + s.serverId() + ": "
            + where);
      }
    }
    for (Group g : seen.groups()) {
      int n = deletions.getOrDefault(g.groupId(), 0);
      if (g.policy().equals("affinity")) {
        assertEquals(0, n, "hard affinity group replaced: " + where);
      } else if (g.policy().equals("anti-affinity") && n > 0) {
        int slots = 0;
        for (String h : hosts) {
          if (!busy.contains(h)) {
            long on = seen.servers().stream().filter(s -> s.groupId().equals(g.groupId()) && s.hostId().equals(h)).count();
            slots += Math.max(0, g.allowedPerHost() - (int) on);
          }
        }
        assertTrue(n <= slots, n + " replacements in " + g.groupId() + " for " + slots + " free places: " + where);
      }
    }
  }

  /**
   * HOLD exactly where no other hypervisor can take a replacement (or etcd's quorum forbids it): per group, the
   * replacements fill the free places on hypervisors not announced (all of them, if there are fewer servers than
   * places), and a control-plane member held with places left is held for a quorum that is really at risk.
   */
  static void checkHoldExactly(ClusterObservations seen, ResponsePlan p, String where) {
    Set<String> hosts = new TreeSet<>();
    seen.servers().forEach(s -> {
      if (!s.hostId().isEmpty()) {
        hosts.add(s.hostId());
      }
    });
    Set<String> busy = new HashSet<>();
    p.events().stream().filter(e -> e.status() != EventStatus.PAST).forEach(e -> busy.add(e.hostId()));
    Set<String> free = new TreeSet<>(hosts);
    free.removeAll(busy);
    List<Server> cpAll = seen.servers().stream().filter(Server::controlPlane).toList();
    int available = (int) cpAll.stream().filter(s -> s.status().equals("ACTIVE")).count();
    int quorum = cpAll.size() / 2 + 1;
    for (Group g : seen.groups()) {
      List<ResponsePlan.Decision> ds = p.decisions().stream().filter(d -> seen.servers().stream()
          .anyMatch(s -> s.id().equals(d.serverId()) && s.groupId().equals(g.groupId()))).toList();
      if (ds.isEmpty()) {
        continue;
      }
      long replace = ds.stream().filter(d -> d.action() == Action.REPLACE).count();
      if (g.policy().equals("affinity")) {
        assertEquals(0, replace, "hard affinity replaced: " + where);
        continue;
      }
      int places;
      if (g.policy().equals("anti-affinity")) {
        places = 0;
        for (String h : free) {
          long on = seen.servers().stream().filter(s -> s.groupId().equals(g.groupId()) && s.hostId().equals(h)).count();
          places += Math.max(0, g.allowedPerHost() - (int) on);
        }
      } else {
        places = free.isEmpty() ? 0 : ds.size();
      }
      int allowed = Math.min(ds.size(), places);
      if (replace == allowed || ds.stream().noneMatch(d -> d.action() == Action.HOLD)) {
        continue;
      }
      assertTrue(g.controlPlane(), g.groupId() + " holds " + (ds.size() - replace) + " with " + places + " free places: "
          + where);
      // held with places left: only for etcd. Even counting as few structural holds as possible among the
      // ACTIVE members, deleting one more would go below quorum, and no ACTIVE member is deleted.
      long activeCandidates = ds.stream().filter(d -> isActive(seen, d.serverId())).count();
      long mostStructuralHeld = Math.min(activeCandidates, ds.size() - allowed);
      assertTrue(available - mostStructuralHeld - 1 < quorum, "control-plane member held although etcd keeps quorum: "
          + where);
      assertTrue(ds.stream().noneMatch(d -> d.action() == Action.REPLACE && isActive(seen, d.serverId())), where);
    }
  }

  static boolean isActive(ClusterObservations seen, String id) {
    return seen.servers().stream().anyMatch(s -> s.id().equals(id) && s.status().equals("ACTIVE"));
  }

  /** Every server of an acted-on event has one decision; events do not repeat a host and time. */
  static void checkCompleteness(ClusterObservations seen, ResponsePlan p, String where) {
    Set<String> keys = new HashSet<>();
    for (ResponsePlan.Event e : p.events()) {
      assertTrue(keys.add(e.hostId() + "@" + e.announcedAt() + e.status()), "two events for one host and time: " + where);
      if (e.status() == EventStatus.ACTIVE) {
        e.serverIds().forEach(id -> assertTrue(p.decision(id).isPresent(), "no decision for " + id + ": " + where));
      } else {
        e.serverIds().forEach(id -> assertTrue(p.decision(id).isEmpty(), "decision for " + id + " of a " + e.status()
            + " event: " + where));
      }
    }
  }

  /** A node cordoned by the previous pass whose announcement is withdrawn, moved away or over gets UNCORDON. */
  static void checkUncordon(Generated g, ResponsePlan p, String where) {
    for (ResponseState.Entry e : g.previous.entries()) {
      if (!e.cordoned() || g.gone.contains(e.serverId())) {
        continue;
      }
      Server s = g.seen.servers().stream().filter(x -> x.id().equals(e.serverId())).findFirst().orElseThrow();
      Optional<Instant> at = ResponsePlannerTest.earliest(s);
      boolean unreadable = s.metadata().containsKey(KEY) && at.isEmpty()
          || s.metadata().containsKey("ps_automatic_maintenance") && at.isEmpty();
      boolean acting = at.isPresent() && !NOW.isBefore(at.get().minus(OPTIONS.leadTime()))
          && NOW.isBefore(at.get().plus(OPTIONS.window()));
      boolean uncordon = p.steps().stream().anyMatch(x -> x.kind() == StepKind.UNCORDON && x.serverId().equals(e.serverId()));
      if (!acting && !unreadable) {
        assertTrue(uncordon, "cordoned " + e.serverId() + " not uncordoned: " + where);
      }
      if (acting) {
        assertFalse(uncordon, "uncordoned " + e.serverId() + " during its maintenance: " + where);
      }
    }
  }

  static Optional<Instant> earliest(Server s) {
    Optional<Instant> best = Optional.empty();
    for (String k : List.of("ps_automatic_maintenance", KEY, "ps_scheduled_shutdown")) {
      String v = s.metadata().get(k);
      if (v == null) {
        continue;
      }
      try {
        Instant t = Instant.parse(v);
        if (best.isEmpty() || t.isBefore(best.get())) {
          best = Optional.of(t);
        }
      } catch (java.time.DateTimeException e) {
        // unreadable
      }
    }
    return best;
  }
}
