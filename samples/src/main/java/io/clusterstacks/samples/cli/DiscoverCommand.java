package io.clusterstacks.samples.cli;

import io.clusterstacks.openstack.CloudDiscovery;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code clusterstacks discover}: a cloud profile (JSON) from a real OpenStack named in clouds.yaml, to
 * plan on later with {@code plan --profile FILE}.
 */
@Command(
    name = "discover",
    mixinStandardHelpOptions = true,
    description = {
        "Discover a cloud named in clouds.yaml into a cloud profile (JSON): flavors with their extra_specs, images,"
            + " availability zones, hypervisors (exact and per zone with admin rights, else a lower bound), quotas and"
            + " usage, the compute microversions and provider quirks.",
        "clouds.yaml is found as the openstack command line finds it (OS_CLIENT_CONFIG_FILE, ./clouds.yaml,"
            + " ~/.config/openstack/, /etc/openstack/; secure.yaml merged). Secrets are never printed.",
        "Plan on the result with plan --profile FILE, or at once with plan --os-cloud NAME."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:discovered: the profile is on standard output or in FILE, how each part was learned on standard error",
        "2:invalid input (no such cloud, an incomplete clouds.yaml entry, an unreadable cacert, FILE not writable)",
        "5:the cloud refused the login or a call, or did not answer"})
public final class DiscoverCommand implements Callable<Integer> {

  @Option(names = "--os-cloud", paramLabel = "NAME",
      description = "The cloud's name in clouds.yaml (default: OS_CLOUD, else the cloud the OS_* variables describe).")
  Optional<String> cloud = Optional.empty();

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the profile to FILE (replaced if it exists) instead of standard output.")
  Optional<Path> file = Optional.empty();

  @Option(names = "--name", paramLabel = "NAME", description = "The profile's name (default: the cloud's name).")
  Optional<String> name = Optional.empty();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // A FILE that cannot be written (a folder, a device, a missing folder) is refused before the cloud is asked
    // anything: CliFiles.write refuses these before it writes, so the empty text is never written.
    file.filter(f -> Files.exists(f) ? !Files.isRegularFile(f) : !Files.isDirectory(f.toAbsolutePath().getParent()))
        .ifPresent(f -> CliFiles.write(f, "--output", ""));
    CloudDiscovery.Discovered d = OpenStackDiscovery.discover(cloud.orElse(null), name.orElse(null));
    String json = d.toJson();
    if (file.isPresent()) {
      CliFiles.write(file.get(), "--output", json.endsWith("\n") ? json : json + "\n");
    } else {
      out.print(json.endsWith("\n") ? json : json + "\n");
      out.flush();
    }
    OpenStackDiscovery.summarize(d, err);
    file.ifPresent(f -> {
      err.println("wrote " + TerminalText.quote(f.toString()) + "; plan on it with: clusterstacks plan --profile "
          + TerminalText.quote(f.toString()));
      err.flush();
    });
    return ClusterStacksCli.EXIT_OK;
  }
}
