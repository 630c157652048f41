package io.clusterstacks.kamaji.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.manifest.ManifestParser;
import io.clusterstacks.kubernetes.ApplyResult;
import io.clusterstacks.kubernetes.ManagementCluster;
import io.clusterstacks.kubernetes.ProgressEvent;
import io.clusterstacks.kubernetes.WaitOptions;
import io.clusterstacks.kubernetes.lab.KubernetesLab;
import io.clusterstacks.kubernetes.lab.RoleBoundToken;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Waiting for a Kamaji control plane on the lab's real kube-apiserver, which serves the upstream
 * TenantControlPlane and KamajiControlPlane CRDs (installed from ../shared/crds) but runs no Kamaji: the test
 * plays Kamaji's controller and the Kamaji CAPI provider. It creates both objects, then writes, one step per
 * progress event, the status those controllers write (the TenantControlPlane provisioning, then Ready with its
 * admin kubeconfig Secret's name, then that Secret, then the KamajiControlPlane initialized and ready). The
 * admin kubeconfig in the Secret is the lab's own admin kubeconfig, so the lab's kube-apiserver stands in for
 * the tenant API that the wait probes.
 */
class KamajiReadinessIT {
  private static final ResourceDefinitionContext TCP = new ResourceDefinitionContext.Builder()
      .withGroup("kamaji.clastix.io").withVersion("v1alpha1").withKind("TenantControlPlane")
      .withPlural("tenantcontrolplanes").withNamespaced(true).build();
  private static final ResourceDefinitionContext KCP = new ResourceDefinitionContext.Builder()
      .withGroup("controlplane.cluster.x-k8s.io").withVersion("v1alpha1").withKind("KamajiControlPlane")
      .withPlural("kamajicontrolplanes").withNamespaced(true).build();

  private static String namespace(KubernetesClient client, String prefix) {
    String ns = prefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
        .create();
    return ns;
  }

  /** The two objects as the Kamaji CAPI provider creates them for a raw-mode cluster: no status yet. */
  private static void createControlPlane(KubernetesClient client, String ns, String name) {
    createControlPlane(client, ns, name, true);
  }

  /** As above; without the KamajiControlPlane when the SDK applied it. */
  private static void createControlPlane(KubernetesClient client, String ns, String name, boolean withKcp) {
    if (withKcp) {
      createKamajiControlPlane(client, ns, name);
    }
    createTenantControlPlane(client, ns, name);
  }

  private static void createKamajiControlPlane(KubernetesClient client, String ns, String name) {
    GenericKubernetesResource kcp = new GenericKubernetesResource();
    kcp.setApiVersion("controlplane.cluster.x-k8s.io/v1alpha1");
    kcp.setKind("KamajiControlPlane");
    kcp.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(name).withNamespace(ns).build());
    kcp.setAdditionalProperty("spec", Map.of("version", "v1.33.2", "replicas", 2, "dataStoreName", "default"));
    client.genericKubernetesResources(KCP).inNamespace(ns).resource(kcp).create();
  }

  private static void createTenantControlPlane(KubernetesClient client, String ns, String name) {
    GenericKubernetesResource tcp = new GenericKubernetesResource();
    tcp.setApiVersion("kamaji.clastix.io/v1alpha1");
    tcp.setKind("TenantControlPlane");
    tcp.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(name).withNamespace(ns).build());
    tcp.setAdditionalProperty("spec", Map.of(
        "controlPlane", Map.of("deployment", Map.of("replicas", 2), "service", Map.of("serviceType", "LoadBalancer")),
        "kubernetes", Map.of("version", "v1.33.2", "kubelet", Map.of("cgroupfs", "systemd")),
        "dataStore", "default"));
    client.genericKubernetesResources(TCP).inNamespace(ns).resource(tcp).create();
  }

  /** Writes an object's status through the status subresource, as the controllers do. */
  private static void writeStatus(KubernetesClient client, ResourceDefinitionContext rdc, String ns, String name,
      Map<String, Object> status) {
    GenericKubernetesResource r = client.genericKubernetesResources(rdc).inNamespace(ns).withName(name).get();
    r.setAdditionalProperty("status", status);
    client.genericKubernetesResources(rdc).inNamespace(ns).resource(r).updateStatus();
  }

  private static long generation(KubernetesClient client, String ns, String name) {
    return client.genericKubernetesResources(TCP).inNamespace(ns).withName(name).get().getMetadata().getGeneration();
  }

  /** The Deployment part of the status; the CRD requires its name, namespace and selector. */
  private static Map<String, Object> deployment(String ns, String name, int ready) {
    return Map.of("name", name, "namespace", ns, "selector", "kamaji.clastix.io/name=" + name,
        "replicas", 2, "readyReplicas", ready, "updatedReplicas", 2, "availableReplicas", ready);
  }

  private static Map<String, Object> tcpReady(String ns, String name, long generation, String secret) {
    return Map.of("observedGeneration", generation,
        "kubernetesResources", Map.of("version", Map.of("status", "Ready", "version", "v1.33.2"),
            "deployment", deployment(ns, name, 2)),
        "kubeconfig", Map.of("admin", Map.of("secretName", secret)));
  }

  /** The KamajiControlPlane status the provider writes; the CRD requires the replica counts, selector, version. */
  private static Map<String, Object> kcpReady(String name) {
    return Map.of("initialized", true, "ready", true, "externalManagedControlPlane", true, "version", "v1.33.2",
        "replicas", 2, "readyReplicas", 2, "updatedReplicas", 2, "unavailableReplicas", 0,
        "selector", "kamaji.clastix.io/name=" + name);
  }

  @Test
  void theWaitReportsEachStepKamajiTakesAndEndsWhenTheTenantApiAnswers() {
    KubernetesClient client = KubernetesLab.get().newClient();
    String ns = namespace(client, "kamaji-ready-");
    try {
      createControlPlane(client, ns, "prod-control-plane");
      waitThroughKamajisSteps(client, ns, KubernetesLab.get().kubeconfig());
    } finally {
      client.namespaces().withName(ns).delete();
      client.close();
    }
  }

  /**
   * The same wait under a ServiceAccount token bound only to ManagementCluster.leastPrivilegeRole: the SDK
   * applies the KamajiControlPlane (as raw mode does) and reads both objects and the admin Secret with nothing
   * more than the documented Role grants.
   */
  @Test
  void theWaitNeedsNoMoreThanTheDocumentedRole(@TempDir Path dir) throws Exception {
    KubernetesClient client = KubernetesLab.get().newClient();
    String ns = namespace(client, "kamaji-rbac-");
    String name = "prod-control-plane";
    try {
      Path kubeconfig = RoleBoundToken.kubeconfig(client, ns, "sdk", dir);
      try (ManagementCluster sdk = ManagementCluster.builder().kubeconfig(kubeconfig).build()) {
        ApplyResult applied = sdk.apply(ManifestParser.parseLenient("""
            apiVersion: controlplane.cluster.x-k8s.io/v1alpha1
            kind: KamajiControlPlane
            metadata: {name: %s, namespace: %s}
            spec: {version: v1.33.2, replicas: 2, dataStoreName: default}
            """.formatted(name, ns)));
        assertTrue(applied.complete(), applied.toString());
      }
      createControlPlane(client, ns, name, false);
      waitThroughKamajisSteps(client, ns, kubeconfig);
    } finally {
      client.namespaces().withName(ns).delete();
      client.close();
    }
  }

  /** Plays Kamaji step by step while the SDK, with the given kubeconfig, waits for prod-control-plane. */
  private static void waitThroughKamajisSteps(KubernetesClient client, String ns, Path sdkKubeconfig) {
    String name = "prod-control-plane";
    String secret = name + "-admin-kubeconfig";
    String kubeconfigB64 = Base64.getEncoder().encodeToString(
        KubernetesLab.get().kubeconfigYaml().getBytes(StandardCharsets.UTF_8));
    List<ProgressEvent> events = new ArrayList<>();
    List<Runnable> kamaji = List.of(
        // Kamaji starts the tenant's Deployment: version status Provisioning, no pod ready yet.
        () -> writeStatus(client, TCP, ns, name, Map.of("kubernetesResources", Map.of(
            "version", Map.of("status", "Provisioning"),
            "deployment", deployment(ns, name, 0)))),
        // The pods are ready: Kamaji reports Ready and names the admin kubeconfig Secret (written next).
        () -> writeStatus(client, TCP, ns, name, tcpReady(ns, name, generation(client, ns, name), secret)),
        // Kamaji writes the admin kubeconfig Secret (here: the lab's own admin kubeconfig).
        () -> client.secrets().inNamespace(ns).resource(new SecretBuilder().withNewMetadata().withName(secret)
            .withNamespace(ns).endMetadata().addToData(KamajiReadiness.ADMIN_KUBECONFIG_KEY, kubeconfigB64).build())
            .create(),
        // The Kamaji CAPI provider sees the TenantControlPlane ready and marks the KamajiControlPlane.
        () -> writeStatus(client, KCP, ns, name, kcpReady(name)));
    try (ManagementCluster mgmt = ManagementCluster.builder().kubeconfig(sdkKubeconfig).build()) {
      KamajiReadiness done = KamajiWait.awaitUsable(mgmt, ns, "prod",
          WaitOptions.of(o -> o.timeout(Duration.ofMinutes(2)).resyncInterval(Duration.ofMillis(200))),
          e -> {
            events.add(e);
            if (events.size() <= kamaji.size()) {
              kamaji.get(events.size() - 1).run();
            }
          });
      assertTrue(done.usable(), done.toString());
      assertEquals(5, events.size(), events.toString());
      // 1: both objects exist, nothing reported.
      assertTrue(events.get(0).status().exists());
      assertEquals(4, events.get(0).status().conditions().stream().filter(c -> !c.isTrue()).count());
      // 2: provisioning.
      assertEquals("Provisioning", events.get(1).status().phase());
      assertEquals(0, events.get(1).status().controlPlane().ready());
      // 3: Ready, Secret named but absent.
      assertTrue(changed(events.get(2), KamajiReadiness.TENANT_CONTROL_PLANE_READY, "version.status=Ready"));
      assertFalse(events.get(2).status().condition(KamajiReadiness.ADMIN_KUBECONFIG).orElseThrow().isTrue());
      assertTrue(events.get(2).status().condition(KamajiReadiness.ADMIN_KUBECONFIG).orElseThrow().message()
          .contains("Secret " + ns + "/" + secret + " or its key admin.conf does not exist"));
      // 4: the Secret exists and the tenant API (the lab's API server) answers.
      assertTrue(changed(events.get(3), KamajiReadiness.ADMIN_KUBECONFIG, "has key admin.conf"));
      assertTrue(events.get(3).status().condition(KamajiReadiness.TENANT_API).orElseThrow().isTrue());
      assertTrue(events.get(3).changes().contains("workload API: NO_KUBECONFIG -> ANSWERS"),
          events.get(3).changes().toString());
      // 5: the KamajiControlPlane is initialized and ready.
      assertTrue(changed(events.get(4), KamajiReadiness.KAMAJI_CONTROL_PLANE_READY,
          "status.initialized=true, status.ready=true"));
      for (ProgressEvent e : events) {
        assertFalse(e.toString().contains(kubeconfigB64.substring(0, 40)), "the kubeconfig leaked into " + e);
      }
    }
  }

  private static boolean changed(ProgressEvent e, String condition, String seen) {
    return e.changes().stream().anyMatch(l -> l.contains(condition) && l.contains(seen));
  }

  @Test
  void aTimeoutNamesTheMissingSecretAndWhatWasSeen() {
    KubernetesClient client = KubernetesLab.get().newClient();
    String ns = namespace(client, "kamaji-late-");
    String name = "late-control-plane";
    createControlPlane(client, ns, name);
    // Kamaji reports the tenant Ready and names the Secret, the provider marks the KamajiControlPlane ready,
    // but the Secret never appears.
    writeStatus(client, TCP, ns, name, tcpReady(ns, name, generation(client, ns, name), name + "-admin-kubeconfig"));
    writeStatus(client, KCP, ns, name, kcpReady(name));
    try (ManagementCluster mgmt = ManagementCluster.builder().kubeconfig(KubernetesLab.get().kubeconfig()).build()) {
      KamajiWaitTimeoutException e = assertThrows(KamajiWaitTimeoutException.class,
          () -> KamajiWait.awaitControlPlane(mgmt, ns, name,
              WaitOptions.of(o -> o.timeout(Duration.ofSeconds(2)).resyncInterval(Duration.ofMillis(200))),
              ev -> { }));
      assertEquals(List.of(KamajiReadiness.ADMIN_KUBECONFIG, KamajiReadiness.TENANT_API),
          e.missing().stream().map(ReadinessCheck::name).toList());
      assertTrue(e.getMessage().contains("AdminKubeconfigSecret missing (Secret " + ns + "/" + name
          + "-admin-kubeconfig or its key admin.conf does not exist)"), e.getMessage());
      assertTrue(e.getMessage().contains("TenantApiAnswers missing (tenant API no_kubeconfig)"), e.getMessage());
    } finally {
      client.namespaces().withName(ns).delete();
      client.close();
    }
  }
}
