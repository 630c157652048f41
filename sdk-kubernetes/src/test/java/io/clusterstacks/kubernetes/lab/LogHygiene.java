package io.clusterstacks.kubernetes.lab;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The check a module's last integration test makes on the DEBUG log of its whole integration run: no
 * secret of either lab is in it. Searched for: the Kubernetes lab's admin token, every ServiceAccount token,
 * the admin kubeconfig (base64) and its CA data; every value of the OpenStack lab's {@code secrets.env}
 * (passwords, the application credential's secret) when that lab is set up; Keystone Fernet tokens
 * ({@code gAAAAA...}) and {@code Authorization: Bearer} headers.
 */
public final class LogHygiene {
  private static final Path OPENSTACK_SECRETS = Path.of(System.getProperty("clusterstacks.openstack.lab.dir",
      "/var/lib/clusterstacks-lab/openstack"), "secrets.env");

  private LogHygiene() {}

  /**
   * Fails when the log is missing, too short to prove anything, or holds a secret.
   *
   * @param log the log file of the run
   * @param loggerPrefix a logger name the run must have logged at DEBUG (else the check proves nothing)
   * @throws IOException when a file cannot be read
   */
  public static void assertNoSecrets(Path log, String loggerPrefix) throws IOException {
    if (!Files.isRegularFile(log)) {
      fail(log.toAbsolutePath() + " is missing: the integration tests did not run before this check");
    }
    String text = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(text.contains("DEBUG " + loggerPrefix), "the run logged " + loggerPrefix + " at DEBUG (else this proves nothing)");
    assertTrue(text.lines().count() > 20, "the log has the whole run");

    List<String> secrets = new ArrayList<>();
    KubernetesLab lab = KubernetesLab.get();
    Config admin = Config.fromKubeconfig(lab.kubeconfig().toFile());
    secrets.add(admin.getAutoOAuthToken() != null ? admin.getAutoOAuthToken() : admin.getOauthToken());
    String kubeconfig = Files.readString(lab.kubeconfig());
    secrets.add(Base64.getEncoder().encodeToString(kubeconfig.getBytes(StandardCharsets.UTF_8)).substring(0, 40));
    if (admin.getCaCertData() != null) {
      secrets.add(admin.getCaCertData().substring(0, 40));
    }
    try (KubernetesClient client = lab.newClient()) {
      for (var sec : client.secrets().inAnyNamespace().list().getItems()) {
        if ("kubernetes.io/service-account-token".equals(sec.getType()) && sec.getData() != null
            && sec.getData().get("token") != null) {
          secrets.add(new String(Base64.getDecoder().decode(sec.getData().get("token")), StandardCharsets.UTF_8));
        }
      }
    }
    if (Files.isReadable(OPENSTACK_SECRETS)) {
      for (String line : Files.readAllLines(OPENSTACK_SECRETS, StandardCharsets.UTF_8)) {
        int eq = line.indexOf('=');
        if (!line.startsWith("#") && eq > 0 && line.length() > eq + 8) {
          secrets.add(line.substring(eq + 1).strip());
        }
      }
    }
    for (String s : secrets) {
      if (s == null || s.isEmpty()) {
        continue;
      }
      assertFalse(text.contains(s), "the DEBUG log " + log + " holds a secret value (" + s.length()
          + " characters, starting " + s.substring(0, Math.min(4, s.length())) + "...)");
    }
    assertFalse(text.contains("Authorization: Bearer"), "no Authorization header in the log");
    assertFalse(text.contains("gAAAAA"), "no Keystone token in the log");
  }
}
