package io.clusterstacks.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.kubernetes.lab.RoleBoundToken;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LeaseLock} on the lab's kube-apiserver, under a token bound only to the documented Role: one holder at a
 * time, also among threads racing for it; a Lease whose holder stopped renewing (the test writes one as a killed
 * process leaves it) is taken over, a fresh one is not; a holder whose Lease was taken from it knows.
 */
class LeaseLockIT {

  @Test
  void oneHolderAtATimeUnderTheDocumentedRole(@TempDir Path dir) throws Exception {
    String ns = Lab.namespace("lease");
    Path kubeconfig = RoleBoundToken.kubeconfig(Lab.admin(), ns, "sdk", dir);
    try (ManagementCluster a = ManagementCluster.builder().kubeconfig(kubeconfig).build();
        ManagementCluster b = ManagementCluster.builder().kubeconfig(kubeconfig).build()) {
      LeaseLock first = a.lock(ns, "clusterstacks-create-c1", Duration.ofSeconds(15));
      assertTrue(first.held());
      Lease stored = Lab.admin().leases().inNamespace(ns).withName("clusterstacks-create-c1").get();
      assertEquals(first.holder(), stored.getSpec().getHolderIdentity());
      assertEquals(15, stored.getSpec().getLeaseDurationSeconds());
      assertEquals("clusterstacks-sdk", stored.getMetadata().getLabels().get("app.kubernetes.io/managed-by"));

      LockHeldException held = assertThrows(LockHeldException.class, () -> b.lock(ns, "clusterstacks-create-c1",
          Duration.ofSeconds(15)));
      assertEquals(first.holder(), held.holder());
      assertTrue(held.getMessage().contains("is held by " + first.holder()), held.getMessage());
      // another name is another lock
      try (LeaseLock other = b.lock(ns, "clusterstacks-create-c2", Duration.ofSeconds(15))) {
        assertTrue(other.held());
      }

      // renewal: after two renew periods the stored renewTime moved on
      ZonedDateTime renewedBefore = stored.getSpec().getRenewTime();
      Thread.sleep(11_000);
      assertTrue(first.held(), first.toString());
      ZonedDateTime renewedAfter = Lab.admin().leases().inNamespace(ns).withName("clusterstacks-create-c1").get()
          .getSpec().getRenewTime();
      assertTrue(renewedAfter.toInstant().isAfter(renewedBefore.toInstant().plusSeconds(4)), renewedBefore + " " + renewedAfter);

      first.close();
      assertFalse(first.held());
      assertNull(Lab.admin().leases().inNamespace(ns).withName("clusterstacks-create-c1").get(), "released");
      try (LeaseLock second = b.lock(ns, "clusterstacks-create-c1", Duration.ofSeconds(15))) {
        assertTrue(second.held());
        assertNotEquals(first.holder(), second.holder());
      }
    }
  }

  @Test
  void anExpiredLeaseIsTakenOverAndAFreshOneIsNot() {
    String ns = Lab.namespace("lease-exp");
    Instant longAgo = Instant.now().minus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.MICROS);
    // as a killed process leaves it: held, renewed two minutes ago, 15 s duration
    Lab.admin().leases().inNamespace(ns).resource(lease(ns, "dead", "ci-runner/4242/0000dead", longAgo, 15, 3)).create();
    Instant justNow = Instant.now().truncatedTo(ChronoUnit.MICROS);
    Lab.admin().leases().inNamespace(ns).resource(lease(ns, "alive", "ci-runner/4243/0000beef", justNow, 60, 0)).create();
    try (ManagementCluster mc = Lab.connect()) {
      try (LeaseLock taken = mc.lock(ns, "dead", Duration.ofSeconds(15))) {
        Lease l = Lab.admin().leases().inNamespace(ns).withName("dead").get();
        assertEquals(taken.holder(), l.getSpec().getHolderIdentity());
        assertEquals(4, l.getSpec().getLeaseTransitions());
      }
      LockHeldException e = assertThrows(LockHeldException.class, () -> mc.lock(ns, "alive", Duration.ofSeconds(15)));
      assertEquals("ci-runner/4243/0000beef", e.holder());
      assertEquals(justNow.plusSeconds(60), e.expiresAt());
      assertEquals("ci-runner/4243/0000beef",
          Lab.admin().leases().inNamespace(ns).withName("alive").get().getSpec().getHolderIdentity(), "left alone");
    }
  }

  @Test
  void ofEightRacingTakersExactlyOneWins() throws Exception {
    String ns = Lab.namespace("lease-race");
    Instant longAgo = Instant.now().minus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.MICROS);
    for (boolean expiredFirst : new boolean[] {false, true}) {
      String name = expiredFirst ? "race-takeover" : "race-create";
      if (expiredFirst) {
        Lab.admin().leases().inNamespace(ns).resource(lease(ns, name, "gone/1/00000000", longAgo, 5, 0)).create();
      }
      List<ManagementCluster> clients = new ArrayList<>();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Callable<LeaseLock>> takers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          ManagementCluster mc = Lab.connect();
          clients.add(mc);
          takers.add(() -> mc.lock(ns, name, Duration.ofSeconds(15)));
        }
        int won = 0;
        int refused = 0;
        LeaseLock winner = null;
        for (Future<LeaseLock> f : pool.invokeAll(takers)) {
          try {
            winner = f.get();
            won++;
          } catch (java.util.concurrent.ExecutionException e) {
            assertTrue(e.getCause() instanceof LockHeldException, String.valueOf(e.getCause()));
            refused++;
          }
        }
        assertEquals(1, won, name);
        assertEquals(7, refused, name);
        assertEquals(winner.holder(), Lab.admin().leases().inNamespace(ns).withName(name).get().getSpec().getHolderIdentity());
        winner.close();
      } finally {
        pool.shutdownNow();
        clients.forEach(ManagementCluster::close);
      }
    }
  }

  @Test
  void aHolderWhoseLeaseWasTakenKnowsItLostIt() throws Exception {
    String ns = Lab.namespace("lease-lost");
    try (ManagementCluster mc = Lab.connect(); LeaseLock lock = mc.lock(ns, "stolen", Duration.ofSeconds(3))) {
      Lease l = Lab.admin().leases().inNamespace(ns).withName("stolen").get();
      Lab.admin().leases().inNamespace(ns).resource(new LeaseBuilder(l).editSpec().withHolderIdentity("thief/7/00000000")
          .endSpec().build()).update();
      for (int i = 0; i < 40 && lock.held(); i++) {
        Thread.sleep(100);
      }
      assertFalse(lock.held());
      assertEquals("the Lease is held by thief/7/00000000", lock.lostReason().orElseThrow());
      lock.close();
      assertEquals("thief/7/00000000",
          Lab.admin().leases().inNamespace(ns).withName("stolen").get().getSpec().getHolderIdentity(),
          "closing a lost lock leaves the new holder's Lease alone");
    }
  }

  private static Lease lease(String ns, String name, String holder, Instant renewed, int seconds, int transitions) {
    ZonedDateTime t = ZonedDateTime.ofInstant(renewed, ZoneOffset.UTC);
    return new LeaseBuilder().withNewMetadata().withNamespace(ns).withName(name).endMetadata().withNewSpec()
        .withHolderIdentity(holder).withLeaseDurationSeconds(seconds).withAcquireTime(t).withRenewTime(t)
        .withLeaseTransitions(transitions).endSpec().build();
  }
}
