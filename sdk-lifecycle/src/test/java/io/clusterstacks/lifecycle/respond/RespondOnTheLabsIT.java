package io.clusterstacks.lifecycle.respond;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import io.clusterstacks.kubernetes.lab.FakeKubelet;
import io.clusterstacks.kubernetes.lab.KubernetesLab;
import io.clusterstacks.kubernetes.lab.RoleBoundToken;
import io.clusterstacks.lifecycle.diagnose.ClusterObservations;
import io.clusterstacks.lifecycle.diagnose.DiagnosisCollector;
import io.clusterstacks.lifecycle.respond.ResponsePlan.Action;
import io.clusterstacks.lifecycle.respond.ResponsePlan.StepKind;
import io.clusterstacks.lifecycle.respond.ResponseReport.Outcome;
import io.clusterstacks.lifecycle.respond.ResponseReport.StepResult;
import io.clusterstacks.lifecycle.lab.OpenStackLab;
import io.clusterstacks.openstack.OpenStackClient;
import io.clusterstacks.openstack.ServerDetails;
import io.clusterstacks.openstack.ServerGroupSet;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The responder on both labs: the OpenStack lab's Nova (four fake-driver computes) and the Kubernetes lab's
 * kube-apiserver with its real scheduler, controller-manager (ReplicaSets, the disruption controller that keeps
 * PodDisruptionBudget status) and Eviction API, standing in for the workload and the management cluster.
 *
 * <p>No Cluster API controllers and no kubelet run; the test plays them and says so. It boots through the real
 * Nova the servers Machines would get, in the plan's groups (three control-plane members under hard
 * anti-affinity, two workers under soft anti-affinity), writes the Machines (a MachineSet owning the workers')
 * with the providerID CAPO sets, and, when the responder has deleted the worker's Machine, does what the
 * MachineSet controller and CAPO would: boots a replacement server in the group and deletes the old one.
 * {@link FakeKubelet} plays the kubelets (Nodes Ready, pods Running, graceful deletions finished). It writes the
 * provider's announcement into two servers' metadata (playing pluscloud open) and stops one control-plane server,
 * so that replacing the other announced member would put etcd below quorum.
 *
 * <p>The SDK reaches the management cluster as a ServiceAccount bound only to
 * {@link ManagementCluster#leastPrivilegeRole(String)}, and the workload cluster with a ServiceAccount that may patch Nodes, list pods and create
 * {@code pods/eviction}, but not delete pods: pods can only leave through the Eviction API, which the API server
 * checks against the PodDisruptionBudget.
 */
class RespondOnTheLabsIT {
  private static final Path OS_LAB = Path.of(System.getProperty("clusterstacks.openstack.lab.dir",
      "/var/lib/clusterstacks-lab/openstack"));
  private static final String KEY = "ps_scheduled_downtime";
  private static final String OPT_IN = "ps_restart_after_maint";
  private static final ResourceDefinitionContext MACHINES = new ResourceDefinitionContext.Builder()
      .withGroup("cluster.x-k8s.io").withVersion("v1beta1").withKind("Machine").withPlural("machines").withNamespaced(true)
      .build();
  private static final ResourceDefinitionContext MACHINE_SETS = new ResourceDefinitionContext.Builder()
      .withGroup("cluster.x-k8s.io").withVersion("v1beta1").withKind("MachineSet").withPlural("machinesets")
      .withNamespaced(true).build();
  private static final ResourceDefinitionContext PDBS = new ResourceDefinitionContext.Builder()
      .withGroup("policy").withVersion("v1beta1").withKind("PodDisruptionBudget").withPlural("poddisruptionbudgets")
      .withNamespaced(true).build();

  @Test
  void anAnnouncedWorkerIsDrainedThroughEvictionsAndReplacedElsewhereWhileAMemberIsHeldForQuorum() throws Exception {
    String run = Long.toString(System.nanoTime() % 1_000_000L, 36);
    String cluster = "resp-" + run;
    String namespace = "resp-it-" + run;
    String role = "clusterstacks-respond-it-" + run;
    List<String> servers = new ArrayList<>();
    ClusterPlan plan = null;
    FakeKubelet kubelet = null;
    KubernetesClient k8s = KubernetesLab.get().newClient();
    Path dir = Files.createTempDirectory("respond-it");
    List<AutoCloseable> closeLater = new ArrayList<>();
    try (OpenStackClient admin = OpenStackLab.connect("lab-admin");
        OpenStackClient member = OpenStackLab.connect("lab-member")) {
      CloudProfile lab = admin.discovery().discover("lab").profile().toBuilder().quirks(ProviderQuirks.PLUSCLOUD_OPEN).build();
      plan = Planner.plan(ClusterRequest.of(r -> r.clusterName(cluster).className(ClusterClassName.of("scs2", "1.34", "v2"))
          .controlPlane(ControlPlaneRequest.of(cp -> cp.replicas(3).policy(PlacementPolicy.antiAffinity())))
          .addWorkers(WorkerRequest.of(w -> w.name("md-0").replicas(2).policy(PlacementPolicy.softAntiAffinity())))), lab);
      ServerGroupSet groups = member.serverGroups().ensure(plan);
      String cpGroup = groupId(plan, groups, "control-plane");
      String mdGroup = groupId(plan, groups, "md-0");

      // 1. Playing CAPO: the servers, all at once (each CLI call costs seconds). The provider announces cp-a and
      // md-a (30 and 40 minutes away, within the 1 h lead time); cp-b is stopped, so etcd has 2 of 3 up.
      Instant at = Instant.now().plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);
      Map<String, Process> boots = new java.util.LinkedHashMap<>();
      for (String n : List.of("cp-a", "cp-b", "cp-c", "md-a", "md-b")) {
        List<String> args = new ArrayList<>(List.of("--os-compute-api-version", "2.37", "server", "create", "--flavor",
            "SCS-2V-4-20s", "--image", "lab-tiny", "--nic", "none", "--hint", "group=" + (n.startsWith("cp") ? cpGroup : mdGroup)));
        if (n.equals("md-a")) {
          args.addAll(List.of("--property", KEY + "=" + at));
        }
        if (n.equals("cp-a")) {
          args.addAll(List.of("--property", KEY + "=" + at.plus(Duration.ofMinutes(10))));
        }
        args.addAll(List.of("--wait", "-f", "value", "-c", "id", cluster + "-" + n));
        boots.put(n, OpenStackLab.start(args.toArray(String[]::new)));
      }
      Map<String, String> id = new HashMap<>();
      for (var e : boots.entrySet()) {
        id.put(e.getKey(), OpenStackLab.finish(e.getValue(), "server create " + e.getKey()).strip());
        servers.add(id.get(e.getKey()));
      }
      OpenStackLab.run("server", "stop", id.get("cp-b"));
      await("cp-b SHUTOFF", Duration.ofMinutes(3), () -> status(member, id.get("cp-b")).equals("SHUTOFF"));

      // 2. The management cluster's objects as CAPI writes them, and the workload kubeconfig pointing at an
      // identity that may evict but not delete pods.
      k8s.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).create();
      GenericKubernetesResource set = k8s.genericKubernetesResources(MACHINE_SETS).inNamespace(namespace)
          .resource(machineSet(namespace, cluster)).create();
      for (String n : id.keySet()) {
        k8s.genericKubernetesResources(MACHINES).inNamespace(namespace)
            .resource(machine(namespace, cluster, cluster + "-" + n, id.get(n), n.startsWith("md") ? set : null)).create();
      }
      k8s.rbac().clusterRoles().resource(new ClusterRoleBuilder().withNewMetadata().withName(role).endMetadata()
          .addToRules(new PolicyRuleBuilder().withApiGroups("").withResources("nodes").withVerbs("get", "list", "patch").build())
          .addToRules(new PolicyRuleBuilder().withApiGroups("").withResources("pods").withVerbs("get", "list").build())
          .addToRules(new PolicyRuleBuilder().withApiGroups("").withResources("pods/eviction").withVerbs("create").build())
          .build()).create();
      k8s.serviceAccounts().inNamespace(namespace).resource(new ServiceAccountBuilder().withNewMetadata().withName("drainer")
          .endMetadata().build()).create();
      k8s.rbac().clusterRoleBindings().resource(new ClusterRoleBindingBuilder().withNewMetadata().withName(role).endMetadata()
          .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole").withName(role).endRoleRef()
          .addNewSubject().withKind("ServiceAccount").withName("drainer").withNamespace(namespace).endSubject().build()).create();
      String token = RoleBoundToken.token(tokenSecret(k8s, namespace, "drainer"));
      Path drainerConfig = RoleBoundToken.kubeconfigFor(dir, token);
      k8s.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName(cluster + "-kubeconfig")
          .addToLabels("cluster.x-k8s.io/cluster-name", cluster).endMetadata().withType("cluster.x-k8s.io/secret")
          .addToData("value", Base64.getEncoder().encodeToString(Files.readAllBytes(drainerConfig))).build()).create();

      // 3. Playing the kubelets: one Node per server, with the providerID the cloud controller manager sets.
      FakeKubelet.Builder kb = FakeKubelet.builder(KubernetesLab.get().http());
      for (String n : id.keySet()) {
        kb.node(cluster + "-" + n, n.startsWith("cp") ? Map.of("node-role.kubernetes.io/control-plane", "")
            : Map.of("clusterstacks.io/respond-it", "md"));
      }
      kubelet = kb.start().awaitSchedulable(Duration.ofMinutes(2));
      for (String n : id.keySet()) {
        k8s.nodes().withName(cluster + "-" + n).patch(PatchContext.of(PatchType.JSON_MERGE),
            "{\"spec\":{\"providerID\":\"openstack:///" + id.get(n) + "\"}}");
      }
      // two replicas of a Deployment on md-a (md-b cordoned while they are scheduled), and a budget that keeps
      // both: no eviction is allowed until the test scales the Deployment up (below)
      k8s.nodes().withName(cluster + "-md-b").patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"unschedulable\":true}}");
      k8s.apps().deployments().inNamespace(namespace).resource(deployment(kubelet.id())).create();
      k8s.genericKubernetesResources(PDBS).inNamespace(namespace).resource(pdb()).create();
      await("2 web pods Running on md-a and the budget counting both healthy", Duration.ofMinutes(3), () ->
          webPods(k8s, namespace).stream().filter(p -> (cluster + "-md-a").equals(p.getSpec().getNodeName())
              && "Running".equals(p.getStatus().getPhase())).count() == 2
          && k8s.genericKubernetesResources(PDBS).inNamespace(namespace).withName("web").get().getAdditionalProperties()
              .get("status") instanceof Map<?, ?> st && Integer.valueOf(2).equals(st.get("currentHealthy"))
              && Integer.valueOf(0).equals(st.get("disruptionsAllowed")));
      List<String> onMdA = webPods(k8s, namespace).stream().map(p -> namespace + "/" + p.getMetadata().getName()).sorted().toList();
      k8s.nodes().withName(cluster + "-md-b").patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"unschedulable\":null}}");

      // 4. The plan from the real snapshot. From here on the SDK reaches the management cluster only as a
      // ServiceAccount bound to ManagementCluster.leastPrivilegeRole (it lists and deletes the Machine).
      Path sdkDir = Files.createDirectories(dir.resolve("sdk"));
      ManagementCluster mgmt = ManagementCluster.builder().kubeconfig(RoleBoundToken.kubeconfig(k8s, namespace, "sdk", sdkDir))
          .build();
      closeLater.add(mgmt);
      ClusterObservations seen = DiagnosisCollector.of(member, mgmt).collect(plan, namespace);
      ResponseOptions options = ResponseOptions.of(Duration.ofHours(1));
      ResponsePlan p = ResponsePlanner.plan(seen, options, Optional.empty(), Instant.now());
      System.out.print(p.text());
      assertEquals(Action.REPLACE, p.decision(id.get("md-a")).orElseThrow().action(), p.text());
      // cp-a is held and never deleted. Why depends on where Nova put the five servers: if a hypervisor the
      // cluster uses has no control-plane member and is not announced, a replacement could go there, and it is
      // etcd's quorum (cp-b stopped) that forbids it; else there is no room. The test works out which from Nova.
      ResponsePlan.Decision held = p.decision(id.get("cp-a")).orElseThrow();
      assertEquals(Action.HOLD, held.action(), p.text());
      Map<String, String> hostOf = new HashMap<>();
      id.forEach((n, sid) -> hostOf.put(n, server(member, sid).hostId()));
      boolean room = hostOf.values().stream().distinct().anyMatch(h -> !h.equals(hostOf.get("cp-a")) && !h.equals(hostOf.get("md-a"))
          && !h.equals(hostOf.get("cp-b")) && !h.equals(hostOf.get("cp-c")));
      System.out.println("hosts " + hostOf + ", room for a control-plane replacement: " + room);
      assertTrue(held.reason().contains(room ? "would leave etcd with 1 of 3 members available, below its quorum of 2 (1 already "
          + "not ACTIVE)" : "no other hypervisor can take a replacement"), held.reason());
      String mdAHost = server(member, id.get("md-a")).hostId();

      // 5. Dry run: every step described, nothing changed.
      MaintenanceResponder responder = MaintenanceResponder.of(member, mgmt)
          .timeouts(Duration.ofMinutes(3), Duration.ofMinutes(5), Duration.ofSeconds(1));
      List<ResponseEvent> dryEvents = new CopyOnWriteArrayList<>();
      ResponseReport dry = responder.dryRun(true).respond(seen, p, dryEvents::add);
      System.out.print(dry.text());
      assertEquals(p.steps().size(), dry.results().size());
      assertTrue(dry.results().stream().allMatch(r -> r.outcome() == Outcome.WOULD), dry.text());
      assertTrue(dryEvents.stream().allMatch(e -> e.type() == ResponseEvent.Type.WOULD), dryEvents.toString());
      assertFalse(Boolean.TRUE.equals(k8s.nodes().withName(cluster + "-md-a").get().getSpec().getUnschedulable()));
      assertEquals(5, machines(k8s, namespace).size());
      assertEquals(onMdA, webPods(k8s, namespace).stream().map(x -> namespace + "/" + x.getMetadata().getName()).sorted().toList());
      assertFalse(server(member, id.get("cp-a")).metadata().containsKey(OPT_IN));

      // 6. The real pass. When the budget first refuses an eviction, the test scales the Deployment to 3 (an
      // operator adding room); the third pod is scheduled on md-b and the budget then lets one pod go at a time.
      // When the worker's Machine is deleted, the test plays the MachineSet controller and CAPO:
      // a replacement Machine's server is booted in the group (the old one still exists, as when a MachineSet
      // creates the replacement while the old Machine is being deleted), then the old server is deleted.
      double evictionsBefore = evictions(k8s, "201");
      double refusedBefore = evictions(k8s, "429");
      List<ResponseEvent> events = new CopyOnWriteArrayList<>();
      String[] replacement = new String[1];
      ResponseReport report = responder.respond(seen, p, e -> {
        events.add(e);
        System.out.println(e);
        if (e.type() == ResponseEvent.Type.EVICTION_BLOCKED && events.stream()
            .filter(x -> x.type() == ResponseEvent.Type.EVICTION_BLOCKED).count() == 1) {
          k8s.apps().deployments().inNamespace(namespace).withName("web").scale(3);
        }
        if (e.type() == ResponseEvent.Type.DONE && e.step().kind() == StepKind.DELETE_MACHINE
            && e.step().serverId().equals(id.get("md-a"))) {
          try {
            replacement[0] = OpenStackLab.run("--os-compute-api-version", "2.37", "server", "create", "--flavor", "SCS-2V-4-20s",
                "--image", "lab-tiny", "--nic", "none", "--hint", "group=" + mdGroup, "--wait", "-f", "value", "-c", "id",
                cluster + "-md-c").strip();
            servers.add(replacement[0]);
            OpenStackLab.run("server", "delete", "--wait", id.get("md-a"));
          } catch (Exception x) {
            throw new IllegalStateException(x);
          }
        }
      });
      System.out.print(report.text());
      assertTrue(report.complete(), report.text());

      // drained through the Eviction API: both pods evicted (the drainer may not delete pods), the API server
      // counted the evictions, and the ReplicaSet's new pods were scheduled on md-b
      StepResult drain = report.results(StepKind.DRAIN).stream().filter(r -> r.step().serverId().equals(id.get("md-a")))
          .findFirst().orElseThrow();
      assertEquals(onMdA, drain.evicted().stream().sorted().toList(), drain.detail());
      assertTrue(evictions(k8s, "201") - evictionsBefore >= 2, "the API server counted the evictions");
      assertTrue(drain.evictionsBlocked() >= 1, drain.detail());
      assertTrue(evictions(k8s, "429") - refusedBefore >= drain.evictionsBlocked(), "the API server counted the refusals");
      assertEquals(drain.evictionsBlocked(), events.stream().filter(e -> e.type() == ResponseEvent.Type.EVICTION_BLOCKED).count());
      List<ResponseEvent.Type> drainEvents = events.stream().filter(e -> e.step().kind() == StepKind.DRAIN
          && (e.type() == ResponseEvent.Type.EVICTED || e.type() == ResponseEvent.Type.EVICTION_BLOCKED)).map(ResponseEvent::type)
          .toList();
      assertEquals(ResponseEvent.Type.EVICTION_BLOCKED, drainEvents.get(0), "the budget refused before anything left: " + drainEvents);
      System.out.println("evictions: " + (evictions(k8s, "201") - evictionsBefore) + " accepted, " + (evictions(k8s, "429")
          - refusedBefore) + " refused by the budget (API server metrics); drain took " + drain.took().toMillis() + " ms");
      try (KubernetesClient drainer = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(
          Files.readString(drainerConfig))).build()) {
        KubernetesClientException refused = org.junit.jupiter.api.Assertions.assertThrows(KubernetesClientException.class,
            () -> drainer.pods().inNamespace(namespace).withName(webPods(k8s, namespace).get(0).getMetadata().getName()).delete());
        assertEquals(403, refused.getCode(), "the drainer cannot delete pods, so they left through evictions");
      }
      await("3 web pods Running on md-b", Duration.ofMinutes(3), () -> webPods(k8s, namespace).stream()
          .filter(x -> (cluster + "-md-b").equals(x.getSpec().getNodeName()) && "Running".equals(x.getStatus().getPhase()))
          .count() == 3);
      assertTrue(Boolean.TRUE.equals(k8s.nodes().withName(cluster + "-md-a").get().getSpec().getUnschedulable()));

      // replaced: the Machine is gone, the replacement is reported on another hypervisor, as Nova says
      List<String> left = machines(k8s, namespace);
      assertFalse(left.contains(cluster + "-md-a"), left.toString());
      StepResult await = report.results(StepKind.AWAIT_REPLACEMENT).get(0);
      assertEquals(Optional.of(replacement[0]), await.replacementServerId(), await.detail());
      ServerDetails newServer = server(member, replacement[0]);
      assertEquals(Optional.of(newServer.hostId()), await.replacementHostId());
      assertNotEquals(mdAHost, newServer.hostId(), await.detail());
      System.out.println("replacement " + newServer.name() + " on hostId " + newServer.hostId() + " (announced " + mdAHost + ")");

      // held: cp-a's Machine stays, the opt-in is set in Nova, its node is cordoned and drained
      assertTrue(left.contains(cluster + "-cp-a"), left.toString());
      assertTrue(report.results(StepKind.DELETE_MACHINE).stream().noneMatch(r -> r.step().serverId().equals(id.get("cp-a"))));
      assertEquals("true", server(member, id.get("cp-a")).metadata().get(OPT_IN));
      assertTrue(Boolean.TRUE.equals(k8s.nodes().withName(cluster + "-cp-a").get().getSpec().getUnschedulable()));
      assertTrue(report.state().entry(id.get("cp-a"), KEY).orElseThrow().cordoned(), report.state().toString());

      // 7. After the window: the next pass uncordons the held node and nothing else
      ClusterObservations later = DiagnosisCollector.of(member, mgmt).collect(plan, namespace);
      ResponsePlan after = ResponsePlanner.plan(later, options, Optional.of(report.state()),
          at.plus(Duration.ofMinutes(10)).plus(options.window()).plusSeconds(1));
      System.out.print(after.text());
      assertEquals(List.of(StepKind.UNCORDON), after.steps().stream().map(ResponsePlan.Step::kind).toList(), after.text());
      ResponseReport done = responder.respond(later, after, ResponseListener.NONE);
      assertTrue(done.complete(), done.text());
      assertFalse(Boolean.TRUE.equals(k8s.nodes().withName(cluster + "-cp-a").get().getSpec().getUnschedulable()));
      assertFalse(done.state().entry(id.get("cp-a"), KEY).map(ResponseState.Entry::cordoned).orElse(false));
    } finally {
      for (AutoCloseable c : closeLater) {
        c.close();
      }
      if (kubelet != null) {
        kubelet.close();
      }
      k8s.rbac().clusterRoleBindings().withName(role).delete();
      k8s.rbac().clusterRoles().withName(role).delete();
      k8s.namespaces().withName(namespace).delete();
      k8s.close();
      if (!servers.isEmpty()) {
        List<String> delete = new ArrayList<>(List.of("server", "delete", "--wait"));
        delete.addAll(servers);
        try {
          OpenStackLab.run(delete.toArray(String[]::new));
        } catch (AssertionError e) {
          // md-a was deleted by the test already; delete the others one by one
          for (String s : servers) {
            try {
              OpenStackLab.run("server", "delete", "--wait", s);
            } catch (AssertionError ignored) {
              // gone
            }
          }
        }
      }
      if (plan != null) {
        try (OpenStackClient member = OpenStackLab.connect("lab-member")) {
          member.serverGroups().deleteFor(plan);
        }
      }
    }
  }

  private static GenericKubernetesResource machineSet(String namespace, String cluster) {
    Map<String, Object> labels = Map.of("cluster.x-k8s.io/cluster-name", cluster, "set", "md-0");
    Map<String, Object> spec = Map.of("clusterName", cluster, "replicas", 2, "selector", Map.of("matchLabels", Map.of("set", "md-0")),
        "template", Map.of("metadata", Map.of("labels", labels), "spec", machineSpec(cluster, cluster + "-md-0", "")));
    GenericKubernetesResource r = new GenericKubernetesResource();
    r.setApiVersion("cluster.x-k8s.io/v1beta1");
    r.setKind("MachineSet");
    r.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(cluster + "-md-0").withNamespace(namespace)
        .withLabels(Map.of("cluster.x-k8s.io/cluster-name", cluster)).build());
    r.setAdditionalProperty("spec", spec);
    return r;
  }

  private static Map<String, Object> machineSpec(String cluster, String name, String serverId) {
    Map<String, Object> spec = new HashMap<>(Map.of("clusterName", cluster, "bootstrap", Map.of("dataSecretName", name + "-bootstrap"),
        "infrastructureRef", Map.of("apiVersion", "infrastructure.cluster.x-k8s.io/v1beta1", "kind", "OpenStackMachine",
            "name", name)));
    if (!serverId.isEmpty()) {
      spec.put("providerID", "openstack:///" + serverId);
    }
    return spec;
  }

  private static GenericKubernetesResource machine(String namespace, String cluster, String name, String serverId,
      GenericKubernetesResource owner) {
    GenericKubernetesResource r = new GenericKubernetesResource();
    r.setApiVersion("cluster.x-k8s.io/v1beta1");
    r.setKind("Machine");
    var meta = new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(name).withNamespace(namespace)
        .withLabels(Map.of("cluster.x-k8s.io/cluster-name", cluster));
    if (owner != null) {
      meta.addNewOwnerReference().withApiVersion("cluster.x-k8s.io/v1beta1").withKind("MachineSet")
          .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid()).withController(true).endOwnerReference();
    }
    r.setMetadata(meta.build());
    r.setAdditionalProperty("spec", machineSpec(cluster, name, serverId));
    return r;
  }

  private static io.fabric8.kubernetes.api.model.apps.Deployment deployment(String kubeletId) {
    return new io.fabric8.kubernetes.api.model.apps.DeploymentBuilder().withNewMetadata().withName("web").endMetadata()
        .withNewSpec().withReplicas(2).withNewSelector().addToMatchLabels("app", "web").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata().withNewSpec()
        .addToNodeSelector(FakeKubelet.LABEL, kubeletId).addToNodeSelector("clusterstacks.io/respond-it", "md")
        .withTerminationGracePeriodSeconds(1L)
        .addNewContainer().withName("web").withImage("registry.invalid/web:1").endContainer().endSpec().endTemplate()
        .endSpec().build();
  }

  private static GenericKubernetesResource pdb() {
    GenericKubernetesResource r = new GenericKubernetesResource();
    r.setApiVersion("policy/v1beta1");
    r.setKind("PodDisruptionBudget");
    r.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("web").build());
    r.setAdditionalProperty("spec", Map.of("minAvailable", 2, "selector", Map.of("matchLabels", Map.of("app", "web"))));
    return r;
  }

  private static List<Pod> webPods(KubernetesClient k8s, String namespace) {
    return k8s.pods().inNamespace(namespace).withLabel("app", "web").list().getItems().stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
  }

  private static List<String> machines(KubernetesClient k8s, String namespace) {
    return k8s.genericKubernetesResources(MACHINES).inNamespace(namespace).list().getItems().stream()
        .map(m -> m.getMetadata().getName()).sorted().toList();
  }

  /** The API server's count of eviction requests answered with this code (its /metrics, read as admin). */
  private static double evictions(KubernetesClient k8s, String code) {
    String metrics = k8s.raw(KubernetesLab.get().apiUrl().replaceAll("/$", "") + "/metrics");
    double sum = 0;
    Pattern p = Pattern.compile("^apiserver_request_total\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);
    Matcher m = p.matcher(metrics == null ? "" : metrics);
    while (m.find()) {
      String labels = m.group(1);
      if (labels.contains("subresource=\"eviction\"") && labels.contains("code=\"" + code + "\"")) {
        sum += Double.parseDouble(m.group(2));
      }
    }
    return sum;
  }

  private static io.fabric8.kubernetes.api.model.Secret tokenSecret(KubernetesClient k8s, String ns, String sa)
      throws InterruptedException {
    for (int i = 0; i < 150; i++) {
      for (var s : k8s.secrets().inNamespace(ns).list().getItems()) {
        if ("kubernetes.io/service-account-token".equals(s.getType()) && s.getMetadata().getAnnotations() != null
            && sa.equals(s.getMetadata().getAnnotations().get("kubernetes.io/service-account.name"))
            && s.getData() != null && s.getData().containsKey("token")) {
          return s;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no token Secret for ServiceAccount " + sa + " in " + ns);
  }

  private static ServerDetails server(OpenStackClient c, String id) {
    return c.servers().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id + " not in Nova"));
  }

  private static String status(OpenStackClient c, String id) {
    return server(c, id).status();
  }

  /** Waits for a condition the lab reaches on its own (controllers, Nova); fails naming it after the limit. */
  private static void await(String what, Duration limit, BooleanSupplier done) throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not reached within " + limit + ": " + what);
      }
      Thread.sleep(500);
    }
  }

  private static String groupId(ClusterPlan plan, ServerGroupSet set, String deployment) {
    for (RolePlan r : plan.roles()) {
      for (RolePlan.Deployment d : r.deployments()) {
        if (d.name().equals(deployment) && d.serverGroup().orElse(null) instanceof ServerGroupRef.ToCreate t) {
          return set.idsByPlanName().get(t.name());
        }
      }
    }
    throw new AssertionError("no group for " + deployment);
  }
}
