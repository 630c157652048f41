package io.clusterstacks.samples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.clusterstacks.core.ClusterStacksException;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.kubernetes.KubernetesApiException;
import io.clusterstacks.kubernetes.ManagementCluster;
import io.clusterstacks.lifecycle.diagnose.ClusterObservations;
import io.clusterstacks.lifecycle.diagnose.DiagnosisCollector;
import io.clusterstacks.lifecycle.respond.MaintenanceResponder;
import io.clusterstacks.lifecycle.respond.ResponseOptions;
import io.clusterstacks.lifecycle.respond.ResponsePlan;
import io.clusterstacks.lifecycle.respond.ResponsePlanner;
import io.clusterstacks.lifecycle.respond.ResponseReport;
import io.clusterstacks.openstack.OpenStackClient;
import io.clusterstacks.lifecycle.respond.ResponseState;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code clusterstacks respond-to-maintenance}: one pass of sdk-lifecycle's maintenance responder (the
 * provider's suggested watchdog): read the cluster, plan the response to the provider's announcements and carry
 * it out, or with {@code --dry-run} only print it.
 */
@Command(
    name = "respond-to-maintenance",
    mixinStandardHelpOptions = true,
    description = {"One pass of the maintenance responder: plan the cluster with the same options as plan (on the"
        + " cloud --os-cloud names, which must be given), read its servers' maintenance announcements, and for each"
        + " within the lead time cordon and drain the node (Eviction API, PodDisruptionBudgets respected), delete"
        + " its Machine so that Cluster API replaces it and check the replacement runs on another hypervisor; where"
        + " no other hypervisor can take it or etcd would lose quorum, set the restart opt-in and drain instead."
        + " Prints the plan with its reasons, then each step as it happens. Run it every few minutes with the same"
        + " --state file: with it a later run uncordons what an earlier one cordoned once the announcement is"
        + " withdrawn, moved away or over."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:every step done (or, with --dry-run, printed); also when nothing is announced",
        "2:an option is wrong, or --os-cloud is missing",
        "5:the cloud or the management cluster refused or did not answer",
        "7:a step failed or was skipped (the output says which and why)"})
public final class RespondToMaintenanceCommand implements Callable<Integer> {
  /** Exit code when a step failed or was skipped. */
  static final int EXIT_STEP_FAILED = 7;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Mixin PlanOptions options = new PlanOptions();

  @Mixin ManagementClusterOptions cluster = new ManagementClusterOptions();

  @Option(names = "--dry-run", description = "Only print what would be done; change nothing.")
  boolean dryRun;

  @Option(names = "--lead-time", defaultValue = "PT2H", description = "How long before the announced time to act, as an"
      + " ISO-8601 duration (default ${DEFAULT-VALUE}).")
  Duration leadTime;

  @Option(names = "--window", defaultValue = "PT1H", description = "How long the maintenance is taken to last after the"
      + " announced time (default ${DEFAULT-VALUE}).")
  Duration window;

  @Option(names = "--state", description = "A JSON file with what the previous run did (read when it exists, written"
      + " after each run that is not a dry run).")
  Optional<Path> state = Optional.empty();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (options.osCloud.isEmpty()) {
      throw new ClusterStacksException("--os-cloud: missing; respond-to-maintenance reads the cluster's servers and their"
          + " announcements from the cloud, so name the cloud in clouds.yaml whose project runs them");
    }
    ResponseOptions ro = new ResponseOptions(leadTime, window);
    Optional<ResponseState> previous = readState();
    ClusterPlan plan = options.plan();
    options.discovered().ifPresent(d -> OpenStackDiscovery.summarize(d, err));
    try (OpenStackClient os = OpenStackClient.connect(OpenStackDiscovery.config(options.osCloud.get()));
        ManagementCluster mc = cluster.connect()) {
      String ns = options.namespace.orElse(mc.defaultNamespace());
      ClusterObservations seen = DiagnosisCollector.of(os, mc).collect(plan, ns);
      ResponsePlan p = ResponsePlanner.plan(seen, ro, previous, Instant.now());
      out.print(p.text());
      out.flush();
      ResponseReport r = MaintenanceResponder.of(os, mc).dryRun(dryRun).respond(seen, p, e -> {
        out.println(e);
        out.flush();
      });
      out.print(r.text());
      out.flush();
      if (!dryRun && state.isPresent()) {
        writeState(state.get(), r.state());
      }
      return r.complete() ? ClusterStacksCli.EXIT_OK : EXIT_STEP_FAILED;
    } catch (KubernetesApiException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return ManagementClusterOptions.EXIT_API_ERROR;
    }
  }

  private Optional<ResponseState> readState() {
    if (state.isEmpty() || !Files.exists(state.get())) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(state.get().toFile(), ResponseState.class));
    } catch (IOException e) {
      throw new ClusterStacksException("--state: " + state.get() + " is no state this command wrote (" + e.getMessage()
          + "); delete it to start afresh");
    }
  }

  private static void writeState(Path file, ResponseState s) {
    try {
      JSON.writeValue(file.toFile(), s);
    } catch (IOException e) {
      throw new ClusterStacksException("--state: cannot write " + file + ": " + e.getMessage());
    }
  }
}
