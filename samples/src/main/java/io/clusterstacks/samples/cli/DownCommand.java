package io.clusterstacks.samples.cli;

import io.clusterstacks.lifecycle.cluster.ClusterDeleted;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code clusterstacks down}: sdk-lifecycle's delete, the cluster's objects and the server groups the SDK owns. */
@Command(
    name = "down",
    mixinStandardHelpOptions = true,
    description = {"Delete a cluster made with up: plan it with the same options (on the cloud --os-cloud names,"
        + " which must be given), take its lock, delete its objects along the delete plan (the Cluster first, waiting"
        + " until Cluster API has removed what it owns), then the server groups the SDK created for it (topology"
        + " mode; in raw mode ORC's ServerGroup objects own them). Prints each step as it ends, then what remains.",
        LifecycleCommandOptions.PROFILE_NOTE},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:nothing remains",
        "2:an option is wrong, or --os-cloud is missing",
        "5:the cloud or the management cluster refused or did not answer",
        "6:the delete ran out of time (what remains is printed; run down again)",
        "7:something remains (e.g. a server group whose servers still exist, an object kept in use): printed",
        "8:another run holds the cluster's lock (its holder is printed)"})
public final class DownCommand implements Callable<Integer> {

  @Mixin PlanOptions options = new PlanOptions();

  @Mixin ManagementClusterOptions cluster = new ManagementClusterOptions();

  @Mixin LifecycleCommandOptions run = new LifecycleCommandOptions();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    return run.run(spec, options, cluster, "down", "deletes the server groups the SDK created for the cluster",
        (lifecycle, plan, ns, out) -> {
          String name = ns + "/" + plan.request().clusterName();
          out.println("down " + name);
          out.flush();
          ClusterDeleted d = lifecycle.delete(plan, ns, run.listener(out));
          LifecycleCommandOptions.total(out, d.report());
          d.remaining().forEach(r -> out.println("remains: " + r));
          if (d.remaining().isEmpty()) {
            out.println(name + " is gone");
          }
          return d.remaining().isEmpty() ? LifecycleCommandOptions.exitCode(d.report())
              : LifecycleCommandOptions.EXIT_WARNING;
        });
  }
}
