package io.clusterstacks.kubernetes.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lab runs no kubelet; these tests show that {@link FakeKubelet} plays the parts the other tests
 * rely on, and that without it the lab behaves as a kubelet-less v1.20 control plane does (so a test
 * using it cannot pass merely because nothing happened).
 */
class FakeKubeletIT {
  private static KubernetesLab lab;
  private static LabHttp h;

  @BeforeAll
  static void lab() {
    lab = KubernetesLab.get();
    h = lab.http();
  }

  private static String ready(String node) {
    for (JsonNode c : h.get("/api/v1/nodes/" + node).ok("get node").json().path("status").path("conditions")) {
      if (c.path("type").asText().equals("Ready")) {
        return c.path("status").asText();
      }
    }
    return "(no Ready condition)";
  }

  private static String taints(String node) {
    return h.get("/api/v1/nodes/" + node).ok("get node").json().path("spec").path("taints").toString();
  }

  /**
   * The controller-manager runs with the default node-monitor-grace-period (40 s): a node whose
   * heartbeats stop turns Ready=Unknown and gets the unreachable taint, while the renewed one stays
   * Ready without taints. Takes about 45 s.
   */
  @Test
  void nodesStayReadyOnlyWhileTheirLeasesAreRenewed() {
    String alive = LabTestSupport.unique("lab-alive");
    String dead = LabTestSupport.unique("lab-dead");
    try (FakeKubelet k = FakeKubelet.builder(h).node(alive, Map.of()).node(dead, Map.of()).runPods(false).start()) {
      k.awaitSchedulable(Duration.ofSeconds(30));
      assertEquals("True", ready(alive));
      assertEquals("True", ready(dead));
      k.stopHeartbeats(dead);
      LabTestSupport.await(Duration.ofSeconds(120), "node " + dead + " Ready=Unknown", () -> ready(dead),
          () -> ready(dead).equals("Unknown"));
      LabTestSupport.await(Duration.ofSeconds(30), "unreachable taint on " + dead, () -> taints(dead),
          () -> taints(dead).contains("node.kubernetes.io/unreachable"));
      assertEquals("True", ready(alive), "the node whose Lease is renewed must stay Ready");
      JsonNode aliveTaints = h.get("/api/v1/nodes/" + alive).ok("get node").json().path("spec").path("taints");
      assertTrue(aliveTaints.isMissingNode() || aliveTaints.isEmpty(),
          "the node whose Lease is renewed must have no taint: " + aliveTaints);
      assertTrue(k.leaseRenewals() >= 4, "renewals: " + k.leaseRenewals());
    }
  }

  private static String pod(String name, String selectorValue, String nodeName) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{"
        + (nodeName == null ? "" : "\"nodeName\":\"" + nodeName + "\",")
        + "\"nodeSelector\":{\"" + FakeKubelet.LABEL + "\":\"" + selectorValue + "\"},"
        + "\"containers\":[{\"name\":\"c\",\"image\":\"registry.invalid/none:1\"}]}}";
  }

