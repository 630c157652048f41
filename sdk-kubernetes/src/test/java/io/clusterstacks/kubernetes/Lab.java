package io.clusterstacks.kubernetes;

import static org.junit.jupiter.api.Assertions.fail;

import io.clusterstacks.core.manifest.ManifestParser;
import io.clusterstacks.core.manifest.Manifests;
import io.clusterstacks.kubernetes.lab.KubernetesLab;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The real Kubernetes v1.20.2 control plane of the project's lab (kube-apiserver, kube-controller-manager,
 * kube-scheduler, etcd; no kubelet, no CAPI or CSO controllers), for the integration tests.
 *
 * <p>Fails, naming {@code ./bin/test-all}, when the lab is not running: these tests never skip.
 */
final class Lab {
  private static KubernetesClient admin;

  private Lab() {}

  static Path dir() {
    return Path.of(System.getProperty("clusterstacks.k8s.lab.dir", "/var/lib/clusterstacks-lab/kubernetes"));
  }

  static Path repoDir() {
    return Path.of(System.getProperty("clusterstacks.repo.dir", "../"));
  }

  /** The admin kubeconfig (system:masters token). */
  static Path kubeconfig() {
    Path p = dir().resolve("admin.kubeconfig");
    if (!Files.isReadable(p)) {
      fail("the Kubernetes lab is not set up: " + p + " is missing. Run ./bin/test-all (it starts"
          + " lab/kubernetes/ensure before the tests), or lab/kubernetes/ensure, then run the tests again");
    }
    return p;
  }

  static synchronized KubernetesClient admin() {
    if (admin == null) {
      admin = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig().toFile())).build();
      try {
        admin.getKubernetesVersion();
      } catch (RuntimeException e) {
        admin = null;
        fail("the Kubernetes lab's API server does not answer (" + e.getClass().getSimpleName()
            + "). Run ./bin/test-all (or lab/kubernetes/ensure) to start it, then run the tests again");
      }
    }
    return admin;
  }

  static ManagementCluster connect() {
    return ManagementCluster.builder().kubeconfig(kubeconfig()).build();
  }

  static ManagementCluster connect(RequestObserver o) {
    return ManagementCluster.builder().kubeconfig(kubeconfig()).requestObserver(o).build();
  }

  /** A new namespace for one test. */
  static String namespace(String prefix) {
    String ns = "it-" + prefix.toLowerCase(Locale.ROOT) + "-"
        + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 24), 36);
    admin().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
        .create();
    return ns;
  }

  static Manifests manifests(String yaml) {
    return ManifestParser.parseLenient(yaml);
  }

  static ResourceDefinitionContext rdc(String group, String version, String kind, String plural) {
    return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
        .withPlural(plural).withNamespaced(true).build();
  }

  static final ResourceDefinitionContext CLUSTER = rdc("cluster.x-k8s.io", "v1beta1", "Cluster", "clusters");
  static final ResourceDefinitionContext CLUSTER_STACK =
      rdc("clusterstack.x-k8s.io", "v1alpha1", "ClusterStack", "clusterstacks");

  static GenericKubernetesResource get(ResourceDefinitionContext rdc, String ns, String name) {
    return admin().genericKubernetesResources(rdc).inNamespace(ns).withName(name).get();
  }

  /**
   * Writes a status as the controller would (CAPI or CSO do not run in the lab), through the status
   * subresource, so the API server validates it against the CRD's status schema.
   */
  static void writeStatus(ResourceDefinitionContext rdc, String ns, String name, Map<String, Object> status) {
    for (int attempt = 0; ; attempt++) {
      GenericKubernetesResource r = get(rdc, ns, name);
      r.setAdditionalProperty("status", status);
      try {
        admin().genericKubernetesResources(rdc).inNamespace(ns).resource(r).updateStatus();
        return;
      } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
        if (e.getCode() != 409 || attempt > 5) {
          throw e;
        }
      }
    }
  }

  /** A CAPI v1beta1 condition (CAPI v1.10.10 api/v1beta1/condition_types.go: type, status, lastTransitionTime required). */
  static Map<String, Object> condition(String type, String status, String reason) {
    return reason.isEmpty()
        ? Map.of("type", type, "status", status, "lastTransitionTime", Instant.now().toString().replaceAll("\\.\\d+Z$", "Z"))
        : Map.of("type", type, "status", status, "reason", reason, "severity", "Info",
            "lastTransitionTime", Instant.now().toString().replaceAll("\\.\\d+Z$", "Z"));
  }

  /**
   * Replica counts as CAPI v1.10.10 writes them in {@code status.v1beta2.controlPlane} and
   * {@code status.v1beta2.workers} (api/v1beta1/cluster_types.go, ClusterControlPlaneStatus and
   * WorkersStatus).
   */
  static Map<String, Object> replicas(int desired, int current, int ready, int upToDate) {
    return Map.of("desiredReplicas", desired, "replicas", current, "readyReplicas", ready,
        "availableReplicas", ready, "upToDateReplicas", upToDate);
  }

  /** Restarts only the kube-apiserver (etcd keeps the data), with the lab's own script. */
  static void restartApiServer(int secondsDown) throws IOException, InterruptedException {
    Path script = repoDir().resolve("lab/kubernetes/restart-apiserver");
    if (!Files.isExecutable(script)) {
      fail(script + " is missing; it comes with lab/kubernetes (./bin/test-all)");
    }
    Process p = new ProcessBuilder(script.toString(), Integer.toString(secondsDown)).redirectErrorStream(true)
        .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      fail("restart-apiserver failed: " + out);
    }
  }

  static String clusterStackYaml(String ns, String name, String channel) {
    return KubernetesLab.clusterStackYaml(ns, name, channel);
  }

  static String clusterYaml(String ns, String name) {
    return KubernetesLab.clusterYaml(ns, name);
  }

  static String configMapYaml(String ns, String name, Map<String, String> data) {
    StringBuilder sb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name
        + "\n  namespace: " + ns + "\ndata:\n");
    data.forEach((k, v) -> sb.append("  ").append(k).append(": \"").append(v).append("\"\n"));
    return sb.toString();
  }

  static String secretYaml(String ns, String name, String key, String value) {
    return "apiVersion: v1\nkind: Secret\nmetadata:\n  name: " + name + "\n  namespace: " + ns
        + "\ntype: Opaque\nstringData:\n  " + key + ": \"" + value + "\"\n";
  }

  static String join(String... docs) {
    StringBuilder sb = new StringBuilder();
    for (String d : docs) {
      sb.append("---\n").append(d);
    }
    return sb.toString();
  }

  static List<String> lines(String s) {
    return s.lines().toList();
  }
}
