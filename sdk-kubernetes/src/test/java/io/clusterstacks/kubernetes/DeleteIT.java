package io.clusterstacks.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Deleting along the delete plan against the lab's real API server and controller-manager (its garbage
 * collector removes owned objects). No CAPI controller runs: the test plays its part by putting CAPI's
 * finalizer {@code cluster.cluster.x-k8s.io} on the Cluster and removing it later, as CAPI does once the
 * infrastructure is gone, and by giving an object an ownerReference to the Cluster, as CAPI does for
 * the objects a Cluster owns.
 */
class DeleteIT {

  static final String FINALIZER = "cluster.cluster.x-k8s.io";

  static String plan(String ns) {
    return Lab.join(Lab.clusterStackYaml(ns, "scs2-1-34", "stable"),
        Lab.secretYaml(ns, "openstack", "clouds.yaml", "clouds: {}"),
        Lab.configMapYaml(ns, "owned-by-cluster", Map.of("a", "1")),
        Lab.configMapYaml(ns, "standalone", Map.of("b", "2")),
        Lab.clusterYaml(ns, "c1"));
  }

  static void addFinalizer(String ns) {
    Lab.admin().genericKubernetesResources(Lab.CLUSTER).inNamespace(ns).withName("c1")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"finalizers\":[\"" + FINALIZER + "\"]}}");
  }

  static void removeFinalizer(String ns) {
    Lab.admin().genericKubernetesResources(Lab.CLUSTER).inNamespace(ns).withName("c1")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"finalizers\":null}}");
  }

  static void ownByCluster(String ns, String configMap) {
    GenericKubernetesResource c = Lab.get(Lab.CLUSTER, ns, "c1");
    Lab.admin().configMaps().inNamespace(ns).withName(configMap).edit(cm -> {
      cm.getMetadata().setOwnerReferences(List.of(new OwnerReferenceBuilder().withApiVersion("cluster.x-k8s.io/v1beta1")
          .withKind("Cluster").withName("c1").withUid(c.getMetadata().getUid()).build()));
      return cm;
    });
  }

  @Test
  void followsThePlanWaitsForFinalizersAndLeavesOwnedObjectsToTheGarbageCollector() throws Exception {
    String ns = Lab.namespace("delete-plan");
    ApplyIT.Recorder rec = new ApplyIT.Recorder();
    try (ManagementCluster mc = Lab.connect(rec)) {
      var m = Lab.manifests(plan(ns));
      mc.apply(m).orThrow();
      addFinalizer(ns);
      ownByCluster(ns, "owned-by-cluster");
      rec.clear();

      CompletableFuture<DeleteResult> deleting = CompletableFuture.supplyAsync(() ->
          mc.delete(m, DeleteOptions.of(o -> o.timeout(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)))));
      // The Cluster is deleting but held by its finalizer; nothing else was touched meanwhile.
      for (int i = 0; i < 50 && Lab.get(Lab.CLUSTER, ns, "c1").getMetadata().getDeletionTimestamp() == null; i++) {
        Thread.sleep(100);
      }
      Thread.sleep(1500);
      assertNotNull(Lab.get(Lab.CLUSTER, ns, "c1").getMetadata().getDeletionTimestamp());
      assertFalse(deleting.isDone());
      assertNotNull(Lab.admin().secrets().inNamespace(ns).withName("openstack").get(), "credentials stay until the Cluster is gone");
      assertNotNull(Lab.admin().configMaps().inNamespace(ns).withName("standalone").get());
      assertNotNull(Lab.get(Lab.CLUSTER_STACK, ns, "scs2-1-34"));

      removeFinalizer(ns);
      DeleteResult r = deleting.get(60, TimeUnit.SECONDS);
      // The order is sdk-core's delete plan: the Cluster first, the ClusterStack once no Cluster uses it,
      // Secrets and ConfigMaps (credentials) last.
      List<String> planned = new java.util.ArrayList<>();
      m.deletePlan().forEach(step -> step.objects().forEach(id -> planned.add(id.kind() + "/" + id.name())));
      assertEquals(planned, r.outcomes().stream().map(o -> o.object().kind() + "/" + o.object().name()).toList());
      assertEquals("Cluster/c1", planned.get(0));
      assertTrue(planned.indexOf("Secret/openstack") > planned.indexOf("ClusterStack/scs2-1-34"), planned.toString());
      assertEquals(DeleteVerdict.DELETED, r.verdictOf("Cluster", "c1"));
      assertEquals(DeleteVerdict.REMOVED_BY_OWNER, r.verdictOf("ConfigMap", "owned-by-cluster"));
      assertEquals(DeleteVerdict.DELETED, r.verdictOf("ConfigMap", "standalone"));
      assertEquals(DeleteVerdict.DELETED, r.verdictOf("Secret", "openstack"));
      assertEquals(DeleteVerdict.DELETED, r.verdictOf("ClusterStack", "scs2-1-34"));
      assertNull(Lab.admin().configMaps().inNamespace(ns).withName("owned-by-cluster").get(),
          "removed by the real garbage collector (kube-controller-manager), never by a DELETE of the SDK");
      List<String> deletes = rec.requests.stream().filter(q -> q.method().equals("DELETE"))
          .map(q -> q.pathAndQuery().replaceAll("^.*/namespaces/" + ns + "/", "")).toList();
      List<String> expected = planned.stream().filter(x -> !x.equals("ConfigMap/owned-by-cluster"))
          .map(x -> x.toLowerCase(java.util.Locale.ROOT).replace("/", "s/")).toList();
      assertEquals(expected, deletes, "one DELETE per object not owned by another, in plan order");
    }
  }

  @Test
  void keepsAClusterStackThatAnotherClusterUses() {
    String ns = Lab.namespace("delete-inuse");
    try (ManagementCluster mc = Lab.connect()) {
      mc.apply(Lab.manifests(Lab.clusterYaml(ns, "other"))).orThrow();
      var m = Lab.manifests(Lab.join(Lab.clusterStackYaml(ns, "scs2-1-34", "stable"), Lab.clusterYaml(ns, "c1")));
      mc.apply(m).orThrow();
      DeleteResult r = mc.delete(m, DeleteOptions.of(o -> o.timeout(Duration.ofMinutes(1))));
      assertEquals(DeleteVerdict.DELETED, r.verdictOf("Cluster", "c1"));
      assertEquals(DeleteVerdict.KEPT_IN_USE, r.verdictOf("ClusterStack", "scs2-1-34"));
      assertTrue(r.toString().contains("used by Cluster/" + ns + "/other"), r.toString());
      assertNotNull(Lab.get(Lab.CLUSTER_STACK, ns, "scs2-1-34"));
    }
  }

  @Test
  void reportsWhatRemainsAtTheTimeout() {
    String ns = Lab.namespace("delete-timeout");
    try (ManagementCluster mc = Lab.connect()) {
      var m = Lab.manifests(plan(ns));
      mc.apply(m).orThrow();
      addFinalizer(ns);
      DeleteTimeoutException e = assertThrows(DeleteTimeoutException.class, () -> mc.delete(m,
          DeleteOptions.of(o -> o.timeout(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(200)))));
      assertEquals(1, e.remaining().size());
      RemainingObject c = e.remaining().get(0);
      assertEquals("Cluster", c.object().kind());
      assertTrue(c.deleting());
      assertEquals(List.of(FINALIZER), c.finalizers());
      assertTrue(e.getMessage().contains("Cluster/" + ns + "/c1 (deleting, finalizers [" + FINALIZER + "])"),
          e.getMessage());
      assertEquals(DeleteVerdict.NOT_ATTEMPTED, e.result().verdictOf("Secret", "openstack"));
      assertNotNull(Lab.admin().secrets().inNamespace(ns).withName("openstack").get());
      removeFinalizer(ns);
    }
  }
}
