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

  DiscoverCommandIT.Run cli(String... args) throws IOException, InterruptedException {
    return DiscoverCommandIT.cli(tmp, args);
  }

  @Test
  void aClusterWithNothingAnnouncedIsReportedAndLeftAlone() throws Exception {
    String ns = "respond-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    DiscoverCommandIT.Run dry = cli("respond-to-maintenance", "--os-cloud", "lab-member", "--cluster-name", "absent", "-n", ns,
        "--kubeconfig", KUBECONFIG, "--dry-run", "--lead-time", "PT3H");
    assertEquals(0, dry.exitCode(), dry.toString());
    assertTrue(dry.out().startsWith("maintenance response for cluster " + ns + "/absent at "), dry.toString());
    assertTrue(dry.out().contains("(lead time PT3H, window PT1H)\n  no maintenance announced\n"), dry.toString());
    assertTrue(dry.out().contains("dry run: nothing was changed"), dry.toString());

    Path state = tmp.resolve("state.json");
    DiscoverCommandIT.Run real = cli("respond-to-maintenance", "--os-cloud", "lab-member", "--cluster-name", "absent", "-n", ns,
        "--kubeconfig", KUBECONFIG, "--state", state.toString());
    assertEquals(0, real.exitCode(), real.toString());
    JsonNode written = new ObjectMapper().readTree(state.toFile());
    assertEquals(0, written.path("entries").size(), written.toString());
    DiscoverCommandIT.Run again = cli("respond-to-maintenance", "--os-cloud", "lab-member", "--cluster-name", "absent", "-n", ns,
        "--kubeconfig", KUBECONFIG, "--state", state.toString());
    assertEquals(0, again.exitCode(), again.toString());
  }

  @Test
  void optionsTheCommandChecksItselfExitTwoNamingTheOption() throws Exception {
    DiscoverCommandIT.Run noCloud = cli("respond-to-maintenance", "--cluster-name", "absent");
    assertEquals(2, noCloud.exitCode(), noCloud.toString());
    assertTrue(noCloud.err().contains("--os-cloud: missing; respond-to-maintenance reads the cluster's servers"), noCloud.toString());
    DiscoverCommandIT.Run zero = cli("respond-to-maintenance", "--os-cloud", "lab-member", "--cluster-name", "absent", "--lead-time", "PT0S");
    assertEquals(2, zero.exitCode(), zero.toString());
    assertTrue(zero.err().contains("leadTime") && zero.err().contains("PT0S") && zero.err().contains("give a positive lead time"),
        zero.toString());
    Path bad = Files.writeString(tmp.resolve("bad.json"), "not json");
    DiscoverCommandIT.Run state = cli("respond-to-maintenance", "--os-cloud", "lab-member", "--cluster-name", "absent", "--kubeconfig", KUBECONFIG,
        "--state", bad.toString(), "--dry-run");
    assertEquals(2, state.exitCode(), state.toString());
    assertTrue(state.err().contains("--state: " + bad + " is no state this command wrote"), state.toString());
  }
}
