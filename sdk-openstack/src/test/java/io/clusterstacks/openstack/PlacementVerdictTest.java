package io.clusterstacks.openstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterstacks.core.plan.PlacementPolicy;
import io.clusterstacks.openstack.PlacementReport.Finding.Kind;
import io.clusterstacks.openstack.PlacementVerification.Planned;
import io.clusterstacks.openstack.internal.Json;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The placement verdict from Nova's JSON (entries shaped as {@code GET /servers/detail} returns them on the
 * lab: an ACTIVE server has a {@code hostId}, one buried in cell0 by NoValidHost has {@code hostId ""} and a
 * fault). What Nova really does is shown by {@code PlacementVerificationIT}.
 */
class PlacementVerdictTest {
  static final String H1 = "8a3f0c2e4d7b9e1f5a6c3b2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b";
  static final String H2 = "1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6";

  static Map<String, JsonNode> servers(String json) {
    Map<String, JsonNode> out = new HashMap<>();
    Json.parse(json).path("servers").forEach(s -> out.put(s.path("id").asText(), s));
    return out;
  }

  static final String SERVERS = """
      {"servers": [
        {"id": "s1", "name": "prod-cp-a", "status": "ACTIVE", "hostId": "H1", "metadata": {}},
        {"id": "s2", "name": "prod-cp-b", "status": "ACTIVE", "hostId": "H2", "metadata": {}},
        {"id": "s3", "name": "prod-cp-c", "status": "ERROR", "hostId": "",
         "fault": {"code": 500, "created": "2026-12-02T05:01:02Z",
                   "message": "No valid host was found. There are not enough hosts available."}},
        {"id": "w1", "name": "prod-md-0-a", "status": "ACTIVE", "hostId": "H1"},
        {"id": "w2", "name": "prod-md-0-b", "status": "ACTIVE", "hostId": "H1"},
        {"id": "w3", "name": "prod-md-0-c", "status": "ACTIVE", "hostId": "H2"}]}
      """.replace("H1", H1).replace("H2", H2);

  static ServerGroup group(String id, String policy, List<String> members) {
    return new ServerGroup(id, "clusterstacks-prod-" + id, policy, OptionalInt.empty(), members, "p1");
  }

  @Test
  void membersOnDistinctHostsAsPlannedGiveNoFinding() {
    Map<String, ServerGroup> groups = Map.of("g-cp", group("g-cp", "anti-affinity", List.of("s1", "s2")));
    PlacementReport r = PlacementVerification.check(List.of(new Planned("control-plane", "g-cp", PlacementPolicy.antiAffinity(), 2, 4)),
        groups, servers(SERVERS));
    assertTrue(r.ok(), r.summary());
    assertEquals(Map.of(H1, 1, H2, 1), r.groups().get(0).membersPerHost());
  }

  @Test
  void aMemberInErrorQuotesNovasFaultAndSaysWhatToDo() {
    Map<String, ServerGroup> groups = Map.of("g-cp", group("g-cp", "anti-affinity", List.of("s1", "s2", "s3")));
    PlacementReport r = PlacementVerification.check(List.of(new Planned("control-plane", "g-cp", PlacementPolicy.antiAffinity(), 3, 4)),
        groups, servers(SERVERS));
    assertEquals(List.of(Kind.MEMBER_ERROR), r.findings().stream().map(PlacementReport.Finding::kind).toList(), r.summary());
    PlacementReport.Finding f = r.findings().get(0);
    assertEquals(List.of("s3"), f.serverIds());
    assertTrue(f.message().contains("No valid host was found. There are not enough hosts available."), f.message());
    assertTrue(f.fix().contains("fewer free hypervisors than members"), f.fix());
  }

  @Test
  void softAntiAffinityMembersSharingAHostBeyondThePlanAreNamed() {
    Map<String, ServerGroup> groups = Map.of("g-md", group("g-md", "soft-anti-affinity", List.of("w1", "w2", "w3")));
    // planned for 4 hypervisors: 3 members should have one host each
    PlacementReport r = PlacementVerification.check(List.of(new Planned("md-0", "g-md", PlacementPolicy.softAntiAffinity(), 3, 4)),
        groups, servers(SERVERS));
    List<PlacementReport.Finding> shared = r.findings(Kind.SHARED_HOST);
    assertEquals(1, shared.size(), r.summary());
    assertEquals(List.of("w1", "w2"), shared.get(0).serverIds());
    assertTrue(shared.get(0).message().contains("prod-md-0-a, prod-md-0-b"), shared.get(0).message());
    assertTrue(shared.get(0).fix().contains("preference"), shared.get(0).fix());
    // planned for 2 hypervisors, the same placement is the even spread the plan expects
    PlacementReport asPlanned = PlacementVerification.check(List.of(new Planned("md-0", "g-md", PlacementPolicy.softAntiAffinity(), 3, 2)),
        groups, servers(SERVERS));
    assertTrue(asPlanned.ok(), asPlanned.summary());
  }

  @Test
  void maxServerPerHostAllowsThatManyOnOneHost() {
    Map<String, ServerGroup> groups = Map.of("g-md", group("g-md", "anti-affinity", List.of("w1", "w2", "w3")));
    assertTrue(PlacementVerification.check(List.of(new Planned("md-0", "g-md", PlacementPolicy.maxPerHost(2), 3, 4)), groups,
        servers(SERVERS)).ok());
    PlacementReport hard = PlacementVerification.check(List.of(new Planned("md-0", "g-md", PlacementPolicy.antiAffinity(), 3, 4)),
        groups, servers(SERVERS));
    assertEquals(1, hard.findings(Kind.SHARED_HOST).size(), hard.summary());
    assertTrue(hard.findings().get(0).fix().contains("does not have the planned policy"), hard.summary());
  }

  @Test
  void missingMembersGoneMembersAndMissingGroupsAreReported() {
    Map<String, ServerGroup> groups = Map.of("g-cp", group("g-cp", "anti-affinity", List.of("s1", "gone-1")));
    PlacementReport r = PlacementVerification.check(List.of(
        new Planned("control-plane", "g-cp", PlacementPolicy.antiAffinity(), 3, 4),
        new Planned("md-0", "g-deleted", PlacementPolicy.softAntiAffinity(), 2, 4),
        new Planned("md-1", null, PlacementPolicy.softAntiAffinity(), 2, 4)), groups, servers(SERVERS));
    assertEquals(List.of(Kind.MISSING_MEMBERS, Kind.GROUP_NOT_FOUND, Kind.GROUP_NOT_CREATED),
        r.findings().stream().map(PlacementReport.Finding::kind).toList(), r.summary());
    PlacementReport.Finding missing = r.findings().get(0);
    assertEquals(List.of("gone-1"), missing.serverIds());
    assertTrue(missing.message().contains("the plan has 3 members") && missing.message().contains("Nova has 1"), missing.message());
    assertEquals("NOT_FOUND", r.groups().get(0).members().get(1).status());
  }
}
