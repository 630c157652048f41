package io.clusterstacks.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workload kubeconfig from the {@code <cluster>-kubeconfig} Secret (written by the test as CAPI would,
 * pointing at the lab's API server, which stands in for the workload cluster).
 */
class WorkloadAccessIT {

  @Test
  void readsWritesWithMode0600AndGivesAClient(@TempDir Path dir) throws Exception {
    String ns = Lab.namespace("workload");
    try (ManagementCluster mc = Lab.connect()) {
      KubernetesApiException missing = assertThrows(KubernetesApiException.class,
          () -> mc.workload(ns, "c1").kubeconfig());
      assertEquals(404, missing.code());

      WaitIT.writeKubeconfigSecret(ns, "c1");
      Kubeconfig kc = mc.workload(ns, "c1").kubeconfig();
      assertEquals(Files.readString(Lab.kubeconfig()), kc.text());
      assertEquals("Kubeconfig[Cluster/" + ns + "/c1, redacted]", kc.toString());

      Path fresh = dir.resolve("fresh.kubeconfig");
      mc.workload(ns, "c1").writeKubeconfig(fresh);
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
      assertEquals(kc.text(), Files.readString(fresh));

      Path existing = Files.writeString(dir.resolve("existing"), "old");
      Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-r--r--"));
      kc.writeTo(existing);
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(existing)),
          "an existing world-readable file is narrowed to 0600 before the credentials go in");

      try (KubernetesClient workload = mc.workload(ns, "c1").client()) {
        assertEquals("v1.20.2", workload.getKubernetesVersion().getGitVersion());
      }
      assertFalse(mc.toString().contains("token"));
    }
  }
}
