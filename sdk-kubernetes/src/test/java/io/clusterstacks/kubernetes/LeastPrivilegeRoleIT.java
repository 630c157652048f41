package io.clusterstacks.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.kubernetes.lab.RoleBoundToken;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole run (apply, dry run, status, wait, kubeconfig, delete) under a ServiceAccount token bound only to
 * {@link ManagementCluster#leastPrivilegeRole(String)} in one namespace ({@link RoleBoundToken}).
 */
class LeastPrivilegeRoleIT {

  @Test
  void aRunUnderATokenBoundOnlyToTheDocumentedRoleWorks(@TempDir Path dir) throws Exception {
    String ns = Lab.namespace("rbac");
    String other = Lab.namespace("rbac-other");
    Path kubeconfig = RoleBoundToken.kubeconfig(Lab.admin(), ns, "sdk", dir);

    var plan = Lab.manifests(Lab.join(Lab.clusterStackYaml(ns, "scs2-1-34", "stable"),
        Lab.secretYaml(ns, "openstack", "clouds.yaml", "clouds: {}"), Lab.clusterYaml(ns, "c1")));
    try (ManagementCluster mc = ManagementCluster.builder().kubeconfig(kubeconfig).build()) {
      assertTrue(mc.apply(plan, ApplyOptions.of(o -> o.dryRun(true))).complete());
      ApplyResult r = mc.apply(plan).orThrow();
      assertEquals(3, r.applied().size());
      assertTrue(mc.apply(plan).unchanged());

      WaitIT.stackReady(ns, true);
      Lab.writeStatus(Lab.CLUSTER, ns, "c1", WaitIT.clusterStatus("Provisioned", true, true, 1, 2));
      WaitIT.writeKubeconfigSecret(ns, "c1");
      ClusterStatus s = mc.awaitUsable(ns, "c1", WaitOptions.of(o -> o.clusterStack("scs2-1-34")
          .timeout(Duration.ofMinutes(1))), ProgressListener.NONE);
      assertTrue(s.usable());
      assertTrue(mc.workload(ns, "c1").kubeconfig().text().contains("server:"));

      // Nothing outside its namespace: a ConfigMap elsewhere is refused with a typed 403.
      ApplyResult elsewhere = mc.apply(Lab.manifests(Lab.configMapYaml(other, "x", Map.of("a", "1"))));
      KubernetesApiException denied = assertInstanceOf(KubernetesApiException.class,
          elsewhere.rejected().get(0).rejection().orElseThrow());
      assertEquals(403, denied.code());
      assertTrue(denied.getMessage().contains("leastPrivilegeRole"), denied.getMessage());

      DeleteResult d = mc.delete(plan, DeleteOptions.of(o -> o.timeout(Duration.ofMinutes(1))));
      assertEquals(DeleteVerdict.DELETED, d.verdictOf("ClusterStack", "scs2-1-34"));
      assertEquals(DeleteVerdict.DELETED, d.verdictOf("Cluster", "c1"));
    }
  }
}
