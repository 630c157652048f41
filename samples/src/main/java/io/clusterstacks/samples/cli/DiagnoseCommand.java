package io.clusterstacks.samples.cli;

import io.clusterstacks.core.ClusterStacksException;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.kubernetes.KubernetesApiException;
import io.clusterstacks.kubernetes.ManagementCluster;
import io.clusterstacks.lifecycle.diagnose.ClusterDiagnosis;
import io.clusterstacks.lifecycle.diagnose.DiagnosisCollector;
import io.clusterstacks.lifecycle.diagnose.DiagnosisReport;
import io.clusterstacks.openstack.OpenStackClient;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code clusterstacks diagnose}: sdk-lifecycle's diagnosis of a running cluster (placement against the plan,
 * etcd's storage, members in ERROR, the API load balancer, nodes, maintenance opt-in and announcements).
 */
@Command(
    name = "diagnose",
    mixinStandardHelpOptions = true,
    description = {"Diagnose a running cluster: plan it with the same options as plan (on the cloud --os-cloud"
        + " names, which must be given), then read its server groups and servers from the cloud, its API load"
        + " balancer's status tree and its nodes through the management cluster, and print every finding with"
        + " its evidence and fix, then the placement picture. Only reads."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:nothing needs attention as far as observed (info findings and what could not be read are printed)",
        "2:an option is wrong, or --os-cloud is missing",
        "5:the cloud or the management cluster refused or did not answer",
        "7:a warning or critical finding"})
public final class DiagnoseCommand implements Callable<Integer> {
  /** Exit code when the diagnosis found something that needs attention. */
  static final int EXIT_FINDINGS = 7;

  @Mixin PlanOptions options = new PlanOptions();

  @Mixin ManagementClusterOptions cluster = new ManagementClusterOptions();

  @Option(names = "--json", description = "Print the report as JSON instead of text.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (options.osCloud.isEmpty()) {
      throw new ClusterStacksException("--os-cloud: missing; diagnose reads the cluster's servers from the cloud,"
          + " so name the cloud in clouds.yaml whose project runs them");
    }
    ClusterPlan plan = options.plan();
    options.discovered().ifPresent(d -> OpenStackDiscovery.summarize(d, err));
    try (OpenStackClient os = OpenStackClient.connect(OpenStackDiscovery.config(options.osCloud.get()));
        ManagementCluster mc = cluster.connect()) {
      String ns = options.namespace.orElse(mc.defaultNamespace());
      DiagnosisReport report = ClusterDiagnosis.analyse(DiagnosisCollector.of(os, mc).collect(plan, ns));
      out.print(json ? report.json() + "\n" : report.text());
      out.flush();
      return report.ok() ? ClusterStacksCli.EXIT_OK : EXIT_FINDINGS;
    } catch (KubernetesApiException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return ManagementClusterOptions.EXIT_API_ERROR;
    }
  }
}
