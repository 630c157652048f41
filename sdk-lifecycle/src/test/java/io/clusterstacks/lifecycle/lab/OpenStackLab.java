package io.clusterstacks.lifecycle.lab;

import io.clusterstacks.openstack.CloudsYaml;
import io.clusterstacks.openstack.OpenStackClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The OpenStack lab for sdk-lifecycle's tests: SDK clients for its clouds, and its {@code openstack} command line,
 * with which tests play the controllers that do not run here (CAPO booting a Machine's server into its group, then
 * deleting it).
 */
public final class OpenStackLab {
  /** The lab's directory (clouds.yaml, secure.yaml, secrets.env). */
  public static final Path DIR = Path.of(System.getProperty("clusterstacks.openstack.lab.dir",
      "/var/lib/clusterstacks-lab/openstack"));

  private OpenStackLab() {}

  /** The clouds.yaml environment of the lab (no home or /etc clouds.yaml is read). */
  public static CloudsYaml.Environment environment() {
    Map<String, String> vars = new HashMap<>();
    vars.put("OS_CLIENT_CONFIG_FILE", DIR.resolve("clouds.yaml").toString());
    vars.put("OS_CLIENT_SECURE_FILE", DIR.resolve("secure.yaml").toString());
    return new CloudsYaml.Environment(vars, DIR, DIR.resolve("no-home"), DIR.resolve("no-etc"));
  }

  /** An SDK client for {@code lab-admin}, {@code lab-member} or {@code lab-appcred}. */
  public static OpenStackClient connect(String cloud) {
    return OpenStackClient.connect(CloudsYaml.load(cloud, environment()));
  }

  /** Starts the openstack command line as the lab's member user. */
  public static Process start(String... args) throws Exception {
    if (!Files.isRegularFile(DIR.resolve("clouds.yaml"))) {
      throw new AssertionError("the OpenStack lab is not set up: " + DIR.resolve("clouds.yaml") + " is missing."
          + " Run ./bin/test-all (or lab/openstack/ensure), then the tests again");
    }
    List<String> cmd = new ArrayList<>(List.of("openstack", "--os-cloud", "lab-member"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("OS_CLIENT_CONFIG_FILE", DIR.resolve("clouds.yaml").toString());
    pb.environment().put("OS_CLIENT_SECURE_FILE", DIR.resolve("secure.yaml").toString());
    return pb.start();
  }

  /** Waits for a started command (at most 300 s: the lab under load); its output, or an AssertionError with stderr. */
  public static String finish(Process p, String what) throws Exception {
    // read both streams while it runs, so a chatty command cannot block on a full pipe
    var out = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
    var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
    boolean done = p.waitFor(300, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
      throw new AssertionError("openstack " + what + " did not finish in 300 s");
    }
    if (p.exitValue() != 0) {
      throw new AssertionError("openstack " + what + " failed: " + err.get() + out.get());
    }
    return out.get();
  }

  /** Runs the openstack command line as the lab's member user; its output. */
  public static String run(String... args) throws Exception {
    return finish(start(args), String.join(" ", args));
  }

  /** Starts booting a server as CAPO would for a Machine: the lab's tiny image, no network, in a server group. */
  public static Process startBoot(String name, String flavor, String groupId) throws Exception {
    return start("--os-compute-api-version", "2.37", "server", "create", "--flavor", flavor, "--image", "lab-tiny",
        "--nic", "none", "--hint", "group=" + groupId, "--wait", "-f", "value", "-c", "id", name);
  }

  /** Boots a server as {@link #startBoot} does and waits for it; its ID. */
  public static String boot(String name, String flavor, String groupId) throws Exception {
    return finish(startBoot(name, flavor, groupId), "server create " + name).strip();
  }

  /**
   * Deletes what a test of a cluster left in Nova: its servers (waiting until they are gone), then the plan's
   * convention server groups.
   */
  public static void deleteLeftovers(List<String> servers, io.clusterstacks.core.plan.@org.jspecify.annotations.Nullable
      ClusterPlan plan) throws Exception {
    try {
      if (!servers.isEmpty()) {
        List<String> delete = new ArrayList<>(List.of("server", "delete", "--wait"));
        delete.addAll(servers);
        run(delete.toArray(String[]::new));
      }
    } finally {
      if (plan != null) {
        try (OpenStackClient member = connect("lab-member")) {
          member.serverGroups().deleteFor(plan);
        }
      }
    }
  }

  private static String read(java.io.InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return "(" + e + ")";
    }
  }
}
