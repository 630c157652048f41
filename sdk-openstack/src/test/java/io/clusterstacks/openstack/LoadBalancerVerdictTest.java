package io.clusterstacks.openstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.openstack.LoadBalancerHealth.Verdict;
import io.clusterstacks.openstack.internal.Json;
import org.junit.jupiter.api.Test;

/**
 * The verdict rules on status trees as Octavia's amphora provider wrote them in the lab
 * (shared reference octavia-lab.md: the trees there, trimmed). Which states the real Octavia reaches, and
 * that each is judged so, is shown by {@code LoadBalancerHealthIT}.
 */
class LoadBalancerVerdictTest {
  static final JsonNode LB = Json.parse("""
      {"id": "aa2065b1", "name": "k8s-clusterapi-cluster-default-prod-kubeapi", "provider": "amphora",
       "provisioning_status": "ACTIVE", "operating_status": "OFFLINE", "admin_state_up": true}
      """);

  static JsonNode tree(String lb, String listener, String pool, String m1, String m2) {
    return Json.parse("""
        {"id": "aa2065b1", "name": "lb1", "operating_status": "LB", "provisioning_status": "ACTIVE",
         "listeners": [{"id": "e1899b22", "name": "l1", "operating_status": "L", "provisioning_status": "ACTIVE",
          "pools": [{"id": "1076d79c", "name": "p1", "provisioning_status": "ACTIVE", "operating_status": "P",
           "health_monitor": {"id": "05f38448", "name": "hm1", "type": "HTTP", "provisioning_status": "ACTIVE", "operating_status": "ONLINE"},
           "members": [{"id": "87a4e1f9", "name": "m1", "operating_status": "M1", "provisioning_status": "ACTIVE", "address": "10.10.0.11", "protocol_port": 6443},
                       {"id": "6d3d4dc0", "name": "m2", "operating_status": "M2", "provisioning_status": "ACTIVE", "address": "10.10.0.12", "protocol_port": 6443}]}]}]}
        """.replace("\"LB\"", q(lb)).replace("\"L\"", q(listener)).replace("\"P\"", q(pool)).replace("\"M1\"", q(m1))
        .replace("\"M2\"", q(m2)));
  }

  static String q(String s) {
    return "\"" + s + "\"";
  }

  @Test
  void onlineEverywhereIsHealthy() {
    LoadBalancerHealth h = LoadBalancers.judge(LB, tree("ONLINE", "ONLINE", "ONLINE", "ONLINE", "ONLINE"));
    assertEquals(Verdict.HEALTHY, h.verdict(), h.summary());
    assertTrue(h.problems().isEmpty());
    assertEquals(5 + 1, h.objects().size(), h.objects().toString());
  }

  @Test
  void activeOfflineWithoutHeartbeatsIsNoHealthDataNotDown() {
    LoadBalancerHealth h = LoadBalancers.judge(LB, tree("OFFLINE", "OFFLINE", "OFFLINE", "NO_MONITOR", "NO_MONITOR"));
    assertEquals(Verdict.NO_HEALTH_DATA, h.verdict(), h.summary());
    assertTrue(h.action().contains("not \"down\""), h.action());
    assertTrue(h.problems().isEmpty(), "members are monitored, NO_MONITOR there only means no heartbeat yet: " + h.problems());
  }

  @Test
  void aFailingMemberIsDegradedAndNamed() {
    LoadBalancerHealth h = LoadBalancers.judge(LB, tree("DEGRADED", "ONLINE", "DEGRADED", "ONLINE", "ERROR"));
    assertEquals(Verdict.DEGRADED, h.verdict(), h.summary());
    assertEquals(1, h.problems().size(), h.problems().toString());
    assertTrue(h.problems().get(0).startsWith("Member m2 (10.10.0.12:6443) fails the health monitor"), h.problems().get(0));
  }

  @Test
  void aPoolWithoutAnsweringMembersIsDown() {
    LoadBalancerHealth h = LoadBalancers.judge(LB, tree("ERROR", "ONLINE", "ERROR", "ERROR", "ERROR"));
    assertEquals(Verdict.DOWN, h.verdict(), h.summary());
    assertTrue(h.action().contains("unreachable"), h.action());
  }

  @Test
  void theOnlyListenerMissingOnTheAmphoraIsDownAlthoughTheLoadBalancerSaysOnline() {
    // octavia-lab.md: a heartbeat without the listener leaves the LB ONLINE, the listener ERROR, the pool OFFLINE
    LoadBalancerHealth h = LoadBalancers.judge(LB, tree("ONLINE", "ERROR", "OFFLINE", "ONLINE", "ONLINE"));
    assertEquals(Verdict.DOWN, h.verdict(), h.summary());
  }

  @Test
  void drainingAndMaintainedMembersAreNotesOnAHealthyLoadBalancer() {
    LoadBalancerHealth h = LoadBalancers.judge(LB, tree("ONLINE", "ONLINE", "ONLINE", "DRAINING", "OFFLINE"));
    assertEquals(Verdict.HEALTHY, h.verdict(), h.summary());
    assertEquals(2, h.problems().size(), h.problems().toString());
  }

  @Test
  void pendingAndProvisioningErrorComeFirst() {
    JsonNode pending = Json.parse("{\"id\": \"x\", \"provisioning_status\": \"PENDING_CREATE\", \"operating_status\": \"OFFLINE\"}");
    LoadBalancerHealth p = LoadBalancers.judge(LB, pending);
    assertEquals(Verdict.PENDING, p.verdict(), p.summary());
    assertTrue(p.action().contains("409"), p.action());
    JsonNode error = Json.parse("{\"id\": \"x\", \"provisioning_status\": \"ERROR\", \"operating_status\": \"OFFLINE\"}");
    LoadBalancerHealth e = LoadBalancers.judge(LB, error);
    assertEquals(Verdict.PROVISIONING_ERROR, e.verdict(), e.summary());
    assertTrue(e.action().contains("failover"), e.action());
  }

  @Test
  void aDisabledLoadBalancerIsSaidToBeDisabled() {
    JsonNode off = Json.parse("{\"id\": \"x\", \"provider\": \"amphora\", \"admin_state_up\": false}");
    assertEquals(Verdict.DISABLED, LoadBalancers.judge(off, tree("OFFLINE", "OFFLINE", "OFFLINE", "OFFLINE", "OFFLINE")).verdict());
  }

  @Test
  void anotherProviderIsNamedAsUntested() {
    JsonNode ovn = Json.parse("{\"id\": \"x\", \"provider\": \"ovn\", \"admin_state_up\": true}");
    LoadBalancerHealth h = LoadBalancers.judge(ovn, tree("ONLINE", "ONLINE", "ONLINE", "ONLINE", "ONLINE"));
    assertTrue(h.action().contains("not tested"), h.action());
  }

  @Test
  void capoNamesTheApiLoadBalancerAfterNamespaceAndCluster() {
    assertEquals("k8s-clusterapi-cluster-default-prod-kubeapi", LoadBalancers.capoApiServerName("default", "prod"));
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> LoadBalancers.capoApiServerName("Default", ""));
    assertEquals(2, e.problems().size(), e.getMessage());
  }
}
