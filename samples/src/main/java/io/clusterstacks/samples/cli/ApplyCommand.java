package io.clusterstacks.samples.cli;

import io.clusterstacks.kubernetes.ApplyOptions;
import io.clusterstacks.kubernetes.ApplyResult;
import io.clusterstacks.kubernetes.KubernetesApiException;
import io.clusterstacks.kubernetes.ManagementCluster;
import io.clusterstacks.kubernetes.ObjectOutcome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code clusterstacks apply FILE...}: server-side apply of manifests to the management cluster, in the
 * files' order, stopping at the first object the server refuses.
 */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {"Apply manifests to the management cluster with server-side apply (field manager "
        + ManagementCluster.FIELD_MANAGER + "), in order; the first refused object stops the apply.",
        "Prints one line per object: created, configured, unchanged, rejected (with every cause) or not attempted."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:every object applied",
        "2:a file or an option is wrong",
        "5:the management cluster refused an object (or did not answer)"})
public final class ApplyCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Manifest files (YAML, several documents each).")
  List<Path> files = new ArrayList<>();

  @Option(names = "--dry-run", description = "Let the server check and default everything, store nothing.")
  boolean dryRun;

  @Option(names = "--force", description = "Take over fields another field manager owns instead of failing.")
  boolean force;

  @Mixin ManagementClusterOptions cluster = new ManagementClusterOptions();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    var manifests = ManagementClusterOptions.read(files);
    PrintWriter out = spec.commandLine().getOut();
    try (ManagementCluster mc = cluster.connect()) {
      ApplyResult r = mc.apply(manifests, ApplyOptions.of(o -> o.dryRun(dryRun).force(force)));
      for (ObjectOutcome o : r.outcomes()) {
        out.println(String.format(Locale.ROOT, "%-14s %s", o.verdict().name().toLowerCase(Locale.ROOT)
            .replace('_', ' ') + (dryRun ? "*" : ""), o.object()));
        o.rejection().ifPresent(e -> {
          out.println("               " + e.getMessage());
        });
      }
      if (dryRun) {
        out.println("* dry run: the server checked the objects and stored nothing");
      }
      out.flush();
      return r.complete() ? ClusterStacksCli.EXIT_OK : ManagementClusterOptions.EXIT_API_ERROR;
    } catch (KubernetesApiException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return ManagementClusterOptions.EXIT_API_ERROR;
    }
  }
}
