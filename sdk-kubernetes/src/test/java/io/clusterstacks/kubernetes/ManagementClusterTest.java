package io.clusterstacks.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.manifest.ManifestParser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connecting: an explicit kubeconfig and context, the errors when they are wrong, and a management cluster
 * that cannot be reached.
 */
class ManagementClusterTest {
  static final String KUBECONFIG = """
      apiVersion: v1
      kind: Config
      clusters:
      - name: a
        cluster: {server: "https://127.0.0.1:1"}
      - name: b
        cluster: {server: "https://127.0.0.2:2"}
      users:
      - name: u
        user: {token: not-a-real-token}
      contexts:
      - name: ctx-a
        context: {cluster: a, user: u, namespace: tenant-a}
      - name: ctx-b
        context: {cluster: b, user: u}
      current-context: ctx-a
      """;

  @Test
  void anExplicitKubeconfigAndContextAreUsed(@TempDir Path dir) throws Exception {
    Path kc = Files.writeString(dir.resolve("kc"), KUBECONFIG);
    try (ManagementCluster mc = ManagementCluster.builder().kubeconfig(kc).build()) {
      assertEquals("https://127.0.0.1:1/", mc.serverUrl());
      assertEquals("ctx-a", mc.context());
      assertEquals("tenant-a", mc.defaultNamespace());
      assertTrue(!mc.toString().contains("not-a-real-token"));
    }
    try (ManagementCluster mc = ManagementCluster.builder().kubeconfig(kc).context("ctx-b").build()) {
      assertEquals("https://127.0.0.2:2/", mc.serverUrl());
      assertEquals("default", mc.defaultNamespace());
    }
  }

  @Test
  void anUnknownContextListsTheContexts(@TempDir Path dir) throws Exception {
    Path kc = Files.writeString(dir.resolve("kc"), KUBECONFIG);
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> ManagementCluster.builder().kubeconfig(kc).context("nope").build());
    assertEquals("context", e.problems().get(0).path());
    assertTrue(e.getMessage().contains("[ctx-a, ctx-b]"), e.getMessage());
  }

  @Test
  void aMissingKubeconfigIsBadInput(@TempDir Path dir) {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> ManagementCluster.builder().kubeconfig(dir.resolve("none")).build());
    assertEquals("kubeconfig", e.problems().get(0).path());
  }

  @Test
  void theRoleIsNamespacedAndNeverClusterWide() {
    String role = ManagementCluster.leastPrivilegeRole("tenant-a");
    assertTrue(role.contains("kind: Role\n"));
    assertTrue(role.contains("namespace: tenant-a"));
    assertTrue(!role.contains("ClusterRole") && !role.contains("\"*\""), role);
  }

  static Path kubeconfigFor(Path dir, String server) throws IOException {
    return Files.writeString(dir.resolve("kc-" + Math.abs(server.hashCode())), KUBECONFIG
        .replace("https://127.0.0.1:1", server));
  }

  /**
   * A server that accepts each connection and closes it at once (what a half-dead API server or a wrong
   * port behind a load balancer does): the SDK reports it after three attempts, typed, instead of fabric8's
   * eleven (ten retries with backoff, about 20 s).
   */
  @Test
  void aServerThatDropsTheConnectionIsReportedAfterTwoRetries(@TempDir Path dir) throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      AtomicInteger accepted = new AtomicInteger();
      Thread t = new Thread(() -> {
        while (!socket.isClosed()) {
          try (Socket c = socket.accept()) {
            accepted.incrementAndGet();
          } catch (IOException e) {
            return;
          }
        }
      });
      t.setDaemon(true);
      t.start();
      Path kc = kubeconfigFor(dir, "https://127.0.0.1:" + socket.getLocalPort());
      try (ManagementCluster mc = ManagementCluster.builder().kubeconfig(kc).build()) {
        KubernetesApiException e = assertThrows(KubernetesApiException.class,
            () -> mc.status("tenant-a", "c1", Optional.empty()));
        assertEquals(0, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("did not answer"), e.getMessage());
        assertTrue(e.getMessage().contains("https://127.0.0.1:" + socket.getLocalPort()), e.getMessage());
        assertTrue(!e.getMessage().contains("not-a-real-token"), e.getMessage());
        assertEquals(1 + ManagementCluster.REQUEST_RETRIES, accepted.get(), "two retries, not fabric8's ten");
      }
    }
  }

  @Test
  void aClosedPortIsReportedAsNoAnswerNamingTheServer(@TempDir Path dir) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Path kc = kubeconfigFor(dir, "https://127.0.0.1:" + port);
    try (ManagementCluster mc = ManagementCluster.builder().kubeconfig(kc).build()) {
      ApplyResult r = mc.apply(ManifestParser.parseLenient(
          "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: tenant-a}\n"));
      assertEquals(Verdict.REJECTED, r.outcomes().get(0).verdict(), r.toString());
      KubernetesApiException e = r.outcomes().get(0).rejection().orElseThrow();
      assertEquals(0, e.code(), e.getMessage());
      assertTrue(e.getMessage().contains("did not answer") && e.getMessage().contains("127.0.0.1:" + port),
          e.getMessage());
    }
  }
}
