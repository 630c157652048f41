package io.clusterstacks.kamaji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The names sdk-kamaji emits are the ones the upstream CRDs serve. */
class KamajiTest {

  private static final Path CRDS = Path.of(System.getProperty("clusterstacks.shared.dir", "../../shared"), "crds");

  @Test
  void apiVersionsAreServedByTheUpstreamCrds() throws Exception {
    String kcp = Files.readString(CRDS.resolve("controlplane.cluster.x-k8s.io/kamajicontrolplane.yaml"));
    String ds = Files.readString(CRDS.resolve("kamaji.clastix.io/datastore.yaml"));
    assertTrue(kcp.contains("group: " + Kamaji.CONTROL_PLANE_GROUP), "KamajiControlPlane's group");
    assertTrue(ds.contains("group: " + Kamaji.KAMAJI_GROUP), "DataStore's group");
    assertEquals(Kamaji.CONTROL_PLANE_GROUP + "/v1alpha1", Kamaji.CONTROL_PLANE_API_VERSION);
    assertTrue(kcp.contains("name: v1alpha1"), "KamajiControlPlane serves v1alpha1");
    assertTrue(ds.contains("name: v1alpha1"), "DataStore serves v1alpha1");
  }

  @Test
  void hypervisorLabelIsAValidQualifiedLabelKey() {
    // prefix: a DNS subdomain of at most 253 characters; name: at most 63, alphanumeric ends
    String[] parts = Kamaji.HYPERVISOR_LABEL.split("/");
    assertEquals(2, parts.length);
    assertTrue(parts[0].matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*") && parts[0].length() <= 253);
    assertTrue(parts[1].matches("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?") && parts[1].length() <= 63);
  }
}
