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

/** The bundled schemas are loaded once per process, whatever the number of validators and threads. */
class SchemaLoadingTest {

  private static final String STACK = """
      apiVersion: clusterstack.x-k8s.io/v1alpha1
      kind: ClusterStack
      metadata: {name: s, namespace: cs}
      spec: {provider: openstack, name: scs2, kubernetesVersion: "1.33", noProvider: true, versions: [v1]}
      """;

  @Test
  void schemasLoadOnceAcrossValidatorsAndThreads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Boolean>> jobs = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        boolean own = i % 2 == 0;
        jobs.add(() -> (own ? CrdValidator.builder().build() : CrdValidator.strict()).validateYaml(STACK).isValid());
      }
      for (Future<Boolean> f : pool.invokeAll(jobs)) {
        assertTrue(f.get());
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(1, CrdCatalog.loadCount());
    assertSame(CrdCatalog.get(), CrdCatalog.get());
    assertEquals(1, CrdCatalog.loadCount());
  }

  @Test
  void everyBundledCrdIsPresentWithoutDescriptions() {
    List<String> kinds = CrdCatalog.get().all().stream().filter(k -> !k.builtIn())
        .map(k -> k.group() + "/" + k.kind()).toList();
    assertEquals(21, kinds.size(), kinds.toString());
    assertTrue(kinds.contains("infrastructure.cluster.x-k8s.io/OpenStackMachineTemplate"));
    assertEquals(List.of("v1beta1"),
        CrdCatalog.get().find("infrastructure.cluster.x-k8s.io", "OpenStackCluster").servedVersions());
  }
}
