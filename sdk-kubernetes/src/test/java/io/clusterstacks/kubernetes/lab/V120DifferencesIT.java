package io.clusterstacks.kubernetes.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where the lab's Kubernetes v1.20.2 differs from current Kubernetes for what drains and placement rely
 * on, recorded against the real server so that a test built on the lab cannot mistake v1.20 behaviour for
 * today's: Eviction is {@code policy/v1beta1} only ({@code policy/v1} came in 1.21), a Pending pod is evicted
 * whatever its PodDisruptionBudget says, and topology spread constraints know neither {@code minDomains}
 * (1.24) nor {@code matchLabelKeys} / {@code nodeAffinityPolicy} (1.25/1.26): v1.20 drops them from a pod
 * silently (no server-side field validation before 1.25).
 */
class V120DifferencesIT {
  private static LabHttp h;
  private static String ns;

  @BeforeAll
  static void lab() {
    h = KubernetesLab.get().http();
    ns = LabTestSupport.unique("lab-v120");
    LabTestSupport.freshNamespace(h, ns);
    LabTestSupport.awaitDefaultServiceAccount(h, ns);
  }

  @Test
  void evictionIsPolicyV1beta1Only() {
    assertEquals(404, h.get("/apis/policy/v1").status(), "policy/v1 is not served by v1.20");
    JsonNode eviction = null;
    for (JsonNode r : h.get("/api/v1").ok("discover v1").json().path("resources")) {
      if (r.path("name").asText().equals("pods/eviction")) {
        eviction = r;
      }
    }
    assertTrue(eviction != null, "the pods/eviction subresource is served");
    assertEquals("policy", eviction.path("group").asText(), eviction.toString());
    assertEquals("v1beta1", eviction.path("version").asText(), eviction.toString());
  }

  @Test
  void aPendingPodIsEvictedWhateverItsDisruptionBudgetSays() {
    h.send("POST", "/apis/policy/v1beta1/namespaces/" + ns + "/poddisruptionbudgets", LabHttp.JSON_TYPE, """
        {"apiVersion":"policy/v1beta1","kind":"PodDisruptionBudget","metadata":{"name":"keep-all"},
         "spec":{"minAvailable":1,"selector":{"matchLabels":{"app":"pending"}}}}""").ok("create the PodDisruptionBudget");
    h.send("POST", "/api/v1/namespaces/" + ns + "/pods", LabHttp.JSON_TYPE, """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"pending","labels":{"app":"pending"}},
         "spec":{"nodeSelector":{"no-such-node":"x"},"containers":[{"name":"c","image":"registry.invalid/none:1"}]}}""")
        .ok("create a pod no node can take");
    assertEquals("Pending", h.get("/api/v1/namespaces/" + ns + "/pods/pending").ok("get pod").json()
        .path("status").path("phase").asText());
    LabHttp.Response evicted = h.send("POST", "/api/v1/namespaces/" + ns + "/pods/pending/eviction",
        LabHttp.JSON_TYPE, """
        {"apiVersion":"policy/v1beta1","kind":"Eviction","metadata":{"name":"pending","namespace":"%s"}}"""
        .formatted(ns));
    assertEquals(201, evicted.status(), "minAvailable 1 of 1 pod, yet the Pending pod is evicted: " + evicted.body());
  }

  @Test
  void topologySpreadFieldsNewerThanV120AreDroppedSilently() {
    LabHttp.Response created = h.send("POST", "/api/v1/namespaces/" + ns + "/pods", LabHttp.JSON_TYPE, """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"spread","labels":{"app":"spread"}},
         "spec":{"topologySpreadConstraints":[{"maxSkew":1,"topologyKey":"topology.kubernetes.io/zone",
           "whenUnsatisfiable":"DoNotSchedule","labelSelector":{"matchLabels":{"app":"spread"}},
           "minDomains":3,"matchLabelKeys":["pod-template-hash"],"nodeAffinityPolicy":"Honor"}],
          "nodeSelector":{"no-such-node":"x"},"containers":[{"name":"c","image":"registry.invalid/none:1"}]}}""");
    assertEquals(201, created.status(), "no field validation on v1.20: " + created.body());
    JsonNode constraint = created.json().path("spec").path("topologySpreadConstraints").path(0);
    assertEquals(1, constraint.path("maxSkew").asInt(), constraint.toString());
    assertFalse(constraint.has("minDomains"), "minDomains (1.24+) is dropped: " + constraint);
    assertFalse(constraint.has("matchLabelKeys"), "matchLabelKeys (1.25+) is dropped: " + constraint);
    assertFalse(constraint.has("nodeAffinityPolicy"), "nodeAffinityPolicy (1.26+) is dropped: " + constraint);
    assertTrue(created.headers().firstValue("Warning").isEmpty(), "and without a warning (1.25+ would warn)");
  }
}
