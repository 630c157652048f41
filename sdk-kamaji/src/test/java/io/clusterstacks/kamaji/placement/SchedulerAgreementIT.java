package io.clusterstacks.kamaji.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.manifest.ManifestDocument;
import io.clusterstacks.kamaji.Kamaji;
import io.clusterstacks.kubernetes.lab.FakeKubelet;
import io.clusterstacks.kubernetes.lab.KubernetesLab;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real kube-scheduler of the lab (v1.20.2) against the plan. For generated worker/hypervisor layouts,
 * Node objects labelled with their hypervisors are registered (FakeKubelet plays the kubelet's part:
 * Ready status and Leases; no containers run), a Deployment carrying the planned rules is created, and
 * the scheduler binds its pods. Then: exactly the replicas the analysis says are bound, the rest Pending
 * as Unschedulable; no hypervisor or worker holds more than the analysis' worst case; and wherever the
 * report says the tenant's API survives a hypervisor or worker failure, the placement the scheduler
 * chose does.
 */
class SchedulerAgreementIT {
  private static KubernetesClient client;
  private static String namespace;

  @BeforeAll
  static void connect() {
    client = KubernetesLab.get().newClient();
    namespace = "kamaji-sched-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .create();
  }

  @AfterAll
  static void cleanUp() {
    if (client != null) {
      client.namespaces().withName(namespace).delete();
      client.close();
    }
  }

  /** One layout: hypervisor name to its workers' schedulable flags. */
  record Layout(String name, Map<String, List<Boolean>> hosts) {
    List<ManagementWorker> workers() {
      List<ManagementWorker> ws = new ArrayList<>();
      hosts.forEach((hv, flags) -> {
        for (int i = 0; i < flags.size(); i++) {
          String node = name + "-" + hv + "-w" + i;
          boolean on = flags.get(i);
          ws.add(ManagementWorker.of(w -> w.name(node).hypervisor(hv).schedulable(on)));
        }
      });
      return ws;
    }
  }

