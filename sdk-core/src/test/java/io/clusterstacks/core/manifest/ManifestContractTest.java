package io.clusterstacks.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.model.FlavorRef;
import io.clusterstacks.core.model.ImageRef;
import io.clusterstacks.core.model.RootDisk;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.model.ServerGroupRef;
import io.clusterstacks.core.model.MachineInputs;
import io.clusterstacks.core.validation.CrdValidator;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract sdk-kubernetes and sdk-lifecycle build on: a stable identity per document, the apply
 * order and the delete plan, and a body given as JSON text and plain maps (no JSON-library types).
 */
class ManifestContractTest {

  private static Manifests topology() {
    return ManifestRenderer.render(Fixtures.scs2().credentials(Fixtures.appCredential())
        .controlPlane(MachineInputs.builder().flavor(FlavorRef.byName("SCS-2V-4-20s")).rootDisk(RootDisk.flavorDisk())
            .serverGroup(ServerGroupRef.known(Fixtures.CP_GROUP))
            .image(ImageRef.orcToCreate(Fixtures.orcImage("ubuntu-2404-kube-v1.34.7"))).build())
        .build());
  }

  private static Manifests raw() {
    return ManifestRenderer.render(Fixtures.scs2().mode(OutputMode.RAW_CAPI).credentials(Fixtures.appCredential())
        .controlPlane(MachineInputs.builder().serverGroup(ServerGroupRef.toCreate("prod-cp", 2)).build()).build());
  }

  private static List<String> kinds(List<DocumentId> ids) {
    return ids.stream().map(DocumentId::kind).toList();
  }

  @Test
  void everyDocumentHasAStableIdentity() {
    Manifests m = topology();
    ManifestDocument cluster = m.ofKind("Cluster").get(0);
    DocumentId id = cluster.id();
    assertEquals("cluster.x-k8s.io", id.group());
    assertEquals("v1beta1", id.version());
    assertEquals("cluster.x-k8s.io/v1beta1", id.apiVersion());
    assertEquals(Optional.of("cluster"), id.namespace());
    assertEquals("prod", id.name());
    assertEquals("cluster.x-k8s.io/v1beta1 Cluster cluster/prod", id.toString());
    assertEquals(id, DocumentId.of("cluster.x-k8s.io/v1beta1", "Cluster", Optional.of("cluster"), "prod"));
    assertEquals(id, topology().ofKind("Cluster").get(0).id(), "the same input gives the same id");
    assertEquals(Optional.of(cluster), m.find(id));
    DocumentId secret = m.ofKind("Secret").get(0).id();
    assertEquals("", secret.group());
    assertEquals("v1", secret.apiVersion());
    assertEquals(m.documents().size(), new HashSet<>(m.ids()).size(), "ids are unique within the manifests");
    DocumentId v1beta2 = id.toBuilder().version("v1beta2").build();
    assertNotEquals(id, v1beta2);
    assertTrue(id.isSameObject(v1beta2), "another served version names the same stored object");
    assertFalse(id.isSameObject(id.toBuilder().namespace("other").build()));
  }

  @Test
  void topologyModeAppliesStacksBeforeTheClusterAndWaitsForTheRelease() {
    List<ApplyStep> steps = topology().applyOrder();
    assertEquals(List.of(ManifestPhase.CONFIGURATION, ManifestPhase.CLUSTER_STACKS, ManifestPhase.SUPPORTING,
        ManifestPhase.CLUSTERS), steps.stream().map(ApplyStep::phase).toList());
    ApplyStep stacks = steps.get(1);
    assertEquals(List.of("ClusterStack"), kinds(stacks.ids()));
    WaitCondition release = stacks.waitFor().orElseThrow();
    assertEquals(WaitCondition.Type.READY, release.type());
    assertEquals(List.of(DocumentId.of("clusterstack.x-k8s.io/v1alpha1", "ClusterStackRelease", Optional.of("cluster"),
        "openstack-scs2-1-34-v2")), release.objects());
    assertEquals(List.of("Secret", "Secret"), kinds(steps.get(0).ids()));
    assertTrue(steps.get(0).waitFor().isEmpty());
    assertEquals(List.of("ClusterResourceSet", "Image"), kinds(steps.get(2).ids()));
    ApplyStep last = steps.get(3);
    assertEquals(List.of("Cluster"), kinds(last.ids()));
    assertEquals(WaitCondition.ready(last.ids()), last.waitFor().orElseThrow());
  }

