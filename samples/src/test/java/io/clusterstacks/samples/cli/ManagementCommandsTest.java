package io.clusterstacks.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The management-cluster commands without a management cluster: a kubeconfig whose server does not answer
 * is exit 5 with one line naming the server (after two retries, not fabric8's ten; {@code status
 * --watch} does not wait for a server that never answered), a missing
 * kubeconfig is exit 2 naming the option. The lab-backed cases are in {@link ManagementCommandsIT}.
 */
class ManagementCommandsTest {

  static Path kubeconfig(Path dir, int port) throws Exception {
    return Files.writeString(dir.resolve("kc"), """
        apiVersion: v1
        kind: Config
        clusters:
        - name: gone
          cluster: {server: "https://127.0.0.1:%d"}
        users:
        - name: u
          user: {token: not-a-real-token-4711}
        contexts:
        - name: gone
          context: {cluster: gone, user: u}
        current-context: gone
        """.formatted(port));
  }

  static int closedPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void aServerThatDoesNotAnswerIsExit5NamingIt(@TempDir Path dir) throws Exception {
    int port = closedPort();
    Path kc = kubeconfig(dir, port);
    Path f = Files.writeString(dir.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: b}\n");
    for (String[] args : new String[][] {{"status", "c1", "--kubeconfig", kc.toString()},
        {"status", "c1", "--watch", "--timeout", "PT10M", "--kubeconfig", kc.toString()},
        {"kubeconfig", "c1", "--kubeconfig", kc.toString()}, {"delete", f.toString(), "--kubeconfig", kc.toString()},
        {"apply", f.toString(), "--kubeconfig", kc.toString()}}) {
      CliRun r = CliRun.of(args);
      String all = r.out() + r.err();
      assertEquals(5, r.exitCode(), String.join(" ", args) + "\n" + r);
      assertTrue(all.contains("API server https://127.0.0.1:" + port + "/ did not answer"), String.join(" ", args)
          + "\n" + r);
      assertTrue(!all.contains("not-a-real-token-4711") && !all.contains("\tat "), r.toString());
    }
  }

  @Test
  void aMissingKubeconfigIsExit2NamingTheOption(@TempDir Path dir) {
    CliRun r = CliRun.of("status", "c1", "--kubeconfig", dir.resolve("none").toString());
    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(r.err().contains("kubeconfig") && r.err().contains("name a readable kubeconfig file"), r.toString());
  }
}
