package io.clusterstacks.lifecycle.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.cloud.ProviderQuirks;
import io.clusterstacks.core.model.ServerGroupRef;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.core.plan.ClusterRequest;
import io.clusterstacks.core.plan.ControlPlaneRequest;
import io.clusterstacks.core.plan.PlacementPolicy;
import io.clusterstacks.core.plan.Planner;
import io.clusterstacks.core.plan.WorkerRequest;
import io.clusterstacks.core.stack.ClusterClassName;
import io.clusterstacks.kubernetes.ApplyFailedException;
import io.clusterstacks.kubernetes.DeleteOptions;
import io.clusterstacks.kubernetes.LockHeldException;
import io.clusterstacks.kubernetes.ManagementCluster;
import io.clusterstacks.kubernetes.WaitOptions;
import io.clusterstacks.kubernetes.WaitTimeoutException;
import io.clusterstacks.kubernetes.lab.FakeCapiController;
import io.clusterstacks.kubernetes.lab.FakeCapiController.Replicas;
import io.clusterstacks.kubernetes.lab.FakeCapiController.Stage;
import io.clusterstacks.kubernetes.lab.KubernetesLab;
import io.clusterstacks.kubernetes.lab.LabHttp;
import io.clusterstacks.kubernetes.lab.RoleBoundToken;
import io.clusterstacks.lifecycle.lab.OpenStackLab;
import io.clusterstacks.openstack.OpenStackClient;
import io.clusterstacks.openstack.ServerGroup;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ClusterLifecycle} on both labs: the OpenStack lab's Nova (server groups, servers on fake-driver computes,
 * metadata) and the Kubernetes lab's kube-apiserver as the management cluster, under a token bound only to the
 * SDK's least-privilege Role.
 *
 * <p>No Cluster API controllers run here. The test plays them and says so: after the Cluster is applied it boots
 * the servers CAPO would boot for the Machines into the plan's server groups (through the openstack command line),
 * writes the Cluster's status as CAPI's cluster controller does ({@link FakeCapiController}) and the
 * {@code <cluster>-kubeconfig} Secret as CAPI writes it (the lab's own kubeconfig stands in for the workload
 * cluster's); on delete it deletes those servers as CAPO would.
 *
 * <p>Each fault is a real refusal: a Lease another run holds, a Cluster whose field another field manager owns (a
 * server-side-apply conflict), a wait that times out because no controller has reported yet. After each, running
 * create again continues and changes nothing already right.
 */
class ClusterLifecycleOnTheLabsIT {

  @Test
  void createStopsAtEachFaultAndARerunContinuesThenDeleteLeavesNothing(@TempDir Path dir) throws Exception {
    String run = Long.toString(System.nanoTime() % 1_000_000L, 36);
    String cluster = "life-" + run;
    String ns = "life-it-" + run;
    List<String> servers = new ArrayList<>();
    ClusterPlan plan = null;
    KubernetesClient admin = KubernetesLab.get().newClient();
    admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
    Path kubeconfig = RoleBoundToken.kubeconfig(admin, ns, "sdk", dir);
    try (OpenStackClient member = OpenStackLab.connect("lab-member");
        ManagementCluster mgmt = ManagementCluster.builder().kubeconfig(kubeconfig).build()) {
      plan = plan(cluster);
      List<String> groupNames = plan.serverGroupsToCreate().stream().map(ServerGroupRef.ToCreate::name).toList();
      assertEquals(2, groupNames.size(), groupNames.toString());
      List<StepReport> heard = new ArrayList<>();
      LifecycleListener listener = heard::add;
      ClusterLifecycle quick = ClusterLifecycle.of(member, mgmt, LifecycleOptions.defaults()
          .withWait(WaitOptions.of(o -> o.timeout(Duration.ofSeconds(3)))).withLeaseDuration(Duration.ofSeconds(15)));

      // 1. Another run holds the cluster's Lease (written as a live run's renewal would leave it): create stops at
      // LOCK before anything is created in Nova or on the management cluster.
      admin.leases().inNamespace(ns).resource(new LeaseBuilder().withNewMetadata().withName(ClusterLifecycle.lockName(cluster))
          .endMetadata().withNewSpec().withHolderIdentity("ci-runner/4242/0000beef").withLeaseDurationSeconds(60)
          .withRenewTime(ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS)).endSpec().build()).create();
      final ClusterPlan p = plan;
      LifecycleException locked = assertThrows(LifecycleException.class, () -> quick.create(p, ns, listener));
      assertEquals(Step.LOCK, locked.step());
      LockHeldException held = assertInstanceOf(LockHeldException.class, locked.getCause());
      assertEquals("ci-runner/4242/0000beef", held.holder());
      assertEquals(List.of(Step.LOCK), steps(locked.report()));
      for (String g : groupNames) {
        assertTrue(member.serverGroups().find(g).isEmpty(), "no group before the lock: " + g);
      }
      assertEquals(0, admin.genericKubernetesResources("cluster.x-k8s.io/v1beta1", "Cluster").inNamespace(ns).list()
          .getItems().size());
      admin.leases().inNamespace(ns).withName(ClusterLifecycle.lockName(cluster)).delete();

      // 2. A Cluster of that name exists, its topology version owned by another field manager: the apply conflicts.
      // The groups are created before, and the exception says what was applied.
      LabHttp http = KubernetesLab.get().http();
      String path = FakeCapiController.clusterPath(ns, cluster);
      http.send("PATCH", path + "?fieldManager=someone-else", LabHttp.APPLY,
          "{\"apiVersion\":\"cluster.x-k8s.io/v1beta1\",\"kind\":\"Cluster\",\"metadata\":{\"name\":\"" + cluster
              + "\",\"namespace\":\"" + ns + "\"},\"spec\":{\"topology\":{\"class\":\"other\",\"version\":\"v1.33.0\"}}}")
          .ok("create the conflicting Cluster");
      LifecycleException conflict = assertThrows(LifecycleException.class, () -> quick.create(p, ns, listener));
      assertEquals(Step.APPLY, conflict.step(), conflict.report().text());
      assertEquals(List.of(Step.LOCK, Step.SERVER_GROUPS, Step.RENDER, Step.APPLY), steps(conflict.report()));
      assertEquals(Outcome.DONE, conflict.report().step(Step.SERVER_GROUPS).orElseThrow().outcome());
      ApplyFailedException partial = assertInstanceOf(ApplyFailedException.class, conflict.getCause());
      assertFalse(partial.result().rejected().isEmpty(), partial.getMessage());
      assertTrue(partial.result().rejected().stream().anyMatch(o -> o.object().kind().equals("Cluster")), partial.getMessage());
      assertTrue(conflict.getMessage().contains("run create again"), conflict.getMessage());
      List<String> groupIds = new ArrayList<>();
      for (String g : groupNames) {
        groupIds.add(member.serverGroups().find(g).orElseThrow().id());
      }
      http.send("DELETE", path, null, (String) null).ok("delete the conflicting Cluster");

      // 3. No controller has reported yet: the wait times out. Groups are adopted, not created again.
      LifecycleException timeout = assertThrows(LifecycleException.class, () -> quick.create(p, ns, listener));
      assertEquals(Step.WAIT, timeout.step(), timeout.report().text());
      assertInstanceOf(WaitTimeoutException.class, timeout.getCause());
      assertEquals(Outcome.UNCHANGED, timeout.report().step(Step.SERVER_GROUPS).orElseThrow().outcome(),
          timeout.report().text());
      assertEquals(Outcome.DONE, timeout.report().step(Step.APPLY).orElseThrow().outcome(), timeout.report().text());
      for (int i = 0; i < groupNames.size(); i++) {
        assertEquals(groupIds.get(i), member.serverGroups().find(groupNames.get(i)).orElseThrow().id(), "adopted");
      }

      // 4. The test plays CAPO and CAPI: 3 control-plane servers on the local-SSD flavor in their anti-affinity group
      // (without the restart opt-in), 1 worker; then the Cluster's status and the kubeconfig Secret.
      List<Process> boots = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        boots.add(OpenStackLab.startBoot(cluster + "-cp-" + i, "SCS-2V-4-20s", groupIds.get(groupNames.indexOf(cluster + "-control-plane"))));
      }
      boots.add(OpenStackLab.startBoot(cluster + "-md-0-0", "SCS-1L-1-5", groupIds.get(groupNames.indexOf(cluster + "-md-0"))));
      for (Process b : boots) {
        servers.add(OpenStackLab.finish(b, "server create").strip());
      }
      new FakeCapiController(http).writeCluster(ns, cluster, Stage.AVAILABLE, Replicas.of(3, 3), Replicas.of(1, 1));
      KubernetesLab.get().writeKubeconfigSecret(ns, cluster);

      // 5. create again: it continues, nothing already right is changed, and the cluster is handed over.
      heard.clear();
      ClusterLifecycle life = ClusterLifecycle.of(member, mgmt, LifecycleOptions.defaults()
          .withWait(WaitOptions.of(o -> o.timeout(Duration.ofMinutes(2)))).withLeaseDuration(Duration.ofSeconds(15)));
      ClusterCreated created = life.create(plan, ns, listener);
      LifecycleReport r = created.report();
      System.out.println(r.text());
      assertEquals(List.of(Step.LOCK, Step.SERVER_GROUPS, Step.RENDER, Step.APPLY, Step.WAIT, Step.VERIFY_PLACEMENT,
          Step.OPT_IN, Step.ACCESS), steps(r));
      assertEquals(r.steps(), heard, "the listener heard every step, in order");
      assertEquals(Outcome.UNCHANGED, r.step(Step.SERVER_GROUPS).orElseThrow().outcome(), r.text());
      assertEquals(Outcome.UNCHANGED, r.step(Step.APPLY).orElseThrow().outcome(), r.text());
      assertEquals(Outcome.DONE, r.step(Step.VERIFY_PLACEMENT).orElseThrow().outcome(), r.text());
      assertTrue(created.placement().ok(), created.placement().summary());
      assertEquals(Outcome.DONE, r.step(Step.OPT_IN).orElseThrow().outcome(), r.text());
      assertEquals(servers.subList(0, 3).stream().sorted().toList(), created.optIn().set().stream()
          .filter(s -> s.changed()).map(s -> s.serverId()).sorted().toList(), "the opt-in on the local-SSD servers only");
      assertTrue(created.access().kubeconfig().text().contains("server:"));
      assertTrue(created.status().usable(), created.status().toString());
      assertNoSecret(r.text() + created.toString());
      assertNull(admin.leases().inNamespace(ns).withName(ClusterLifecycle.lockName(cluster)).get(), "released");

      // 6. And once more: every step finds everything right.
      LifecycleReport again = life.create(plan, ns, LifecycleListener.NONE).report();
      assertEquals(Outcome.UNCHANGED, again.step(Step.SERVER_GROUPS).orElseThrow().outcome(), again.text());
      assertEquals(Outcome.UNCHANGED, again.step(Step.APPLY).orElseThrow().outcome(), again.text());
      assertEquals(Outcome.UNCHANGED, again.step(Step.OPT_IN).orElseThrow().outcome(), again.text());

      // 7. delete: the objects go; the groups still have the servers CAPO has not deleted yet, so they stay and are
      // reported. The test plays CAPO deleting them; a second delete removes the groups and nothing remains.
      ClusterDeleted first = life.delete(plan, ns, LifecycleListener.NONE);
      System.out.println(first.report().text() + first.remaining());
      assertEquals(Outcome.DONE, first.report().step(Step.DELETE_OBJECTS).orElseThrow().outcome(), first.report().text());
      assertEquals(Outcome.WARNING, first.report().step(Step.DELETE_SERVER_GROUPS).orElseThrow().outcome(),
          first.report().text());
      assertEquals(2, first.remaining().size(), first.remaining().toString());
      assertTrue(first.remaining().get(0).contains("still has"), first.remaining().toString());
      List<String> delete = new ArrayList<>(List.of("server", "delete", "--wait"));
      delete.addAll(servers);
      OpenStackLab.run(delete.toArray(String[]::new));
      servers.clear();
      ClusterDeleted second = life.delete(plan, ns, LifecycleListener.NONE);
      System.out.println(second.report().text());
      assertEquals(Outcome.UNCHANGED, second.report().step(Step.DELETE_OBJECTS).orElseThrow().outcome(),
          second.report().text());
      assertEquals(Outcome.DONE, second.report().step(Step.DELETE_SERVER_GROUPS).orElseThrow().outcome(),
          second.report().text());
      assertEquals(groupNames.stream().map(n -> member.serverGroups().novaName(n)).sorted().toList(),
          second.serverGroupsDeleted().stream().map(ServerGroup::name).sorted().toList());
      assertEquals(List.of(), second.remaining());
      for (String g : groupNames) {
        assertTrue(member.serverGroups().find(g).isEmpty(), g);
      }
    } finally {
      cleanUp(admin, ns, servers, plan);
    }
  }

  @Test
  void ofTwoConcurrentCreatesOfOneClusterOneStopsAtTheLock() throws Exception {
    String run = Long.toString(System.nanoTime() % 1_000_000L, 36);
    String cluster = "race-" + run;
    String ns = "life-race-" + run;
    KubernetesClient admin = KubernetesLab.get().newClient();
    admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
    ClusterPlan plan = plan(cluster);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (OpenStackClient a = OpenStackLab.connect("lab-member"); OpenStackClient b = OpenStackLab.connect("lab-member");
        ManagementCluster ma = ManagementCluster.builder().kubeconfig(KubernetesLab.get().kubeconfig()).build();
        ManagementCluster mb = ManagementCluster.builder().kubeconfig(KubernetesLab.get().kubeconfig()).build()) {
      LifecycleOptions o = LifecycleOptions.defaults().withWait(WaitOptions.of(w -> w.timeout(Duration.ofSeconds(5))));
      List<Callable<ClusterCreated>> creates = List.of(() -> ClusterLifecycle.of(a, ma, o).create(plan, ns, LifecycleListener.NONE),
          () -> ClusterLifecycle.of(b, mb, o).create(plan, ns, LifecycleListener.NONE));
      List<Step> stoppedAt = new ArrayList<>();
      for (Future<ClusterCreated> f : pool.invokeAll(creates)) {
        ExecutionException e = assertThrows(ExecutionException.class, f::get, "no controller reports: neither finishes");
        LifecycleException le = assertInstanceOf(LifecycleException.class, e.getCause());
        stoppedAt.add(le.step());
        if (le.step() == Step.LOCK) {
          assertInstanceOf(LockHeldException.class, le.getCause());
          assertEquals(1, le.report().steps().size(), le.report().text());
        }
      }
      // one stopped at the lock; the other got as far as the wait, which no controller answers
      assertEquals(List.of(Step.LOCK, Step.WAIT), stoppedAt.stream().sorted().toList());
      for (ServerGroupRef.ToCreate t : plan.serverGroupsToCreate()) {
        // find() throws on duplicate names: exactly one group per name
        assertTrue(a.serverGroups().find(t.name()).isPresent(), t.name());
      }
      ClusterDeleted d = ClusterLifecycle.of(a, ma, LifecycleOptions.defaults()
          .withDelete(DeleteOptions.of(x -> x.timeout(Duration.ofMinutes(1))))).delete(plan, ns, LifecycleListener.NONE);
      assertEquals(List.of(), d.remaining(), d.report().text());
      assertEquals(2, d.serverGroupsDeleted().size(), d.report().text());
    } finally {
      pool.shutdownNow();
      cleanUp(admin, ns, List.of(), plan);
    }
  }

  /** The lab's discovered profile, given pluscloud open's maintenance keys (the lab has no provider of its own). */
  private static ClusterPlan plan(String cluster) {
    try (OpenStackClient admin = OpenStackLab.connect("lab-admin")) {
      CloudProfile lab = admin.discovery().discover("lab").profile().toBuilder().quirks(ProviderQuirks.PLUSCLOUD_OPEN).build();
      return Planner.plan(ClusterRequest.of(r -> r.clusterName(cluster).className(ClusterClassName.of("scs2", "1.34", "v2"))
          .controlPlane(ControlPlaneRequest.of(cp -> cp.replicas(3).policy(PlacementPolicy.antiAffinity())))
          .addWorkers(WorkerRequest.of(w -> w.name("md-0").replicas(1).policy(PlacementPolicy.softAntiAffinity())))), lab);
    }
  }



  private static List<Step> steps(LifecycleReport r) {
    return r.steps().stream().map(StepReport::step).toList();
  }

  private static void assertNoSecret(String text) throws Exception {
    for (String line : KubernetesLab.get().kubeconfigYaml().split("\n")) {
      if (line.strip().startsWith("token:")) {
        String token = line.strip().substring("token:".length()).strip();
        assertFalse(text.contains(token), "the admin token is in the text");
      }
    }
    assertFalse(text.contains("BEGIN CERTIFICATE") || text.contains("client-key-data"), text);
  }

  private static void cleanUp(KubernetesClient admin, String ns, List<String> servers, ClusterPlan plan) throws Exception {
    try {
      admin.namespaces().withName(ns).delete();
      admin.close();
    } finally {
      OpenStackLab.deleteLeftovers(servers, plan);
    }
  }
}
