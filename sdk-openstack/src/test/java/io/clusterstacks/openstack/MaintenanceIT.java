package io.clusterstacks.openstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterstacks.core.cloud.ProviderQuirks;
import io.clusterstacks.openstack.internal.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The restart opt-in and the announcement watch on the lab's real Nova, with pluscloud open's keys
 * (openstack-standards.md §8.2). The lab is no pluscloud: where the provider would write an announcement
 * into a server's metadata, the test writes it as admin, as the provider's tooling would.
 */
class MaintenanceIT {
  static String run() {
    return Long.toString(System.nanoTime() % 1_000_000, 36);
  }

  /**
   * A key written between the SDK's read and its write survives the opt-in (a PUT of the whole metadata
   * would drop it), as does the key the server had; setting the opt-in again writes nothing.
   */
  @Test
  void optInKeepsAKeyWrittenBetweenTheReadAndTheWrite() {
    try (OpenStackClient admin = Lab.connect(Lab.ADMIN); OpenStackClient member = Lab.connect(Lab.MEMBER)) {
      NovaLab nova = new NovaLab(admin, member);
      List<String> servers = nova.bootMany("it-optin-" + run(), 1, Json.object().put("role", "control-plane"));
      try {
        String id = servers.get(0);
        // between the SDK's read and its write, the provider (played by admin) announces maintenance
        Maintenance m = new Maintenance(member, ProviderQuirks.PLUSCLOUD_OPEN, sid -> {
          com.fasterxml.jackson.databind.node.ObjectNode body = Json.object();
          body.putObject("metadata").put("ps_scheduled_downtime", "2026-12-24T22:00:00+01:00");
          Lab.call(admin, "POST", "compute", "/servers/" + sid + "/metadata", null, body);
        });
        Maintenance.OptInResult r = m.optIn(id);
        assertTrue(r.changed());
        JsonNode md = Lab.get(member, "compute", "/servers/" + id + "/metadata", null).path("metadata");
        assertEquals("true", md.path("ps_restart_after_maint").asText(), Lab.json(md));
        assertEquals("2026-12-24T22:00:00+01:00", md.path("ps_scheduled_downtime").asText(), "the key written meanwhile: " + Lab.json(md));
        assertEquals("control-plane", md.path("role").asText(), Lab.json(md));
        assertEquals(3, md.size(), Lab.json(md));

        long mark = member.calls().total();
        io.clusterstacks.core.InvalidInputException bad = org.junit.jupiter.api.Assertions.assertThrows(
            io.clusterstacks.core.InvalidInputException.class,
            () -> member.maintenance(ProviderQuirks.PLUSCLOUD_OPEN).optIn(id + "/metadata"));
        assertTrue(bad.getMessage().contains("serverId"), bad.getMessage());
        Maintenance.OptInResult again = member.maintenance(ProviderQuirks.PLUSCLOUD_OPEN).optIn(id);
        assertFalse(again.changed());
        assertEquals(List.of("GET compute /servers/" + id + "/metadata"),
            member.calls().since(mark).stream().map(c -> c.method() + " " + c.service() + " " + c.path()).toList());
      } finally {
        nova.deleteServers(servers);
      }
    }
  }

  /**
   * 50 servers, one poll each time the test moves its clock: an announcement written into one server's
   * metadata arrives on the next poll, then its change and its withdrawal, and every poll is exactly one
   * call, {@code GET /servers/detail}, counted at the HTTP layer.
   */
  @Test
  void anAnnouncementArrivesOnTheNextPollAndAPollOverFiftyServersIsOneCall() {
    try (OpenStackClient admin = Lab.connect(Lab.ADMIN); OpenStackClient member = Lab.connect(Lab.MEMBER)) {
      NovaLab nova = new NovaLab(admin, member);
      String name = "it-watch-" + run();
      List<String> servers = nova.bootMany(name, 50, null);
      try {
        int inProject = Lab.get(member, "compute", "/servers?limit=1000", null).path("servers").size();
        assertTrue(inProject >= 50, inProject + " servers in the project");
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-02T05:00:00Z"));
        Clock clock = new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now.get();
          }
        };
        List<MaintenanceEvent> received = new ArrayList<>();
        MaintenanceWatch watch = member.maintenance(ProviderQuirks.PLUSCLOUD_OPEN).watch(received::add, clock);
        String target = servers.get(17);

        List<MaintenanceEvent> first = poll(watch, member);
        assertTrue(first.stream().noneMatch(e -> servers.contains(e.serverId())), "no announcement yet: " + first);

        announce(admin, target, "2026-12-24T22:00:00+01:00");
        now.set(now.get().plusSeconds(300));
        List<MaintenanceEvent> second = poll(watch, member);
        assertEquals(1, second.size(), second.toString());
        MaintenanceEvent e = second.get(0);
        assertEquals(MaintenanceEvent.Kind.ANNOUNCED, e.kind());
        assertEquals(target, e.serverId());
        assertEquals("ps_scheduled_downtime", e.key());
        assertEquals(Instant.parse("2026-12-24T21:00:00Z"), e.announcedTime().orElseThrow());
        assertEquals(now.get(), e.observedAt());

        announce(admin, target, "2026-12-25T22:00:00+01:00");
        now.set(now.get().plusSeconds(300));
        List<MaintenanceEvent> third = poll(watch, member);
        assertEquals(List.of(MaintenanceEvent.Kind.CHANGED), third.stream().map(MaintenanceEvent::kind).toList(), third.toString());
        assertEquals("2026-12-24T22:00:00+01:00", third.get(0).previousValue());

        Lab.call(admin, "DELETE", "compute", "/servers/" + target + "/metadata/ps_scheduled_downtime", null, null);
        now.set(now.get().plusSeconds(300));
        List<MaintenanceEvent> fourth = poll(watch, member);
        assertEquals(List.of(MaintenanceEvent.Kind.WITHDRAWN), fourth.stream().map(MaintenanceEvent::kind).toList(), fourth.toString());

        List<MaintenanceEvent> all = new ArrayList<>(first);
        all.addAll(second);
        all.addAll(third);
        all.addAll(fourth);
        assertEquals(all, received, "the listener got exactly what the polls returned");
      } finally {
        nova.deleteServers(servers);
      }
    }
  }

  private static List<MaintenanceEvent> poll(MaintenanceWatch watch, OpenStackClient member) {
    long mark = member.calls().total();
    List<MaintenanceEvent> events = watch.poll();
    assertEquals(List.of("GET compute /servers/detail"),
        member.calls().since(mark).stream().map(c -> c.method() + " " + c.service() + " " + c.path()).toList(), "one poll, one call");
    return events;
  }

  /** Writes an announcement as pluscloud open's tooling does: a merging metadata POST, as admin. */
  private static void announce(OpenStackClient admin, String serverId, String when) {
    com.fasterxml.jackson.databind.node.ObjectNode body = Json.object();
    body.putObject("metadata").put("ps_scheduled_downtime", when);
    Lab.call(admin, "POST", "compute", "/servers/" + serverId + "/metadata", null, body);
  }
}
