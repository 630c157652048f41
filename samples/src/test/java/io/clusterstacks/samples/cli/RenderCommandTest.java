package io.clusterstacks.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterstacks.core.cloud.CloudProfiles;
import io.clusterstacks.core.validation.CrdValidator;
import io.clusterstacks.core.validation.ValidationReport;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** {@code clusterstacks render}: only the manifests, validated, in YAML, JSON or as a table. */
class RenderCommandTest {

  @Test
  void yamlByDefaultOnlyManifestsAndNoticesOnStandardError() {
    CliRun run = CliRun.of("render");
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().startsWith("---\napiVersion: "), run.out());
    ValidationReport report = CrdValidator.strict().validateYaml(run.out());
    assertTrue(report.isValid(), report.summary());
    assertTrue(report.documents().stream().anyMatch(d -> d.kind().equals("MachineDeployment")), report.summary());
    assertTrue(run.err().contains("note: WARNING RAW_MODE_NO_ADDONS"), run.toString());
  }

  @Test
  void sameManifestsAsThePlanCommand() {
    String planOut = CliRun.of("plan").out();
    String yaml = CliRun.of("render").out();
    assertTrue(planOut.contains(yaml), "plan prints the same YAML render does");
  }

  @Test
  void jsonIsAListOfObjects() throws IOException {
    CliRun run = CliRun.of("render", "-o", "json", "--workers", "2");
    assertEquals(0, run.exitCode(), run.toString());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertTrue(json.isArray());
    JsonNode md = null;
    for (JsonNode doc : json) {
      if (doc.path("kind").asText().equals("MachineDeployment")) {
        md = doc;
      }
    }
    assertTrue(md != null, run.out());
    assertEquals(2, md.at("/spec/replicas").asInt());
  }

  @Test
  void tableListsEachObject() {
    CliRun run = CliRun.of("render", "--output", "table", "--workers", "0");
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().startsWith("API VERSION"), run.out());
    assertTrue(run.out().contains("KubeadmControlPlane"), run.out());
    assertTrue(!run.out().contains("MachineDeployment"), run.out());
  }

  @Test
  void generalPurposeUbuntuInstallsKubernetesAtBoot() {
    CliRun run = CliRun.of("render", "--image-strategy", "ubuntu");
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("kubeadm=1.34.7-*"), run.out());
    assertTrue(CrdValidator.strict().validateYaml(run.out()).isValid());
  }

  @Test
  void imageStrategyOptionsReachTheStrategy() {
    CliRun noble = CliRun.of("render", "--image-strategy", "ubuntu");
    CliRun jammy = CliRun.of("render", "--image-strategy", "ubuntu", "--image-option", "release=22.04");
    assertEquals(0, jammy.exitCode(), jammy.toString());
    assertTrue(noble.out().contains(glanceIdOf("Ubuntu 24.04")), noble.out());
    assertTrue(jammy.out().contains(glanceIdOf("Ubuntu 22.04")), jammy.out());
    CliRun typo = CliRun.of("render", "--image-strategy", "ubuntu", "--image-option", "releas=22.04");
    assertEquals(ClusterStacksCli.EXIT_INVALID_INPUT, typo.exitCode(), typo.toString());
    assertTrue(typo.err().contains("unknown option(s) [releas]"), typo.toString());
  }

  /** The Glance ID of an image of the bundled reference profile. */
  private static String glanceIdOf(String name) {
    return CloudProfiles.bundled("scs-reference").image(name).orElseThrow().id();
  }

  @Test
  void topologyWithoutServerGroupIdsPrintsNothingAndExitsTwo() {
    CliRun run = CliRun.of("render", "--mode", "topology");
    assertEquals(ClusterStacksCli.EXIT_INVALID_INPUT, run.exitCode(), run.toString());
    assertEquals("", run.out());
    assertTrue(run.err().contains("--server-group-id"), run.toString());
  }

  @Test
  void topologyModeRendersTheClusterStackWithTheCluster() {
    CliRun run = CliRun.of("render", "--mode", "topology", "--server-group-id",
        "cluster-control-plane=2a1e6b9c-5d0e-4a47-9d7e-0c6f4a1b2c3d", "--server-group-id",
        "cluster-md-0=7b2f0c1d-3e4a-4b5c-8d6e-9f0a1b2c3d4e", "-o", "table");
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("ClusterStack"), run.out());
    assertTrue(run.out().contains("openstack-scs2-1-34"), run.out());
  }

  @Test
  void anAllowedSwitchRendersRawCapiManifests() {
    CliRun run = CliRun.of("render", "--mode", "topology", "--image-strategy", "ubuntu", "--allow-raw-switch");
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("kind: KubeadmControlPlane"), run.out());
    assertTrue(run.out().contains("kubeadm=1.34.7-*"), run.out());
    assertTrue(CrdValidator.strict().validateYaml(run.out()).isValid());
  }
}
