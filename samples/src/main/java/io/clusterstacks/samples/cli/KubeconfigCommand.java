package io.clusterstacks.samples.cli;

import io.clusterstacks.kubernetes.KubernetesApiException;
import io.clusterstacks.kubernetes.Kubeconfig;
import io.clusterstacks.kubernetes.ManagementCluster;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code clusterstacks kubeconfig CLUSTER}: the workload cluster's kubeconfig, to a 0600 file or stdout. */
@Command(
    name = "kubeconfig",
    mixinStandardHelpOptions = true,
    description = {"Read a Cluster's kubeconfig from its <cluster>-kubeconfig Secret and write it to a file"
        + " with mode 0600 (-o), or print it."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:written",
        "2:an option is wrong or the file cannot be written",
        "5:the Secret does not exist yet, or the management cluster refused"})
public final class KubeconfigCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "CLUSTER", description = "The Cluster's name.")
  String name;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE",
      description = "The Cluster's namespace (default: the context's namespace, else default).")
  Optional<String> namespace = Optional.empty();

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to this file (mode 0600) instead of stdout.")
  Optional<Path> file = Optional.empty();

  @Mixin ManagementClusterOptions cluster = new ManagementClusterOptions();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (ManagementCluster mc = cluster.connect()) {
      Kubeconfig kc = mc.workload(namespace.orElse(mc.defaultNamespace()), name).kubeconfig();
      if (file.isPresent()) {
        kc.writeTo(file.get());
        out.println("wrote the kubeconfig of " + kc.cluster() + " to " + file.get() + " (mode 0600)");
      } else {
        out.print(kc.text());
      }
      out.flush();
      return ClusterStacksCli.EXIT_OK;
    } catch (KubernetesApiException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return ManagementClusterOptions.EXIT_API_ERROR;
    }
  }
}
