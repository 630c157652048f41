package io.clusterstacks.samples.cli;

import io.clusterstacks.kubernetes.lab.FakeCapiController;
import io.clusterstacks.kubernetes.lab.FakeCapiController.Replicas;
import io.clusterstacks.kubernetes.lab.FakeCapiController.Stage;
import io.clusterstacks.kubernetes.lab.KubernetesLab;
import io.clusterstacks.kubernetes.lab.LabHttp;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The project's Kubernetes lab (a real kube-apiserver v1.20.2 with the shared CRDs, started by
 * {@code lab/kubernetes/ensure}) for the command line's integration tests, through sdk-kubernetes' lab
 * test support: {@link KubernetesLab} fails, naming {@code ./bin/test-all}, when the lab is missing (these
 * tests never skip), and {@link FakeCapiController} writes the Cluster status CAPI v1.10 would write (no
 * CAPI controller runs in the lab) through the status subresource, validated by the server.
 */
final class ManagementLab {
  private ManagementLab() {}

  static KubernetesLab lab() {
    return KubernetesLab.get();
  }

  /** The lab's admin kubeconfig, as {@code --kubeconfig} takes it. */
  static Path kubeconfig() {
    return lab().kubeconfig();
  }

  /** A new namespace for one test. */
  static String namespace(String prefix) {
    String ns = "it-cli-" + prefix.toLowerCase(Locale.ROOT) + "-"
        + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 24), 36);
    lab().http().send("POST", "/api/v1/namespaces", LabHttp.JSON_TYPE,
        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + ns + "\"}}").ok("create " + ns);
    return ns;
  }

  /** Whether the object at this API path exists. */
  static boolean exists(String path) {
    return lab().http().get(path).status() == 200;
  }

  static String clusterPath(String ns, String name) {
    return FakeCapiController.clusterPath(ns, name);
  }

  /** Cluster {@code ns/name}'s status at this stage of its life (one control-plane node, two workers). */
  static void clusterAt(String ns, String name, Stage stage, int controlPlaneReady, int workersReady) {
    new FakeCapiController(lab().http()).writeCluster(ns, name, stage, Replicas.of(1, controlPlaneReady),
        Replicas.of(2, workersReady));
  }

  static String configMapYaml(String ns, String name) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n  namespace: " + ns
        + "\ndata:\n  a: \"1\"\n";
  }

  static String join(String... docs) {
    StringBuilder sb = new StringBuilder();
    for (String d : docs) {
      sb.append("---\n").append(d);
    }
    return sb.toString();
  }
}