  @Test
  void rawModeAppliesTheClusterLastThoughItIsRenderedFirst() {
    Manifests m = raw();
    assertTrue(kinds(m.ids()).indexOf("Cluster") < kinds(m.ids()).indexOf("OpenStackCluster"),
        "the renderer writes the Cluster before the objects it refers to");
    List<ApplyStep> steps = m.applyOrder();
    List<DocumentId> flat = new ArrayList<>();
    steps.forEach(s -> flat.addAll(s.ids()));
    assertEquals(new HashSet<>(m.ids()), new HashSet<>(flat), "every document in exactly one step");
    assertEquals(m.ids().size(), flat.size());
    assertEquals("Cluster", flat.get(flat.size() - 1).kind());
    assertEquals(List.of(ManifestPhase.CONFIGURATION, ManifestPhase.SUPPORTING, ManifestPhase.CLUSTER_OWNED,
        ManifestPhase.CLUSTERS), steps.stream().map(ApplyStep::phase).toList());
    assertEquals(List.of("OpenStackCluster", "KubeadmControlPlane", "MachineDeployment"), kinds(steps.get(2).ids()));
    assertTrue(kinds(steps.get(1).ids()).containsAll(List.of("ServerGroup", "OpenStackMachineTemplate",
        "KubeadmConfigTemplate", "ClusterResourceSet")), steps.get(1).toString());
  }

  @Test
  void deletePlanFollowsClusterApiOwnership() {
    List<DeleteStep> steps = raw().deletePlan();
    assertEquals(List.of(ManifestPhase.CLUSTERS, ManifestPhase.CLUSTER_OWNED, ManifestPhase.SUPPORTING,
        ManifestPhase.CONFIGURATION), steps.stream().map(DeleteStep::phase).toList());
    DeleteStep first = steps.get(0);
    assertEquals(List.of("Cluster"), kinds(first.objects()));
    assertEquals(WaitCondition.gone(first.objects()), first.waitFor(), "wait until the Cluster is gone");
    assertTrue(first.reason().contains("re-create") || first.reason().contains("create them again"), first.reason());
    assertTrue(kinds(steps.get(2).objects()).contains("ServerGroup"), "ORC objects after the Cluster");
    assertEquals(List.of("Secret", "Secret"), kinds(steps.get(3).objects()), "credentials last");
    steps.forEach(s -> assertEquals(WaitCondition.gone(s.objects()), s.waitFor()));
  }

  @Test
  void theClusterStackIsDeletedOnlyWhenNoClusterUsesItsClasses() {
    List<DeleteStep> steps = topology().deletePlan();
    assertEquals(List.of(ManifestPhase.CLUSTERS, ManifestPhase.SUPPORTING, ManifestPhase.CLUSTER_STACKS,
        ManifestPhase.CONFIGURATION), steps.stream().map(DeleteStep::phase).toList());
    DeleteStep stack = steps.get(2);
    DeleteGuard guard = stack.guard().orElseThrow();
    assertEquals(DeleteGuard.Type.NO_CLUSTER_USES_CLASSES, guard.type());
    assertEquals(List.of(DocumentId.of("cluster.x-k8s.io/v1beta1", "ClusterClass", Optional.of("cluster"),
        "openstack-scs2-1-34-v2")), guard.classes());
    assertTrue(steps.get(0).guard().isEmpty());
  }

  @Test
  void orderDependsOnKindsNotOnInstalledCrdsNorOnInputOrder() {
    String yaml = """
        apiVersion: cluster.x-k8s.io/v1beta1
        kind: Cluster
        metadata: {name: a, namespace: ns}
        ---
        apiVersion: example.org/v1
        kind: Widget
        metadata: {name: w, namespace: ns}
        ---
        apiVersion: infrastructure.clusterstack.x-k8s.io/v1alpha1
        kind: OpenStackClusterStackReleaseTemplate
        metadata: {name: cspo, namespace: ns}
        ---
        apiVersion: clusterstack.x-k8s.io/v1alpha1
        kind: ClusterStack
        metadata: {name: openstack, namespace: ns}
        spec: {provider: openstack, name: scs, kubernetesVersion: "1.32", channel: custom, versions: [v0-sha.lvlvyfw]}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: ns}
        """;
    Manifests m = ManifestParser.parseLenient(yaml);
    List<ApplyStep> apply = m.applyOrder();
    assertEquals(List.of("Namespace", "OpenStackClusterStackReleaseTemplate", "ClusterStack", "Widget", "Cluster"),
        apply.stream().flatMap(s -> kinds(s.ids()).stream()).toList(), "the CSPO template before the stack naming it");
    assertEquals("openstack-scs-1-32-v0-sha-lvlvyfw", apply.get(1).waitFor().orElseThrow().objects().get(0).name(),
        "the release name uses '-' where the class name has '.'");
    List<DeleteStep> delete = m.deletePlan();
    assertEquals(List.of("Cluster", "Widget", "ClusterStack", "OpenStackClusterStackReleaseTemplate", "Namespace"),
        delete.stream().flatMap(s -> kinds(s.objects()).stream()).toList());
    assertEquals("openstack-scs-1-32-v0-sha.lvlvyfw", delete.get(2).guard().orElseThrow().classes().get(0).name());
    assertEquals(DeleteGuard.Type.NAMESPACE_EMPTY, delete.get(3).guard().orElseThrow().type());
    assertEquals(ManifestPhase.SUPPORTING, ManifestPhase.of("example.org", "Widget"));
    assertEquals(ManifestPhase.SUPPORTING, ManifestPhase.of("cluster.x-k8s.io", "ClusterClass"));
    assertEquals(ManifestPhase.CLUSTER_OWNED, ManifestPhase.of("controlplane.cluster.x-k8s.io", "KamajiControlPlane"));
    assertEquals(ManifestPhase.SUPPORTING, ManifestPhase.of("controlplane.cluster.x-k8s.io", "KamajiControlPlaneTemplate"));
  }

