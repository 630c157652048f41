package io.clusterstacks.kubernetes.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterstacks.kubernetes.lab.FakeCapiController.Replicas;
import io.clusterstacks.kubernetes.lab.FakeCapiController.Stage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link FakeCapiController}'s status writes are accepted by the real API server as written: the
 * stored status equals the written one (nothing pruned by the CRDs' structural schemas, so every
 * field it writes is one the CRD declares), and a shape the schema forbids is refused with 422.
 */
class FakeCapiControllerIT {
  private static final String NS = LabTestSupport.unique("lab-capi");
  private static LabHttp h;
  private static FakeCapiController capi;

  @BeforeAll
  static void setUp() {
    h = KubernetesLab.get().http();
    capi = new FakeCapiController(h);
    LabTestSupport.freshNamespace(h, NS);
  }

  @AfterAll
  static void cleanUp() {
    if (h != null) {
      h.send("DELETE", "/api/v1/namespaces/" + NS, null, (String) null);
    }
  }

  private static void createCluster(String name) {
    h.send("POST", "/apis/cluster.x-k8s.io/v1beta1/namespaces/" + NS + "/clusters", LabHttp.JSON_TYPE,
        "{\"apiVersion\":\"cluster.x-k8s.io/v1beta1\",\"kind\":\"Cluster\",\"metadata\":{\"name\":\"" + name + "\"},"
            + "\"spec\":{\"controlPlaneEndpoint\":{\"host\":\"192.0.2.10\",\"port\":6443}}}").ok("create Cluster " + name);
  }

  @Test
  void everyClusterStageIsStoredAsWritten() throws Exception {
    createCluster("stages");
    Replicas cp = Replicas.of(3, 0);
    Replicas workers = Replicas.of(2, 0);
    for (Stage s : Stage.values()) {
      Replicas c = s.compareTo(Stage.CONTROL_PLANE_READY) >= 0 ? Replicas.of(3, 3) : cp;
      Replicas w = s == Stage.AVAILABLE ? Replicas.of(2, 2) : workers;
      JsonNode stored = capi.writeCluster(NS, "stages", s, c, w);
      JsonNode written = FakeCapiController.clusterStatus(s, c, w, stored.path("metadata").path("generation").asLong(),
          Instant.now(), stored.path("status"));
      // Compared as parsed text: a long written and an int read back are different Jackson nodes.
      assertEquals(LabHttp.JSON.readTree(written.toString()), stored.path("status"),
          "stage " + s + ": the server stored something else");
    }
    JsonNode st = h.get(FakeCapiController.clusterPath(NS, "stages")).ok("get").json().path("status");
    assertEquals("Failed", st.path("phase").asText());
  }

  @Test
  void aConditionKeepsItsTransitionTimeWhileItsStatusStays() throws Exception {
    createCluster("times");
    capi.writeCluster(NS, "times", Stage.PROVISIONING, Replicas.of(1, 0), Replicas.of(1, 0));
    String before = infraTime(h.get(FakeCapiController.clusterPath(NS, "times")).json());
    Thread.sleep(1100);
    JsonNode after = capi.writeCluster(NS, "times", Stage.PROVISIONING, Replicas.of(1, 0), Replicas.of(1, 0));
    assertEquals(before, infraTime(after));
    JsonNode changed = capi.writeCluster(NS, "times", Stage.INFRASTRUCTURE_READY, Replicas.of(1, 0), Replicas.of(1, 0));
    assertTrue(infraTime(changed).compareTo(before) > 0, infraTime(changed) + " vs " + before);
  }

  private static String infraTime(JsonNode cluster) {
    for (JsonNode c : cluster.path("status").path("v1beta2").path("conditions")) {
      if (c.path("type").asText().equals("InfrastructureReady")) {
        return c.path("lastTransitionTime").asText();
      }
    }
    throw new AssertionError("no InfrastructureReady condition: " + cluster.path("status"));
  }

  @Test
  void theServerRefusesAStatusOutsideTheSchema() {
    createCluster("bad");
    ObjectNode status = FakeCapiController.clusterStatus(Stage.PENDING, Replicas.of(1, 0), Replicas.of(1, 0), 1,
        Instant.now(), LabHttp.object());
    status.put("phase", "Bogus");
    AssertionError e = assertThrows(AssertionError.class,
        () -> capi.writeStatus(FakeCapiController.clusterPath(NS, "bad"), status));
    assertTrue(e.getMessage().contains("HTTP 422") && e.getMessage().contains("status.phase"), e.getMessage());
  }

  @Test
  void machineDeploymentAndClusterStackStatusAreStoredAsWritten() {
    h.send("POST", "/apis/cluster.x-k8s.io/v1beta1/namespaces/" + NS + "/machinedeployments", LabHttp.JSON_TYPE,
        "{\"apiVersion\":\"cluster.x-k8s.io/v1beta1\",\"kind\":\"MachineDeployment\",\"metadata\":{\"name\":\"md\"},"
            + "\"spec\":{\"clusterName\":\"c\",\"selector\":{\"matchLabels\":{\"a\":\"b\"}},\"template\":{\"metadata\":{\"labels\":{\"a\":\"b\"}},"
            + "\"spec\":{\"clusterName\":\"c\",\"bootstrap\":{\"dataSecretName\":\"s\"},"
            + "\"infrastructureRef\":{\"apiVersion\":\"infrastructure.cluster.x-k8s.io/v1beta1\",\"kind\":\"OpenStackMachineTemplate\",\"name\":\"t\"}}}}}")
        .ok("create MachineDeployment");
    JsonNode md = capi.writeMachineDeployment(NS, "md", new Replicas(3, 2, 1, 1, 1));
    assertEquals("ScalingUp", md.path("status").path("phase").asText());
    assertEquals(1, md.path("status").path("v1beta2").path("upToDateReplicas").asInt());
    assertEquals(1, md.path("status").path("unavailableReplicas").asInt());
    h.send("POST", "/apis/clusterstack.x-k8s.io/v1alpha1/namespaces/" + NS + "/clusterstacks", LabHttp.JSON_TYPE,
        "{\"apiVersion\":\"clusterstack.x-k8s.io/v1alpha1\",\"kind\":\"ClusterStack\",\"metadata\":{\"name\":\"openstack-scs-1-30\"},"
            + "\"spec\":{\"provider\":\"openstack\",\"name\":\"scs\",\"kubernetesVersion\":\"1.30\",\"versions\":[\"v1\"]}}")
        .ok("create ClusterStack");
    JsonNode cs = capi.writeClusterStack(NS, "openstack-scs-1-30", true, List.of("openstack-scs-1-30-v1"));
    assertEquals("done", cs.path("status").path("summary").path(0).path("phase").asText());
    assertEquals("True", cs.path("status").path("conditions").path(0).path("status").asText());
  }
}