  @Test
  void theSchedulerPlacesPlannedTenantsAsTheAnalysisSays() throws Exception {
    Random rnd = new Random(20261202L);
    List<String> failures = new ArrayList<>();
    int layouts = 14;
    int bound = 0;
    int pending = 0;
    for (int c = 0; c < layouts; c++) {
      Map<String, List<Boolean>> hosts = new TreeMap<>();
      int hvs = 1 + rnd.nextInt(4);
      for (int h = 0; h < hvs; h++) {
        List<Boolean> flags = new ArrayList<>();
        int n = 1 + rnd.nextInt(3);
        for (int w = 0; w < n; w++) {
          flags.add(rnd.nextInt(7) != 0);
        }
        hosts.put("hv" + (char) ('a' + h), flags);
      }
      int replicas = 1 + rnd.nextInt(5);
      Spread spread = rnd.nextInt(4) == 0 ? Spread.SOFT : Spread.HARD;
      Layout layout = new Layout("l" + c + "-" + Long.toString(System.nanoTime() % 46_656, 36), hosts);
      TenantRequest tenant = TenantRequest.of(t -> t.name(layout.name()).replicas(replicas).spread(spread));
      TenantPlacementPlan plan = TwoLevelPlanner.plan(tenant, layout.workers());
      Result r = run(layout, tenant, plan.rules());
      bound += r.bound;
      pending += r.pending;
      check(plan.analysis(), plan.impacts(), r, failures, layout + " " + tenant.replicas() + " " + spread);
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
    System.out.println("SchedulerAgreementIT: " + layouts + " layouts, " + bound + " pods bound, " + pending
        + " Pending, all as analysed");
  }

  @Test
  void theIssuesThreeOnTwoScenarioAgreesForThePlanAndForTheHandWrittenHardRule() throws Exception {
    // 3 replicas on 3 workers over 2 hypervisors: the plan's DoNotSchedule spread binds all 3 (2/1); a
    // hand-written one-per-hypervisor rule leaves the third Pending, as the analysis predicts.
    Map<String, List<Boolean>> hosts = new TreeMap<>(Map.of("hva", List.of(true, true), "hvb", List.of(true)));
    Layout planned = new Layout("s1-" + Long.toString(System.nanoTime() % 46_656, 36), hosts);
    TenantRequest tenant = TenantRequest.of(t -> t.name(planned.name()).replicas(3));
    TenantPlacementPlan plan = TwoLevelPlanner.plan(tenant, planned.workers());
    Result r = run(planned, tenant, plan.rules());
    assertEquals(3, r.bound);
    List<String> failures = new ArrayList<>();
    check(plan.analysis(), plan.impacts(), r, failures, "planned");

    Layout hand = new Layout("s2-" + Long.toString(System.nanoTime() % 46_656, 36), hosts);
    TenantRequest tenant2 = TenantRequest.of(t -> t.name(hand.name()).replicas(3));
    PodRules onePerHypervisor = PodRules.of(x -> x.hostnameAntiAffinity(RuleStrength.REQUIRED)
        .hypervisorAntiAffinity(RuleStrength.REQUIRED));
    PlacementAnalysis a = TwoLevelPlanner.analyse(tenant2, onePerHypervisor, hand.workers());
    Result r2 = run(hand, tenant2, onePerHypervisor);
    assertEquals(1, a.pending());
    check(a, List.of(), r2, failures, "hand-written");
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  @Test
  void aHypervisorWhoseWorkersAreAllCordonedStillCountsForTheSkew() throws Exception {
    // kube-scheduler's spread filter counts every domain of the nodes the pod's node selector matches,
    // cordoned ones included (a cordon is a taint, and the filter ignores taints): hvc holds 0 and can
    // take none, so hva and hvb may hold at most 1 each and the third replica stays Pending.
    Map<String, List<Boolean>> hosts = new TreeMap<>(Map.of("hva", List.of(true, true), "hvb", List.of(true, true),
        "hvc", List.of(false)));
    Layout layout = new Layout("s3-" + Long.toString(System.nanoTime() % 46_656, 36), hosts);
    TenantRequest tenant = TenantRequest.of(t -> t.name(layout.name()).replicas(3));
    PodRules enforced = PodRules.of(x -> x.hostnameAntiAffinity(RuleStrength.REQUIRED)
        .hypervisorAntiAffinity(RuleStrength.NONE)
        .hypervisorSpread(HypervisorSpread.of(h -> h.maxSkew(1).whenUnsatisfiable(WhenUnsatisfiable.DO_NOT_SCHEDULE))));
    PlacementAnalysis a = TwoLevelPlanner.analyse(tenant, enforced, layout.workers());
    assertEquals(1, a.pending());
    Result r = run(layout, tenant, enforced);
    List<String> failures = new ArrayList<>();
    check(a, List.of(), r, failures, "cordoned hypervisor");
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  record Result(int bound, int pending, Map<String, Integer> perNode, Map<String, Integer> perHost) {}

  private static void check(PlacementAnalysis a, List<DomainImpact> impacts, Result r, List<String> failures,
      String what) {
    if (r.bound != a.scheduled() || r.pending != a.pending()) {
      failures.add(what + ": scheduler bound " + r.bound + " and left " + r.pending + " Pending; analysis said "
          + a.scheduled() + " and " + a.pending() + " (" + a.rules() + ")");
    }
    for (DomainLoad h : a.hypervisors()) {
      int n = r.perHost.getOrDefault(h.name(), 0);
      if (n > h.worstCase()) {
        failures.add(what + ": " + n + " on hypervisor " + h.name() + ", worst case said " + h.worstCase());
      }
    }
    for (DomainLoad w : a.workers()) {
      int n = r.perNode.getOrDefault(w.name(), 0);
      if (n > w.worstCase()) {
        failures.add(what + ": " + n + " on worker " + w.name() + ", worst case said " + w.worstCase());
      }
    }
    for (DomainImpact i : impacts) {
      int lost = i.kind() == DomainKind.HYPERVISOR ? r.perHost.getOrDefault(i.name(), 0) : r.perNode.getOrDefault(i.name(), 0);
      if (i.apiSurvivesWorstCase() && r.bound - lost < 1) {
        failures.add(what + ": the report says the API survives losing " + i.name() + ", but all " + r.bound
            + " bound replicas are on it");
      }
    }
  }

  private static Result run(Layout layout, TenantRequest tenant, PodRules rules) throws InterruptedException {
    FakeKubelet.Builder kb = FakeKubelet.builder(KubernetesLab.get().http()).runPods(false);
    List<ManagementWorker> workers = layout.workers();
    for (ManagementWorker w : workers) {
      kb.node(w.name(), Map.of(Kamaji.HYPERVISOR_LABEL, w.hypervisor(), "it.clusterstacks.io/layout", layout.name()));
    }
    try (FakeKubelet kubelet = kb.start()) {
      kubelet.awaitSchedulable(Duration.ofSeconds(30));
      for (ManagementWorker w : workers) {
        if (!w.schedulable()) {
          // a merge patch carries no resourceVersion: the node lifecycle controller and the fake kubelet
          // write the same Node meanwhile, and an edit (read, change, replace) would conflict with them (409)
          client.nodes().withName(w.name()).patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"unschedulable\":true}}");
        }
      }
      client.apps().deployments().inNamespace(namespace).resource(deployment(layout, tenant, rules)).create();
      Map<String, String> hostOf = new LinkedHashMap<>();
      workers.forEach(w -> hostOf.put(w.name(), w.hypervisor()));
      Result last = null;
      int stable = 0;
      long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < end && stable < 3) {
        Thread.sleep(700);
        List<Pod> pods = client.pods().inNamespace(namespace).withLabel(KamajiDeployment.TENANT_POD_LABEL, tenant.name())
            .list().getItems();
        int bound = 0;
        int unschedulable = 0;
        Map<String, Integer> perNode = new TreeMap<>();
        Map<String, Integer> perHost = new TreeMap<>();
        for (Pod p : pods) {
          String node = p.getSpec().getNodeName();
          if (node != null && !node.isEmpty()) {
            bound++;
            perNode.merge(node, 1, Integer::sum);
            perHost.merge(hostOf.getOrDefault(node, "?"), 1, Integer::sum);
          } else if (p.getStatus() != null && p.getStatus().getConditions() != null && p.getStatus().getConditions()
              .stream().anyMatch(x -> "PodScheduled".equals(x.getType()) && "Unschedulable".equals(x.getReason()))) {
            unschedulable++;
          }
        }
        Result now = new Result(bound, unschedulable, perNode, perHost);
        boolean settled = bound + unschedulable == tenant.replicas();
        stable = settled && now.equals(last) ? stable + 1 : 0;
        last = now;
      }
      client.apps().deployments().inNamespace(namespace).withName(tenant.name()).delete();
      client.pods().inNamespace(namespace).withLabel(KamajiDeployment.TENANT_POD_LABEL, tenant.name())
          .withGracePeriod(0).delete();
      return last;
    }
  }

  /** The API-server Deployment as Kamaji would make it, reduced to what scheduling reads. */
  private static Deployment deployment(Layout layout, TenantRequest tenant, PodRules rules) {
    Map<String, Object> podSpec = new LinkedHashMap<>();
    podSpec.put("nodeSelector", Map.of("it.clusterstacks.io/layout", layout.name()));
    podSpec.put("terminationGracePeriodSeconds", 0);
    podSpec.put("containers", List.of(Map.of("name", "kube-apiserver", "image", "registry.k8s.io/pause:3.2")));
    podSpec.putAll(KamajiDeployment.podFields(rules, Map.of(KamajiDeployment.TENANT_POD_LABEL, tenant.name())));
    Map<String, String> labels = Map.of(KamajiDeployment.TENANT_POD_LABEL, tenant.name());
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("replicas", tenant.replicas());
    spec.put("selector", Map.of("matchLabels", labels));
    spec.put("template", Map.of("metadata", Map.of("labels", labels), "spec", podSpec));
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("apiVersion", "apps/v1");
    d.put("kind", "Deployment");
    d.put("metadata", Map.of("name", tenant.name(), "namespace", namespace));
    d.put("spec", spec);
    return client.getKubernetesSerialization().unmarshal(ManifestDocument.of(d).toJson(), Deployment.class);
  }
}
