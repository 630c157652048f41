package io.clusterstacks.lifecycle.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterstacks.core.Severity;
import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.cloud.ProviderQuirks;
import io.clusterstacks.core.model.ServerGroupRef;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.core.plan.ClusterRequest;
import io.clusterstacks.core.plan.ControlPlaneRequest;
import io.clusterstacks.core.plan.PlacementPolicy;
import io.clusterstacks.core.plan.Planner;
import io.clusterstacks.core.plan.RolePlan;
import io.clusterstacks.core.plan.WorkerRequest;
import io.clusterstacks.core.stack.ClusterClassName;
import io.clusterstacks.kubernetes.ManagementCluster;
import io.clusterstacks.kubernetes.lab.KubernetesLab;
import io.clusterstacks.lifecycle.diagnose.Finding.Kind;
import io.clusterstacks.lifecycle.maintenance.MaintenanceOptIn;
import io.clusterstacks.lifecycle.maintenance.OptInReconciliation;
import io.clusterstacks.lifecycle.lab.OpenStackLab;
import io.clusterstacks.openstack.LoadBalancers;
import io.clusterstacks.openstack.Maintenance;
import io.clusterstacks.openstack.OpenStackClient;
import io.clusterstacks.openstack.ServerGroupSet;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A cluster made unhealthy on purpose on both labs, diagnosed through {@link DiagnosisCollector} from the real
 * systems: the OpenStack lab's Nova (fake-driver computes), its Octavia (amphora provider with no-op back ends,
 * so no amphora sends heartbeats) and the Kubernetes lab's kube-apiserver, which stands in for the workload
 * cluster (its admin kubeconfig in the {@code <cluster>-kubeconfig} Secret, as CAPI writes it).
 *
 * <p>No Cluster API controllers and no kubelet run. The test plays them and says so: it boots the servers a
 * Machine would get into the plan's server groups (one on {@code SCS-1L-1-5}, whose disk is no local SSD, one on
 * the local-SSD {@code SCS-2V-4-20s}), writes the provider's announcement into one server's metadata (playing
 * pluscloud open, whose maintenance keys the lab's profile is given), creates the API load balancer as CAPO
 * names it, and registers two Nodes as a kubelet would: one NotReady because no CNI is installed, one Ready but
 * still tainted {@code node.cloudprovider.kubernetes.io/uninitialized} because no cloud controller manager runs.
 * Everything it creates is deleted in {@code finally}.
 */
class DiagnoseOnTheLabsIT {
  private static final Path OS_LAB = Path.of(System.getProperty("clusterstacks.openstack.lab.dir",
      "/var/lib/clusterstacks-lab/openstack"));
  private static final String CNI_MESSAGE = "container runtime network not ready: NetworkReady=false "
      + "reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized";

  /**
   * A server the snapshot lists but Nova no longer has (deleted between collection and the pass): the real
   * Nova's 404 is reported for it, with its ID, and nothing is claimed as set.
   */
  @Test
  void theOptInPassReportsAServerGoneSinceTheSnapshot() throws Exception {
    String gone = UUID.randomUUID().toString();
    ClusterObservations seen = ClusterObservations.builder("default", "gone", Instant.now())
        .quirks(ProviderQuirks.PLUSCLOUD_OPEN)
        .addGroup(new ClusterObservations.Group("control-plane", true, "g-1", "clusterstacks-gone-control-plane",
            "anti-affinity", 1, 1))
        .addServer(ClusterObservations.Server.of(gone, "gone-cp-0", "control-plane", true, "g-1", "ACTIVE", "h-1",
            "SCS-2V-4-20s"))
        .build();
    try (OpenStackClient member = OpenStackLab.connect("lab-member")) {
      OptInReconciliation r = MaintenanceOptIn.reconcile(member, seen);
      assertFalse(r.complete(), r.toString());
      assertEquals(List.of(), r.set(), r.toString());
      assertEquals(List.of(gone), r.failed().stream().map(OptInReconciliation.Failure::serverId).toList(), r.toString());
      assertTrue(r.failed().get(0).reason().startsWith("OpenStackApiException: ")
          && r.failed().get(0).reason().contains("404"), r.toString());
    }
  }

  @Test
  void aClusterMadeUnhealthyOnTheLabsIsDiagnosedFindingByFinding() throws Exception {
    String run = Long.toString(System.nanoTime() % 1_000_000L, 36);
    String cluster = "diag-" + run;
    String namespace = "diag-it-" + run;
    String lbName = LoadBalancers.capoApiServerName(namespace, cluster);
    List<String> servers = new ArrayList<>();
    List<String> nodes = new ArrayList<>();
    boolean lbCreated = false;
    ClusterPlan plan = null;
    KubernetesClient k8s = KubernetesLab.get().newClient();
    try (OpenStackClient admin = OpenStackLab.connect("lab-admin");
        OpenStackClient member = OpenStackLab.connect("lab-member");
        ManagementCluster mgmt = ManagementCluster.builder().kubeconfig(KubernetesLab.get().kubeconfig()).build()) {
      // discovery needs admin (hypervisors); the lab has no provider, so it is given pluscloud open's maintenance keys
      CloudProfile lab = admin.discovery().discover("lab").profile().toBuilder().quirks(ProviderQuirks.PLUSCLOUD_OPEN).build();
      plan = Planner.plan(ClusterRequest.of(r -> r.clusterName(cluster).className(ClusterClassName.of("scs2", "1.34", "v2"))
          .controlPlane(ControlPlaneRequest.of(cp -> cp.replicas(3).policy(PlacementPolicy.antiAffinity())))
          .addWorkers(WorkerRequest.of(w -> w.name("md-0").replicas(1).policy(PlacementPolicy.softAntiAffinity())))), lab);
      ServerGroupSet groups = member.serverGroups().ensure(plan);
      String cpGroup = groupId(plan, groups, "control-plane");
      DiagnosisCollector collector = DiagnosisCollector.of(member, mgmt);

      // 1. Groups only: no member, no load balancer, no workload kubeconfig yet.
      DiagnosisReport empty = ClusterDiagnosis.analyse(collector.collect(plan, namespace));
      System.out.println(empty.text());
      Finding noLb = only(empty, Kind.LOAD_BALANCER, lbName);
      assertEquals(Severity.CRITICAL, noLb.severity(), empty.text());
      assertTrue(noLb.message().contains("no API load balancer"), noLb.message());
      assertEquals(2, empty.findings(Kind.MEMBERS_MISSING).size(), empty.text());
      assertEquals(1, empty.findings(Kind.NOT_OBSERVED).size(), empty.text());
      assertTrue(empty.findings(Kind.NOT_OBSERVED).get(0).message().contains(cluster + "-kubeconfig"), empty.text());

      // 2. The test plays CAPI/CAPO: two control-plane servers (at once, each CLI call costs seconds), and the
      // API load balancer with its listener.
      String downtime = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS).toString();
      Process cpA = OpenStackLab.start("--os-compute-api-version", "2.37", "server", "create", "--flavor", "SCS-1L-1-5", "--image",
          "lab-tiny", "--nic", "none", "--hint", "group=" + cpGroup, "--property", "ps_scheduled_downtime=" + downtime,
          "--wait", "-f", "value", "-c", "id", cluster + "-cp-a");
      Process cpB = OpenStackLab.start("--os-compute-api-version", "2.37", "server", "create", "--flavor", "SCS-2V-4-20s", "--image",
          "lab-tiny", "--nic", "none", "--hint", "group=" + cpGroup, "--wait", "-f", "value", "-c", "id", cluster + "-cp-b");
      Process lb = OpenStackLab.start("loadbalancer", "create", "--name", lbName, "--vip-subnet-id", "lab-lb-subnet", "--wait");
      String idA = OpenStackLab.finish(cpA, "server create cp-a").strip();
      servers.add(idA);
      String idB = OpenStackLab.finish(cpB, "server create cp-b").strip();
      servers.add(idB);
      lbCreated = true;
      OpenStackLab.finish(lb, "loadbalancer create");
      OpenStackLab.run("loadbalancer", "listener", "create", "--name", "l1", "--protocol", "TCP", "--protocol-port", "6443", "--wait",
          lbName);

      // 3. The workload kubeconfig as CAPI writes it, and the Nodes as kubelets would register them.
      k8s.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).create();
      k8s.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName(cluster + "-kubeconfig")
          .addToLabels("cluster.x-k8s.io/cluster-name", cluster).endMetadata().withType("cluster.x-k8s.io/secret")
          .addToData("value", Base64.getEncoder().encodeToString(KubernetesLab.get().kubeconfigYaml().getBytes(StandardCharsets.UTF_8)))
          .build()).create();
      String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
      nodes.add(cluster + "-cp-a");
      k8s.nodes().resource(new NodeBuilder().withNewMetadata().withName(cluster + "-cp-a")
          .addToLabels("node-role.kubernetes.io/control-plane", "").endMetadata()
          .withNewSpec().withProviderID("openstack:///" + idA).endSpec()
          .withNewStatus().addNewCondition().withType("Ready").withStatus("False").withReason("KubeletNotReady")
          .withMessage(CNI_MESSAGE).withLastHeartbeatTime(now).withLastTransitionTime(now).endCondition().endStatus().build()).create();
      nodes.add(cluster + "-cp-b");
      k8s.nodes().resource(new NodeBuilder().withNewMetadata().withName(cluster + "-cp-b")
          .addToLabels("node-role.kubernetes.io/control-plane", "").endMetadata()
          .withNewSpec().addNewTaint().withKey(ClusterDiagnosis.UNINITIALIZED_TAINT).withValue("true").withEffect("NoSchedule")
          .endTaint().endSpec()
          .withNewStatus().addNewCondition().withType("Ready").withStatus("True").withReason("KubeletReady")
          .withMessage("kubelet is posting ready status").withLastHeartbeatTime(now).withLastTransitionTime(now).endCondition()
          .endStatus().build()).create();

      DiagnosisReport report = ClusterDiagnosis.analyse(collector.collect(plan, namespace));
      System.out.println(report.text());
      String a = "server " + cluster + "-cp-a (" + idA + ")";
      String b = "server " + cluster + "-cp-b (" + idB + ")";

      Finding disk = only(report, Kind.CONTROL_PLANE_NOT_ON_LOCAL_SSD, cluster);
      assertEquals(a, disk.subject());
      // the lab seeds the scs-0103 extra_specs, which decide before the name
      assertEquals(List.of("flavor SCS-1L-1-5: extra_spec scs:disk0-type=network"), disk.evidence());

      Finding optIn = only(report, Kind.MAINTENANCE_OPT_IN_MISSING, cluster);
      assertEquals(b, optIn.subject(), "only the local-SSD server is stopped in maintenance");
      Finding announced = only(report, Kind.MAINTENANCE_ANNOUNCED, cluster);
      assertEquals(a, announced.subject());
      assertEquals(Severity.WARNING, announced.severity());
      assertTrue(announced.evidence().contains("metadata ps_scheduled_downtime=" + downtime), announced.evidence().toString());

      Finding missing = only(report, Kind.MEMBERS_MISSING, "control-plane");
      assertTrue(missing.message().contains("the plan has 3 members") && missing.message().contains("Nova has 2"), missing.message());
      assertEquals(List.of(), report.findings(Kind.SHARED_HOST), "hard anti-affinity kept them apart: " + report.text());
      assertEquals(List.of(), report.findings(Kind.MEMBER_ERROR), report.text());

      // the no-op Octavia: ACTIVE, and no amphora reports health
      Finding lbFinding = only(report, Kind.LOAD_BALANCER, lbName);
      assertEquals(Severity.INFO, lbFinding.severity(), lbFinding.toString());
      assertTrue(lbFinding.message().contains("NO_HEALTH_DATA: ACTIVE/"), lbFinding.message());
      assertTrue(lbFinding.evidence().stream().anyMatch(e -> e.startsWith("loadbalancer " + lbName + " ACTIVE/")), lbFinding.evidence().toString());
      assertTrue(lbFinding.evidence().stream().anyMatch(e -> e.startsWith("listener l1 ACTIVE/")), lbFinding.evidence().toString());

      Finding notReady = only(report, Kind.NODE_NOT_READY, cluster);
      assertEquals("node " + cluster + "-cp-a", notReady.subject());
      assertTrue(notReady.evidence().get(0).contains("cni plugin not initialized"), notReady.evidence().toString());
      assertTrue(notReady.fix().startsWith("install a CNI"), notReady.fix());
      Finding uninitialized = only(report, Kind.NODE_UNINITIALIZED, cluster);
      assertEquals("node " + cluster + "-cp-b", uninitialized.subject());
      assertEquals(List.of(), report.findings(Kind.NOT_OBSERVED), report.text());

      // the placement picture: two members of the control-plane group on two hosts
      JsonNode json = new ObjectMapper().readTree(report.json());
      JsonNode cpPlacement = json.path("placement").get(0);
      assertEquals("control-plane", cpPlacement.path("deployment").asText());
      assertEquals(2, cpPlacement.path("hosts").size(), report.json());
      assertNotEquals(cpPlacement.path("hosts").get(0).path("hostId").asText(), cpPlacement.path("hosts").get(1).path("hostId").asText());
      assertNoSecret(report.text() + report.json());

      // 4. The opt-in reconciled: set on exactly the server the finding names, then the next diagnosis no longer
      // asks for it and a second pass writes nothing.
      OptInReconciliation first = MaintenanceOptIn.reconcile(member, collector.collect(plan, namespace));
      assertTrue(first.complete(), first.toString());
      assertEquals(List.of(idB), first.set().stream().filter(Maintenance.OptInResult::changed)
          .map(Maintenance.OptInResult::serverId).toList(), first.toString());
      assertEquals("true", member.servers().stream().filter(x -> x.id().equals(idB)).findFirst().orElseThrow()
          .metadata().get("ps_restart_after_maint"));
      ClusterObservations afterSeen = collector.collect(plan, namespace);
      DiagnosisReport after = ClusterDiagnosis.analyse(afterSeen);
      assertEquals(List.of(), mine(after, Kind.MAINTENANCE_OPT_IN_MISSING, cluster), after.text());
      OptInReconciliation second = MaintenanceOptIn.reconcile(member, afterSeen);
      assertEquals(List.of(), second.set(), second.toString());
      assertTrue(second.complete(), second.toString());
      assertEquals(1, mine(after, Kind.CONTROL_PLANE_NOT_ON_LOCAL_SSD, cluster).size(), after.text());
    } finally {
      for (String n : nodes) {
        k8s.nodes().withName(n).delete();
      }
      k8s.namespaces().withName(namespace).delete();
      k8s.close();
      if (!servers.isEmpty()) {
        List<String> delete = new ArrayList<>(List.of("server", "delete", "--wait"));
        delete.addAll(servers);
        OpenStackLab.run(delete.toArray(String[]::new));
      }
      if (lbCreated) {
        OpenStackLab.run("loadbalancer", "delete", "--cascade", "--wait", lbName);
      }
      if (plan != null) {
        try (OpenStackClient member = OpenStackLab.connect("lab-member")) {
          member.serverGroups().deleteFor(plan);
        }
      }
    }
  }

  private static String groupId(ClusterPlan plan, ServerGroupSet set, String deployment) {
    Map<String, String> out = new LinkedHashMap<>();
    for (RolePlan r : plan.roles()) {
      for (RolePlan.Deployment d : r.deployments()) {
        if (d.serverGroup().orElse(null) instanceof ServerGroupRef.ToCreate t) {
          out.put(d.name(), set.idsByPlanName().get(t.name()));
        }
      }
    }
    assertTrue(out.containsKey(deployment), out.toString());
    return out.get(deployment);
  }

  /** The findings of a kind whose subject names this run's objects (the lab is shared with other tests' Nodes). */
  private static List<Finding> mine(DiagnosisReport r, Kind kind, String marker) {
    return r.findings(kind).stream().filter(f -> f.subject().contains(marker) || f.message().contains(marker)).toList();
  }

  private static Finding only(DiagnosisReport r, Kind kind, String marker) {
    List<Finding> f = mine(r, kind, marker);
    assertEquals(1, f.size(), kind + " for " + marker + " in:\n" + r.text());
    return f.get(0);
  }

  /** Neither lab's secrets (passwords, application-credential secret, the admin kubeconfig's token) are in the report. */
  private static void assertNoSecret(String report) throws Exception {
    List<String> secrets = new ArrayList<>();
    Path env = OS_LAB.resolve("secrets.env");
    if (Files.isReadable(env)) {
      for (String line : Files.readAllLines(env, StandardCharsets.UTF_8)) {
        int eq = line.indexOf('=');
        if (!line.startsWith("#") && eq > 0 && line.length() > eq + 8) {
          secrets.add(line.substring(eq + 1).strip());
        }
      }
    }
    for (String line : KubernetesLab.get().kubeconfigYaml().split("\n")) {
      if (line.strip().startsWith("token:")) {
        secrets.add(line.strip().substring("token:".length()).strip());
      }
    }
    assertFalse(secrets.isEmpty(), "the labs' secrets were found, else this proves nothing");
    for (String s : secrets) {
      assertFalse(report.contains(s), "the report holds a secret (" + s.length() + " characters)");
    }
  }
}
