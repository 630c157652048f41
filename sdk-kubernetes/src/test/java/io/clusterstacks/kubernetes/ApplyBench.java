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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark for docs/benchmarks.md: the SDK's server-side apply of a rendered plan (raw CAPI mode, 3
 * control-plane nodes, 3 workers) against {@code kubectl apply --server-side} (kubectl v1.20.2 from Debian's
 * kubernetes-client, as the lab unpacks it) of the same objects, on the lab's API server, in one run: the
 * clients take turns, run by run, each in its own namespace. Run 1 creates the objects; runs 2..N are
 * no-op applies (the medians are over those). Per run: wall time and HTTP requests.
 *
 * <ul>
 *   <li>{@code kubectl}: one process per run; its discovery cache (a directory of this run) is empty in
 *       run 1 and warm afterwards, kubectl's usual case. Requests from its {@code -v=6} log.
 *   <li>{@code sdk-new}: a new {@link ManagementCluster} per run in this JVM (discovery again, no JVM
 *       start-up). Requests from a {@link RequestObserver}.
 *   <li>{@code sdk-reused}: one {@link ManagementCluster} for all runs (its discovery cache warm).
 *   <li>{@code cli} (when a command line jar is given): {@code java -jar clusterstacks.jar apply}, one process
 *       per run, JVM start-up included. It makes the requests of {@code sdk-new}.
 *   <li>{@code launcher} (when the README's launcher {@code bin/clusterstacks} is given too): the same command
 *       through it (C1 only, and the AppCDS archive its first run after a build writes).
 * </ul>
 *
 * <pre>
 * mvn -B -o -q -pl sdk-kubernetes test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.clusterstacks.kubernetes.ApplyBench \
 *   -Dexec.args="/var/lib/clusterstacks-lab/kubernetes/admin.kubeconfig target/bench 11 KUBECTL [CLI_JAR [LAUNCHER]]"
 * </pre>
 */
public final class ApplyBench {
  private static final Pattern KUBECTL_REQUEST = Pattern.compile("\\] (GET|POST|PUT|PATCH|DELETE) https://");

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
    int n = s.size();
    return n == 0 ? 0 : n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  /** One run of one client: wall time, requests (-1 when not counted) and what was done. */
  record Run(long ms, int requests, String detail) {}

  interface Client {
    Run run(int i) throws Exception;
  }

  static String exec(List<String> cmd, Path stdout, Path stderr) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException(cmd.get(0) + " did not finish in 5 minutes");
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " exited " + p.exitValue() + ":\n"
          + Files.readString(stdout) + Files.readString(stderr));
    }
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }

  /**
   * Runs it.
   *
   * @param args kubeconfig, output folder, runs, kubectl, and optionally the command line's jar and launcher
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    Path kubeconfig = Path.of(args[0]);
    Path out = Files.createDirectories(Path.of(args[1]).toAbsolutePath());
    int runs = Integer.parseInt(args[2]);
    Path kubectl = Path.of(args[3]);
    Path cliJar = args.length > 4 ? Path.of(args[4]) : null;
    Path launcher = args.length > 5 ? Path.of(args[5]) : null;
    List<String> names = new ArrayList<>(List.of("kubectl", "sdk-new", "sdk-reused"));
    if (cliJar != null) {
      names.add("cli");
    }
    if (launcher != null) {
      names.add("launcher");
    }
    try (KubernetesClient admin = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig.toFile()))
        .build()) {
      for (String n : names) {
        String ns = "bench-" + n;
        if (admin.namespaces().withName(ns).get() != null) {
          admin.namespaces().withName(ns).delete();
          while (admin.namespaces().withName(ns).get() != null) {
            Thread.sleep(200);
          }
        }
        admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
      }
    }
    Path discovery = Files.createTempDirectory(out, "kubectl-cache");
    Path kubectlYaml = Files.writeString(out.resolve("bench-kubectl.yaml"), render("bench-kubectl").toYaml());
    Path cliYaml = Files.writeString(out.resolve("bench-cli.yaml"), render("bench-cli").toYaml());
    Path launcherYaml = Files.writeString(out.resolve("bench-launcher.yaml"), render("bench-launcher").toYaml());
    Manifests sdkNew = render("bench-sdk-new");
    Manifests sdkReused = render("bench-sdk-reused");

    AtomicInteger count = new AtomicInteger();
    RequestObserver counter = r -> count.incrementAndGet();
    ManagementCluster reused = ManagementCluster.builder().kubeconfig(kubeconfig).requestObserver(counter).build();
    Map<String, Client> clients = new LinkedHashMap<>();
    clients.put("kubectl", i -> {
      Path err = out.resolve("kubectl-" + i + ".log");
      long t0 = System.nanoTime();
      exec(List.of(kubectl.toString(), "--kubeconfig", kubeconfig.toString(), "--cache-dir", discovery.toString(),
          "-v=6", "apply", "--server-side", "--field-manager=kubectl-bench", "-f", kubectlYaml.toString()),
          out.resolve("kubectl-" + i + ".out"), err);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      Matcher m = KUBECTL_REQUEST.matcher(Files.readString(err));
      int n = 0;
      while (m.find()) {
        n++;
      }
      String verdicts = Files.readString(out.resolve("kubectl-" + i + ".out")).lines()
          .map(l -> l.substring(l.lastIndexOf(' ') + 1)).distinct().toList().toString();
      return new Run(ms, n, verdicts + (i == 1 ? " (empty discovery cache)" : ""));
    });
    clients.put("sdk-new", i -> {
      count.set(0);
      long t0 = System.nanoTime();
      ApplyResult r;
      try (ManagementCluster mc = ManagementCluster.builder().kubeconfig(kubeconfig).requestObserver(counter).build()) {
        r = mc.apply(sdkNew).orThrow();
      }
      return new Run((System.nanoTime() - t0) / 1_000_000, count.get(), verdicts(r));
    });
    clients.put("sdk-reused", i -> {
      count.set(0);
      long t0 = System.nanoTime();
      ApplyResult r = reused.apply(sdkReused).orThrow();
      return new Run((System.nanoTime() - t0) / 1_000_000, count.get(), verdicts(r));
    });
    if (cliJar != null) {
      clients.put("cli", i -> {
        long t0 = System.nanoTime();
        String o = exec(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
            cliJar.toString(), "apply", "--kubeconfig", kubeconfig.toString(), cliYaml.toString()),
            out.resolve("cli-" + i + ".out"), out.resolve("cli-" + i + ".err"));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return new Run(ms, -1, o.lines().map(l -> l.substring(0, l.indexOf(' '))).distinct().toList().toString());
      });
    }
    if (launcher != null) {
      clients.put("launcher", i -> {
        long t0 = System.nanoTime();
        String o = exec(List.of(launcher.toString(), "apply", "--kubeconfig", kubeconfig.toString(),
            launcherYaml.toString()), out.resolve("launcher-" + i + ".out"), out.resolve("launcher-" + i + ".err"));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return new Run(ms, -1, o.lines().map(l -> l.substring(0, l.indexOf(' '))).distinct().toList().toString());
      });
    }

    System.out.println("apply of " + sdkNew.documents().size() + " objects ("
        + sdkNew.documents().stream().map(d -> d.kind()).toList() + "), " + runs + " runs per client, in turns");
    System.out.printf("%-11s %-4s %-8s %-9s %s%n", "client", "run", "wall_ms", "requests", "verdicts");
    Map<String, List<Long>> warmMs = new LinkedHashMap<>();
    Map<String, List<Long>> warmRequests = new LinkedHashMap<>();
    for (int i = 1; i <= runs; i++) {
      // Turns rotate so that no client always runs right after the same other one.
      List<String> order = new ArrayList<>(clients.keySet());
      Collections.rotate(order, -(i - 1));
      for (String name : order) {
        Run r = clients.get(name).run(i);
        System.out.printf("%-11s %-4d %-8d %-9s %s%n", name, i, r.ms(), r.requests() < 0 ? "-" : r.requests(),
            r.detail());
        if (i > 1) {
          warmMs.computeIfAbsent(name, k -> new ArrayList<>()).add(r.ms());
          warmRequests.computeIfAbsent(name, k -> new ArrayList<>()).add((long) r.requests());
        }
      }
    }
    reused.close();
    long kubectlMs = median(warmMs.get("kubectl"));
    System.out.println("medians of the no-op runs 2.." + runs + ":");
    for (String name : clients.keySet()) {
      long ms = median(warmMs.get(name));
      long req = median(warmRequests.get(name));
      System.out.printf("  %-11s %6d ms  %s requests  %.2fx kubectl's wall time%n", name, ms, req < 0 ? "-" : req,
          kubectlMs == 0 ? 0.0 : (double) ms / kubectlMs);
    }
  }

  static String verdicts(ApplyResult r) {
    return r.outcomes().stream().map(x -> x.verdict().name().toLowerCase(java.util.Locale.ROOT)).distinct().toList()
        .toString();
  }
}
