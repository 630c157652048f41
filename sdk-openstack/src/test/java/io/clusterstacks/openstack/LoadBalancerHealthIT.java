package io.clusterstacks.openstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.openstack.LoadBalancerHealth.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Load-balancer health on the lab's real Octavia (amphora provider with no-op back ends: API, worker,
 * health manager and database are Octavia's own, see octavia-lab.md), one test per state the lab can
 * reach. Every test deletes its load balancers; those that stop the worker or break the CA restore them.
 */
class LoadBalancerHealthIT {
  static String run() {
    return Long.toString(System.nanoTime() % 1_000_000, 36);
  }

  /**
   * No heartbeat, then heartbeats from the test: ACTIVE/OFFLINE is "no health data"; all UP is healthy; one
   * member DOWN is degraded and names it; the pool and its members DOWN is down. There is no amphora with no-op drivers, so
   * the test plays the amphora's health daemon with lab/openstack/octavia-heartbeat, which sends the signed
   * UDP heartbeat an amphora sends; the real health manager then sets the statuses.
   */
  @Test
  void noHealthDataThenHealthyDegradedAndDownFromHeartbeats() {
    String cluster = "it-lb-" + run();
    try (OpenStackClient member = Lab.connect(Lab.MEMBER)) {
      OctaviaLab octavia = new OctaviaLab(member);
      String id = octavia.createApiLoadBalancer(LoadBalancers.capoApiServerName("it", cluster));
      try {
        LoadBalancerHealth quiet = member.loadBalancers().apiServer("it", cluster);
        System.out.println(quiet.summary());
        assertEquals(Verdict.NO_HEALTH_DATA, quiet.verdict(), quiet.summary());
        assertEquals(id, quiet.loadBalancerId());
        assertEquals("ACTIVE", quiet.provisioningStatus());
        assertEquals("OFFLINE", quiet.operatingStatus());

        LoadBalancerHealth healthy = withHeartbeats(octavia, id, "ONLINE", member);
        assertEquals(Verdict.HEALTHY, healthy.verdict(), healthy.summary());

        LoadBalancerHealth degraded = withHeartbeats(octavia, id, "DEGRADED", member, "--set", "m2=DOWN");
        assertEquals(Verdict.DEGRADED, degraded.verdict(), degraded.summary());
        assertEquals(1, degraded.problems().size(), degraded.summary());
        assertTrue(degraded.problems().get(0).startsWith("Member m2 (10.10.0.12:6443) fails the health monitor"), degraded.summary());

        LoadBalancerHealth down = withHeartbeats(octavia, id, "ERROR", member, "--set", "p1=DOWN", "--set", "m1=DOWN", "--set", "m2=DOWN");
        assertEquals(Verdict.DOWN, down.verdict(), down.summary());
        assertTrue(down.problems().stream().anyMatch(p -> p.startsWith("Pool p1 is in ERROR")), down.summary());
      } finally {
        octavia.delete(id);
      }
    }
  }

  /** Heartbeats keep flowing while the SDK reads (a pause over 60 s would make the health manager fail the amphora over). */
  private static LoadBalancerHealth withHeartbeats(OctaviaLab octavia, String id, String lbOperating, OpenStackClient member,
      String... set) {
    String[] args = new String[set.length + 5];
    args[0] = id;
    System.arraycopy(set, 0, args, 1, set.length);
    args[set.length + 1] = "--count";
    args[set.length + 2] = "300";
    args[set.length + 3] = "--interval";
    args[set.length + 4] = "2";
    Process heartbeats = LabScript.background("octavia-heartbeat", args);
    try {
      octavia.await(id, "operating " + lbOperating, t -> t.path("operating_status").asText().equals(lbOperating));
      LoadBalancerHealth h = member.loadBalancers().health(id);
      System.out.println(h.summary());
      return h;
    } finally {
      LabScript.stop(heartbeats);
    }
  }

  /** With octavia-worker stopped, a new load balancer stays PENDING_CREATE (the create cast waits in RabbitMQ). */
  @Test
  void pendingCreateWhileTheWorkerIsStopped() {
    try (OpenStackClient member = Lab.connect(Lab.MEMBER)) {
      OctaviaLab octavia = new OctaviaLab(member);
      String id = null;
      LabScript.run("service", "stop", "octavia-worker");
      try {
        id = octavia.post("it-pending-" + run());
        LoadBalancerHealth h = member.loadBalancers().health(id);
        System.out.println(h.summary());
        assertEquals(Verdict.PENDING, h.verdict(), h.summary());
        assertEquals("PENDING_CREATE", h.provisioningStatus());
        assertTrue(h.action().contains("cannot be changed or deleted"), h.action());
      } finally {
        LabScript.run("service", "start", "octavia-worker");
        if (id != null) {
          octavia.awaitProvisioning(id, "ACTIVE");
          octavia.delete(id);
        }
      }
    }
  }

  /** With the CA key unreadable for the worker, the create flow fails and the load balancer goes to ERROR. */
  @Test
  void provisioningErrorFromAFailedCreate() throws Exception {
    Path key = Path.of("/etc/octavia/certs/ca_01.key");
    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(key);
    try (OpenStackClient member = Lab.connect(Lab.MEMBER)) {
      OctaviaLab octavia = new OctaviaLab(member);
      String id = null;
      Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("---------"));
      try {
        id = octavia.post("it-error-" + run());
        octavia.awaitProvisioning(id, "ERROR");
        LoadBalancerHealth h = member.loadBalancers().health(id);
        System.out.println(h.summary());
        assertEquals(Verdict.PROVISIONING_ERROR, h.verdict(), h.summary());
        assertTrue(h.action().contains(id), h.action());
      } finally {
        Files.setPosixFilePermissions(key, mode);
        if (id != null) {
          octavia.delete(id);
        }
      }
    }
  }

  /** A cluster without an API load balancer (Kamaji, or apiServerLoadBalancer disabled) and an unknown ID are said to have none. */
  @Test
  void noLoadBalancerIsSaidSo() {
    try (OpenStackClient member = Lab.connect(Lab.MEMBER)) {
      LoadBalancerHealth byName = member.loadBalancers().apiServer("it", "no-such-cluster-" + run());
      assertEquals(Verdict.NOT_FOUND, byName.verdict(), byName.summary());
      assertTrue(byName.action().contains("Kamaji"), byName.action());
      LoadBalancerHealth byId = member.loadBalancers().health("00000000-0000-4000-8000-000000000000");
      assertEquals(Verdict.NOT_FOUND, byId.verdict(), byId.summary());
      io.clusterstacks.core.InvalidInputException bad = org.junit.jupiter.api.Assertions.assertThrows(
          io.clusterstacks.core.InvalidInputException.class, () -> member.loadBalancers().health("../listeners"));
      assertTrue(bad.getMessage().contains("loadBalancerId"), bad.getMessage());
    }
  }
}
