package io.clusterstacks.openstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterstacks.openstack.MaintenanceEvent.Kind;
import io.clusterstacks.openstack.internal.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which maintenance events a poll yields from {@code GET /servers/detail} answers (metadata as pluscloud open
 * writes it, openstack-standards.md §8.2). That one poll is one list call on a real Nova, and that an
 * announcement written there arrives, is shown by {@code MaintenanceIT}.
 */
class MaintenanceEventsTest {
  static final List<String> KEYS = List.of("ps_automatic_maintenance", "ps_scheduled_downtime", "ps_scheduled_shutdown");
  static final Instant T = Instant.parse("2026-12-02T05:00:00Z");

  static Map<String, MaintenanceWatch.Seen> seen(String json) {
    List<JsonNode> servers = new ArrayList<>();
    Json.parse(json).path("servers").forEach(servers::add);
    return MaintenanceWatch.seen(servers, KEYS);
  }

  @Test
  void announcedChangedAndWithdrawnAcrossPolls() {
    var first = seen("""
        {"servers": [
          {"id": "a", "name": "cp-a", "metadata": {"ps_restart_after_maint": "true"}},
          {"id": "b", "name": "cp-b", "metadata": {"ps_scheduled_downtime": "2026-12-03T22:00:00+01:00", "other": "x"}}]}
        """);
    List<MaintenanceEvent> e1 = MaintenanceWatch.diff(Map.of(), first, T);
    assertEquals(1, e1.size(), e1.toString());
    assertEquals(Kind.ANNOUNCED, e1.get(0).kind());
    assertEquals("b", e1.get(0).serverId());
    assertEquals(Instant.parse("2026-12-03T21:00:00Z"), e1.get(0).announcedTime().orElseThrow());

    var second = seen("""
        {"servers": [
          {"id": "a", "name": "cp-a", "metadata": {"ps_restart_after_maint": "true", "ps_automatic_maintenance": "2026-12-04T22:00:00Z"}},
          {"id": "b", "name": "cp-b", "metadata": {"ps_scheduled_downtime": "2026-12-05T22:00:00+01:00"}},
          {"id": "c", "name": "cp-c", "metadata": {}}]}
        """);
    List<MaintenanceEvent> e2 = MaintenanceWatch.diff(first, second, T.plusSeconds(300));
    assertEquals(List.of("ANNOUNCED a ps_automatic_maintenance", "CHANGED b ps_scheduled_downtime"),
        e2.stream().map(e -> e.kind() + " " + e.serverId() + " " + e.key()).toList());
    assertEquals("2026-12-03T22:00:00+01:00", e2.get(1).previousValue());

    var third = seen("""
        {"servers": [
          {"id": "a", "name": "cp-a", "metadata": {"ps_restart_after_maint": "true"}},
          {"id": "c", "name": "cp-c", "metadata": {}}]}
        """);
    List<MaintenanceEvent> e3 = MaintenanceWatch.diff(second, third, T.plusSeconds(600));
    assertEquals(List.of("WITHDRAWN a ps_automatic_maintenance", "WITHDRAWN b ps_scheduled_downtime"),
        e3.stream().map(e -> e.kind() + " " + e.serverId() + " " + e.key()).toList());
    assertEquals("", e3.get(1).serverName(), "b is gone");
    assertTrue(MaintenanceWatch.diff(third, third, T).isEmpty(), "nothing changed, nothing delivered");
  }

  @Test
  void anUnparseableTimeKeepsTheValueAndHasNoInstant() {
    var s = seen("""
        {"servers": [{"id": "a", "name": "cp-a", "metadata": {"ps_scheduled_shutdown": "next tuesday"}}]}
        """);
    MaintenanceEvent e = MaintenanceWatch.diff(Map.of(), s, T).get(0);
    assertEquals("next tuesday", e.value());
    assertTrue(e.announcedTime().isEmpty());
  }
}
