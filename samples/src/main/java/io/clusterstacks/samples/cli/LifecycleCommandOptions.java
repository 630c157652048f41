package io.clusterstacks.samples.cli;

import io.clusterstacks.core.ClusterStacksException;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.kubernetes.ApplyFailedException;
import io.clusterstacks.kubernetes.DeleteOptions;
import io.clusterstacks.kubernetes.DeleteTimeoutException;
import io.clusterstacks.kubernetes.KubernetesApiException;
import io.clusterstacks.kubernetes.LockHeldException;
import io.clusterstacks.kubernetes.ManagementCluster;
import io.clusterstacks.kubernetes.ProgressEvent;
import io.clusterstacks.kubernetes.TerminalProgress;
import io.clusterstacks.kubernetes.WaitOptions;
import io.clusterstacks.kubernetes.WaitTimeoutException;
import io.clusterstacks.lifecycle.cluster.ClusterLifecycle;
import io.clusterstacks.lifecycle.cluster.LifecycleException;
import io.clusterstacks.lifecycle.cluster.LifecycleListener;
import io.clusterstacks.lifecycle.cluster.LifecycleOptions;
import io.clusterstacks.lifecycle.cluster.LifecycleReport;
import io.clusterstacks.lifecycle.cluster.Outcome;
import io.clusterstacks.lifecycle.cluster.StepReport;
import io.clusterstacks.lifecycle.cluster.UpgradeRefusedException;
import io.clusterstacks.openstack.OpenStackClient;
import io.clusterstacks.openstack.ServerGroupException;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * What {@code up}, {@code down} and {@code upgrade} share: how long they wait, how progress is shown, and the
 * exit code of a run that stopped at a step.
 */
final class LifecycleCommandOptions {
  /** Exit code when every step ran but one warned (placement, remaining objects or groups): the output says which. */
  static final int EXIT_WARNING = 7;
  /** Exit code when another run holds the cluster's lock. */
  static final int EXIT_LOCKED = 8;
  /** Exit code when an upgrade is refused before anything is applied. */
  static final int EXIT_REFUSED = 9;

  /** The description line every lifecycle command shows on planning from a saved profile. */
  static final String PROFILE_NOTE = "With --profile FILE as well (saved once by discover --os-cloud NAME -o FILE), the"
      + " plan comes from that profile and --os-cloud only connects. Give up, upgrade and down the same file: a project"
      + " member's discovery counts hypervisors from the project's own servers, so without it the plan can change as"
      + " the cluster's servers come and go (and up would then refuse the server groups it made before).";

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT30M",
      description = "How long the wait may take (up: until the cluster is usable; upgrade: until it is rolled out;"
          + " down: until its objects are gone), ISO-8601 (default: ${DEFAULT-VALUE}). Run the command again to"
          + " continue after it ran out.")
  Duration timeout;

  @Option(names = "--plain", description = "One line per change even on a terminal.")
  boolean plain;

  LifecycleOptions lifecycleOptions() {
    return LifecycleOptions.defaults().withWait(WaitOptions.of(o -> o.timeout(timeout)))
        .withDelete(DeleteOptions.of(o -> o.timeout(timeout)));
  }

  /**
   * A listener printing each step's line as it ends and, while the run waits, the cluster's status: updated in
   * place on a terminal, one line per change otherwise.
   */
  LifecycleListener listener(PrintWriter out) {
    TerminalProgress progress = TerminalText.progress(plain, out);
    return new LifecycleListener() {
      @Override
      public void onStep(StepReport step) {
        out.println(step.line());
        out.flush();
      }

      @Override
      public void onProgress(ProgressEvent event) {
        out.flush();
        progress.onProgress(event);
      }
    };
  }

  /** {@link #EXIT_WARNING} when a step warned, else success. */
  static int exitCode(LifecycleReport report) {
    return report.steps().stream().anyMatch(s -> s.outcome() == Outcome.WARNING) ? EXIT_WARNING : ClusterStacksCli.EXIT_OK;
  }

  /** The exit code for a run that stopped at a step, by what stopped it. */
  static int exitCode(LifecycleException e) {
    Throwable cause = e.getCause();
    if (cause instanceof WaitTimeoutException || cause instanceof DeleteTimeoutException) {
      return ManagementClusterOptions.EXIT_TIMEOUT;
    }
    if (cause instanceof LockHeldException) {
      return EXIT_LOCKED;
    }
    if (cause instanceof UpgradeRefusedException) {
      return EXIT_REFUSED;
    }
    // ClusterStacksCli.exitCodeOf (below) maps the cloud's refusals; these are the management cluster's and Nova's groups
    if (cause instanceof KubernetesApiException || cause instanceof ApplyFailedException
        || cause instanceof ServerGroupException) {
      return ManagementClusterOptions.EXIT_API_ERROR;
    }
    return cause instanceof ClusterStacksException c ? ClusterStacksCli.exitCodeOf(c) : ManagementClusterOptions.EXIT_API_ERROR;
  }

  /** Prints why the run stopped (the steps were printed as they ended) and returns its exit code. */
  static int stopped(LifecycleException e, PrintWriter out, PrintWriter err) {
    out.flush();
    if (e.getCause() instanceof UpgradeRefusedException r) {
      err.println(r.check().text());
    }
    err.println("error: " + e.getMessage());
    err.flush();
    return exitCode(e);
  }

  /** The command needs the cloud: say how to name it. */
  static ClusterStacksException cloudMissing(String command, String why) {
    return new ClusterStacksException("--os-cloud: missing; " + command + " " + why
        + ", so name the cloud in clouds.yaml whose project runs the cluster");
  }

  /** What one command does with the lifecycle, once the plan is made and the cloud and cluster are connected. */
  @FunctionalInterface
  interface Body {
    int run(ClusterLifecycle lifecycle, ClusterPlan plan, String namespace, PrintWriter out);
  }

  /**
   * Plans (from the saved profile when {@code --profile} is given with {@code --os-cloud}), connects to the cloud and
   * the management cluster, runs the body, and turns a run stopped at a step into its exit code.
   *
   * @param why what the command does with the cloud, for the message when {@code --os-cloud} is missing
   */
  int run(CommandLine.Model.CommandSpec spec, PlanOptions options, ManagementClusterOptions cluster, String command,
      String why, Body body) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (options.osCloud.isEmpty()) {
      throw cloudMissing(command, why);
    }
    LifecycleOptions lifecycleOptions = lifecycleOptions();
    options.cloudMayOnlyConnect = true;
    ClusterPlan plan = options.plan();
    options.discovered().ifPresent(d -> OpenStackDiscovery.summarize(d, err));
    try (OpenStackClient os = OpenStackClient.connect(OpenStackDiscovery.config(options.osCloud.get()));
        ManagementCluster mc = cluster.connect()) {
      String ns = options.namespace.orElse(mc.defaultNamespace());
      int code = body.run(ClusterLifecycle.of(os, mc, lifecycleOptions), plan, ns, out);
      out.flush();
      return code;
    } catch (LifecycleException e) {
      return stopped(e, out, err);
    } catch (KubernetesApiException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return ManagementClusterOptions.EXIT_API_ERROR;
    }
  }

  /** The line after the steps: the run's total time. */
  static void total(PrintWriter out, LifecycleReport report) {
    out.printf("%-20s %-9s %8.3f s%n", "total", "", report.total().toNanos() / 1e9);
  }
}
