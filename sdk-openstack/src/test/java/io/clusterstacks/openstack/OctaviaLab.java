package io.clusterstacks.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterstacks.openstack.internal.Json;
import java.util.function.Predicate;

/**
 * Test set-up on the lab's real Octavia (amphora provider, no-op back ends): load balancers shaped like
 * CAPO's API load balancer (TCP listener on 6443, a pool with a TCP health monitor, one member per
 * control-plane node), created and deleted through the real API as the member user.
 */
final class OctaviaLab {
  static final String LB = "/v2/lbaas/loadbalancers";
  final OpenStackClient member;
  final String subnetId;

  OctaviaLab(OpenStackClient member) {
    this.member = member;
    JsonNode subnets = Lab.get(member, "network", "/v2.0/subnets?name=lab-lb-subnet", null).path("subnets");
    if (subnets.isEmpty()) {
      throw new AssertionError("the lab has no subnet lab-lb-subnet; lab/openstack/ensure creates it");
    }
    this.subnetId = subnets.get(0).path("id").asText();
  }

  /** Posts a load balancer and returns its ID at once (it is PENDING_CREATE then). */
  String post(String name) {
    ObjectNode body = Json.object();
    body.putObject("loadbalancer").put("name", name).put("vip_subnet_id", subnetId).put("provider", "amphora");
    return Lab.call(member, "POST", "load-balancer", LB, null, body).path("loadbalancer").path("id").asText();
  }

  /** A load balancer with listener l1, pool p1 with health monitor hm1, members m1 and m2, all ACTIVE. */
  String createApiLoadBalancer(String name) {
    String id = post(name);
    awaitProvisioning(id, "ACTIVE");
    ObjectNode l = Json.object();
    l.putObject("listener").put("name", "l1").put("protocol", "TCP").put("protocol_port", 6443).put("loadbalancer_id", id);
    String listener = Lab.call(member, "POST", "load-balancer", "/v2/lbaas/listeners", null, l).path("listener").path("id").asText();
    awaitProvisioning(id, "ACTIVE");
    ObjectNode p = Json.object();
    p.putObject("pool").put("name", "p1").put("protocol", "TCP").put("lb_algorithm", "ROUND_ROBIN").put("listener_id", listener);
    String pool = Lab.call(member, "POST", "load-balancer", "/v2/lbaas/pools", null, p).path("pool").path("id").asText();
    awaitProvisioning(id, "ACTIVE");
    ObjectNode hm = Json.object();
    hm.putObject("healthmonitor").put("name", "hm1").put("type", "TCP").put("delay", 10).put("timeout", 5).put("max_retries", 3)
        .put("pool_id", pool);
    Lab.call(member, "POST", "load-balancer", "/v2/lbaas/healthmonitors", null, hm);
    awaitProvisioning(id, "ACTIVE");
    for (int i = 1; i <= 2; i++) {
      ObjectNode m = Json.object();
      m.putObject("member").put("name", "m" + i).put("address", "10.10.0.1" + i).put("protocol_port", 6443).put("subnet_id", subnetId);
      Lab.call(member, "POST", "load-balancer", "/v2/lbaas/pools/" + pool + "/members", null, m);
      awaitProvisioning(id, "ACTIVE");
    }
    return id;
  }

  JsonNode tree(String id) {
    return Lab.get(member, "load-balancer", LB + "/" + id + "/status", null).path("statuses").path("loadbalancer");
  }

  String provisioning(String id) {
    return Lab.get(member, "load-balancer", LB + "/" + id, null).path("loadbalancer").path("provisioning_status").asText();
  }

  void awaitProvisioning(String id, String status) {
    await(id, "provisioning " + status, t -> t.path("provisioning_status").asText().equals(status));
  }

  /** Waits (at most 120 s, the lab under load) until the status tree satisfies the condition. */
  JsonNode await(String id, String what, Predicate<JsonNode> condition) {
    long deadline = System.nanoTime() + 120_000_000_000L;
    JsonNode t = tree(id);
    while (!condition.test(t)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("load balancer " + id + " not " + what + " after 120 s: " + Lab.json(t));
      }
      NovaLab.sleep(500);
      t = tree(id);
    }
    return t;
  }

  /** Deletes with cascade, waiting out PENDING states (409), until Octavia answers 404. */
  void delete(String id) {
    long deadline = System.nanoTime() + 180_000_000_000L;
    while (true) {
      try {
        Lab.call(member, "DELETE", "load-balancer", LB + "/" + id + "?cascade=true", null, null);
        break;
      } catch (OpenStackApiException e) {
        if (e.status() == 404) {
          return;
        }
        if (e.status() != 409 || System.nanoTime() > deadline) {
          throw e;
        }
        NovaLab.sleep(1000);
      }
    }
    while (true) {
      try {
        Lab.get(member, "load-balancer", LB + "/" + id, null);
      } catch (OpenStackApiException e) {
        if (e.status() == 404) {
          return;
        }
        throw e;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("load balancer " + id + " not deleted after 180 s");
      }
      NovaLab.sleep(500);
    }
  }
}
