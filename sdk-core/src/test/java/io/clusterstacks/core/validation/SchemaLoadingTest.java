package io.clusterstacks.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.validation.internal.CrdCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The bundled schemas are loaded once per process: one catalogue, and each CRD parsed and compiled at
 * most once, whatever the number of validators, threads and calls.
 */
class SchemaLoadingTest {

  private static final String SET = """
      apiVersion: clusterstack.x-k8s.io/v1alpha1
      kind: ClusterStack
      metadata: {name: s, namespace: cs}
      spec: {provider: openstack, name: scs2, kubernetesVersion: "1.33", noProvider: true, versions: [v1]}
      ---
      apiVersion: infrastructure.cluster.x-k8s.io/v1beta1
      kind: OpenStackMachineTemplate
      metadata: {name: m, namespace: cs}
      spec: {template: {spec: {flavor: SCS-2V-4, image: {filter: {name: ubuntu-capi-image-v1.33.4}}}}}
      ---
      apiVersion: v1
      kind: Secret
      metadata: {name: c, namespace: cs}
      stringData: {clouds.yaml: "clouds: {}"}
      """;

  @Test
  void schemasLoadOnceAcrossValidatorsAndThreads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Boolean>> jobs = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        boolean own = i % 2 == 0;
        jobs.add(() -> (own ? CrdValidator.builder().build() : CrdValidator.strict()).validateYaml(SET).isValid());
      }
      for (Future<Boolean> f : pool.invokeAll(jobs)) {
        assertTrue(f.get());
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(1, CrdCatalog.catalogueCount());
    assertSame(CrdCatalog.get(), CrdCatalog.get());
    CrdCatalog.CrdKind stack = CrdCatalog.get().find("clusterstack.x-k8s.io", "ClusterStack");
    assertSame(stack, CrdCatalog.get().find("clusterstack.x-k8s.io", "ClusterStack"), "compiled once, then shared");
    assertTrue(CrdCatalog.crdLoadCount() <= 30, "each CRD at most once: " + CrdCatalog.crdLoadCount());

    List<CrdCatalog.CrdKind> all = CrdCatalog.get().all();
    assertEquals(30, CrdCatalog.crdLoadCount(), "all 30 CRDs compiled exactly once");
    assertEquals(33, all.size(), "30 CRDs and 3 built-in kinds (Secret, ConfigMap, Namespace)");
    CrdValidator.strict().validateYaml(SET);
    CrdCatalog.get().all();
    assertEquals(30, CrdCatalog.crdLoadCount());
    assertEquals(1, CrdCatalog.catalogueCount());
  }

  @Test
  void everyBundledCrdIsPresent() {
    List<String> kinds = CrdCatalog.get().all().stream().filter(k -> !k.builtIn())
        .map(k -> k.group() + "/" + k.kind()).toList();
    assertEquals(30, kinds.size(), kinds.toString());
    assertTrue(kinds.contains("infrastructure.cluster.x-k8s.io/OpenStackMachineTemplate"));
    assertEquals(List.of("v1beta1"),
        CrdCatalog.get().find("infrastructure.cluster.x-k8s.io", "OpenStackCluster").servedVersions());
  }
}
