package io.clusterstacks.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clusterstacks respond-to-maintenance} as a real process against both labs, for a cluster neither has
 * (the responder's steps on a real cluster are sdk-lifecycle's RespondOnTheLabsIT): nothing announced, so the
 * pass prints that and exits 0, in a dry run and in a real one, which writes its (empty) state for the next;
 * the options it checks itself exit 2 naming the option, before anything is contacted.
 */
class RespondToMaintenanceCommandIT {
  static final Path LAB = DiscoverCommandIT.LAB;
  static final String KUBECONFIG = System.getProperty("clusterstacks.k8s.lab.dir", "/var/lib/clusterstacks-lab/kubernetes")
      + "/admin.kubeconfig";

  @TempDir Path tmp;

  record Run(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + (err.length() > 3000 ? err.substring(0, 3000)
          + "..." : err);
    }
  }

  Run cli(String... args) throws IOException, InterruptedException {
    if (!Files.isRegularFile(LAB.resolve("clouds.yaml"))) {
      fail("the OpenStack lab is not set up: " + LAB.resolve("clouds.yaml") + " is missing. Start it with ./bin/labs");
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
    for (String secret : DiscoverCommandIT.secrets()) {
      assertFalse(run.out().contains(secret) || run.err().contains(secret), "a lab secret was printed:\n" + run);
    }
    return run;
  }

  @Test
  void aClusterWithNothingAnnouncedIsReportedAndLeftAlone() throws Exception {
    String ns = "respond-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    Run dry = cli("respond-to-maintenance", "--os-cloud", "lab-member", "--cluster-name", "absent", "-n", ns,
        "--kubeconfig", KUBECONFIG, "--dry-run", "--lead-time", "PT3H");
    assertEquals(0, dry.exitCode(), dry.toString());
    assertTrue(dry.out().startsWith("maintenance response for cluster " + ns + "/absent at "), dry.toString());
    assertTrue(dry.out().contains("(lead time PT3H, window PT1H)\n  no maintenance announced\n"), dry.toString());
    assertTrue(dry.out().contains("dry run: nothing was changed"), dry.toString());

    Path state = tmp.resolve("state.json");
    Run real = cli("respond-to-maintenance", "--os-cloud", "lab-member", "--cluster-name", "absent", "-n", ns,
        "--kubeconfig", KUBECONFIG, "--state", state.toString());
    assertEquals(0, real.exitCode(), real.toString());
    JsonNode written = new ObjectMapper().readTree(state.toFile());
    assertEquals(0, written.path("entries").size(), written.toString());
    Run again = cli("respond-to-maintenance", "--os-cloud", "lab-member", "--cluster-name", "absent", "-n", ns,
        "--kubeconfig", KUBECONFIG, "--state", state.toString());
    assertEquals(0, again.exitCode(), again.toString());
  }

  @Test
  void optionsTheCommandChecksItselfExitTwoNamingTheOption() throws Exception {
    Run noCloud = cli("respond-to-maintenance", "--cluster-name", "absent");
    assertEquals(2, noCloud.exitCode(), noCloud.toString());
    assertTrue(noCloud.err().contains("--os-cloud: missing; respond-to-maintenance reads the cluster's servers"), noCloud.toString());
    Run zero = cli("respond-to-maintenance", "--os-cloud", "lab-member", "--cluster-name", "absent", "--lead-time", "PT0S");
    assertEquals(2, zero.exitCode(), zero.toString());
    assertTrue(zero.err().contains("leadTime") && zero.err().contains("PT0S") && zero.err().contains("give a positive lead time"),
        zero.toString());
    Path bad = Files.writeString(tmp.resolve("bad.json"), "not json");
    Run state = cli("respond-to-maintenance", "--os-cloud", "lab-member", "--cluster-name", "absent", "--kubeconfig", KUBECONFIG,
        "--state", bad.toString(), "--dry-run");
    assertEquals(2, state.exitCode(), state.toString());
    assertTrue(state.err().contains("--state: " + bad + " is no state this command wrote"), state.toString());
  }
}
