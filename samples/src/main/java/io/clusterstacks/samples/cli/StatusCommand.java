package io.clusterstacks.samples.cli;

import io.clusterstacks.kubernetes.ClusterStatus;
import io.clusterstacks.kubernetes.KubernetesApiException;
import io.clusterstacks.kubernetes.ManagementCluster;
import io.clusterstacks.kubernetes.TerminalProgress;
import io.clusterstacks.kubernetes.WaitOptions;
import io.clusterstacks.kubernetes.WaitTimeoutException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code clusterstacks status CLUSTER}: a Cluster's phase, readiness, machines per role and whether its
 * workload API answers; with {@code --watch}, live until it is usable.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {"Show a Cluster's status once, or with --watch until it is usable: on a terminal a status"
        + " line per role updated in place, otherwise one line per change."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:shown (with --watch: the cluster is usable)",
        "2:an option is wrong",
        "5:the management cluster did not answer or refused",
        "6:--watch ran out of time (the last state is printed)"})
public final class StatusCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "CLUSTER", description = "The Cluster's name.")
  String name;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE",
      description = "The Cluster's namespace (default: the context's namespace, else default).")
  Optional<String> namespace = Optional.empty();

  @Option(names = "--cluster-stack", paramLabel = "NAME", description = "Also wait for this ClusterStack.")
  Optional<String> clusterStack = Optional.empty();

  @Option(names = {"-w", "--watch"}, description = "Follow the status until the cluster is usable.")
  boolean watch;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT30M",
      description = "How long --watch waits, ISO-8601 (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = "--plain", description = "One line per change even on a terminal.")
  boolean plain;

  @Mixin ManagementClusterOptions cluster = new ManagementClusterOptions();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (ManagementCluster mc = cluster.connect()) {
      String ns = namespace.orElse(mc.defaultNamespace());
      if (!watch) {
        ClusterStatus s = mc.status(ns, name, clusterStack);
        TerminalProgress.lines(s).forEach(out::println);
        out.flush();
        return ClusterStacksCli.EXIT_OK;
      }
      TerminalProgress progress = TerminalText.progress(plain, out);
      ClusterStatus s = mc.awaitUsable(ns, name, WaitOptions.of(o -> {
        o.timeout(timeout);
        clusterStack.ifPresent(o::clusterStack);
      }), progress);
      out.println(s.cluster() + " is usable");
      out.flush();
      return ClusterStacksCli.EXIT_OK;
    } catch (WaitTimeoutException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return ManagementClusterOptions.EXIT_TIMEOUT;
    } catch (KubernetesApiException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return ManagementClusterOptions.EXIT_API_ERROR;
    }
  }
}