  @Test
  void theBodyIsJsonTextAndAnUnmodifiableMapThatRoundTrip() {
    for (ManifestDocument d : raw().documents()) {
      assertEquals(d, ManifestDocument.fromJson(d.toJson()), d.toString());
      assertEquals(d, ManifestDocument.of(d.toMap()), d.toString());
      assertEquals(d, ManifestDocument.fromYaml(d.toYaml()), d.toString());
      assertFalse(d.toJson().contains("\n"), "compact JSON is one line");
    }
    ManifestDocument md = raw().ofKind("MachineDeployment").get(0);
    Map<String, Object> map = md.toMap();
    assertThrows(UnsupportedOperationException.class, () -> map.put("x", 1));
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = (Map<String, Object>) map.get("spec");
    assertThrows(UnsupportedOperationException.class, () -> spec.remove("replicas"));
    assertEquals(3L, spec.get("replicas"), "integers are Longs");
    assertEquals(md.toJson(), raw().ofKind("MachineDeployment").get(0).toJson(), "deterministic");
  }

  @Test
  void documentsFromMapsAreCheckedAndCopied() {
    Map<String, Object> meta = new LinkedHashMap<>(Map.of("name", "a", "namespace", "b"));
    Map<String, Object> obj = new LinkedHashMap<>();
    obj.put("apiVersion", "v1");
    obj.put("kind", "ConfigMap");
    obj.put("metadata", meta);
    obj.put("data", Map.of("k", "v"));
    ManifestDocument d = ManifestDocument.of(obj);
    meta.put("name", "changed");
    assertEquals("a", d.name(), "the map is copied");
    assertEquals(DocumentId.of("v1", "ConfigMap", Optional.of("b"), "a"), d.id());
    assertTrue(CrdValidator.strict().validate(d).isValid());
    obj.put("when", new Object());
    obj.put("ratio", Double.NaN);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> ManifestDocument.of(obj));
    assertEquals(List.of("object.when", "object.ratio"), e.problems().stream().map(p -> p.path()).toList());
  }

  @Test
  void singleDocumentReadersRefuseWhatIsNotOneObject() {
    assertThrows(InvalidInputException.class, () -> ManifestDocument.fromJson("{\"a\": 1, \"a\": 2}"));
    assertThrows(InvalidInputException.class, () -> ManifestDocument.fromJson("{\"a\": 1} {\"b\": 2}"));
    assertThrows(InvalidInputException.class, () -> ManifestDocument.fromJson("[1]"));
    assertThrows(InvalidInputException.class, () -> ManifestDocument.fromJson(null));
    assertThrows(InvalidInputException.class, () -> ManifestDocument.fromYaml("a: 1\n---\nb: 2\n"));
    InvalidInputException secret = assertThrows(InvalidInputException.class,
        () -> ManifestDocument.fromJson("{\"stringData\": {\"password\": s3cr3t-token}}"));
    assertFalse(secret.getMessage().contains("s3cr3t"), secret.getMessage());
  }

  @Test
  void noJsonLibraryTypeInThePublicApi() {
    List<String> leaks = new ArrayList<>();
    for (Class<?> c : List.of(Manifests.class, ManifestDocument.class, DocumentId.class, ApplyStep.class,
        DeleteStep.class, DeleteGuard.class, WaitCondition.class, ManifestPhase.class, ManifestParser.class,
        ParsedManifests.class, ParsedDocument.class, ManifestRenderer.class, CrdValidator.class,
        CrdValidator.Builder.class)) {
      for (Method method : c.getMethods()) {
        if (!Modifier.isPublic(method.getModifiers()) || method.getDeclaringClass() == Object.class) {
          continue;
        }
        List<Type> types = new ArrayList<>(List.of(method.getGenericParameterTypes()));
        types.add(method.getGenericReturnType());
        for (Type t : types) {
          if (t.getTypeName().contains("com.fasterxml") || t.getTypeName().contains("tools.jackson")) {
            leaks.add(c.getSimpleName() + "." + method.getName() + ": " + t.getTypeName());
          }
        }
      }
    }
    assertEquals(List.of(), leaks);
  }
}
