package io.clusterstacks.samples.cli;

import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The project's Kubernetes lab (a real kube-apiserver v1.20.2 with the shared CRDs, started by
 * {@code lab/kubernetes/ensure}) for the command line's integration tests. Fails, naming
 * {@code ./bin/test-all}, when the lab is missing: these tests never skip.
 *
 * <p>No CAPI or CSO controller runs in the lab, so the tests write the status they would write (CAPI
 * v1.10.10 {@code api/v1beta1/cluster_types.go} ClusterStatus: phase, infrastructureReady,
 * controlPlaneReady, v1beta1 conditions with {@code lastTransitionTime}, {@code v1beta2.controlPlane} and
 * {@code v1beta2.workers} replica counts) through the status subresource, where the server validates it
 * against the Cluster CRD's status schema, and the {@code <cluster>-kubeconfig} Secret CAPI writes, here
 * pointing at the lab's own API server as the "workload cluster".
 */
final class ManagementLab {
  static final ResourceDefinitionContext CLUSTER = new ResourceDefinitionContext.Builder()
      .withGroup("cluster.x-k8s.io").withVersion("v1beta1").withKind("Cluster").withPlural("clusters")
      .withNamespaced(true).build();
  static final ResourceDefinitionContext CLUSTER_STACK = new ResourceDefinitionContext.Builder()
      .withGroup("clusterstack.x-k8s.io").withVersion("v1alpha1").withKind("ClusterStack")
      .withPlural("clusterstacks").withNamespaced(true).build();

  private static KubernetesClient admin;

  private ManagementLab() {}

  /** The lab's admin kubeconfig; fails naming ./bin/test-all when it is missing. */
  static Path kubeconfig() {
    Path p = Path.of(System.getProperty("clusterstacks.k8s.lab.dir", "/var/lib/clusterstacks-lab/kubernetes"))
        .resolve("admin.kubeconfig");
    if (!Files.isReadable(p)) {
      fail("the Kubernetes lab is not set up: " + p + " is missing. Run ./bin/test-all (it runs"
          + " lab/kubernetes/ensure before the tests), or lab/kubernetes/ensure, then run the tests again");
    }
    return p;
  }

  static synchronized KubernetesClient admin() {
    if (admin == null) {
      KubernetesClient c = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig().toFile()))
          .build();
      try {
        c.getKubernetesVersion();
      } catch (KubernetesClientException e) {
        c.close();
        fail("the Kubernetes lab's API server does not answer (" + e.getClass().getSimpleName() + "). Run"
            + " ./bin/test-all (or lab/kubernetes/ensure) to start it, then run the tests again");
      }
      admin = c;
    }
    return admin;
  }

  /** A new namespace for one test. */
  static String namespace(String prefix) {
    String ns = "it-cli-" + prefix.toLowerCase(Locale.ROOT) + "-"
        + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 24), 36);
    admin().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
        .create();
    return ns;
  }

  static GenericKubernetesResource get(ResourceDefinitionContext rdc, String ns, String name) {
    return admin().genericKubernetesResources(rdc).inNamespace(ns).withName(name).get();
  }

  /** Writes a Cluster's status through the status subresource, as CAPI would. */
  static void writeClusterStatus(String ns, String name, String phase, boolean controlPlaneReady, int cpReady,
      int workersReady) {
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    Map<String, Object> st = new HashMap<>();
    st.put("phase", phase);
    st.put("infrastructureReady", true);
    st.put("controlPlaneReady", controlPlaneReady);
    st.put("conditions", List.of(
        Map.of("type", "InfrastructureReady", "status", "True", "lastTransitionTime", now),
        controlPlaneReady
            ? Map.of("type", "ControlPlaneReady", "status", "True", "lastTransitionTime", now)
            : Map.of("type", "ControlPlaneReady", "status", "False", "reason", "WaitingForControlPlane",
                "severity", "Info", "lastTransitionTime", now)));
    st.put("v1beta2", Map.of(
        "controlPlane", Map.of("desiredReplicas", 1, "replicas", 1, "readyReplicas", cpReady,
            "availableReplicas", cpReady, "upToDateReplicas", cpReady),
        "workers", Map.of("desiredReplicas", 2, "replicas", 2, "readyReplicas", workersReady,
            "availableReplicas", workersReady, "upToDateReplicas", workersReady)));
    for (int attempt = 0; ; attempt++) {
      GenericKubernetesResource r = get(CLUSTER, ns, name);
      r.setAdditionalProperty("status", st);
      try {
        admin().genericKubernetesResources(CLUSTER).inNamespace(ns).resource(r).updateStatus();
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt > 5) {
          throw e;
        }
      }
    }
  }

  /** The {@code <cluster>-kubeconfig} Secret CAPI writes (key {@code value}), here for the lab's API server. */
  static void writeKubeconfigSecret(String ns, String cluster) {
    String kc;
    try {
      kc = Files.readString(kubeconfig());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    admin().secrets().inNamespace(ns).resource(new SecretBuilder().withNewMetadata()
        .withName(cluster + "-kubeconfig").withNamespace(ns).addToLabels("cluster.x-k8s.io/cluster-name", cluster)
        .endMetadata().withType("cluster.x-k8s.io/secret")
        .addToData("value", Base64.getEncoder().encodeToString(kc.getBytes(StandardCharsets.UTF_8))).build())
        .create();
  }

  static String clusterStackYaml(String ns, String name, String channel) {
    return """
        apiVersion: clusterstack.x-k8s.io/v1alpha1
        kind: ClusterStack
        metadata:
          name: %s
          namespace: %s
        spec:
          provider: openstack
          name: scs2
          kubernetesVersion: "1.34"
          channel: %s
          autoSubscribe: false
          versions: [v2]
        """.formatted(name, ns, channel);
  }

  static String clusterYaml(String ns, String name) {
    return """
        apiVersion: cluster.x-k8s.io/v1beta1
        kind: Cluster
        metadata:
          name: %s
          namespace: %s
        spec:
          clusterNetwork:
            apiServerPort: 6443
          topology:
            class: openstack-scs2-1-34-v2
            version: v1.34.7
            controlPlane:
              replicas: 1
            workers:
              machineDeployments:
              - class: default-worker
                name: md-0
                replicas: 2
        """.formatted(name, ns);
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
