package io.clusterstacks.samples.cli;

import io.clusterstacks.kamaji.labels.HypervisorLabeller;
import io.clusterstacks.kamaji.labels.LabelFinding;
import io.clusterstacks.kubernetes.KubernetesApiException;
import io.clusterstacks.kubernetes.ManagementCluster;
import io.clusterstacks.openstack.OpenStackClient;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code clusterstacks label-nodes}: the hypervisor label on the management cluster's nodes, for Kamaji placement. */
@Command(
    name = "label-nodes",
    mixinStandardHelpOptions = true,
    description = {"Label the management cluster's nodes with the hypervisor their VMs run on"
        + " (topology.clusterstacks.io/hypervisor = the server's Nova hostId, found through the node's providerID),"
        + " which Kamaji placement (plan --stack kamaji) reads. Idempotent: a second run changes nothing; a stale"
        + " label (after a live migration) is corrected. Listing nodes needs a ClusterRole."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:every resolvable node carries its label (unresolved nodes are listed)",
        "2:an option is wrong, or no such cloud in clouds.yaml",
        "5:the cloud or the management cluster refused or did not answer, or a label was rejected"})
public final class LabelNodesCommand implements Callable<Integer> {

  @Option(names = "--os-cloud", paramLabel = "NAME", required = true,
      description = "The cloud in clouds.yaml whose project owns the management cluster's servers.")
  String osCloud;

  @Option(names = "--dry-run", description = "Have the API server check the labels without storing them.")
  boolean dryRun;

  @Mixin ManagementClusterOptions cluster = new ManagementClusterOptions();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (OpenStackClient os = OpenStackClient.connect(OpenStackDiscovery.config(osCloud)); ManagementCluster mc = cluster.connect()) {
      HypervisorLabeller.Result r = HypervisorLabeller.label(mc, os, dryRun);
      out.print(r.labels().report());
      out.println((dryRun ? "dry run: " : "") + r.labels().of(LabelFinding.Kind.NEW).size() + " labelled, "
          + r.labels().of(LabelFinding.Kind.STALE).size() + " corrected, "
          + r.labels().of(LabelFinding.Kind.UNCHANGED).size() + " unchanged, "
          + r.labels().of(LabelFinding.Kind.UNRESOLVED).size() + " unresolved");
      out.flush();
      if (!r.applied().complete()) {
        err.println("error: not every label was applied: " + r.applied());
        err.flush();
        return ManagementClusterOptions.EXIT_API_ERROR;
      }
      return ClusterStacksCli.EXIT_OK;
    } catch (KubernetesApiException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return ManagementClusterOptions.EXIT_API_ERROR;
    }
  }
}
