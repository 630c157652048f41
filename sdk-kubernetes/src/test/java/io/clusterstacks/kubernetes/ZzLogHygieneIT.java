package io.clusterstacks.kubernetes;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.client.Config;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other integration test of this module (its own Failsafe execution) and reads the DEBUG
 * log of that whole run ({@code target/it-debug.log}): no token, kubeconfig or Secret data may be in it.
 */
class ZzLogHygieneIT {

  @Test
  void theDebugLogOfTheWholeRunHoldsNoSecret() throws Exception {
    Path log = Path.of("target", "it-debug.log");
    if (!Files.isRegularFile(log)) {
      fail(log.toAbsolutePath() + " is missing: the integration tests did not run before this check");
    }
    String text = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(text.contains("DEBUG io.clusterstacks.kubernetes"), "the run logged at DEBUG (else this proves nothing)");
    assertTrue(text.lines().count() > 50, "the log has the whole run");

    Config admin = Config.fromKubeconfig(Lab.kubeconfig().toFile());
    String kubeconfig = Files.readString(Lab.kubeconfig());
    List<String> secrets = new ArrayList<>();
    secrets.add(admin.getAutoOAuthToken() != null ? admin.getAutoOAuthToken() : admin.getOauthToken());
    secrets.add(Base64.getEncoder().encodeToString(kubeconfig.getBytes(StandardCharsets.UTF_8)).substring(0, 40));
    if (admin.getCaCertData() != null) {
      secrets.add(admin.getCaCertData().substring(0, 40));
    }
    // Every ServiceAccount token of the lab (the one LeastPrivilegeRoleIT ran under among them).
    for (var sec : Lab.admin().secrets().inAnyNamespace().list().getItems()) {
      if ("kubernetes.io/service-account-token".equals(sec.getType()) && sec.getData() != null
          && sec.getData().get("token") != null) {
        secrets.add(new String(Base64.getDecoder().decode(sec.getData().get("token")), StandardCharsets.UTF_8));
      }
    }
    secrets.add("clouds: {}");
    secrets.add(Base64.getEncoder().encodeToString("clouds: {}".getBytes(StandardCharsets.UTF_8)));
    for (String s : secrets) {
      if (s == null || s.isEmpty()) {
        continue;
      }
      assertFalse(text.contains(s), "the DEBUG log holds a secret value (" + s.length() + " characters, starting "
          + s.substring(0, Math.min(4, s.length())) + "...)");
    }
    assertFalse(text.contains("Authorization: Bearer"), "no Authorization header in the log");
  }
}
