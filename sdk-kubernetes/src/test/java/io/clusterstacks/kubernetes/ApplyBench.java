package io.clusterstacks.kubernetes;

import io.clusterstacks.core.cloud.CloudProfiles;
import io.clusterstacks.core.manifest.Manifests;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.core.plan.ClusterRequest;
import io.clusterstacks.core.plan.ControlPlaneRequest;
import io.clusterstacks.core.plan.Planner;
import io.clusterstacks.core.plan.WorkerRequest;
import io.clusterstacks.core.stack.ClusterClassName;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Benchmark for docs/benchmarks.md: the SDK's server-side apply of a rendered plan (raw CAPI mode, 3
 * control-plane nodes, 3 workers) against the lab's API server, run by run: wall time and requests.
 * Run 1 creates the objects; later runs are no-op applies. "fresh" = a new ManagementCluster per run
 * (discovery again, like a new process); "reused" = one ManagementCluster for all runs.
 *
 * <pre>
 * mvn -B -o -q -pl sdk-kubernetes test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.clusterstacks.kubernetes.ApplyBench \
 *   -Dexec.args="/var/lib/clusterstacks-lab/kubernetes/admin.kubeconfig target/bench 7"
 * </pre>
 * It also writes the same manifests for namespace bench-kubectl to OUT/bench-kubectl.yaml, for
 * lab/kubernetes/kubectl-apply-bench.
 */
public final class ApplyBench {
  private ApplyBench() {}

  static Manifests render(String ns) {
    ClusterRequest request = ClusterRequest.builder().clusterName("bench").kubernetesVersion("v1.34.7")
        .className(ClusterClassName.of("scs2", "1.34", "v2")).mode(OutputMode.RAW_CAPI)
        .controlPlane(ControlPlaneRequest.of(cp -> cp.replicas(3))).addWorkers(WorkerRequest.of("md-0", 3)).build();
    ClusterPlan plan = Planner.plan(request, CloudProfiles.bundled("scs-reference"));
    Map<String, String> ids = new TreeMap<>();
    int i = 0;
    for (var g : plan.serverGroupIdsNeeded()) {
      ids.put(g.name(), "00000000-0000-4000-8000-00000000000" + (i++));
    }
    if (!ids.isEmpty()) {
      plan = plan.withServerGroupIds(ids);
    }
    return plan.manifests(b -> b.namespace(ns));
  }

  static long median(List<Long> xs) {
    List<Long> s = new ArrayList<>(xs);
    Collections.sort(s);
    return s.isEmpty() ? 0 : s.get(s.size() / 2);
  }

  /**
   * Runs it.
   *
   * @param args kubeconfig, output folder, runs
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    Path kubeconfig = Path.of(args[0]);
    Path out = Files.createDirectories(Path.of(args[1]));
    int runs = Integer.parseInt(args[2]);
    try (KubernetesClient admin = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig.toFile()))
        .build()) {
      for (String ns : List.of("bench-sdk-fresh", "bench-sdk-reused", "bench-kubectl")) {
        if (admin.namespaces().withName(ns).get() != null) {
          admin.namespaces().withName(ns).delete();
          while (admin.namespaces().withName(ns).get() != null) {
            Thread.sleep(200);
          }
        }
        admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
      }
    }
    Files.writeString(out.resolve("bench-kubectl.yaml"), render("bench-kubectl").toYaml());
    Manifests fresh = render("bench-sdk-fresh");
    System.out.println("SDK apply of " + fresh.documents().size() + " objects ("
        + fresh.documents().stream().map(d -> d.kind()).toList() + "), " + runs + " runs");
    System.out.printf("%-7s %-4s %-8s %-9s %s%n", "client", "run", "wall_ms", "requests", "verdicts");
    AtomicInteger count = new AtomicInteger();
    Map<String, AtomicInteger> byMethod = new TreeMap<>();
    RequestObserver o = r -> {
      count.incrementAndGet();
      byMethod.computeIfAbsent(r.method(), k -> new AtomicInteger()).incrementAndGet();
    };
    List<Long> warmFresh = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      count.set(0);
      byMethod.clear();
      long t0 = System.nanoTime();
      ApplyResult r;
      try (ManagementCluster mc = ManagementCluster.builder().kubeconfig(kubeconfig).requestObserver(o).build()) {
        r = mc.apply(fresh).orThrow();
      }
      long ms = (System.nanoTime() - t0) / 1_000_000;
      if (run > 1) {
        warmFresh.add(ms);
      }
      System.out.printf("%-7s %-4d %-8d %-9s %s %s%n", "fresh", run, ms, count.get(), byMethod,
          r.unchanged() ? "all unchanged" : r.outcomes().stream().map(x -> x.verdict().name()).distinct().toList());
    }
    Manifests reused = render("bench-sdk-reused");
    List<Long> warmReused = new ArrayList<>();
    try (ManagementCluster mc = ManagementCluster.builder().kubeconfig(kubeconfig).requestObserver(o).build()) {
      for (int run = 1; run <= runs; run++) {
        count.set(0);
        byMethod.clear();
        long t0 = System.nanoTime();
        ApplyResult r = mc.apply(reused).orThrow();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (run > 1) {
          warmReused.add(ms);
        }
        System.out.printf("%-7s %-4d %-8d %-9s %s %s%n", "reused", run, ms, count.get(), byMethod,
            r.unchanged() ? "all unchanged" : r.outcomes().stream().map(x -> x.verdict().name()).distinct().toList());
      }
    }
    System.out.println("median of no-op runs: fresh " + median(warmFresh) + " ms, reused " + median(warmReused) + " ms");
  }
}
