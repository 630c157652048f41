package io.clusterstacks.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.cloud.CloudProfiles;
import io.clusterstacks.core.cloud.HostKnowledge;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clusterstacks discover}, {@code plan --os-cloud} and {@code diagnose} as real processes against the OpenStack lab
 * (lab/openstack/ensure): clouds.yaml and secure.yaml found through OS_CLIENT_CONFIG_FILE and
 * OS_CLIENT_SECURE_FILE as lab.env sets them, no secret of the lab in anything printed.
 */
class DiscoverCommandIT {
  static final Path LAB = Path.of(System.getProperty("clusterstacks.openstack.lab.dir", "/var/lib/clusterstacks-lab/openstack"));

  @TempDir Path tmp;

  record Run(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + (out.length() > 2000 ? out.substring(0, 2000) + "..." : out)
          + "\n--- stderr\n" + err;
    }
  }

  Run cli(String... args) throws IOException, InterruptedException {
    return cli(tmp, args);
  }

  /**
   * Runs the command line as a real process with the lab's clouds.yaml, its output in {@code tmp}; fails when it
   * prints a lab secret.
   */
  static Run cli(Path tmp, String... args) throws IOException, InterruptedException {
    if (!Files.isRegularFile(LAB.resolve("clouds.yaml"))) {
      fail("the OpenStack lab is not set up: " + LAB.resolve("clouds.yaml") + " is missing. Start it with ./bin/test-all"
          + " (or lab/openstack/ensure)");
    }
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=debug",
        ClusterStacksCli.class.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(tmp.resolve("out").toFile()).redirectError(tmp.resolve("err").toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("OS_"));
    pb.environment().put("OS_CLIENT_CONFIG_FILE", LAB.resolve("clouds.yaml").toString());
    pb.environment().put("OS_CLIENT_SECURE_FILE", LAB.resolve("secure.yaml").toString());
    Process p = pb.start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      fail(String.join(" ", args) + " did not end within 10 minutes");
    }
    Run run = new Run(p.exitValue(), Files.readString(tmp.resolve("out")), Files.readString(tmp.resolve("err")));
    // DEBUG logging on: the SDK's own HTTP lines are in stderr, and still no secret
    for (String secret : secrets()) {
      assertFalse(run.out().contains(secret) || run.err().contains(secret), "a lab secret was printed:\n" + run);
    }
    return run;
  }

  /** Every secret the lab generated (secrets.env: passwords, the application credential secret, keys). */
  static List<String> secrets() throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(LAB.resolve("secrets.env"), StandardCharsets.UTF_8)) {
      int eq = line.indexOf('=');
      if (!line.startsWith("#") && eq > 0 && line.length() - eq > 8) {
        out.add(line.substring(eq + 1).trim());
      }
    }
    assertTrue(out.size() >= 3, "secrets.env holds " + out.size() + " secrets");
    return out;
  }

  @Test
  void discoverPrintsTheMemberProfileWithAHypervisorLowerBoundAndNoSecret() throws Exception {
    Run run = cli("discover", "--os-cloud", "lab-member");
    assertEquals(0, run.exitCode(), run.toString());
    CloudProfile p = CloudProfiles.fromJson(run.out());
    assertEquals("lab-member", p.name());
    assertTrue(p.flavors().size() >= 200, p.flavors().size() + " flavors");
    assertEquals("ssd", p.flavor("SCS-2V-4-20s").orElseThrow().extraSpecs().get("scs:disk0-type"));
    assertTrue(p.images().stream().anyMatch(i -> i.name().equals("ubuntu-capi-image-v1.32.5")), p.images().toString());
    assertTrue(p.hypervisors().total().knowledge() != HostKnowledge.EXACT, p.hypervisors().toString());
    assertTrue(run.err().contains("discovered lab-member") && run.err().contains("note: hypervisors"), run.toString());
    assertTrue(run.err().contains("io.clusterstacks.openstack.http - POST identity /auth/tokens -> 201"), run.toString());
  }

  @Test
  void discoverAsAdminWritesAFileThatPlanReadsLikeTheLiveDiscovery() throws Exception {
    Path file = tmp.resolve("lab.json");
    Run discover = cli("discover", "--os-cloud", "lab-admin", "-o", file.toString(), "--name", "lab");
    assertEquals(0, discover.exitCode(), discover.toString());
    assertEquals("", discover.out());
    CloudProfile p = CloudProfiles.fromJson(Files.readString(file));
    assertEquals("lab", p.name());
    assertEquals(HostKnowledge.EXACT, p.hypervisors().total().knowledge(), p.hypervisors().toString());
    assertTrue(discover.err().contains("wrote "), discover.toString());

    Run live = cli("plan", "--os-cloud", "lab-admin", "-o", "json");
    assertEquals(0, live.exitCode(), live.toString());
    assertTrue(live.err().contains("discovered lab-admin"), live.toString());
    Run offline = cli("plan", "--profile", file.toString(), "-o", "json");
    assertEquals(0, offline.exitCode(), offline.toString());
    ObjectMapper json = new ObjectMapper();
    JsonNode a = json.readTree(live.out()).path("plan");
    JsonNode b = json.readTree(offline.out()).path("plan");
    assertEquals("lab-admin", a.path("cloudProfile").asText());
    // the same decisions on the live cloud and on its saved profile
    for (int i = 0; i < a.path("roles").size(); i++) {
      assertEquals(b.path("roles").get(i).path("flavor").path("name"), a.path("roles").get(i).path("flavor").path("name"));
      assertEquals(b.path("roles").get(i).path("placement").path("policy"), a.path("roles").get(i).path("placement").path("policy"));
    }
    assertEquals(b.path("placementMap").asText().lines().count(), a.path("placementMap").asText().lines().count());
    assertTrue(a.path("roles").size() >= 2, a.toString());
  }

  @Test
  void aWrongPasswordExitsFiveWithoutTheSecret() throws Exception {
    Path clouds = Files.writeString(tmp.resolve("clouds.yaml"), Files.readString(LAB.resolve("clouds.yaml")));
    Path secure = Files.writeString(tmp.resolve("secure.yaml"), "clouds:\n  lab-member:\n    auth:\n      password: wrong-"
        + secrets().get(1) + "\n");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ClusterStacksCli.class.getName(), "discover", "--os-cloud", "lab-member"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("OS_CLIENT_CONFIG_FILE", clouds.toString());
    pb.environment().put("OS_CLIENT_SECURE_FILE", secure.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES));
    assertEquals(ClusterStacksCli.EXIT_CLOUD_ERROR, p.exitValue(), out);
    assertTrue(out.contains("answered 401") && out.contains("lab-member"), out);
    for (String secret : secrets()) {
      assertFalse(out.contains(secret), out);
    }
  }

  /**
   * {@code diagnose} on a cluster that does not exist on either lab: the real cloud has none of the plan's
   * server groups and no API load balancer, the real kube-apiserver no kubeconfig Secret. Each is a finding
   * with its fix (the nodes as "not observed", never as healthy), and the exit code says action is needed.
   */
  @Test
  void diagnoseReportsWhatTheCloudAndTheManagementClusterLack() throws Exception {
    String ns = "diag-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    String kubeconfig = System.getProperty("clusterstacks.k8s.lab.dir", "/var/lib/clusterstacks-lab/kubernetes")
        + "/admin.kubeconfig";
    Run json = cli("diagnose", "--os-cloud", "lab-member", "--cluster-name", "absent", "-n", ns,
        "--kubeconfig", kubeconfig, "--json");
    assertEquals(7, json.exitCode(), json.toString());
    JsonNode report = new ObjectMapper().readTree(json.out());
    assertEquals("absent", report.get("cluster").asText(), json.toString());
    assertEquals(ns, report.get("namespace").asText(), json.toString());
    assertFalse(report.get("ok").asBoolean(), json.toString());
    List<String> kinds = new ArrayList<>();
    report.get("findings").forEach(f -> kinds.add(f.get("severity").asText() + " " + f.get("kind").asText()
        + " " + f.get("subject").asText()));
    assertEquals(List.of("CRITICAL LOAD_BALANCER load balancer k8s-clusterapi-cluster-" + ns + "-absent-kubeapi",
        "CRITICAL SERVER_GROUP_MISSING server group of control-plane",
        "CRITICAL SERVER_GROUP_MISSING server group of md-0",
        "WARNING NOT_OBSERVED cluster " + ns + "/absent"), kinds, json.toString());
    assertTrue(report.get("findings").get(3).get("message").asText().contains("Secret/" + ns + "/absent-kubeconfig"),
        json.toString());
    assertTrue(json.err().contains("discovered lab-member ("), json.toString());

    Run text = cli("diagnose", "--os-cloud", "lab-member", "--cluster-name", "absent", "-n", ns,
        "--kubeconfig", kubeconfig);
    assertEquals(7, text.exitCode(), text.toString());
    assertTrue(text.out().startsWith("Diagnosis of cluster " + ns + "/absent at "), text.toString());
    assertTrue(text.out().contains(": 3 critical, 1 warning, 0 info\n"), text.toString());
    assertTrue(text.out().contains("  fix: create the plan's groups (ServerGroups.ensure(plan))"), text.toString());
    assertTrue(text.out().contains("Placement (members per hypervisor, by hostId):"), text.toString());
  }

  @Test
  void diagnoseWithoutACloudSaysWhichOptionIsMissing() throws Exception {
    Run r = cli("diagnose", "--cluster-name", "absent");
    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(r.err().contains("--os-cloud: missing; diagnose reads the cluster's servers from the cloud"), r.toString());
    assertEquals("", r.out(), r.toString());
  }
}
