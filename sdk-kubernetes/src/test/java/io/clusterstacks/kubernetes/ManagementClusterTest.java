package io.clusterstacks.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connecting: an explicit kubeconfig and context, and the errors when they are wrong. */
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
}
