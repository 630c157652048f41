package io.clusterstacks.kubernetes;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.clusterstacks.kubernetes.lab.LogHygiene;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other integration test of this module (its own Failsafe execution) and reads the DEBUG
 * log of that whole run ({@code target/it-debug.log}): no token, kubeconfig or Secret data may be in it.
 */
class ZzLogHygieneIT {

  @Test
  void theDebugLogOfTheWholeRunHoldsNoSecret() throws Exception {
    Path log = Path.of("target", "it-debug.log");
    LogHygiene.assertNoSecrets(log, "io.clusterstacks.kubernetes");
    // the workload clouds.yaml Secret the apply tests write
    String text = Files.readString(log, StandardCharsets.UTF_8);
    assertFalse(text.contains("clouds: {}"), "the DEBUG log holds Secret data");
    assertFalse(text.contains(Base64.getEncoder().encodeToString("clouds: {}".getBytes(StandardCharsets.UTF_8))),
        "the DEBUG log holds Secret data (base64)");
  }
}
