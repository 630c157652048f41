package io.clusterstacks.samples.cli;

import io.clusterstacks.kubernetes.DeleteOptions;
import io.clusterstacks.kubernetes.DeleteOutcome;
import io.clusterstacks.kubernetes.DeleteResult;
import io.clusterstacks.kubernetes.DeleteTimeoutException;
import io.clusterstacks.kubernetes.KubernetesApiException;
import io.clusterstacks.kubernetes.ManagementCluster;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code clusterstacks delete FILE...}: deletes manifests' objects along the delete plan. */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = {"Delete the manifests' objects along the delete plan: Clusters first (waiting until gone),"
        + " then what they do not own, credentials Secrets, ClusterStacks no Cluster uses, Namespaces."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:everything gone (or kept because in use)",
        "2:a file or an option is wrong",
        "5:the management cluster refused or did not answer",
        "6:timed out; what remains is printed with its finalizers"})
public final class DeleteCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "The manifest files that were applied.")
  List<Path> files = new ArrayList<>();

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT30M",
      description = "How long the whole delete may take, ISO-8601 (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Mixin ManagementClusterOptions cluster = new ManagementClusterOptions();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    var manifests = ManagementClusterOptions.read(files);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (ManagementCluster mc = cluster.connect()) {
      DeleteResult r = mc.delete(manifests, DeleteOptions.of(o -> o.timeout(timeout)));
      r.outcomes().forEach(o -> out.println(line(o)));
      out.flush();
      return ClusterStacksCli.EXIT_OK;
    } catch (DeleteTimeoutException e) {
      e.result().outcomes().forEach(o -> out.println(line(o)));
      out.flush();
      err.println("error: " + e.getMessage());
      err.flush();
      return ManagementClusterOptions.EXIT_TIMEOUT;
    } catch (KubernetesApiException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return ManagementClusterOptions.EXIT_API_ERROR;
    }
  }

  private static String line(DeleteOutcome o) {
    return String.format("%-17s %s%s", o.verdict().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
        o.object(), o.detail().isEmpty() ? "" : "  (" + o.detail() + ")");
  }
}
