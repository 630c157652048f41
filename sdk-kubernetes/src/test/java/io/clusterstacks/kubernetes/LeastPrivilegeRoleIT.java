package io.clusterstacks.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole run (apply, dry run, status, wait, kubeconfig, delete) under a ServiceAccount token bound only to
 * {@link ManagementCluster#leastPrivilegeRole(String)} in one namespace. On v1.20 the token controller
 * still writes a token Secret for each ServiceAccount (removed in 1.24), which the test reads.
 */
class LeastPrivilegeRoleIT {

  /**
   * The documented Role in the namespace, a ServiceAccount bound only to it, and the ServiceAccount's token
   * Secret as v1.20's token controller writes it (token, ca.crt, namespace).
   */
  static Secret serviceAccountBoundToTheRole(String ns, String sa) throws InterruptedException {
    Lab.admin().resource(ManagementCluster.leastPrivilegeRole(ns)).create();
    Lab.admin().serviceAccounts().inNamespace(ns).resource(new ServiceAccountBuilder().withNewMetadata()
        .withName(sa).endMetadata().build()).create();
    Lab.admin().rbac().roleBindings().inNamespace(ns).resource(new RoleBindingBuilder().withNewMetadata()
        .withName(sa).endMetadata().withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role")
        .withName("clusterstacks-sdk").endRoleRef().addNewSubject().withKind("ServiceAccount").withName(sa)
        .withNamespace(ns).endSubject().build()).create();
    for (int i = 0; i < 150; i++) {
      for (Secret s : Lab.admin().secrets().inNamespace(ns).list().getItems()) {
        if ("kubernetes.io/service-account-token".equals(s.getType()) && s.getMetadata().getAnnotations() != null
            && sa.equals(s.getMetadata().getAnnotations().get("kubernetes.io/service-account.name"))
            && s.getData() != null && s.getData().containsKey("token")) {
          return s;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no token Secret for ServiceAccount " + sa + " in " + ns
        + " (kube-controller-manager's token controller writes it)");
  }

  static String token(Secret tokenSecret) {
    return new String(Base64.getDecoder().decode(tokenSecret.getData().get("token")), StandardCharsets.UTF_8);
  }

  /** A kubeconfig with the lab's server and CA, and the ServiceAccount's token. */
  static Path kubeconfigFor(Path dir, String token) throws Exception {
    var admin = io.fabric8.kubernetes.client.Config.fromKubeconfig(Lab.kubeconfig().toFile());
    String ca = admin.getCaCertData() != null ? admin.getCaCertData()
        : Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of(admin.getCaCertFile())));
    String yaml = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: lab
          cluster:
            server: %s
            certificate-authority-data: %s
        users:
        - name: sdk
          user:
            token: %s
        contexts:
        - name: sdk@lab
          context: {cluster: lab, user: sdk}
        current-context: sdk@lab
        """.formatted(admin.getMasterUrl(), ca, token);
    Path p = dir.resolve("sdk.kubeconfig");
    Files.writeString(p, yaml);
    return p;
  }

  @Test
  void aRunUnderATokenBoundOnlyToTheDocumentedRoleWorks(@TempDir Path dir) throws Exception {
    String ns = Lab.namespace("rbac");
    String other = Lab.namespace("rbac-other");
    Path kubeconfig = kubeconfigFor(dir, token(serviceAccountBoundToTheRole(ns, "sdk")));

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