  /**
   * A bound pod's graceful deletion (30 s grace) only ends when a kubelet confirms it: with the fake
   * kubelet finishing deletions it is gone at once; with {@code finishDeletions(false)} it is still
   * Terminating 5 s later (and the test force-deletes it). The namespace, pods included, then deletes.
   */
  @Test
  void gracefulDeletionOfBoundPodsIsFinishedByTheFakeKubeletOnly() {
    String ns = LabTestSupport.unique("lab-kubelet");
    String finishing = LabTestSupport.unique("lab-fin");
    String idle = LabTestSupport.unique("lab-idle");
    try (FakeKubelet k = FakeKubelet.builder(h).node(finishing, Map.of()).start();
        FakeKubelet noFinish = FakeKubelet.builder(h).node(idle, Map.of()).finishDeletions(false).start()) {
      LabTestSupport.freshNamespace(h, ns);
      LabTestSupport.awaitDefaultServiceAccount(h, ns);
      String pods = "/api/v1/namespaces/" + ns + "/pods";
      h.send("POST", pods, LabHttp.JSON_TYPE, pod("p1", k.id(), finishing)).ok("create p1");
      h.send("POST", pods, LabHttp.JSON_TYPE, pod("p2", noFinish.id(), idle)).ok("create p2");
      LabTestSupport.await(Duration.ofSeconds(20), "p1 Running", () -> h.get(pods + "/p1").body(),
          () -> h.get(pods + "/p1").json().path("status").path("phase").asText().equals("Running"));

      JsonNode del1 = h.send("DELETE", pods + "/p1", null, (String) null).ok("delete p1").json();
      assertEquals(30, del1.path("metadata").path("deletionGracePeriodSeconds").asInt(), del1.toString());
      h.send("DELETE", pods + "/p2", null, (String) null).ok("delete p2");
      LabTestSupport.await(Duration.ofSeconds(10), "p1 gone", () -> h.get(pods + "/p1").body(),
          () -> h.get(pods + "/p1").status() == 404);
      assertTrue(k.deletionsFinished() >= 1);

      KubernetesLab.sleep(Duration.ofSeconds(5));
      JsonNode p2 = h.get(pods + "/p2").ok("p2 must still be Terminating without a kubelet").json();
      assertTrue(p2.path("metadata").hasNonNull("deletionTimestamp"), p2.toString());
      h.send("DELETE", pods + "/p2", LabHttp.JSON_TYPE, "{\"gracePeriodSeconds\":0}").ok("force-delete p2");

      h.send("POST", pods, LabHttp.JSON_TYPE, pod("p3", k.id(), finishing)).ok("create p3");
      h.send("DELETE", "/api/v1/namespaces/" + ns, null, (String) null).ok("delete namespace");
      LabTestSupport.await(Duration.ofSeconds(90), "namespace " + ns + " gone",
          () -> h.get("/api/v1/namespaces/" + ns).body(), () -> h.get("/api/v1/namespaces/" + ns).status() == 404);
    }
  }

  /** The real scheduler binds a Deployment's pods to the fake kubelet's nodes; they become available. */
  @Test
  void deploymentBecomesAvailableOnFakeNodes() {
    String ns = LabTestSupport.unique("lab-deploy");
    try (FakeKubelet k = FakeKubelet.builder(h).node(LabTestSupport.unique("lab-w1"), Map.of())
        .node(LabTestSupport.unique("lab-w2"), Map.of()).start()) {
      k.awaitSchedulable(Duration.ofSeconds(30));
      LabTestSupport.freshNamespace(h, ns);
      LabTestSupport.awaitDefaultServiceAccount(h, ns);
      String d = "/apis/apps/v1/namespaces/" + ns + "/deployments";
      h.send("POST", d, LabHttp.JSON_TYPE, "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"},"
          + "\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},"
          + "\"spec\":{\"terminationGracePeriodSeconds\":30,\"nodeSelector\":{\"" + FakeKubelet.LABEL + "\":\"" + k.id() + "\"},"
          + "\"containers\":[{\"name\":\"c\",\"image\":\"registry.invalid/none:1\"}]}}}}").ok("create deployment");
      LabTestSupport.await(Duration.ofSeconds(60), "deployment available", () -> h.get(d + "/web").json().path("status").toString(),
          () -> h.get(d + "/web").json().path("status").path("availableReplicas").asInt() == 2);
      for (JsonNode p : h.get("/api/v1/namespaces/" + ns + "/pods").ok("pods").json().path("items")) {
        assertTrue(k.nodes().contains(p.path("spec").path("nodeName").asText()), p.path("spec").toString());
      }
      h.send("DELETE", "/api/v1/namespaces/" + ns, null, (String) null).ok("delete namespace");
      LabTestSupport.await(Duration.ofSeconds(90), "namespace " + ns + " gone",
          () -> h.get("/api/v1/namespaces/" + ns).body(), () -> h.get("/api/v1/namespaces/" + ns).status() == 404);
    }
  }
}
