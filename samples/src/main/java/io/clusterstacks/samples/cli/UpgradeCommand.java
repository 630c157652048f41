package io.clusterstacks.samples.cli;

import io.clusterstacks.lifecycle.cluster.ClusterUpgraded;
import io.clusterstacks.lifecycle.cluster.UpgradeCheck;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code clusterstacks upgrade}: sdk-lifecycle's upgrade of a running topology-mode cluster to the plan's class and
 * Kubernetes version, checked before anything is applied; {@code --check} only checks.
 */
@Command(
    name = "upgrade",
    mixinStandardHelpOptions = true,
    description = {"Upgrade a running topology-mode cluster to the class and Kubernetes version of the plan these"
        + " options give (e.g. -k v1.34.2 or --release): read the running Cluster, check the move against the stack"
        + " operator's rules (the minor stays or goes up by one; the version is the release's) and print the plan's"
        + " surge and placement warnings before anything is applied, then apply, follow the rollout, verify the"
        + " placement (a rollout that left members sharing a hypervisor is reported) and reconcile the maintenance"
        + " opt-in. --check stops after the check.",
        LifecycleCommandOptions.PROFILE_NOTE},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:upgraded (with --check: the upgrade is allowed)",
        "2:an option is wrong, --os-cloud is missing, or no such topology-mode Cluster runs",
        "5:the cloud or the management cluster refused or did not answer",
        "6:the rollout ran out of time (run upgrade again to follow it)",
        "7:upgraded but a step warned (the check's warnings, the rollout or the placement): printed",
        "8:another run holds the cluster's lock (its holder is printed)",
        "9:the upgrade is refused (the reasons are printed); nothing was applied"})
public final class UpgradeCommand implements Callable<Integer> {

  @Mixin PlanOptions options = new PlanOptions();

  @Mixin ManagementClusterOptions cluster = new ManagementClusterOptions();

  @Mixin LifecycleCommandOptions run = new LifecycleCommandOptions();

  @Option(names = "--check", description = "Only check the upgrade and print its warnings; change nothing.")
  boolean check;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    return run.run(spec, options, cluster, "upgrade", "re-renders the cluster with its server groups' IDs and checks"
        + " its servers' placement after the rollout", (lifecycle, target, ns, out) -> {
          if (check) {
            UpgradeCheck c = lifecycle.checkUpgrade(target, ns);
            out.println(c.text());
            out.println(c.allowed() ? "check only: nothing was applied" : "refused: nothing was applied");
            return c.allowed() ? ClusterStacksCli.EXIT_OK : LifecycleCommandOptions.EXIT_REFUSED;
          }
          String name = ns + "/" + target.request().clusterName();
          out.println("upgrade " + name);
          out.flush();
          ClusterUpgraded u = lifecycle.upgrade(target, ns, run.listener(out));
          LifecycleCommandOptions.total(out, u.report());
          u.check().warnings().forEach(w -> out.println("warning: " + w));
          if (!u.placement().ok()) {
            out.println("placement: " + u.placement().summary());
          }
          out.println(name + " runs " + u.check().toClass() + " " + u.check().toVersion());
          return LifecycleCommandOptions.exitCode(u.report());
        });
  }
}
