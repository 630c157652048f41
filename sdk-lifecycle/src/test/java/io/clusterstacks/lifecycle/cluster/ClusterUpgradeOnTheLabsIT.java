package io.clusterstacks.lifecycle.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.cloud.HostCount;
import io.clusterstacks.core.cloud.Hypervisors;
import io.clusterstacks.core.cloud.ProviderQuirks;
import io.clusterstacks.core.model.ServerGroupPolicy;
import io.clusterstacks.core.model.ServerGroupRef;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.core.plan.ClusterRequest;
import io.clusterstacks.core.plan.ControlPlaneRequest;
import io.clusterstacks.core.plan.Planner;
import io.clusterstacks.core.plan.WorkerRequest;
import io.clusterstacks.core.stack.ClusterClassName;
import io.clusterstacks.kubernetes.ManagementCluster;
import io.clusterstacks.kubernetes.WaitOptions;
import io.clusterstacks.kubernetes.lab.FakeCapiController;
import io.clusterstacks.kubernetes.lab.FakeCapiController.Replicas;
import io.clusterstacks.kubernetes.lab.FakeCapiController.Stage;
import io.clusterstacks.kubernetes.lab.KubernetesLab;
import io.clusterstacks.kubernetes.lab.LabHttp;
import io.clusterstacks.kubernetes.lab.RoleBoundToken;
import io.clusterstacks.lifecycle.lab.OpenStackLab;
import io.clusterstacks.openstack.OpenStackClient;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ClusterLifecycle#upgrade} on both labs, under a token bound only to the SDK's least-privilege Role: a
 * cluster of {@code openstack-scs2-1-33-v5} (v1.33.10) moves to {@code openstack-scs2-1-34-v2} (v1.34.7) on a
 * cloud of three usable hypervisors, the case the planner warns about: with the ClusterClass' surge of one, a
 * rollout briefly runs four control-plane members, so the plan takes soft anti-affinity, and afterwards two
 * members may share a hypervisor (2/1/0).
 *
 * <p>The lab's Nova has four computes; the test disables the fourth ({@code lab/openstack/hypervisors 3}) and
 * enables it again at the end. No Cluster API controllers run here. The test plays them and says so: CAPO boots
 * and deletes the Nova servers of the Machines (the real scheduler places them in the plan's server groups);
 * CAPI's topology controller creates the KubeadmControlPlane and references it from the Cluster, and on the
 * upgrade sets its {@code spec.version}; the control-plane controller replaces one member at a time, oldest first,
 * writing {@code status.version} when every machine runs the new version; the cluster controller writes the
 * Cluster's status with {@code TopologyReconciled} False while the upgrade is pending, as those controllers do.
 */
class ClusterUpgradeOnTheLabsIT {
  private static final String FROM = "v1.33.10";
  private static final String TO = "v1.34.7";
  private static final String KCP_API = "/apis/controlplane.cluster.x-k8s.io/v1beta1/namespaces/";

  @Test
  void upgradeShowsTheSurgeWarningRollsOutAndReportsMembersSharingAHypervisor(@TempDir Path dir) throws Exception {
    String run = Long.toString(System.nanoTime() % 1_000_000L, 36);
    String cluster = "up-" + run;
    String ns = "up-it-" + run;
    List<String> servers = Collections.synchronizedList(new ArrayList<>());
    KubernetesClient admin = KubernetesLab.get().newClient();
    admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
    Path kubeconfig = RoleBoundToken.kubeconfig(admin, ns, "sdk", dir);
    ClusterPlan from = null;
    hypervisors(3);
    try (OpenStackClient member = OpenStackLab.connect("lab-member");
        ManagementCluster mgmt = ManagementCluster.builder().kubeconfig(kubeconfig).build()) {
      from = plan(cluster, "1.33", "v5");
      ClusterPlan to = plan(cluster, "1.34", "v2");
      ServerGroupRef.ToCreate cpGroup = to.serverGroupsToCreate().stream().filter(g -> g.name().endsWith("-control-plane"))
          .findFirst().orElseThrow();
      // 4 members during a rollout on 3 hosts: the planner caps each host at 2 instead of one per host
      assertEquals(ServerGroupPolicy.ANTI_AFFINITY, cpGroup.policy(), to.report());
      assertEquals(2, cpGroup.maxServerPerHost().getAsInt(), to.report());
      assertEquals(1, to.serverGroupsToCreate().size(), "one worker needs no group: " + to.serverGroupsToCreate());
      LabHttp http = KubernetesLab.get().http();
      List<StepReport> heard = new ArrayList<>();
      ClusterLifecycle quick = ClusterLifecycle.of(member, mgmt, LifecycleOptions.defaults()
          .withWait(WaitOptions.of(o -> o.timeout(Duration.ofSeconds(3)))).withLeaseDuration(Duration.ofSeconds(15)));
      ClusterLifecycle life = ClusterLifecycle.of(member, mgmt, LifecycleOptions.defaults()
          .withWait(WaitOptions.of(o -> o.timeout(Duration.ofMinutes(4)))).withLeaseDuration(Duration.ofSeconds(15)));

      // 1. The running cluster at v1.33.10: the first create stops at WAIT (no controller yet); the test plays CAPO
      // (3 control-plane servers booted one after another into the capped group; the worker's server plays no part
      // here) and CAPI.
      final ClusterPlan f = from;
      assertEquals(Step.WAIT, assertThrows(LifecycleException.class, () -> quick.create(f, ns, LifecycleListener.NONE)).step());
      String cpGroupId = member.serverGroups().find(cluster + "-control-plane").orElseThrow().id();
      List<String> old = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        old.add(OpenStackLab.boot(cluster + "-cp-old-" + i, "SCS-2V-4-20s", cpGroupId));
      }
      servers.addAll(old);
      String kcp = cluster + "-cp-" + run;
      http.send("POST", KCP_API + ns + "/kubeadmcontrolplanes", LabHttp.JSON_TYPE, kubeadmControlPlane(ns, kcp, FROM))
          .ok("create the KubeadmControlPlane as the topology controller");
      writeKcpStatus(http, ns, kcp, FROM, 3);
      http.send("PATCH", FakeCapiController.clusterPath(ns, cluster) + "?fieldManager=capi-topology", LabHttp.APPLY,
          "{\"apiVersion\":\"cluster.x-k8s.io/v1beta1\",\"kind\":\"Cluster\",\"metadata\":{\"name\":\"" + cluster
              + "\",\"namespace\":\"" + ns + "\"},\"spec\":{\"controlPlaneRef\":{\"apiVersion\":"
              + "\"controlplane.cluster.x-k8s.io/v1beta1\",\"kind\":\"KubeadmControlPlane\",\"name\":\"" + kcp + "\"}}}")
          .ok("reference the control plane as the topology controller");
      writeClusterStatus(http, ns, cluster, new Replicas(3, 3, 3, 3, 3), Replicas.of(1, 1), true);
      KubernetesLab.get().writeKubeconfigSecret(ns, cluster);
      life.create(from, ns, LifecycleListener.NONE);

      // 2. A move the operator refuses (to another stack) stops at CHECK_UPGRADE with nothing applied.
      ClusterPlan otherStack = plan(cluster, "1.32", "v1", "scs");
      LifecycleException refused = assertThrows(LifecycleException.class,
          () -> life.upgrade(otherStack, ns, LifecycleListener.NONE));
      assertEquals(Step.CHECK_UPGRADE, refused.step(), refused.report().text());
      UpgradeRefusedException why = assertInstanceOf(UpgradeRefusedException.class, refused.getCause());
      assertEquals("clusterRequest.className", why.problems().get(0).path(), why.getMessage());
      assertEquals("openstack-scs2-1-33-v5", topology(http, ns, cluster).path("class").asText(), "nothing applied");

      // 3. The check a portal shows before it asks: allowed, with the planner's surge trade-off.
      UpgradeCheck check = life.checkUpgrade(to, ns);
      System.out.println(check.text());
      assertTrue(check.allowed(), check.text());
      assertEquals(FROM, check.fromVersion());
      assertEquals(TO, check.toVersion());
      assertTrue(check.warnings().stream().anyMatch(w -> w.startsWith("SURGE_TRADE_OFF")), check.text());

      // 4. The upgrade, while the test plays the controllers' rollout.
      CompletableFuture<List<String>> rollout = CompletableFuture.supplyAsync(() -> playRollout(http, ns, cluster, kcp,
          old, cpGroupId, servers));
      List<String> pending = Collections.synchronizedList(new ArrayList<>());
      ClusterUpgraded up = life.upgrade(to, ns, new LifecycleListener() {
        @Override
        public void onStep(StepReport step) {
          heard.add(step);
        }

        @Override
        public void onProgress(io.clusterstacks.kubernetes.ProgressEvent e) {
          e.changes().stream().filter(c -> c.startsWith("rollout pending")).forEach(pending::add);
        }
      });
      List<String> fresh = rollout.get(1, TimeUnit.MINUTES);
      LifecycleReport r = up.report();
      System.out.println(r.text());
      assertEquals(List.of(Step.LOCK, Step.CHECK_UPGRADE, Step.SERVER_GROUPS, Step.RENDER, Step.APPLY, Step.ROLLOUT,
          Step.VERIFY_PLACEMENT, Step.OPT_IN), r.steps().stream().map(StepReport::step).toList());
      assertEquals(r.steps(), heard);
      assertEquals(Outcome.WARNING, r.step(Step.CHECK_UPGRADE).orElseThrow().outcome(), "the surge warning before apply");
      assertTrue(r.step(Step.CHECK_UPGRADE).orElseThrow().summary().contains("SURGE_TRADE_OFF"), r.text());
      assertEquals(Outcome.UNCHANGED, r.step(Step.SERVER_GROUPS).orElseThrow().outcome(), r.text());
      assertEquals(Outcome.DONE, r.step(Step.APPLY).orElseThrow().outcome(), r.text());
      assertTrue(pending.stream().anyMatch(p -> p.contains("TopologyReconciled False")), pending.toString());
      assertTrue(pending.stream().anyMatch(p -> p.contains("control-plane machines still run " + FROM)), pending.toString());
      // the lab's kube-apiserver v1.20.2 stands in for the workload API: the rollout says it reports another version
      assertEquals(Outcome.WARNING, r.step(Step.ROLLOUT).orElseThrow().outcome(), r.text());
      assertTrue(r.step(Step.ROLLOUT).orElseThrow().summary().contains("reports " + KubernetesLab.VERSION), r.text());
      assertEquals(TO, topology(http, ns, cluster).path("version").asText());
      assertEquals("openstack-scs2-1-34-v2", topology(http, ns, cluster).path("class").asText());
      // the opt-in on the three new local-SSD members (the rollout's servers)
      assertEquals(fresh.stream().sorted().toList(), up.optIn().set().stream().filter(s -> s.changed())
          .map(s -> s.serverId()).sorted().toList(), r.text());

      // 5. The placement after the rollout, against what Nova says. On three hosts the members end 1/1/1 or 2/1/0
      // (the group allows 2 per host), by the scheduler's choice; if 1/1/1, the test plays one more replacement (a
      // MachineHealthCheck remediating a member on another host), after which 2/1/0 is certain, and re-runs the
      // upgrade, which continues: nothing to change, the rollout done, the placement checked again.
      StepReport verified = r.step(Step.VERIFY_PLACEMENT).orElseThrow();
      Map<String, List<String>> byHost = byHost(fresh);
      if (byHost.size() == 3) {
        assertEquals(Outcome.DONE, verified.outcome(), verified.summary());
        String extra = OpenStackLab.boot(cluster + "-cp-remediated", "SCS-2V-4-20s", cpGroupId);
        servers.add(extra);
        String host = hostId(extra);
        String victim = fresh.stream().filter(s -> !hostId(s).equals(host)).findFirst().orElseThrow();
        OpenStackLab.run("server", "delete", "--wait", victim);
        servers.remove(victim);
        fresh.remove(victim);
        fresh.add(extra);
        byHost = byHost(fresh);
        ClusterUpgraded again = life.upgrade(to, ns, LifecycleListener.NONE);
        System.out.println(again.report().text());
        assertFalse(again.check().changes(), again.check().text());
        assertEquals(Outcome.UNCHANGED, again.report().step(Step.APPLY).orElseThrow().outcome(), again.report().text());
        verified = again.report().step(Step.VERIFY_PLACEMENT).orElseThrow();
        up = again;
      }
      System.out.println("after the rollout: " + byHost + "\n" + verified.line());
      assertEquals(2, byHost.size(), "2/1/0: " + byHost);
      // within the plan (2 per host allowed), so no plan violation, but the quorum risk the plan accepted is named
      assertTrue(up.placement().ok(), up.placement().summary());
      assertEquals(Outcome.WARNING, verified.outcome(), verified.summary());
      assertTrue(verified.summary().contains("control-plane members per hypervisor 2/1/0"), verified.summary());
      String sharedHost = byHost.entrySet().stream().filter(e -> e.getValue().size() == 2).findFirst().orElseThrow().getKey();
      assertTrue(verified.summary().contains("share hostId " + sharedHost.substring(0, 12)), verified.summary());
    } finally {
      try {
        hypervisors(4);
      } finally {
        cleanUp(admin, ns, servers, from);
      }
    }
  }

  /**
   * The controllers' rollout: waits for the new topology version, sets the KubeadmControlPlane's version, then
   * replaces each control-plane member oldest first (boot the new one, then delete the old one), with the Cluster's status saying the upgrade is pending; at the end writes status.version and a done status.
   * Returns the new control-plane servers.
   */
  private static List<String> playRollout(LabHttp http, String ns, String cluster, String kcp, List<String> old,
      String cpGroupId, List<String> servers) {
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (!TO.equals(topology(http, ns, cluster).path("version").asText())) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the upgrade never applied " + TO);
        }
        Thread.sleep(500);
      }
      http.send("PATCH", KCP_API + ns + "/kubeadmcontrolplanes/" + kcp, LabHttp.MERGE,
          "{\"spec\":{\"version\":\"" + TO + "\"}}").ok("set the control plane's version as the topology controller");
      List<String> fresh = new ArrayList<>();
      for (int i = 0; i < old.size(); i++) {
        writeClusterStatus(http, ns, cluster, new Replicas(3, 4, 3, i, 3), Replicas.of(1, 1), false);
        String id = OpenStackLab.boot(cluster + "-cp-new-" + i, "SCS-2V-4-20s", cpGroupId);
        servers.add(id);
        fresh.add(id);
        OpenStackLab.run("server", "delete", "--wait", old.get(i));
        servers.remove(old.get(i));
      }
      writeKcpStatus(http, ns, kcp, TO, 3);
      writeClusterStatus(http, ns, cluster, new Replicas(3, 3, 3, 3, 3), Replicas.of(1, 1), true);
      return fresh;
    } catch (Exception e) {
      throw new AssertionError("playing the rollout failed: " + e, e);
    }
  }

  /** The lab's discovered profile on its 3 enabled hypervisors, with pluscloud open's maintenance keys. */
  private static ClusterPlan plan(String cluster, String minor, String release) {
    return plan(cluster, minor, release, "scs2");
  }

  private static ClusterPlan plan(String cluster, String minor, String release, String stack) {
    try (OpenStackClient admin = OpenStackLab.connect("lab-admin")) {
      CloudProfile lab = admin.discovery().discover("lab").profile().toBuilder().quirks(ProviderQuirks.PLUSCLOUD_OPEN)
          .hypervisors(Hypervisors.of(HostCount.exact("compute1", "compute2", "compute3"))).build();
      return Planner.plan(ClusterRequest.of(r -> r.clusterName(cluster).className(ClusterClassName.of(stack, minor, release))
          .controlPlane(ControlPlaneRequest.of(cp -> cp.replicas(3)))
          .addWorkers(WorkerRequest.of(w -> w.name("md-0").replicas(1)))), lab);
    }
  }

  private static ObjectNode kubeadmControlPlane(String ns, String name, String version) {
    ObjectNode o = LabHttp.object().put("apiVersion", "controlplane.cluster.x-k8s.io/v1beta1").put("kind",
        "KubeadmControlPlane");
    o.putObject("metadata").put("name", name).put("namespace", ns);
    ObjectNode spec = o.putObject("spec").put("replicas", 3).put("version", version);
    spec.putObject("machineTemplate").putObject("infrastructureRef").put("apiVersion",
        "infrastructure.cluster.x-k8s.io/v1beta1").put("kind", "OpenStackMachineTemplate").put("name", name);
    spec.putObject("kubeadmConfigSpec");
    return o;
  }

  /** KubeadmControlPlane status as its controller writes it (controlplane/kubeadm/api/v1beta1). */
  private static void writeKcpStatus(LabHttp http, String ns, String name, String version, int replicas) {
    ObjectNode st = LabHttp.object().put("version", version).put("replicas", replicas).put("updatedReplicas", replicas)
        .put("readyReplicas", replicas).put("unavailableReplicas", 0).put("initialized", true).put("ready", true)
        .put("observedGeneration", http.get(KCP_API + ns + "/kubeadmcontrolplanes/" + name).ok("get KCP").json()
            .path("metadata").path("generation").asLong());
    new FakeCapiController(http).writeStatus(KCP_API + ns + "/kubeadmcontrolplanes/" + name, st);
  }

  /** The Cluster's status for these counts, with TopologyReconciled as the topology controller sets it. */
  private static void writeClusterStatus(LabHttp http, String ns, String cluster, Replicas cp, Replicas workers,
      boolean reconciled) {
    String path = FakeCapiController.clusterPath(ns, cluster);
    JsonNode current = http.get(path).ok("get Cluster").json();
    long generation = current.path("metadata").path("generation").asLong();
    ObjectNode st = FakeCapiController.clusterStatus(Stage.AVAILABLE, cp, workers, generation, Instant.now(),
        current.path("status"));
    String ts = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    ObjectNode v1 = ((ArrayNode) st.path("conditions")).addObject().put("type", "TopologyReconciled")
        .put("status", reconciled ? "True" : "False").put("lastTransitionTime", ts);
    ObjectNode v2 = ((ArrayNode) st.path("v1beta2").path("conditions")).addObject().put("type", "TopologyReconciled")
        .put("status", reconciled ? "True" : "False").put("observedGeneration", generation).put("lastTransitionTime", ts)
        .put("reason", reconciled ? "ReconcileSucceeded" : "ControlPlaneUpgradePending")
        .put("message", reconciled ? "topology reconciled (set by the test: no Cluster API controller runs in the lab)"
            : "Control plane rollout and upgrade to version " + TO + " on hold (set by the test)");
    if (!reconciled) {
      v1.put("reason", "TopologyReconciledControlPlaneUpgradePending").put("severity", "Info");
    }
    new FakeCapiController(http).writeStatus(path, st);
  }

  private static JsonNode topology(LabHttp http, String ns, String cluster) {
    return http.get(FakeCapiController.clusterPath(ns, cluster)).ok("get Cluster").json().path("spec").path("topology");
  }

  private static String hostId(String server) {
    try {
      return OpenStackLab.run("server", "show", "-f", "value", "-c", "hostId", server).strip();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static Map<String, List<String>> byHost(List<String> servers) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (String s : servers) {
      m.computeIfAbsent(hostId(s), h -> new ArrayList<>()).add(s);
    }
    return m;
  }

  /** lab/openstack/hypervisors N: the real scheduler sees N enabled computes. */
  private static void hypervisors(int n) {
    Path d = Path.of("").toAbsolutePath();
    for (Path p = d; p != null; p = p.getParent()) {
      Path s = p.resolve("lab/openstack/hypervisors");
      if (Files.isExecutable(s)) {
        KubernetesLab.run(List.of(s.toString(), Integer.toString(n)), Duration.ofMinutes(2));
        return;
      }
    }
    throw new AssertionError("lab/openstack/hypervisors not found above " + d);
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
