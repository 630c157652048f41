package io.clusterstacks.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterstacks.kubernetes.lab.FakeCapiController;
import io.clusterstacks.kubernetes.lab.FakeCapiController.Replicas;
import io.clusterstacks.kubernetes.lab.FakeCapiController.Stage;
import io.clusterstacks.kubernetes.lab.LabHttp;
import io.clusterstacks.lifecycle.cluster.ClusterLifecycle;
import io.clusterstacks.lifecycle.lab.OpenStackLab;
import io.clusterstacks.openstack.OpenStackClient;
import io.clusterstacks.openstack.ServerGroup;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clusterstacks up}, {@code upgrade} and {@code down} as real processes against both labs (the OpenStack
 * lab's Nova for the server groups and servers, the Kubernetes lab's kube-apiserver as the management cluster), with
 * every exit code they document that the labs can produce.
 *
 * <p>No Cluster API controllers run here. The test plays them and says so: it boots the servers CAPO would boot for
 * the Machines into the groups {@code up} created (through the openstack command line), writes the Cluster's status
 * as CAPI's cluster controller does ({@link FakeCapiController}) and the {@code <cluster>-kubeconfig} Secret as CAPI
 * writes it, and deletes the servers as CAPO would after {@code down}. The rollout of {@code upgrade} is not played,
 * so it runs out of time after the apply (sdk-lifecycle's ClusterUpgradeOnTheLabsIT plays one).
 */
class LifecycleCommandsIT {
  @TempDir Path tmp;

  /** The saved profile every run of the cluster plans on. */
  private String profile;

  @Test
  void upUpgradeAndDownWithTheirExitCodes() throws Exception {
    String ns = ManagementLab.namespace("up");
    String cluster = "up-" + Long.toString(System.nanoTime() % 1_000_000L, 36);
    List<String> servers = new ArrayList<>();
    LabHttp http = ManagementLab.lab().http();
    try (OpenStackClient member = OpenStackLab.connect("lab-member")) {
      // 0. The profile is discovered once and every run plans on it: the member's discovery counts hypervisors from
      // the project's servers, so planning on a fresh discovery would change once the test boots the cluster's.
      profile = tmp.resolve("lab-member.json").toString();
      DiscoverCommandIT.Run discover = cli("discover", "--os-cloud", "lab-member", "-o", profile);
      assertEquals(0, discover.exitCode(), discover.toString());

      // 1. Nothing reports on the Cluster yet: up creates the groups, applies, and its wait runs out (6).
      DiscoverCommandIT.Run first = cli(args("up", ns, cluster, "v1.33.10", "--timeout", "PT3S"));
      assertEquals(6, first.exitCode(), first.toString());
      assertStep(first, "LOCK", "DONE");
      assertStep(first, "SERVER_GROUPS", "DONE");
      assertStep(first, "APPLY", "DONE");
      assertStep(first, "WAIT", "FAILED");
      assertTrue(first.err().contains("stopped at WAIT") && first.err().contains("run create again"), first.toString());
      ServerGroup cp = member.serverGroups().find(cluster + "-control-plane").orElseThrow();
      // the planner gives one worker no group of its own (nothing to spread), the control plane an anti-affinity one
      Optional<ServerGroup> md = member.serverGroups().find(cluster + "-md-0");

      // 2. The test plays CAPI's cluster controller only: up finds the cluster usable, but the groups have none of
      // the planned servers, so the placement step warns (7).
      new FakeCapiController(http).writeCluster(ns, cluster, Stage.AVAILABLE, Replicas.of(3, 3), Replicas.of(1, 1));
      ManagementLab.lab().writeKubeconfigSecret(ns, cluster);
      DiscoverCommandIT.Run noServers = cli(args("up", ns, cluster, "v1.33.10"));
      assertEquals(7, noServers.exitCode(), noServers.toString());
      assertStep(noServers, "SERVER_GROUPS", "UNCHANGED");
      assertStep(noServers, "APPLY", "UNCHANGED");
      assertStep(noServers, "WAIT", "DONE");
      assertStep(noServers, "VERIFY_PLACEMENT", "WARNING");

      // 3. The test plays CAPO too: the servers the Machines would get, in the planned groups. up: 0, nothing changed.
      List<Process> boots = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        boots.add(OpenStackLab.startBoot(cluster + "-cp-" + i, "SCS-2V-4-20s", cp.id()));
      }
      if (md.isPresent()) {
        boots.add(OpenStackLab.startBoot(cluster + "-md-0-0", "SCS-1L-1-5", md.get().id()));
      }
      for (Process b : boots) {
        servers.add(OpenStackLab.finish(b, "server create").strip());
      }
      DiscoverCommandIT.Run up = cli(args("up", ns, cluster, "v1.33.10"));
      // Where Nova puts the three members is its weighing of equal hosts; a plan that accepted 2 per host for surge
      // (max_server_per_host=2) may end with 2 on one hypervisor, which up reports as a placement warning (7)
      boolean shared = up.out().lines().anyMatch(l -> l.startsWith("VERIFY_PLACEMENT") && l.contains(" share hostId "));
      assertEquals(shared ? 7 : 0, up.exitCode(), up.toString());
      for (String step : List.of("LOCK", "SERVER_GROUPS", "RENDER", "APPLY", "WAIT", "VERIFY_PLACEMENT", "OPT_IN", "ACCESS")) {
        assertTrue(up.out().lines().anyMatch(l -> l.startsWith(step + " ")), step + " missing:\n" + up);
      }
      assertStep(up, "VERIFY_PLACEMENT", shared ? "WARNING" : "DONE");
      assertTrue(up.out().contains(ns + "/" + cluster + " is usable; its kubeconfig: clusterstacks kubeconfig " + cluster
          + " -n " + ns), up.toString());
      assertFalse(up.out().contains("BEGIN CERTIFICATE") || up.out().contains("token:"), up.toString());

      // 4. upgrade --check: +1 minor is allowed (0), going down is refused (9); neither applies anything.
      DiscoverCommandIT.Run allowed = cli(args("upgrade", ns, cluster, "v1.34.7", "--check"));
      assertEquals(0, allowed.exitCode(), allowed.toString());
      assertTrue(allowed.out().contains(cluster + ": openstack-scs2-1-33-v5 v1.33.10 -> openstack-scs2-1-34-v2 v1.34.7"
          + " allowed"), allowed.toString());
      assertTrue(allowed.out().contains("check only: nothing was applied"), allowed.toString());
      DiscoverCommandIT.Run down = cli(args("upgrade", ns, cluster, "v1.33.4"));
      assertEquals(9, down.exitCode(), down.toString());
      assertTrue(down.err().contains(" refused\n  refused: ") && down.err().contains("cannot go down"), down.toString());
      assertStep(down, "CHECK_UPGRADE", "FAILED");
      assertFalse(down.out().lines().anyMatch(l -> l.startsWith("APPLY ")), down.toString());
      assertEquals("v1.33.10", topologyVersion(http, ns, cluster), "a refused upgrade applies nothing");

      // 5. upgrade to v1.34.7: applied, and nothing plays the rollout, so it runs out of time (6).
      DiscoverCommandIT.Run upgrade = cli(args("upgrade", ns, cluster, "v1.34.7", "--timeout", "PT3S"));
      assertEquals(6, upgrade.exitCode(), upgrade.toString());
      assertStep(upgrade, "CHECK_UPGRADE", "(DONE|WARNING)");
      assertStep(upgrade, "APPLY", "DONE");
      assertStep(upgrade, "ROLLOUT", "FAILED");
      assertEquals("v1.34.7", topologyVersion(http, ns, cluster));

      // 6. Another run holds the cluster's lock: down stops before deleting anything (8).
      String lease = "{\"apiVersion\":\"coordination.k8s.io/v1\",\"kind\":\"Lease\",\"metadata\":{\"name\":\""
          + ClusterLifecycle.lockName(cluster) + "\",\"namespace\":\"" + ns + "\"},\"spec\":{\"holderIdentity\":"
          + "\"ci-runner/4242/0000beef\",\"leaseDurationSeconds\":60,\"renewTime\":\""
          + DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").format(ZonedDateTime.now(ZoneOffset.UTC)) + "\"}}";
      String leasePath = "/apis/coordination.k8s.io/v1/namespaces/" + ns + "/leases";
      http.send("POST", leasePath, LabHttp.JSON_TYPE, lease).ok("create the Lease");
      DiscoverCommandIT.Run locked = cli(args("down", ns, cluster, "v1.34.7"));
      assertEquals(8, locked.exitCode(), locked.toString());
      assertTrue(locked.err().contains("ci-runner/4242/0000beef"), locked.toString());
      assertTrue(ManagementLab.exists(ManagementLab.clusterPath(ns, cluster)), "nothing deleted under another's lock");
      http.send("DELETE", leasePath + "/" + ClusterLifecycle.lockName(cluster), null, (String) null).ok("delete the Lease");

      // 7. down: the objects go; the groups keep the servers CAPO has not deleted yet, so they remain (7). The test
      // plays CAPO deleting them; down again removes the groups (0).
      DiscoverCommandIT.Run remains = cli(args("down", ns, cluster, "v1.34.7"));
      assertEquals(7, remains.exitCode(), remains.toString());
      assertStep(remains, "DELETE_OBJECTS", "DONE");
      assertStep(remains, "DELETE_SERVER_GROUPS", "WARNING");
      assertEquals(md.isPresent() ? 2 : 1, remains.out().lines().filter(l -> l.startsWith("remains: server group "))
          .count(), remains.toString());
      assertFalse(ManagementLab.exists(ManagementLab.clusterPath(ns, cluster)), "the Cluster is gone");
      List<String> delete = new ArrayList<>(List.of("server", "delete", "--wait"));
      delete.addAll(servers);
      OpenStackLab.run(delete.toArray(String[]::new));
      servers.clear();
      DiscoverCommandIT.Run gone = cli(args("down", ns, cluster, "v1.34.7"));
      assertEquals(0, gone.exitCode(), gone.toString());
      assertStep(gone, "DELETE_SERVER_GROUPS", "DONE");
      assertTrue(gone.out().contains(ns + "/" + cluster + " is gone"), gone.toString());
      assertEquals(Optional.empty(), member.serverGroups().find(cluster + "-control-plane"));
      assertEquals(Optional.empty(), member.serverGroups().find(cluster + "-md-0"));
    } finally {
      http.send("DELETE", "/api/v1/namespaces/" + ns, null, (String) null);
      OpenStackLab.deleteLeftovers(servers, null);
      try (OpenStackClient member = OpenStackLab.connect("lab-member")) {
        member.serverGroups().deleteNamed(List.of(cluster + "-control-plane", cluster + "-md-0"));
      }
    }
  }

  @Test
  void withoutACloudEachCommandExitsTwoNamingTheOption() throws Exception {
    for (String command : List.of("up", "down", "upgrade")) {
      DiscoverCommandIT.Run r = cli(command, "--cluster-name", "absent");
      assertEquals(2, r.exitCode(), r.toString());
      assertTrue(r.err().contains("--os-cloud: missing; " + command + " "), r.toString());
    }
    DiscoverCommandIT.Run timeout = cli("up", "--os-cloud", "lab-member", "--cluster-name", "absent", "--timeout", "PT0S");
    assertEquals(2, timeout.exitCode(), timeout.toString());
    assertTrue(timeout.err().contains("waitOptions.timeout") && timeout.err().contains("give a positive duration"),
        timeout.toString());
  }

  /** The options every run of one cluster shares: topology mode on the lab's discovered cloud, 3 + 1 machines. */
  private String[] args(String command, String ns, String cluster, String version, String... more) {
    return Stream.concat(Stream.of(command, "--os-cloud", "lab-member", "--profile", profile, "--mode", "topology", "--stack", "scs2",
        "-k", version, "--control-planes", "3", "--workers", "1", "--cluster-name", cluster, "-n", ns,
        "--kubeconfig", ManagementLab.kubeconfig().toString(), "--plain"), Stream.of(more)).toArray(String[]::new);
  }

  private DiscoverCommandIT.Run cli(String... args) throws Exception {
    return DiscoverCommandIT.cli(tmp, args);
  }

  private static void assertStep(DiscoverCommandIT.Run run, String step, String outcome) {
    assertTrue(run.out().lines().anyMatch(l -> l.matches(step + " +" + outcome + " .*")), step + " " + outcome
        + " expected:\n" + run);
  }

  private static String topologyVersion(LabHttp http, String ns, String cluster) {
    JsonNode c = http.get(FakeCapiController.clusterPath(ns, cluster)).ok("get Cluster").json();
    return c.path("spec").path("topology").path("version").asText();
  }
}
