package io.clusterstacks.samples.cli;

import io.clusterstacks.lifecycle.cluster.ClusterCreated;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code clusterstacks up}: sdk-lifecycle's create, plan to usable cluster in one run, each step printed as it ends.
 */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = {"Create a cluster in one run: plan it with the same options as plan (on the cloud --os-cloud"
        + " names, which must be given), take the cluster's lock, ensure its server groups (topology mode), render"
        + " with their IDs, apply, wait until the cluster is usable, verify its servers' placement against the plan"
        + " and set the maintenance opt-in. Each step is printed as it ends, with its outcome and duration; while"
        + " waiting, the cluster's status (in place on a terminal, one line per change otherwise).",
        "After a failure run the same command again: it continues and changes nothing that is already right.",
        LifecycleCommandOptions.PROFILE_NOTE},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:the cluster is usable and every step is done",
        "2:an option is wrong, or --os-cloud is missing",
        "3:the plan's constraints cannot all be met",
        "5:the cloud or the management cluster refused or did not answer",
        "6:the wait ran out of time (run up again to continue)",
        "7:the cluster is usable but a step warned (e.g. placement differs from the plan): printed",
        "8:another run holds the cluster's lock (its holder is printed)"})
public final class UpCommand implements Callable<Integer> {

  @Mixin PlanOptions options = new PlanOptions();

  @Mixin ManagementClusterOptions cluster = new ManagementClusterOptions();

  @Mixin LifecycleCommandOptions run = new LifecycleCommandOptions();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    return run.run(spec, options, cluster, "up", "creates the cluster's server groups and checks its servers there",
        (lifecycle, plan, ns, out) -> {
          String name = ns + "/" + plan.request().clusterName();
          out.println("up " + name);
          out.flush();
          ClusterCreated c = lifecycle.create(plan, ns, run.listener(out));
          LifecycleCommandOptions.total(out, c.report());
          if (!c.placement().ok()) {
            out.println("placement: " + c.placement().summary());
          }
          out.println(name + " is usable; its kubeconfig: clusterstacks kubeconfig " + plan.request().clusterName()
              + " -n " + ns + " -o FILE");
          return LifecycleCommandOptions.exitCode(c.report());
        });
  }
}
