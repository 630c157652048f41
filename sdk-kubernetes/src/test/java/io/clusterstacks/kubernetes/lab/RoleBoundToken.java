package io.clusterstacks.kubernetes.lab;

import io.clusterstacks.kubernetes.ManagementCluster;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * A credential holding nothing but {@link ManagementCluster#leastPrivilegeRole(String)} in one namespace, for
 * tests that run the SDK as a least-privileged user would: the documented Role, a ServiceAccount bound only to
 * it, and the ServiceAccount's token Secret, which v1.20's token controller still writes (removed in 1.24).
 */
public final class RoleBoundToken {
  private RoleBoundToken() {}

  /** Creates the Role, the ServiceAccount and its binding; returns the token Secret (token, ca.crt, namespace). */
  public static Secret serviceAccountBoundToTheRole(KubernetesClient admin, String ns, String sa)
      throws InterruptedException {
    admin.resource(ManagementCluster.leastPrivilegeRole(ns)).create();
    admin.serviceAccounts().inNamespace(ns).resource(new ServiceAccountBuilder().withNewMetadata()
        .withName(sa).endMetadata().build()).create();
    admin.rbac().roleBindings().inNamespace(ns).resource(new RoleBindingBuilder().withNewMetadata()
        .withName(sa).endMetadata().withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role")
        .withName("clusterstacks-sdk").endRoleRef().addNewSubject().withKind("ServiceAccount").withName(sa)
        .withNamespace(ns).endSubject().build()).create();
    for (int i = 0; i < 150; i++) {
      for (Secret s : admin.secrets().inNamespace(ns).list().getItems()) {
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

  public static String token(Secret tokenSecret) {
    return new String(Base64.getDecoder().decode(tokenSecret.getData().get("token")), StandardCharsets.UTF_8);
  }

  /** A kubeconfig file in {@code dir} with the lab's server and CA and the given token. */
  public static Path kubeconfigFor(Path dir, String token) throws IOException {
    Config admin = Config.fromKubeconfig(KubernetesLab.get().kubeconfigYaml());
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

  /** All of the above: a kubeconfig bound only to the documented Role in {@code ns}. */
  public static Path kubeconfig(KubernetesClient admin, String ns, String sa, Path dir)
      throws IOException, InterruptedException {
    return kubeconfigFor(dir, token(serviceAccountBoundToTheRole(admin, ns, sa)));
  }
}
