package io.clusterstacks.samples.cli;

import io.clusterstacks.core.manifest.Manifests;
import io.clusterstacks.kubernetes.ApplyResult;
import io.clusterstacks.kubernetes.ManagementCluster;
import io.fabric8.kubernetes.client.Config;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark helper for docs/benchmarks.md ("Server-side apply"): where a {@code clusterstacks apply} process
 * spends its time, phase by phase, in the order the command runs them, in a fresh JVM like the command
 * line's. Per phase: wall time, the CPU time of the whole process (every thread: the JIT compilers, the
 * garbage collector and vert.x's event loop included) and the classes loaded so far.
 *
 * <pre>
 * java -cp samples/target/test-classes:samples/target/clusterstacks.jar:'samples/target/lib/*' \
 *   io.clusterstacks.samples.cli.ApplyPhases KUBECONFIG FILE...
 * </pre>
 *
 * <p>The phases: JVM start to {@code main}; picocli's command model; reading the manifest files (sdk-core,
 * Jackson 2); fabric8 reading the kubeconfig (its first use of Jackson 3 and its model classes); the
 * management-cluster client (vert.x HTTP client and fabric8 client; the kubeconfig is read again, now warm);
 * the apply (discovery, a GET and a PATCH per object); closing the client. Exiting the JVM is not seen from
 * inside.
 */
public final class ApplyPhases {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static long lastWall = ManagementFactory.getRuntimeMXBean().getStartTime();
  private static long lastCpu;

  private ApplyPhases() {}

  private static void phase(String name) {
    long wall = System.currentTimeMillis();
    long cpu = OS.getProcessCpuTime() / 1_000_000;
    System.out.printf(Locale.ROOT, "%-34s %6d ms wall %6d ms cpu %5d classes%n", name, wall - lastWall,
        cpu - lastCpu, ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
    lastWall = wall;
    lastCpu = cpu;
  }

  /**
   * Runs it.
   *
   * @param args the kubeconfig, then the manifest files
   */
  public static void main(String[] args) {
    phase("JVM start to main");
    ClusterStacksCli.commandLine();
    phase("picocli command model");
    Manifests manifests = ManagementClusterOptions.read(List.of(args).subList(1, args.length).stream()
        .map(Path::of).toList());
    phase("read manifests (sdk-core)");
    Config.fromKubeconfig(null, Path.of(args[0]).toFile());
    phase("fabric8 reads the kubeconfig");
    ManagementCluster mc = ManagementCluster.builder().kubeconfig(Path.of(args[0])).build();
    phase("client (vert.x, fabric8)");
    ApplyResult r = mc.apply(manifests);
    phase("apply (" + r.outcomes().size() + " objects, " + (r.unchanged() ? "unchanged" : "changed") + ")");
    mc.close();
    phase("close");
  }
}
