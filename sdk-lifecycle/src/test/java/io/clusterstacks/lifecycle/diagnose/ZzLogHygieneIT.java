package io.clusterstacks.lifecycle.diagnose;

import io.clusterstacks.kubernetes.lab.LogHygiene;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other integration test of this module (its own Failsafe execution) and reads the DEBUG
 * log of that whole run ({@code target/it-debug.log}): no secret of either lab may be in it.
 */
class ZzLogHygieneIT {
  @Test
  void theDebugLogOfTheWholeRunHoldsNoSecret() throws Exception {
    LogHygiene.assertNoSecrets(Path.of("target", "it-debug.log"), "io.clusterstacks.lifecycle");
  }
}
