package io.clusterstacks.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Server-side apply against the lab's real kube-apiserver v1.20.2.
 *
 * <p>Where 1.20 differs from current Kubernetes: server-side apply is beta there (GA in 1.22); there is
 * no server-side field validation (1.25+), so unknown fields of custom resources are pruned silently
 * instead of rejected; CEL rules ({@code x-kubernetes-validations}) are dropped from CRDs; no admission
 * webhooks run (CAPI's and CSO's defaulting and validating webhooks are absent), so only the CRD schema
 * rejects objects.
 */
class ApplyIT {

  /** Every request the SDK sends, as the observer sees it. */
  static final class Recorder implements RequestObserver {
    final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void onRequest(Request request) {
      requests.add(request);
    }

    List<Request> patches() {
      synchronized (requests) {
        return requests.stream().filter(r -> r.method().equals("PATCH")).toList();
      }
    }

    void clear() {
      requests.clear();
    }
  }

  @Test
  void applyTwiceSendsTheSameRequestsAndReportsUnchanged() {
    String ns = Lab.namespace("apply-twice");
    var m = Lab.manifests(Lab.join(Lab.clusterStackYaml(ns, "scs2-1-34", "stable"),
        Lab.secretYaml(ns, "openstack", "clouds.yaml", "clouds: {}"), Lab.clusterYaml(ns, "c1"),
        Lab.configMapYaml(ns, "cm", Map.of("a", "1"))));
    Recorder rec = new Recorder();
    try (ManagementCluster mc = Lab.connect(rec)) {
      ApplyResult first = mc.apply(m);
      assertTrue(first.complete(), first.toString());
      assertEquals(List.of(Verdict.CREATED, Verdict.CREATED, Verdict.CREATED, Verdict.CREATED),
          first.outcomes().stream().map(ObjectOutcome::verdict).toList());
      List<RequestObserver.Request> firstPatches = rec.patches();
      assertEquals(4, firstPatches.size());
      Map<String, String> rvBefore = resourceVersions(ns);
      Map<String, Object> secretBefore = withoutWriteStamps(Lab.admin().secrets().inNamespace(ns).withName("openstack").get());
      rec.clear();

      ApplyResult second = mc.apply(m);
      assertTrue(second.unchanged(), second.toString());
      assertEquals(firstPatches, rec.patches(), "the second apply sends byte-identical PATCH requests");
      assertTrue(firstPatches.get(0).pathAndQuery().contains("fieldManager=" + ManagementCluster.FIELD_MANAGER));
      // kubernetes#95460 (a no-op apply bumps resourceVersion for CRDs with int32 fields) does not reproduce
      // on this build: the ClusterStack and the Cluster (int32 apiServerPort) keep theirs.
      Map<String, String> rvAfter = resourceVersions(ns);
      assertEquals(rvBefore.get("ClusterStack"), rvAfter.get("ClusterStack"));
      assertEquals(rvBefore.get("Cluster"), rvAfter.get("Cluster"));
      // The Secret, given as write-only stringData, gets a new resourceVersion from the server although the
      // request was byte-identical (above) and nothing but the write stamps changed: that is the server,
      // and the SDK's verdict (unchanged) is the true one.
      assertEquals(secretBefore, withoutWriteStamps(Lab.admin().secrets().inNamespace(ns).withName("openstack").get()));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> withoutWriteStamps(io.fabric8.kubernetes.api.model.Secret s) {
    Map<String, Object> m = Lab.admin().getKubernetesSerialization().convertValue(s, Map.class);
    Map<String, Object> md = new LinkedHashMap<>((Map<String, Object>) m.get("metadata"));
    md.remove("resourceVersion");
    md.remove("managedFields");
    m.put("metadata", md);
    return m;
  }

  private static Map<String, String> resourceVersions(String ns) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("ClusterStack", Lab.get(Lab.CLUSTER_STACK, ns, "scs2-1-34").getMetadata().getResourceVersion());
    out.put("Cluster", Lab.get(Lab.CLUSTER, ns, "c1").getMetadata().getResourceVersion());
    out.put("Secret", Lab.admin().secrets().inNamespace(ns).withName("openstack").get().getMetadata()
        .getResourceVersion());
    return out;
  }

  @Test
  void aFieldRemovedFromThePlanIsRemovedOnTheServer() {
    String ns = Lab.namespace("apply-remove");
    try (ManagementCluster mc = Lab.connect()) {
      mc.apply(Lab.manifests(Lab.join(Lab.configMapYaml(ns, "cm", Map.of("keep", "1", "drop", "2")),
          Lab.clusterStackYaml(ns, "scs2-1-34", "custom")))).orThrow();
      assertEquals("2", Lab.admin().configMaps().inNamespace(ns).withName("cm").get().getData().get("drop"));

      ApplyResult r = mc.apply(Lab.manifests(Lab.join(Lab.configMapYaml(ns, "cm", Map.of("keep", "1")),
          Lab.clusterStackYaml(ns, "scs2-1-34", "custom").replace("  channel: custom\n", "")))).orThrow();
      assertEquals(List.of(Verdict.CONFIGURED, Verdict.CONFIGURED),
          r.outcomes().stream().map(ObjectOutcome::verdict).toList());
      assertEquals(Map.of("keep", "1"), Lab.admin().configMaps().inNamespace(ns).withName("cm").get().getData());
      // The field left the plan, so its owner (the SDK) gave it up; the CRD default comes back.
      Object spec = Lab.get(Lab.CLUSTER_STACK, ns, "scs2-1-34").getAdditionalProperties().get("spec");
      assertEquals("stable", ((Map<?, ?>) spec).get("channel"));
    }
  }

  @Test
  void anotherManagersFieldIsAConflictWithFieldAndManagerAndForceTakesIt() {
    String ns = Lab.namespace("apply-conflict");
    ConfigMap theirs = new ConfigMapBuilder().withNewMetadata().withName("cm").withNamespace(ns).endMetadata()
        .addToData("owned", "theirs").build();
    Lab.admin().configMaps().inNamespace(ns).resource(theirs).fieldManager("other-manager").serverSideApply();
    var ours = Lab.manifests(Lab.configMapYaml(ns, "cm", Map.of("owned", "ours", "mine", "x")));
    try (ManagementCluster mc = Lab.connect()) {
      ApplyResult r = mc.apply(ours);
      assertEquals(Verdict.REJECTED, r.outcomes().get(0).verdict());
      ApplyConflictException e = assertInstanceOf(ApplyConflictException.class,
          r.outcomes().get(0).rejection().orElseThrow());
      assertEquals(409, e.code());
      assertEquals(List.of(".data.owned"), e.conflicts().stream().map(ApplyConflictException.FieldConflict::field)
          .toList());
      assertEquals("other-manager", e.conflicts().get(0).manager());
      assertTrue(e.getMessage().contains(".data.owned (owned by other-manager)"), e.getMessage());
      assertEquals("theirs", Lab.admin().configMaps().inNamespace(ns).withName("cm").get().getData().get("owned"));
      ApplyFailedException failed = assertThrows(ApplyFailedException.class, r::orThrow);
      assertEquals(e, failed.getCause());

      ApplyResult forced = mc.apply(ours, ApplyOptions.of(o -> o.force(true))).orThrow();
      assertEquals(Verdict.CONFIGURED, forced.outcomes().get(0).verdict());
      ConfigMap now = Lab.admin().configMaps().inNamespace(ns).withName("cm").get();
      assertEquals("ours", now.getData().get("owned"));
      String managers = now.getMetadata().getManagedFields().stream().map(ManagedFieldsEntry::getManager)
          .collect(Collectors.joining(","));
      assertTrue(managers.contains(ManagementCluster.FIELD_MANAGER), managers);
    }
  }

  @Test
  void anInvalidObjectIsTheServers422WithEveryCauseAndItsFieldPath() {
    String ns = Lab.namespace("apply-invalid");
    String bad = """
        apiVersion: clusterstack.x-k8s.io/v1alpha1
        kind: ClusterStack
        metadata:
          name: bad
          namespace: %s
        spec:
          provider: openstack
          kubernetesVersion: "134"
          channel: beta
        """.formatted(ns);
    try (ManagementCluster mc = Lab.connect()) {
      ApplyResult r = mc.apply(Lab.manifests(bad));
      InvalidObjectException e = assertInstanceOf(InvalidObjectException.class,
          r.rejected().get(0).rejection().orElseThrow());
      assertEquals(422, e.code());
      assertEquals("Invalid", e.reason());
      Map<String, String> byField = new LinkedHashMap<>();
      e.causes().forEach(c -> byField.put(c.field(), c.reason()));
      assertEquals(Map.of("spec.channel", "FieldValueNotSupported", "spec.kubernetesVersion", "FieldValueInvalid",
          "spec.name", "FieldValueRequired"), byField, e.causes().toString());
      for (KubernetesApiException.Cause c : e.causes()) {
        assertTrue(e.getMessage().contains(c.field() + ": "), "the message names " + c.field());
      }
      assertNull(Lab.get(Lab.CLUSTER_STACK, ns, "bad"));
    }
  }

  @Test
  void theThirdOfSixRejectedReportsAppliedRejectedAndNotAttempted() {
    String ns = Lab.namespace("apply-six");
    // Six objects whose order the manifest contract keeps: configuration, ClusterStacks, Clusters.
    var m = Lab.manifests(Lab.join(
        Lab.configMapYaml(ns, "one", Map.of("a", "1")),
        Lab.secretYaml(ns, "two", "k", "v"),
        Lab.clusterStackYaml(ns, "three", "beta"),
        Lab.clusterStackYaml(ns, "four", "stable"),
        Lab.clusterYaml(ns, "five"),
        Lab.clusterYaml(ns, "six")));
    assertEquals(List.of("one", "two", "three", "four", "five", "six"), m.applyOrder().stream()
        .flatMap(s -> s.documents().stream()).map(d -> d.name()).toList());
    try (ManagementCluster mc = Lab.connect()) {
      ApplyResult r = mc.apply(m);
      assertEquals(List.of(Verdict.CREATED, Verdict.CREATED, Verdict.REJECTED, Verdict.NOT_ATTEMPTED,
          Verdict.NOT_ATTEMPTED, Verdict.NOT_ATTEMPTED), r.outcomes().stream().map(ObjectOutcome::verdict).toList());
      assertEquals(List.of("one", "two"), r.applied().stream().map(o -> o.object().name()).toList());
      assertEquals("three", r.rejected().get(0).object().name());
      assertInstanceOf(InvalidObjectException.class, r.rejected().get(0).rejection().orElseThrow());
      assertEquals(List.of("four", "five", "six"), r.notAttempted().stream().map(o -> o.object().name()).toList());
      assertFalse(r.complete());
      ApplyFailedException e = assertThrows(ApplyFailedException.class, r::orThrow);
      assertTrue(e.getMessage().startsWith("apply stopped at the first rejected object: 2 applied, 1 rejected,"
          + " 3 not attempted."), e.getMessage());
      // What the server has is exactly what the result says.
      assertTrue(Lab.admin().configMaps().inNamespace(ns).withName("one").get() != null);
      assertTrue(Lab.admin().secrets().inNamespace(ns).withName("two").get() != null);
      assertNull(Lab.get(Lab.CLUSTER_STACK, ns, "four"));
      assertNull(Lab.get(Lab.CLUSTER, ns, "five"));
      assertNull(Lab.get(Lab.CLUSTER, ns, "six"));
    }
  }

  @Test
  void aDryRunChangesNothing() {
    String ns = Lab.namespace("apply-dry");
    try (ManagementCluster mc = Lab.connect()) {
      ApplyResult dry = mc.apply(Lab.manifests(Lab.join(Lab.configMapYaml(ns, "cm", Map.of("a", "1")),
          Lab.clusterYaml(ns, "c1"))), ApplyOptions.of(o -> o.dryRun(true))).orThrow();
      assertTrue(dry.dryRun());
      assertEquals(List.of(Verdict.CREATED, Verdict.CREATED), dry.outcomes().stream().map(ObjectOutcome::verdict)
          .toList());
      assertNull(Lab.admin().configMaps().inNamespace(ns).withName("cm").get());
      assertNull(Lab.get(Lab.CLUSTER, ns, "c1"));

      mc.apply(Lab.manifests(Lab.configMapYaml(ns, "cm", Map.of("a", "1")))).orThrow();
      String rv = Lab.admin().configMaps().inNamespace(ns).withName("cm").get().getMetadata().getResourceVersion();
      ApplyResult change = mc.apply(Lab.manifests(Lab.configMapYaml(ns, "cm", Map.of("a", "2"))),
          ApplyOptions.of(o -> o.dryRun(true))).orThrow();
      assertEquals(Verdict.CONFIGURED, change.outcomes().get(0).verdict());
      ConfigMap after = Lab.admin().configMaps().inNamespace(ns).withName("cm").get();
      assertEquals("1", after.getData().get("a"));
      assertEquals(rv, after.getMetadata().getResourceVersion());

      // The dry run is checked by the server like a real apply: an invalid object is a 422 there too.
      ApplyResult invalid = mc.apply(Lab.manifests(Lab.clusterStackYaml(ns, "x", "beta")),
          ApplyOptions.of(o -> o.dryRun(true)));
      assertInstanceOf(InvalidObjectException.class, invalid.rejected().get(0).rejection().orElseThrow());
    }
  }

  /**
   * v1.20 has no server-side field validation (1.25+): a create prunes unknown fields of a custom resource
   * silently, but a server-side apply of one is refused with HTTP 500 "field not declared in schema"
   * (current Kubernetes answers 400/422 with fieldValidation=Strict). The SDK reports it as a rejection
   * that names the field and points at sdk-core's strict offline validator.
   */
  @Test
  void onV120AnUnknownFieldIsA500ForServerSideApplyAndPrunedByCreate() {
    String ns = Lab.namespace("apply-unknown");
    String withUnknown = Lab.clusterStackYaml(ns, "p", "stable") + "  notAField: true\n";
    try (ManagementCluster mc = Lab.connect()) {
      ApplyResult r = mc.apply(Lab.manifests(withUnknown));
      KubernetesApiException e = r.rejected().get(0).rejection().orElseThrow();
      assertEquals(500, e.code());
      assertTrue(e.getMessage().contains(".spec.notAField: field not declared in schema"), e.getMessage());
      assertTrue(e.getMessage().contains("CrdValidator"), e.getMessage());
    }
    Lab.admin().resource(withUnknown).create();
    GenericKubernetesResource stored = Lab.get(Lab.CLUSTER_STACK, ns, "p");
    assertFalse(((Map<?, ?>) stored.getAdditionalProperties().get("spec")).containsKey("notAField"),
        "a create on 1.20 drops the unknown field silently");
  }
}
