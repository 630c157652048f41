package io.clusterstacks.kamaji;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.validation.CrdValidator;
import io.clusterstacks.core.validation.ValidationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The names sdk-kamaji emits are the ones the upstream CRDs serve and the API server accepts. */
class KamajiTest {

  private static final Path CRDS = Path.of(System.getProperty("clusterstacks.shared.dir", "../../shared"), "crds");

  @Test
  void apiVersionsAreServedByTheUpstreamCrds() throws Exception {
    assertServes("controlplane.cluster.x-k8s.io/kamajicontrolplane.yaml", Kamaji.CONTROL_PLANE_GROUP,
        Kamaji.CONTROL_PLANE_API_VERSION);
    assertServes("kamaji.clastix.io/datastore.yaml", Kamaji.KAMAJI_GROUP, Kamaji.KAMAJI_API_VERSION);
  }

  private static void assertServes(String crd, String group, String apiVersion) throws Exception {
    String text = Files.readString(CRDS.resolve(crd));
    assertTrue(apiVersion.startsWith(group + "/"), apiVersion + " is in group " + group);
    assertTrue(text.contains("group: " + group), crd + " defines group " + group);
    String version = apiVersion.substring(group.length() + 1);
    assertTrue(text.contains("name: " + version), crd + " serves " + version);
  }

  @Test
  void hypervisorLabelPassesTheSdksStrictLabelKeyRule() {
    // sdk-core's strict validator holds label keys to the API server's qualified-name rule; the control
    // (an underscore in the prefix) shows the rule is applied
    assertTrue(labelled(Kamaji.HYPERVISOR_LABEL).isValid(), () -> labelled(Kamaji.HYPERVISOR_LABEL).summary());
    assertFalse(labelled("topology_clusterstacks.io/hypervisor").isValid());
  }

  private static ValidationReport labelled(String key) {
    return CrdValidator.strict().validateYaml(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: n\n  labels:\n    " + key + ": hv-1\n");
  }
}
