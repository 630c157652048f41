package io.clusterstacks.kamaji.fleet;

import io.clusterstacks.core.manifest.ManifestDocument;
import io.clusterstacks.kamaji.Kamaji;
import io.clusterstacks.kamaji.placement.KamajiDeployment;
import io.clusterstacks.kamaji.placement.ManagementWorker;
import io.clusterstacks.kamaji.placement.PodRules;
import io.clusterstacks.kamaji.placement.RuleStrength;
import io.clusterstacks.kamaji.placement.Spread;
import io.clusterstacks.kamaji.placement.TenantRequest;
import io.clusterstacks.kubernetes.lab.FakeKubelet;
import io.clusterstacks.kubernetes.lab.KubernetesLab;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The scheduler cost of the fleet planner's rules, measured with the real kube-scheduler (v1.20.2) of the
 * Kubernetes lab: {@code nodes} Node objects over {@code hypervisors} hypervisors are registered (FakeKubelet
 * plays the kubelets; no containers run), a seeded fleet is planned on them with {@link FleetPlanner}, and
 * every tenant's replicas are created as Pods, once per rule set:
 * <ul>
 *   <li>{@code none}: only the run's node selector (the scheduler's own throughput);</li>
 *   <li>{@code anti-affinity}: hostname and hypervisor pod anti-affinity (required for hard spread, preferred
 *       for soft), no node affinity: what a hand-written one-per-hypervisor rule costs;</li>
 *   <li>{@code planned}: {@link FleetPlan#podFields(String)}, node affinity to the planned set plus the same
 *       anti-affinity, as the planner emits it.</li>
 * </ul>
 * For each: the time from the first create to every pod bound (polled every 200 ms), and for {@code planned}
 * whether every pod landed on its planned set and the hard tenants' pods on distinct workers and hypervisors.
 * A benchmark program, not a test: {@code docs/benchmarks.md} (fleet section) has the command and figures.
 */
public final class FleetSchedulerCostMain {
  private FleetSchedulerCostMain() {}

  public static void main(String[] args) throws Exception {
    int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    int hypervisors = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int tenants = args.length > 2 ? Integer.parseInt(args[2]) : 300;
    List<String> variants = args.length > 3 ? List.of(args[3].split(",")) : List.of("none", "anti-affinity", "planned");
    String run = "fsc-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    List<ManagementWorker> workers = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      String name = String.format("%s-w%04d", run, i);
      String hv = String.format("%s-hv%03d", run, i % hypervisors);
      workers.add(ManagementWorker.of(w -> w.name(name).hypervisor(hv).allocatableMillicores(16_000)
          .allocatableMemoryMiB(65_536)));
    }
    Random rnd = new Random(14);
    List<TenantRequest> ts = new ArrayList<>();
    for (int i = 0; i < tenants; i++) {
      String name = String.format("%s-t%05d", run, i);
      int p = rnd.nextInt(10);
      int r = p == 0 ? 2 : p == 1 ? 5 : 3;
      Spread s = rnd.nextInt(5) == 0 ? Spread.SOFT : Spread.HARD;
      long cpu = 250 + 250L * rnd.nextInt(8);
      long mem = 512 + 512L * rnd.nextInt(8);
      ts.add(TenantRequest.of(t -> t.name(name).replicas(r).spread(s).cpuMillicores(cpu).memoryMiB(mem)));
    }
    long t0 = System.nanoTime();
    FleetPlan plan = FleetPlanner.plan(ts, workers);
    int pods = ts.stream().mapToInt(TenantRequest::replicas).sum();
    System.out.printf("%d nodes over %d hypervisors, %d tenants, %d pods; planned in %d ms: feasible %s, workers used %d"
            + " (lower bound %d), busiest hypervisor %d replicas%n", nodes, hypervisors, tenants, pods,
        (System.nanoTime() - t0) / 1_000_000, plan.feasible(), plan.workersUsed(), plan.workersLowerBound(),
        plan.maxHypervisorReplicas());
    if (!plan.feasible()) {
      throw new IllegalStateException("the generated fleet should be feasible: " + plan.reasons());
    }
    Map<String, String> hvOf = new HashMap<>();
    workers.forEach(w -> hvOf.put(w.name(), w.hypervisor()));

    KubernetesClient client = KubernetesLab.get().newClient();
    FakeKubelet.Builder kb = FakeKubelet.builder(KubernetesLab.get().http()).runPods(false).capacity("16", "64Gi", 110);
    for (ManagementWorker w : workers) {
      kb.node(w.name(), Map.of(Kamaji.HYPERVISOR_LABEL, w.hypervisor()));
    }
    long k0 = System.nanoTime();
    try (FakeKubelet kubelet = kb.start()) {
      kubelet.awaitSchedulable(Duration.ofMinutes(10));
      System.out.printf("%d Nodes registered and schedulable in %.1f s%n", nodes, (System.nanoTime() - k0) / 1e9);
      for (String variant : variants) {
        String ns = run + "-" + variant;
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
        try {
          long c0 = System.nanoTime();
          for (TenantRequest t : ts) {
            Map<String, Object> affinity = switch (variant) {
              case "none" -> Map.of();
              case "anti-affinity" -> {
                RuleStrength s = t.spread() == Spread.HARD ? RuleStrength.REQUIRED : RuleStrength.PREFERRED;
                yield KamajiDeployment.podFields(PodRules.of(x -> x.hostnameAntiAffinity(s).hypervisorAntiAffinity(s)),
                    Map.of(KamajiDeployment.TENANT_POD_LABEL, t.name()));
              }
              case "planned" -> plan.podFields(t.name());
              default -> throw new IllegalArgumentException("variant " + variant + ": none, anti-affinity or planned");
            };
            for (int i = 0; i < t.replicas(); i++) {
              client.pods().inNamespace(ns).resource(pod(client, ns, t, i, kubelet.id(), affinity)).create();
            }
          }
          long created = System.nanoTime();
          int bound = 0;
          List<Pod> items = List.of();
          long end = created + Duration.ofMinutes(10).toNanos();
          while (bound < pods && System.nanoTime() < end) {
            Thread.sleep(200);
            items = client.pods().inNamespace(ns).list().getItems();
            bound = (int) items.stream().filter(p -> p.getSpec().getNodeName() != null).count();
          }
          long done = System.nanoTime();
          String check = "";
          if (variant.equals("planned")) {
            check = "; " + checkPlanned(plan, items, hvOf);
          }
          System.out.printf("%-14s %d of %d pods bound %.1f s after the first create, %.1f s after the last (creates took %.1f s;"
                  + " %.0f pods/s)%s%n", variant, bound, pods, (done - c0) / 1e9, (done - created) / 1e9,
              (created - c0) / 1e9, bound / ((done - c0) / 1e9), check);
        } finally {
          client.pods().inNamespace(ns).withGracePeriod(0).delete();
          client.namespaces().withName(ns).delete();
          long gone = System.nanoTime() + Duration.ofMinutes(2).toNanos();
          while (!client.pods().inNamespace(ns).list().getItems().isEmpty() && System.nanoTime() < gone) {
            Thread.sleep(500);
          }
        }
      }
      if (!kubelet.errors().isEmpty()) {
        System.out.println("FakeKubelet errors: " + kubelet.errors());
      }
    } finally {
      client.close();
    }
  }

  /** Planned set kept, and hard tenants on distinct workers and hypervisors, checked pod by pod. */
  private static String checkPlanned(FleetPlan plan, List<Pod> pods, Map<String, String> hvOf) {
    Map<String, TenantRequest> byName = new HashMap<>();
    plan.tenants().forEach(t -> byName.put(t.name(), t));
    Map<String, Set<String>> nodesOf = new HashMap<>();
    Map<String, Set<String>> hvsOf = new HashMap<>();
    int outside = 0;
    int hardClash = 0;
    for (Pod p : pods) {
      String t = p.getMetadata().getLabels().get(KamajiDeployment.TENANT_POD_LABEL);
      String node = p.getSpec().getNodeName();
      if (node == null) {
        continue;
      }
      if (!plan.placement().workersOf(t).contains(node)) {
        outside++;
      }
      boolean newNode = nodesOf.computeIfAbsent(t, x -> new HashSet<>()).add(node);
      boolean newHv = hvsOf.computeIfAbsent(t, x -> new HashSet<>()).add(hvOf.get(node));
      if (byName.get(t).spread() == Spread.HARD && !(newNode && newHv)) {
        hardClash++;
      }
    }
    return outside + " pods outside their planned set, " + hardClash + " hard-spread pods sharing a worker or hypervisor";
  }

  private static Pod pod(KubernetesClient client, String ns, TenantRequest t, int i, String kubeletId,
      Map<String, Object> affinity) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("nodeSelector", Map.of(FakeKubelet.LABEL, kubeletId));
    spec.put("terminationGracePeriodSeconds", 0);
    spec.put("containers", List.of(Map.of("name", "kube-apiserver", "image", "registry.k8s.io/pause:3.2",
        "resources", Map.of("requests", Map.of("cpu", t.cpuMillicores().getAsLong() + "m", "memory", t.memoryMiB().getAsLong() + "Mi")))));
    spec.putAll(affinity);
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("apiVersion", "v1");
    d.put("kind", "Pod");
    d.put("metadata", Map.of("name", t.name() + "-" + i, "namespace", ns,
        "labels", Map.of(KamajiDeployment.TENANT_POD_LABEL, t.name())));
    d.put("spec", spec);
    return client.getKubernetesSerialization().unmarshal(ManifestDocument.of(d).toJson(), Pod.class);
  }
}
